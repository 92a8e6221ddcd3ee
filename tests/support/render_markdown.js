// Renders a Markdown summary the way GitHub shows $GITHUB_STEP_SUMMARY: GFM by marked, every
// ```mermaid block by mermaid, in a real Chromium driven by puppeteer-core. Used by
// tests/e2e/report_markdown_browser.sh; the packages come from scripts/install-npm-tool.sh
// markdown-browser (NODE_PATH points at its node_modules).
//   node render_markdown.js SUMMARY.md OUT_DIR [CHROMIUM]
// Writes OUT_DIR/summary.html and OUT_DIR/summary.png. Exit 0 when every chart rendered and the
// page logged no error; 1 with each problem on stderr (a Mermaid parse or render error, an error
// element in the DOM, a console error, a page error, a request that failed); 2 for bad usage.
'use strict';
const fs = require('fs');
const path = require('path');

const [summaryPath, outDir, chromium = '/usr/bin/chromium'] = process.argv.slice(2);
if (!summaryPath || !outDir) {
  console.error('usage: node render_markdown.js SUMMARY.md OUT_DIR [CHROMIUM]');
  process.exit(2);
}

const { marked } = require('marked');
const puppeteer = require('puppeteer-core');
const mermaidScript = require.resolve('mermaid/dist/mermaid.min.js');

function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// GitHub turns ```mermaid into a diagram; everything else stays a code block.
marked.use({
  gfm: true,
  renderer: {
    code({ text, lang }) {
      if (lang === 'mermaid') return `<pre class="mermaid">${escapeHtml(text)}</pre>\n`;
      return false;
    },
  },
});

const body = marked.parse(fs.readFileSync(summaryPath, 'utf8'));
// Close to GitHub's markdown-body: tables with borders, a readable width.
const style = `
body { font-family: -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; font-size: 14px;
       line-height: 1.5; color: #1f2328; background: #fff; max-width: 1012px; margin: 16px auto; padding: 0 16px; }
table { border-collapse: collapse; margin: 0 0 16px; display: block; overflow: auto; }
th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
tr:nth-child(2n) { background: #f6f8fa; }
code { background: #eff1f3; border-radius: 6px; padding: .2em .4em; font-size: 85%; }
h2 { border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }
pre.mermaid { background: #fff; }`;
const html = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>readygate summary</title><style>${style}</style>
<script src="file://${mermaidScript}"></script></head>
<body>
${body}
<script>
window.renderErrors = [];
window.renderDone = (async () => {
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  const blocks = [...document.querySelectorAll('pre.mermaid')];
  for (const [i, block] of blocks.entries()) {
    const text = block.textContent;
    try {
      await mermaid.parse(text);
    } catch (e) {
      window.renderErrors.push('chart ' + (i + 1) + ': mermaid.parse: ' + (e && e.message ? e.message : e));
    }
  }
  try {
    await mermaid.run({ nodes: blocks });
  } catch (e) {
    window.renderErrors.push('mermaid.run: ' + (e && e.message ? e.message : e));
  }
  for (const [i, block] of blocks.entries()) {
    if (!block.querySelector('svg')) window.renderErrors.push('chart ' + (i + 1) + ': no svg was drawn');
  }
  // Mermaid draws its "Syntax error in text" bomb instead of the chart.
  const bombs = document.querySelectorAll('.error-icon, .error-text');
  if (bombs.length > 0) {
    window.renderErrors.push('an error element in the DOM: ' + [...bombs].map((b) => b.textContent.trim()).join(' '));
  }
  return blocks.length;
})();
</script>
</body></html>`;

fs.mkdirSync(outDir, { recursive: true });
const htmlPath = path.resolve(outDir, 'summary.html');
const pngPath = path.resolve(outDir, 'summary.png');
fs.writeFileSync(htmlPath, html);

(async () => {
  const problems = [];
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    // The test may run as root (CI containers): Chromium's sandbox refuses root.
    args: ['--no-sandbox', '--allow-file-access-from-files', '--disable-gpu', '--font-render-hinting=none'],
  });
  try {
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push('console error: ' + message.text());
    });
    page.on('pageerror', (error) => problems.push('page error: ' + error.message));
    page.on('requestfailed', (request) =>
      problems.push('request failed: ' + request.url() + ' ' + (request.failure() || {}).errorText));
    await page.setViewport({ width: 1100, height: 800 });
    await page.goto('file://' + htmlPath, { waitUntil: 'load' });
    const charts = await page.evaluate(() => window.renderDone);
    problems.push(...(await page.evaluate(() => window.renderErrors)));
    await page.screenshot({ path: pngPath, fullPage: true });
    console.log(`${charts} chart(s) rendered; screenshot ${pngPath}`);
  } finally {
    await browser.close();
  }
  if (problems.length > 0) {
    for (const p of problems) console.error('render_markdown: ' + p);
    process.exit(1);
  }
})().catch((error) => {
  console.error('render_markdown: ' + (error && error.stack ? error.stack : error));
  process.exit(1);
});
