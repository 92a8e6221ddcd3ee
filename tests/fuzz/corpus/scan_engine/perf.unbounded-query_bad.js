const { Pool } = require("pg");

const pool = new Pool();

async function listUsers(req, res) {
  // ruleid: perf.unbounded-query
  const { rows } = await pool.query("SELECT id, email FROM users");
  res.json(rows);
}

async function listEvents(db) {
  // ruleid: perf.unbounded-query
  return db.collection("events").find({}).toArray();
}

async function listOrders() {
  // ruleid: perf.unbounded-query
  return Order.find().lean();
}

module.exports = { listUsers, listEvents, listOrders };
