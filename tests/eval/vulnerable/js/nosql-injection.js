'use strict';
// MongoDB and Mongoose queries built from request data.
const mongoose = require('mongoose');

const User = mongoose.model('User', new mongoose.Schema({ name: String, age: Number }));

async function findUser(req, res, db) {
  const user = await db.collection('users').findOne({ $where: "this.name == '" + req.query.name + "'" }); // vuln: nosql-injection
  res.json(user);
}

async function olderThan(req, res) {
  res.json(await User.find({ $where: `this.age > ${req.query.age}` })); // vuln: nosql-injection
}

async function login(req, res) {
  // A JSON body such as {"password": {"$ne": null}} matches any user.
  const user = await User.findOne({ name: req.body.name, password: req.body.password }); // vuln: nosql-injection
  res.json(Boolean(user));
}

async function search(req, res, db) {
  res.json(await db.collection('products').find(req.body.filter).toArray()); // vuln: nosql-injection
}

async function byExpression(req, res) {
  const docs = await User.where('$where', 'function() { return ' + req.body.expr + '; }'); // vuln: nosql-injection
  res.json(docs);
}

async function countMatching(req, res, db) {
  const n = await db.collection('posts').countDocuments({ $where: `this.tags.includes('${req.query.tag}')` }); // vuln: nosql-injection
  res.json(n);
}

// --- near misses ------------------------------------------------------------------------------

async function findUserSafe(req, res) {
  res.json(await User.findOne({ name: String(req.query.name) })); // safe: nosql-injection
}

async function olderThanSafe(req, res) {
  res.json(await User.find({ age: { $gt: Number(req.query.age) } })); // safe: nosql-injection
}

async function active(req, res) {
  res.json(await User.find({ $where: 'this.lastLogin > this.created' })); // safe: nosql-injection
}

module.exports = { findUser, olderThan, login, search, byExpression, countMatching, findUserSafe,
  olderThanSafe, active };
