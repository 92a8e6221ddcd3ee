const express = require("express");
const { Pool } = require("pg");
const mysql = require("mysql2/promise");

const app = express();
const pool = new Pool();

app.get("/users/:id", async (req, res) => {
  // ruleid: js.sql-injection
  const { rows } = await pool.query(`SELECT * FROM users WHERE id = ${req.params.id}`);
  res.json(rows[0]);
});

app.get("/search", async (req, res) => {
  // ruleid: js.sql-injection
  const { rows } = await pool.query("SELECT id, name FROM products WHERE name = '" + req.query.q + "'");
  res.json(rows);
});

app.delete("/sessions/:token", async (req, res) => {
  const conn = await mysql.createConnection(process.env.DATABASE_URL);
  // ruleid: js.sql-injection
  await conn.execute('DELETE FROM sessions WHERE token = ' + req.params.token);
  res.sendStatus(204);
});

async function setPlan(db, id, plan) {
  // ruleid: js.sql-injection
  const sql = `UPDATE accounts SET plan = '${plan}' WHERE id = ${id}`;
  return db.query(sql);
}

async function report(customerId) {
  // ruleid: js.sql-injection
  const result = await pool.query(`
    SELECT id, total
    FROM orders
    WHERE customer_id = ${customerId}
  `);
  return result.rows;
}

async function invoices(customerId, since) {
  // ruleid: js.sql-injection
  const sql = `
    SELECT id, amount
    FROM invoices
    WHERE customer_id = ${customerId} AND issued_at >= '${since}'
  `;
  return pool.query(sql);
}

async function sorted(knex, column) {
  // ruleid: js.sql-injection
  return knex.raw(`SELECT id, name FROM products ORDER BY ${column}`);
}

function byEmail(email) {
  // ruleid: js.sql-injection
  const query = "SELECT * FROM users WHERE email = '" + email + "'";
  return pool.query(query);
}

module.exports = { app, setPlan, report, invoices, sorted, byEmail };
