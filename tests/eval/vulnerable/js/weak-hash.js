'use strict';
// Password storage with weak hashes.
const crypto = require('crypto');

async function register(req, res, db) {
  const hash = crypto.createHash('md5').update(req.body.password).digest('hex'); // vuln: weak-hash
  await db.saveUser(req.body.email, hash);
  res.sendStatus(201);
}

function checkPassword(user, password) {
  return user.passwordHash === crypto.createHash('sha1').update(password).digest('hex'); // vuln: weak-hash
}

function resetToken(user) {
  // A token made from public data is guessable whatever the digest: predictability, not a weak
  // hash, so no weak-hash mark (as in python/weak_hash.py).
  return crypto.createHash('md5').update(`${user.id}:${user.email}`).digest('hex');
}

function sign(payload, key) {
  // HMAC-MD5 is not broken as a MAC (RFC 6151 §2.3).
  return crypto.createHmac('md5', key).update(payload).digest('hex'); // safe: weak-hash
}

// --- near misses ------------------------------------------------------------------------------

function etag(body) {
  return crypto.createHash('sha256').update(body).digest('base64'); // safe: weak-hash
}

function hashPasswordSafe(password, salt) {
  return crypto.scryptSync(password, salt, 64); // safe: weak-hash
}

module.exports = { register, checkPassword, resetToken, sign, etag, hashPasswordSafe };
