'use strict';
// XML uploads parsed with external entities resolved (libxmljs).
const libxmljs = require('libxmljs');
const libxml = require('libxmljs2');

function importFeed(req, res) {
  const doc = libxmljs.parseXml(req.body, { noent: true }); // vuln: xml-entities
  res.json(doc.root().name());
}

function importInvoice(req, res) {
  const doc = libxml.parseXmlString(req.body.toString(), { noent: true, dtdload: true }); // vuln: xml-entities
  res.json(doc.root().name());
}

function importHuge(req, res) {
  const doc = libxmljs.parseXml(req.body, { huge: true, noent: true, nonet: false }); // vuln: xml-entities
  res.json(doc.childNodes().length);
}

// --- near misses ------------------------------------------------------------------------------

function importFeedSafe(req, res) {
  const doc = libxmljs.parseXml(req.body, { noent: false, nonet: true }); // safe: xml-entities
  res.json(doc.root().name());
}

function importPlain(req, res) {
  const doc = libxmljs.parseXml(req.body); // safe: xml-entities
  res.json(doc.root().name());
}

module.exports = { importFeed, importInvoice, importHuge, importFeedSafe, importPlain };
