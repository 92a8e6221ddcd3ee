async function notifyAll(users, mailer) {
  for (const user of users) {
    // ruleid: perf.js-await-in-loop
    await mailer.send(user.email, "Your invoice is ready");
  }
}

async function resize(images) {
  for (let i = 0; i < images.length; i++) {
    const image = images[i];
    // ruleid: perf.js-await-in-loop
    images[i] = await sharp(image.path).resize(320).toBuffer();
  }
  return images;
}

async function drain(queue) {
  while (queue.length > 0) {
    // ruleid: perf.js-await-in-loop
    await process(queue.shift());
  }
}

async function warm(urls) {
  // ruleid: perf.js-await-in-loop
  for (const url of urls) await fetch(url);
}

module.exports = { notifyAll, resize, drain, warm };
