const express = require("express");

const app = express();

app.post("/password-reset", async (req, res) => {
  // ruleid: js.insecure-random
  const resetToken = Math.random().toString(36).slice(2);
  await saveResetToken(req.body.email, resetToken);
  res.sendStatus(202);
});

function issueOtp() {
  // ruleid: js.insecure-random
  const otp = Math.floor(100000 + Math.random() * 900000);
  return otp;
}

function newSession(user) {
  return {
    user: user.id,
    // ruleid: js.insecure-random
    sessionId: Math.random().toString(16).substring(2),
    // ruleid: js.insecure-random
    csrfToken: (Math.random() + 1).toString(36),
  };
}

module.exports = { app, issueOtp, newSession };
