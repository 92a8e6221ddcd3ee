const express = require("express");

const app = express();

app.get("/orders/:id", async (req, res) => {
  try {
    res.json(await orders.get(req.params.id));
  } catch (err) {
    // ruleid: js.error-details-to-client
    res.status(500).json({ error: err.message });
  }
});

app.get("/export", async (req, res) => {
  try {
    res.send(await exporter.run());
  } catch (error) {
    // ruleid: js.error-details-to-client
    res.status(500).send(error.stack);
  }
});

app.get("/sync", async (req, res) => {
  try {
    res.json(await syncer.run());
  } catch (e) {
    // ruleid: js.error-details-to-client
    res.status(500).send(e);
  }
});

app.use((err, req, res, next) => {
  // ruleid: js.error-details-to-client
  res.status(err.status || 500).json({ message: err.message });
});

app.get("/import", async (req, res) => {
  try {
    res.json(await importer.run());
  } catch (err) {
    res.status(500).json({
      // ruleid: js.error-details-to-client
      error: err.message,
    });
  }
});

module.exports = app;
