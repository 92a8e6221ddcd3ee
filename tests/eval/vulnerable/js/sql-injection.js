'use strict';
// Express handlers that build SQL from request data (pg, mysql, knex, sequelize).
const { Pool } = require('pg');
const mysql = require('mysql');
const knex = require('knex')({ client: 'pg' });
const { Sequelize, QueryTypes } = require('sequelize');

const pool = new Pool();
const conn = mysql.createConnection({});
const sequelize = new Sequelize('postgres://localhost/app');

async function getUser(req, res) {
  const { rows } = await pool.query(`SELECT * FROM users WHERE id = ${req.params.id}`); // vuln: sql-injection
  res.json(rows[0]);
}

function findByName(req, res) {
  conn.query("SELECT id, email FROM users WHERE name = '" + req.query.name + "'", (err, rows) => res.json(rows)); // vuln: sql-injection
}

async function search(req, res) {
  const sql = `
    SELECT id, title
    FROM products
    WHERE title ILIKE '%${req.query.q}%'
    ORDER BY title`; // vuln: sql-injection
  res.json((await pool.query(sql)).rows);
}

async function sortUsers(req, res) {
  const rows = await knex.raw('SELECT * FROM users ORDER BY ' + req.query.sort); // vuln: sql-injection
  res.json(rows);
}

async function deleteOrder(req, res) {
  await sequelize.query(`DELETE FROM orders WHERE id = ${req.params.id}`, { type: QueryTypes.DELETE }); // vuln: sql-injection
  res.sendStatus(204);
}

async function rename(req, res) {
  const query = 'UPDATE accounts SET display_name = \'' + req.body.name + '\' WHERE id = ' + req.body.id; // vuln: sql-injection
  await pool.query(query);
  res.sendStatus(204);
}

async function report(req, res) {
  const { start, end } = req.query;
  const result = await pool.query( // vuln: sql-injection
    "SELECT sum(total) FROM invoices WHERE created BETWEEN '" + start + "' AND '" + end + "'",
  );
  res.json(result.rows[0]);
}

async function byStatus(req, res) {
  const rows = await knex('tickets').whereRaw(`status = '${req.query.status}'`); // vuln: sql-injection
  res.json(rows);
}

async function insertEvent(req, res) {
  const stmt = "INSERT INTO events (kind, payload) VALUES ('" + req.body.kind + "', '" + req.body.payload + "')"; // vuln: sql-injection
  await pool.query(stmt);
  res.sendStatus(201);
}

// --- near misses ------------------------------------------------------------------------------

async function getUserSafe(req, res) {
  const { rows } = await pool.query('SELECT * FROM users WHERE id = $1', [req.params.id]); // safe: sql-injection
  res.json(rows[0]);
}

function findByNameSafe(req, res) {
  conn.query('SELECT id, email FROM users WHERE name = ?', [req.query.name], (err, rows) => res.json(rows)); // safe: sql-injection
}

async function inList(req, res) {
  const ids = req.body.ids;
  const placeholders = ids.map((_, i) => `$${i + 1}`).join(',');
  const { rows } = await pool.query(`SELECT * FROM users WHERE id IN (${placeholders})`, ids); // safe: sql-injection
  res.json(rows);
}

async function byStatusSafe(req, res) {
  res.json(await knex('tickets').where({ status: req.query.status })); // safe: sql-injection
}

function label(name) {
  return `Selected ${name} from the list`; // safe: sql-injection
}

module.exports = { getUser, findByName, search, sortUsers, deleteOrder, rename, report, byStatus,
  insertEvent, getUserSafe, findByNameSafe, inList, byStatusSafe, label };
