// Offline and private: no network after load, a service worker that serves the whole app
// offline, updates that never mix builds, an installable manifest.
import { test, expect, openApp, waitReady } from './fixtures.js';
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function waitForServiceWorkerControl(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

/**
 * Records every request that reaches the network. Chromium re-requests the favicon on each
 * fragment change; the service worker answers those from its cache, which is not network.
 * Requests the service worker itself sends are on the context too, and are counted.
 */
function recordNetwork(context) {
  const network = [];
  context.on('requestfinished', async (request) => {
    // A request that finishes as its test ends has no response to read: the context is
    // closing, and left unhandled the rejection would fail whichever test runs next.
    const response = await request.response().catch(() => undefined);
    if (response === undefined) return;
    if (!response || !response.fromServiceWorker()) network.push(request.url());
  });
  context.on('requestfailed', (request) => network.push(`${request.url()} (failed)`));
  return network;
}

test('after the first load, a full tour makes zero network requests', async ({ page, context }) => {
  await openApp(page);
  await waitForServiceWorkerControl(page);
  const requests = recordNetwork(context);

  const tour = ['4xx', '404', 'q=rate%20limit', '401-vs-403', 'compare', 'decide', 'check/503', '5xx', '503', ''];
  for (const fragment of tour) {
    await page.evaluate((hash) => { window.location.hash = hash; }, fragment);
    await expect(page.locator('main h1')).toBeVisible();
  }
  await page.locator('main a[href="#2xx"]').first().click().catch(() => {});
  await expect(page.locator('main h1')).toBeVisible();
  expect(requests, 'requests made after load').toEqual([]);
});

test('works offline once the service worker controls the page', async ({ page, context }) => {
  await openApp(page);
  await waitForServiceWorkerControl(page);
  await context.setOffline(true);
  await page.reload();
  await waitReady(page);
  await expect(page.getByTestId('home')).toBeVisible();
  await page.goto('./#503');
  await waitReady(page);
  await expect(page.getByTestId('detail')).toHaveAttribute('data-code', '503');
  await page.goto('./#4xx');
  await expect(page.getByTestId('class')).toHaveAttribute('data-class', '4xx');
  await context.setOffline(false);
});

test('works offline under a sub-path too', async ({ page, context }) => {
  await openApp(page, '', '/tools/http/');
  await waitForServiceWorkerControl(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(new URL(scope).pathname).toBe('/tools/http/');
  await context.setOffline(true);
  await page.goto('/tools/http/#404');
  await waitReady(page);
  await expect(page.getByTestId('detail')).toHaveAttribute('data-code', '404');
  await context.setOffline(false);
});

/** Serves a copy of dist/ on its own port, so a test can deploy a second build over it. */
async function deployCopy() {
  const root = await mkdtemp(join(tmpdir(), 'hsc-deploy-'));
  await cp('dist', root, { recursive: true });
  const port = 4300 + Math.floor(Math.random() * 500);
  const server = spawn('node', ['e2e/serve.mjs', '--port', String(port), '--root', root], { stdio: 'pipe' });
  await new Promise((resolve) => server.stdout.once('data', resolve));
  return { root, url: `http://127.0.0.1:${port}/`, stop: async () => { server.kill(); await rm(root, { recursive: true, force: true }); } };
}

test('a new build deployed over the old one offers a reload and then serves only the new build', async ({ page }) => {
  const deployment = await deployCopy();
  try {
    await page.goto(deployment.url);
    await waitReady(page);
    await waitForServiceWorkerControl(page);
    await expect(page.getByTestId('update-banner')).toHaveCount(0);

    // Deploy "build 2": a changed page and a service worker with a new version.
    const indexPath = join(deployment.root, 'index.html');
    await writeFile(indexPath, (await readFile(indexPath, 'utf8')).replace('</head>', '<meta name="deployed-build" content="2">\n</head>'));
    const workerPath = join(deployment.root, 'sw.js');
    await writeFile(workerPath, (await readFile(workerPath, 'utf8')).replace(/const VERSION = "([^"]+)"/, 'const VERSION = "$1-build-2"'));

    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const banner = page.getByTestId('update-banner');
    await expect(banner).toContainText('A new version is available');
    // Until the person reloads, the open page keeps the build it started with.
    await expect(page.locator('meta[name="deployed-build"]')).toHaveCount(0);

    await banner.getByRole('button', { name: 'Reload' }).click();
    await page.waitForFunction(() => document.querySelector('meta[name="deployed-build"]'));
    await waitReady(page);
    const caches = await page.evaluate(() => caches.keys());
    expect(caches).toHaveLength(1);
    expect(caches[0]).toMatch(/-build-2$/);
  } finally {
    await deployment.stop();
  }
});

function pngSize(buffer) {
  expect(buffer.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [buffer.readUInt32BE(16), buffer.readUInt32BE(20)];
}

test('the manifest has what Chromium needs to offer installation', async ({ page, request }) => {
  await openApp(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifestUrl = new URL(href, page.url());
  const manifest = await (await request.get(manifestUrl.href)).json();
  expect(manifest.name).toBe('HTTP Status Codes');
  expect(manifest.short_name.length).toBeGreaterThan(0);
  expect(manifest.short_name.length).toBeLessThanOrEqual(12);
  expect(manifest.description).toBeTruthy();
  expect(manifest.display).toBe('standalone');
  expect(manifest.start_url).toBeTruthy();
  expect(manifest.scope).toBeTruthy();
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  const wanted = [['192x192', 'any'], ['512x512', 'any'], ['512x512', 'maskable']];
  for (const [sizes, purpose] of wanted) {
    const icon = manifest.icons.find((candidate) => candidate.sizes === sizes && candidate.purpose === purpose);
    expect(icon, `${sizes} ${purpose} icon`).toBeTruthy();
    const response = await request.get(new URL(icon.src, manifestUrl).href);
    expect(response.ok()).toBe(true);
    expect(pngSize(await response.body()).join('x')).toBe(sizes);
  }
  // Both themes colour the browser UI.
  await expect(page.locator('meta[name="theme-color"][media*="dark"]')).toHaveCount(1);
  await expect(page.locator('meta[name="theme-color"][media*="light"]')).toHaveCount(1);

  const worker = await (await request.get(new URL('sw.js', page.url()).href)).text();
  expect(worker).toContain("addEventListener('fetch'");
  await waitForServiceWorkerControl(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(new URL('./', page.url()).href);
});

test('the page carries a strict Content-Security-Policy', async ({ page }) => {
  await openApp(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("default-src 'self'");
  expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+/);
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'self'");
  expect(policy).toContain("form-action 'none'");
});

test('no request ever leaves the origin', async ({ page, context }) => {
  const foreign = [];
  context.on('request', (request) => {
    if (new URL(request.url()).origin !== 'http://127.0.0.1:4173') foreign.push(request.url());
  });
  await openApp(page, '404');
  await waitForServiceWorkerControl(page);
  expect(foreign).toEqual([]);
});
