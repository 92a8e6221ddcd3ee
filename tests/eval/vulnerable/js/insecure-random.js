'use strict';
// Security values drawn from Math.random().
const crypto = require('crypto');

function resetToken() {
  const token = Math.random().toString(36).slice(2); // vuln: insecure-random
  return token;
}

function issueOtp(user) {
  user.otp = Math.floor(100000 + Math.random() * 900000); // vuln: insecure-random
  return user.otp;
}

function newSession(req) {
  req.session.sessionId = Math.random().toString(16).substring(2) + Date.now(); // vuln: insecure-random
}

function apiKey() {
  let key = '';
  for (let i = 0; i < 32; i++) key += 'abcdef0123456789'[Math.floor(Math.random() * 16)]; // vuln: insecure-random
  return key;
}

const csrfToken = () => String(Math.random()).slice(2); // vuln: insecure-random

function inviteCode() {
  return { inviteCode: (Math.random() * 1e9).toFixed(0) }; // vuln: insecure-random
}

function salt() {
  const saltValue = crypto.pseudoRandomBytes(16); // vuln: insecure-random
  return saltValue;
}

// --- near misses ------------------------------------------------------------------------------

function resetTokenSafe() {
  const token = crypto.randomBytes(32).toString('hex'); // safe: insecure-random
  return token;
}

function jitter(attempt) {
  return 2 ** attempt * 100 + Math.random() * 100; // safe: insecure-random
}

function pickColour(colours) {
  return colours[Math.floor(Math.random() * colours.length)]; // safe: insecure-random
}

function sessionIdSafe() {
  const sessionId = crypto.randomUUID(); // safe: insecure-random
  return sessionId;
}

module.exports = { resetToken, issueOtp, newSession, apiKey, csrfToken, inviteCode, salt,
  resetTokenSafe, jitter, pickColour, sessionIdSafe };
