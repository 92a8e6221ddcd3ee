const express = require("express");

const app = express();

app.post("/login", async (req, res) => {
  // ruleid: js.debug-console
  console.log("login attempt", req.body);
  const user = await findUser(req.body.email);
  // ruleid: js.debug-console
  console.debug(`user ${user.id} token=${user.token}`);
  // ruleid: js.debug-console
  if (!user) console.trace("no user");
  // ruleid: js.debug-console
  console.dir(req.headers, { depth: null });
  // ruleid: js.debug-console
  console.table(await listSessions(user.id));
  res.json({ ok: true });
});

module.exports = app;
