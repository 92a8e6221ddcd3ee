'use strict';
// Files written to fixed, guessable names in the shared temporary directory.
const fs = require('fs');
const os = require('os');
const path = require('path');

function saveUpload(req, res) {
  const file = '/tmp/upload-' + req.query.user + '.csv'; // vuln: temp-file
  fs.writeFileSync(file, req.body);
  res.send(file);
}

function cache(data) {
  fs.writeFileSync(path.join(os.tmpdir(), 'app-cache.json'), JSON.stringify(data)); // vuln: temp-file
}

// --- near misses ------------------------------------------------------------------------------

function saveUploadSafe(req, res) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upload-')); // safe: temp-file
  fs.writeFileSync(path.join(dir, 'data.csv'), req.body);
  res.sendStatus(201);
}

module.exports = { saveUpload, cache, saveUploadSafe };
