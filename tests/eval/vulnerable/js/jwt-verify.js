'use strict';
// Token checks that skip verifying the JWT (jsonwebtoken).
const jwt = require('jsonwebtoken');

const SECRET = process.env.JWT_SECRET;

function currentUser(req, res, next) {
  const token = (req.headers.authorization || '').replace('Bearer ', '');
  req.user = jwt.decode(token); // vuln: jwt-verify-disabled
  next();
}

function isAdmin(req) {
  const claims = jwt.verify(req.cookies.jwt, SECRET, { algorithms: ['HS256', 'none'] }); // vuln: jwt-verify-disabled
  return claims.admin === true;
}

function sessionUser(req) {
  return jwt.verify(req.cookies.session, SECRET, { ignoreExpiration: true }).sub; // vuln: jwt-verify-disabled
}

function tenantOf(req) {
  const { payload } = jwt.decode(req.get('X-Token'), { complete: true }); // vuln: jwt-verify-disabled
  return payload.tenant;
}

function noneAlg(req) {
  return jwt.verify(req.query.token, '', { algorithms: ['none'] }); // vuln: jwt-verify-disabled
}

// --- near misses ------------------------------------------------------------------------------

function currentUserSafe(req, res, next) {
  const token = (req.headers.authorization || '').replace('Bearer ', '');
  req.user = jwt.verify(token, SECRET, { algorithms: ['HS256'] }); // safe: jwt-verify-disabled
  next();
}

function issue(userId) {
  return jwt.sign({ sub: userId }, SECRET, { algorithm: 'HS256', expiresIn: '15m' }); // safe: jwt-verify-disabled
}

module.exports = { currentUser, isAdmin, sessionUser, tenantOf, noneAlg, currentUserSafe, issue };
