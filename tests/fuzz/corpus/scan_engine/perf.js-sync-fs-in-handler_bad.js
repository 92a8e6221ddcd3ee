const fs = require("fs");
const path = require("path");
const { execSync } = require("child_process");
const express = require("express");

const app = express();

app.get("/report", (req, res) => {
  // ruleid: perf.js-sync-fs-in-handler
  const template = fs.readFileSync(path.join(__dirname, "report.html"), "utf8");
  res.send(template.replace("{{date}}", new Date().toISOString()));
});

app.post("/upload", async (req, res) => {
  const dir = path.join("/var/uploads", req.params.id);
  // ruleid: perf.js-sync-fs-in-handler
  if (!fs.existsSync(dir)) {
    res.sendStatus(404);
    return;
  }
  res.sendStatus(201);
});

app.get("/version", function (req, res) {
  // ruleid: perf.js-sync-fs-in-handler
  res.send(execSync("git rev-parse HEAD").toString().trim());
});

module.exports = app;
