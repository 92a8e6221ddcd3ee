'use strict';
// Handlers that evaluate text that came from the client.
const vm = require('vm');

function calculate(req, res) {
  res.send(String(eval(req.query.expr))); // vuln: code-eval
}

function makeFilter(req) {
  return new Function('row', 'return ' + req.body.where); // vuln: code-eval
}

function schedule(req, res) {
  setTimeout('notify("' + req.body.user + '")', 1000); // vuln: code-eval
  res.sendStatus(202);
}

function poll(req) {
  return setInterval(`refresh(${req.query.id})`, 5000); // vuln: code-eval
}

function runPlugin(req, res) {
  const result = vm.runInNewContext(req.body.source, { console }); // vuln: code-eval
  res.json({ result });
}

function parseSettings(body) {
  return eval('(' + body + ')'); // vuln: code-eval
}

function compileRule(req) {
  const check = Function('value', req.body.rule); // vuln: code-eval
  return check;
}

function sortKey(req) {
  const expr = req.query.key;
  return globalThis.eval(expr); // vuln: code-eval
}

function template(req, res) {
  const fn = new Function('ctx', 'with (ctx) { return `' + req.body.template + '`; }'); // vuln: code-eval
  res.send(fn({ user: req.user }));
}

function runScript(req) {
  return new vm.Script(req.body.code).runInThisContext(); // vuln: code-eval
}

// --- near misses ------------------------------------------------------------------------------

function parseSettingsSafe(body) {
  return JSON.parse(body); // safe: code-eval
}

function scheduleSafe(req, res) {
  setTimeout(() => notify(req.body.user), 1000); // safe: code-eval
  res.sendStatus(202);
}

function evaluate(model, batch) {
  return model.evaluate(batch); // safe: code-eval
}

function describe() {
  return 'eval() and new Function() are not used here'; // safe: code-eval
}

function noop() {
  return Function.prototype; // safe: code-eval
}

function notify(user) { return user; }
function refresh(id) { return id; }

module.exports = { calculate, makeFilter, schedule, poll, runPlugin, parseSettings, compileRule,
  sortKey, template, runScript, parseSettingsSafe, scheduleSafe, evaluate, describe, noop };
