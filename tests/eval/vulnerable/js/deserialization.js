'use strict';
// Session and job payloads deserialized with formats that can run code.
const serialize = require('node-serialize');
const funcster = require('funcster');
const { unserialize } = require('php-serialize');

function restoreSession(req, res) {
  const session = serialize.unserialize(Buffer.from(req.cookies.session, 'base64').toString()); // vuln: deserialization
  res.json(session.user);
}

function importJob(req, res) {
  const job = funcster.deepDeserialize(req.body.job); // vuln: deserialization
  res.json({ id: job.id });
}

function legacyCart(req, res) {
  // php-serialize builds plain objects unless classes are passed as its second argument (the
  // scope): no application class is instantiated, so no code runs.
  const cart = unserialize(req.body.cart); // safe: deserialization
  res.json(cart);
}

function reviveState(req, res) {
  const state = JSON.parse(req.body.state, (key, value) => (typeof value === 'string' && value.startsWith('function') ? eval('(' + value + ')') : value)); // vuln: deserialization, code-eval
  res.json(Object.keys(state));
}

// --- near misses ------------------------------------------------------------------------------

function restoreSessionSafe(req, res) {
  const session = JSON.parse(Buffer.from(req.cookies.session, 'base64').toString()); // safe: deserialization
  res.json(session.user);
}

function saveSession(session) {
  return serialize.serialize(session); // safe: deserialization
}

module.exports = { restoreSession, importJob, legacyCart, reviveState, restoreSessionSafe, saveSession };
