const { Pool } = require("pg");

const pool = new Pool();

async function emails(ids) {
  const result = {};
  for (const id of ids) {
    // ruleid: perf.js-query-in-loop
    const { rows } = await pool.query("SELECT email FROM users WHERE id = $1", [id]);
    result[id] = rows[0].email;
  }
  return result;
}

async function owners(orders) {
  let i = 0;
  while (i < orders.length) {
    // ruleid: perf.js-query-in-loop
    orders[i].owner = await UserModel.findById(orders[i].ownerId);
    i++;
  }
}

function hydrate(orders) {
  orders.forEach(async (order) => {
    // ruleid: perf.js-query-in-loop
    order.customer = await Customer.findById(order.customerId);
  });
}

async function purge(staleIds) {
  // ruleid: perf.js-query-in-loop
  for (const id of staleIds) await pool.query("DELETE FROM sessions WHERE id = $1", [id]);
}

module.exports = { emails, owners, hydrate, purge };
