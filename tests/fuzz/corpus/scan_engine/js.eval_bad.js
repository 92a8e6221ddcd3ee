const express = require("express");

const app = express();

app.post("/calc", (req, res) => {
  // ruleid: js.eval
  const result = eval(req.body.expression);
  res.json({ result });
});

function compile(body) {
  // ruleid: js.eval
  return new Function("data", body);
}

function schedule(name) {
  // ruleid: js.eval
  setTimeout("runJob('" + name + "')", 1000);
  // ruleid: js.eval
  setInterval(`refresh(${name})`, 60000);
}

function legacy(code) {
  // ruleid: js.eval
  return eval (code);
}

function globalEval(code) {
  // ruleid: js.eval
  return window.eval(code);
}

function template(source) {
  // ruleid: js.eval
  return Function("data", "return `" + source + "`;");
}

module.exports = { app, compile, schedule, legacy, globalEval, template };
