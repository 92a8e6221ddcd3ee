const express = require("express");
const errorhandler = require("errorhandler");

// ruleid: js.debug-enabled
process.env.NODE_ENV = "development";

const app = express();
// ruleid: js.debug-enabled
app.set('env', 'development');
// ruleid: js.debug-enabled
app.use(errorhandler());

module.exports = app;
