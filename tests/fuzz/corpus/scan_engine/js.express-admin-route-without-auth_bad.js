const express = require("express");

const app = express();
const router = express.Router();

app.use(express.json());

// ruleid: js.express-admin-route-without-auth
app.get("/admin/users", async (req, res) => {
  res.json(await User.find().limit(100));
});

// ruleid: js.express-admin-route-without-auth
router.post('/admin/users/:id/ban', async function (req, res) {
  await User.updateOne({ _id: req.params.id }, { banned: true });
  res.sendStatus(204);
});

// ruleid: js.express-admin-route-without-auth
app.delete("/internal/cache", (req, res) => {
  cache.flush();
  res.sendStatus(204);
});

// ruleid: js.express-admin-route-without-auth
router.get(`/dashboard`, req => renderDashboard(req));

// A handler passed by reference runs just as directly.
// ruleid: js.express-admin-route-without-auth
app.get("/admin/stats", adminController.stats);

app.use("/api", router);
module.exports = app;
