'use strict';
// HTML rendered from templates with escaping switched off.
const Handlebars = require('handlebars');
const Mustache = require('mustache');
const nunjucks = require('nunjucks');
const ejs = require('ejs');

nunjucks.configure('views', { autoescape: false }); // vuln: template-autoescape

const page = Handlebars.compile('<h1>{{title}}</h1>', { noEscape: true }); // vuln: template-autoescape

Mustache.escape = (text) => text; // vuln: template-autoescape

const env = new nunjucks.Environment(new nunjucks.FileSystemLoader('views'), { autoescape: false }); // vuln: template-autoescape

function profile(req, res) {
  res.send(ejs.render('<p><%- name %></p>', { name: req.query.name })); // vuln: template-autoescape
}

function comment(req, res) {
  res.send(Handlebars.compile('<div>{{{body}}}</div>')({ body: req.body.text })); // vuln: template-autoescape
}

// --- near misses ------------------------------------------------------------------------------

nunjucks.configure('views', { autoescape: true }); // safe: template-autoescape

function profileSafe(req, res) {
  res.send(ejs.render('<p><%= name %></p>', { name: req.query.name })); // safe: template-autoescape
}

const escaped = Handlebars.compile('<h1>{{title}}</h1>'); // safe: template-autoescape

module.exports = { page, env, profile, comment, profileSafe, escaped };
