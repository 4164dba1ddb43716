// Helpers shared by the bench scripts: command-line options, the static server, the browser.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

// On Ctrl-C or kill, exit for real (Playwright's own SIGTERM handler would keep the run going), so
// the 'exit' handlers below stop the servers and browsers this run started.
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(128 + constants.signals[signal]));

export const CHROMIUM = '/usr/bin/chromium';
// Keep Chromium from doing its own network and update work while we time the page.
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** `--name value` from argv, else the first bare argument when `positional`, else `fallback`. */
export function option(name, fallback, { positional = false } = {}) {
  const args = process.argv.slice(2);
  const index = args.indexOf(`--${name}`);
  if (index >= 0) return args[index + 1];
  const bare = args.filter((arg, i) => !arg.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
  return positional && bare.length ? bare[0] : fallback;
}

/** True when the module at `url` is the script node was started with. */
export const isMain = (url) => resolve(process.argv[1] ?? '') === fileURLToPath(url);

async function freePort() {
  const probe = createServer();
  await new Promise((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address();
  await new Promise((done) => probe.close(done));
  return port;
}

/** Starts e2e/serve.mjs on a free loopback port; `close()` stops it. */
export async function serve(root, { gzip = true } = {}) {
  const port = await freePort();
  const script = fileURLToPath(new URL('../e2e/serve.mjs', import.meta.url));
  const args = [script, '--port', String(port), '--root', resolve(root), ...(gzip ? ['--gzip'] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((ready, fail) => {
    child.stdout.once('data', ready);
    child.once('exit', (code) => fail(new Error(`e2e/serve.mjs exited with ${code} before listening`)));
  });
  child.removeAllListeners('exit');
  // Also on a crash: an orphaned server would keep its port and outlive the run.
  const close = () => {
    process.off('exit', close);
    child.kill();
  };
  process.once('exit', close);
  return { url: `http://127.0.0.1:${port}/`, close };
}

export async function launchBrowser() {
  const { chromium } = await import('@playwright/test');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

/** Serves `distDir` gzipped, opens the app in a fresh context (no service worker, so every
 *  figure is the page's own), waits until it is ready, and runs `work(page, context)`. Everything
 *  it opened is closed afterwards; `browser` is reused when given. */
export async function withReadyApp(distDir, { browser: shared, beforeLoad } = {}, work) {
  const server = await serve(distDir, { gzip: true });
  const browser = shared ?? (await launchBrowser());
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    if (beforeLoad) await beforeLoad(page, context);
    await page.goto(server.url);
    await page.waitForSelector('html[data-ready="true"]');
    return await work(page, context);
  } finally {
    await context.close();
    if (!shared) await browser.close();
    server.close();
  }
}

/** Median and p95 (nearest rank) of a list of numbers; nulls when it is empty. */
export function stats(values) {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  const rank = (q) => (sorted.length ? sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] : null);
  return { n: sorted.length, median: rank(0.5), p95: rank(0.95), min: sorted[0] ?? null, max: sorted.at(-1) ?? null };
}

export const round = (value, digits = 1) => (value == null ? null : Number(value.toFixed(digits)));
