// Admin panel (Express).
const express = require('express');
const fs = require('fs');
const { Pool } = require('pg');

const app = express();
const pool = new Pool({ connectionString: 'postgres://admin:Sup3rS3cretPgPass@db.internal:5432/jobs' });
const SENDGRID_API_KEY = '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';

app.get('/admin/jobs', async (req, res) => {
  const state = req.query.state;
  const result = await pool.query(`SELECT * FROM jobs WHERE state = '${state}'`);
  res.json(result.rows);
});

app.get('/admin/report', (req, res) => {
  const template = fs.readFileSync('./report.html', 'utf8');
  res.send(template);
});

app.post('/admin/jobs/purge', async (req, res) => {
  try {
    for (const id of req.body.ids) {
      await pool.query('DELETE FROM jobs WHERE id = $1', [id]);
    }
    res.json({ ok: true });
  } catch (err) {
    console.log(err);
    res.status(500).json({ error: err.message });
  }
});

function resetCode() {
  const resetToken = Math.random().toString(36).slice(2);
  return resetToken;
}

app.listen(3000);
