// Keystroke-to-rendered-results latency in headless Chromium, against the release build in dist/.
// For each query, types it one character at a time and measures, per keystroke, the time from
// the input event to the frame after the results list changed. Prints median and p95.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';

const queries = ['404', 'not found', 'rate limit', 'cloudflare', 'gatway timout', 'unprocessable entity', '5xx', 'teapot'];
const port = 4190;
const server = spawn('node', ['e2e/serve.mjs', '--port', String(port), '--root', 'dist'], { stdio: 'pipe' });
await new Promise((resolve) => server.stdout.once('data', resolve));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForSelector('html[data-ready="true"]');
  const samples = [];
  for (const query of queries) {
    await page.fill('#search-input', '');
    await page.keyboard.press('Escape');
    await page.focus('#search-input');
    for (const character of query) {
      const elapsed = await page.evaluate(async (key) => {
        const input = document.getElementById('search-input');
        const main = document.querySelector('main');
        const changed = new Promise((resolve) => new MutationObserver((_, observer) => { observer.disconnect(); resolve(); }).observe(main, { childList: true, subtree: true, characterData: true, attributes: true }));
        const start = performance.now();
        input.value += key;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, data: key, inputType: 'insertText' }));
        await changed;
        await new Promise((resolve) => requestAnimationFrame(() => resolve()));
        return performance.now() - start;
      }, character);
      samples.push({ query, elapsed });
    }
  }
  const sorted = samples.map((sample) => sample.elapsed).sort((a, b) => a - b);
  const pick = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const result = { keystrokes: sorted.length, median_ms: pick(0.5), p95_ms: pick(0.95) };
  console.log(`keystroke → rendered results (headless Chromium, ${result.keystrokes} keystrokes, includes one animation frame): median ${result.median_ms.toFixed(2)} ms, p95 ${result.p95_ms.toFixed(2)} ms`);
  if (process.argv[2]) await writeFile(process.argv[2], JSON.stringify(result, null, 2));
} finally {
  await browser.close();
  server.kill();
}
