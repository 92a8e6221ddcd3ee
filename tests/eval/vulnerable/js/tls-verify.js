'use strict';
// Outbound calls that switch TLS certificate checks off.
const https = require('https');
const tls = require('tls');
const axios = require('axios');

process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // vuln: tls-verify-disabled

const insecureAgent = new https.Agent({ rejectUnauthorized: false }); // vuln: tls-verify-disabled

async function fetchAvatar(req, res) {
  const { data } = await axios.get(req.query.url, { httpsAgent: new https.Agent({ rejectUnauthorized: false }) }); // vuln: tls-verify-disabled
  res.send(data);
}

function callPartner(req, res) {
  https.get(req.query.endpoint, { rejectUnauthorized: false }, (r) => r.pipe(res)); // vuln: tls-verify-disabled
}

function connectBroker(host) {
  return tls.connect({ host, port: 8883, rejectUnauthorized: false }); // vuln: tls-verify-disabled
}

function request(options) {
  return https.request({ ...options, checkServerIdentity: () => undefined }); // vuln: tls-verify-disabled
}

// --- near misses ------------------------------------------------------------------------------

const strictAgent = new https.Agent({ rejectUnauthorized: true }); // safe: tls-verify-disabled

function connectBrokerSafe(host, ca) {
  return tls.connect({ host, port: 8883, ca }); // safe: tls-verify-disabled
}

function localDev() {
  if (process.env.NODE_ENV === 'test') return { rejectUnauthorized: process.env.CA_STRICT !== '0' }; // safe: tls-verify-disabled
  return {};
}

module.exports = { insecureAgent, fetchAvatar, callPartner, connectBroker, request, strictAgent,
  connectBrokerSafe, localDev };
