'use strict';
// YAML uploads: js-yaml 3's load() with the full schema builds functions and regexps.
const yaml = require('js-yaml');

function importConfig(req, res) {
  const config = yaml.load(req.body, { schema: yaml.DEFAULT_FULL_SCHEMA }); // vuln: yaml-load
  res.json(config);
}

function importPipeline(req, res) {
  const docs = yaml.loadAll(req.body, null, { schema: yaml.DEFAULT_FULL_SCHEMA }); // vuln: yaml-load
  res.json(docs.length);
}

function importFull(req, res) {
  res.json(yaml.load(req.body.text, { schema: require('js-yaml-js-types').all })); // vuln: yaml-load
}

// --- near misses ------------------------------------------------------------------------------

function importConfigSafe(req, res) {
  res.json(yaml.safeLoad(req.body)); // safe: yaml-load
}

function importCore(req, res) {
  res.json(yaml.load(req.body, { schema: yaml.CORE_SCHEMA })); // safe: yaml-load
}

function exportConfig(config) {
  return yaml.dump(config); // safe: yaml-load
}

module.exports = { importConfig, importPipeline, importFull, importConfigSafe, importCore, exportConfig };
