'use strict';
// Express handlers that run shell commands built from request data.
const child_process = require('child_process');
const { exec, execSync, spawn, execFile } = require('child_process');
const util = require('util');

const execAsync = util.promisify(exec);

function ping(req, res) {
  exec('ping -c 1 ' + req.query.host, (err, stdout) => res.send(stdout)); // vuln: command-injection
}

function archive(req, res) {
  const out = execSync(`tar czf /srv/backups/${req.body.name}.tgz /srv/data`); // vuln: command-injection
  res.send(out);
}

function convert(req, res) {
  const child = spawn('convert ' + req.body.src + ' out.png', { shell: true }); // vuln: command-injection
  child.on('close', (code) => res.json({ code }));
}

async function lookup(req, res) {
  const { stdout } = await execAsync(`nslookup ${req.params.domain}`); // vuln: command-injection
  res.send(stdout);
}

function grepLogs(req, res) {
  child_process.exec( // vuln: command-injection
    "grep -r '" + req.query.q + "' /var/log/app",
    { maxBuffer: 1 << 20 },
    (err, stdout) => res.send(stdout),
  );
}

function gitShow(req, res) {
  const ref = req.query.ref;
  res.send(child_process.execSync('git show ' + ref).toString()); // vuln: command-injection
}

function runScript(req, res) {
  const child = spawn('sh', ['-c', req.body.script]); // vuln: command-injection
  child.stdout.pipe(res);
}

function diskUsage(req, res) {
  execFile('du', ['-sh', req.query.path], { shell: true }, (err, out) => res.send(out)); // vuln: command-injection
}

// --- near misses ------------------------------------------------------------------------------

function pingSafe(req, res) {
  execFile('ping', ['-c', '1', req.query.host], (err, stdout) => res.send(stdout)); // safe: command-injection
}

function uptime(req, res) {
  res.send(execSync('uptime').toString()); // safe: command-injection
}

function convertSafe(req, res) {
  const child = spawn('convert', [req.body.src, 'out.png']); // safe: command-injection
  child.on('close', (code) => res.json({ code }));
}

function matches(re, text) {
  return re.exec(text); // safe: command-injection
}

module.exports = { ping, archive, convert, lookup, grepLogs, gitShow, runScript, diskUsage,
  pingSafe, uptime, convertSafe, matches };
