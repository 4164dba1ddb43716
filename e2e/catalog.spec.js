// A sample of detail views shows each fact of the catalog entry.
import { test, expect, openApp, holdRequests } from './fixtures.js';

const fact = (page, name) => page.getByTestId('detail').locator(`[data-fact="${name}"]`).first();

test('a standard code shows its facts, prose, headers, example and citation', async ({ page }) => {
  await openApp(page, '401');
  const detail = page.getByTestId('detail');
  await expect(fact(page, 'status')).toContainText('Standard');
  await expect(fact(page, 'spec')).toHaveText('RFC 9110 §15.5.2');
  await expect(fact(page, 'spec').locator('a')).toHaveAttribute('href', 'https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2');
  await expect(fact(page, 'cacheable')).toContainText('Only with explicit freshness');
  await expect(fact(page, 'retry')).toContainText('With new credentials');
  for (const heading of ['What it means', 'When to send it', 'What a client should do', 'Received this?', 'Example response', 'Related codes']) {
    await expect(detail.getByRole('heading', { name: heading })).toBeVisible();
  }
  await expect(detail.locator('.headers li', { hasText: 'WWW-Authenticate' })).toContainText('MUST');
  await expect(detail.getByTestId('example')).toContainText('HTTP/1.1 401 Unauthorized');
  await expect(detail.locator('.received dt')).toHaveText(['In a browser', 'Calling an API', 'Running the server']);
});

test('each header says how strongly it belongs and on whose word', async ({ page }) => {
  // A keyword level is the document's; a field that defines the code, or good practice, says so in
  // plain words, and every level names the section it comes from.
  await openApp(page, '401');
  const auth = page.getByTestId('detail').locator('.headers li', { hasText: 'WWW-Authenticate' });
  await expect(auth.locator('.requirement')).toHaveText('MUST');
  await expect(auth.locator('.header-source')).toHaveText('(RFC 9110 §15.5.2)');
  await openApp(page, '303');
  const location = page.getByTestId('detail').locator('.headers li', { hasText: 'Location' });
  await expect(location.locator('.requirement')).toHaveText('Defines the code');
  await expect(location.locator('.header-source')).toHaveText('(RFC 9110 §15.4.4)');
  await openApp(page, '404');
  const caching = page.getByTestId('detail').locator('.headers li', { hasText: 'Cache-Control' });
  await expect(caching.locator('.requirement')).toHaveText('Good practice');
});

test('a redirect shows permanence and what happens to the method', async ({ page }) => {
  await openApp(page, '308');
  await expect(fact(page, 'redirect')).toContainText('Permanent');
  await expect(fact(page, 'redirect')).toContainText('Method and body kept');
  await expect(fact(page, 'cacheable')).toContainText('Cacheable by default');
});

test('a deprecated code says so', async ({ page }) => {
  await openApp(page, '305');
  await expect(fact(page, 'status')).toContainText('Deprecated');
});

test('an unused code tells its story and its former name', async ({ page }) => {
  await openApp(page, '418');
  await expect(fact(page, 'status')).toContainText('Unused');
  await expect(fact(page, 'former')).toContainText("I'm a teapot");
  await expect(page.getByTestId('detail')).toContainText('RFC 2324');
});

test('the temporary registration is shown as provisional', async ({ page }) => {
  await openApp(page, '104');
  await expect(fact(page, 'status')).toContainText('Provisional');
  await expect(fact(page, 'body')).toContainText('None');
});

test('a log-only vendor code names its vendor and says it is never sent', async ({ page }) => {
  await openApp(page, '499');
  await expect(fact(page, 'vendor')).toHaveText('nginx');
  await expect(fact(page, 'seen-in')).toContainText('Logs only');
  await expect(fact(page, 'status')).toContainText('Unofficial');
  // No response carries it, so caching and body do not apply.
  await expect(fact(page, 'cacheable')).toHaveText('Does not apply: never sent to the client');
  await expect(fact(page, 'body')).toHaveText('Does not apply: never sent to the client');
});

test('a number with several meanings lists each, the registered one first', async ({ page }) => {
  await openApp(page, '451');
  const detail = page.getByTestId('detail');
  const meanings = detail.locator('section.meaning');
  await expect(meanings).toHaveCount(2);
  await expect(meanings.first()).toHaveAttribute('data-status', 'standard');
  await expect(meanings.nth(1)).toHaveAttribute('data-vendor', /Exchange/);
  await expect(detail.locator('.meanings-index li')).toHaveCount(2);
  await openApp(page, '499');
  expect(await page.getByTestId('detail').locator('section.meaning').count()).toBeGreaterThanOrEqual(3);
});

test('class views list registered codes first, then marked vendor codes', async ({ page }) => {
  await openApp(page, '5xx');
  const view = page.getByTestId('class');
  await expect(view.getByRole('heading', { name: 'Unofficial codes' })).toBeVisible();
  const markers = await view.locator('.code-row').evaluateAll((rows) => rows.map((row) => row.dataset.status));
  const firstUnofficial = markers.indexOf('unofficial');
  expect(firstUnofficial).toBeGreaterThan(0);
  expect(markers.slice(firstUnofficial).every((status) => status === 'unofficial')).toBe(true);
});

test('catalog.json is published beside the app', async ({ request }) => {
  const catalog = await (await request.get('catalog.json')).json();
  expect(catalog.classes).toHaveLength(5);
  expect(catalog.codes.length).toBeGreaterThanOrEqual(104);
  const notFound = catalog.codes.find((entry) => entry.code === 404);
  expect(notFound.spec.url).toBe('https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5');
});

// Each entry's explanation (what it means, when to send it, what a client should do, "Received
// this?") is not in the wasm: it loads from explanations.json, once per visit.
const explanationRequests = (page) => {
  const fetched = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/explanations.json')) fetched.push(request.url());
  });
  return fetched;
};

test('a link to a code draws it with its explanation, asked for once for every code and comparison', async ({ page }) => {
  const fetched = explanationRequests(page);
  await openApp(page, '404');
  const detail = page.getByTestId('detail');
  // Drawn with the explanation from the start: the app waits for it on a code's own link.
  expect(await detail.getByTestId('explanation-loading').count()).toBe(0);
  expect(await detail.getByRole('heading', { name: 'What it means' }).count()).toBe(1);
  await expect(detail.locator('.received dt')).toHaveCount(3);
  for (const fragment of ['503', '401-vs-403', '429']) {
    await page.evaluate((hash) => { window.location.hash = hash; }, fragment);
    await expect(page.locator('main').getByRole('heading', { name: /What it means|Which one to send/ })).toBeVisible();
  }
  await expect(page.getByTestId('comparison')).toHaveCount(0);
  expect(fetched).toHaveLength(1);
});

test('home asks for the explanations as the app starts; a code opened before they arrive shows the rest, then them', async ({ page }) => {
  const release = await holdRequests(page, '**/explanations.json');
  await openApp(page, '');
  await page.locator('main a.code-link[href="#418"]').first().click();
  const detail = page.getByTestId('detail');
  // Everything else of the code is there while its explanation is on its way.
  await expect(detail.getByTestId('explanation-loading')).toBeVisible();
  await expect(detail.getByTestId('example')).toContainText('418');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('418');
  release();
  await expect(detail.getByRole('heading', { name: 'What it means' })).toBeVisible();
  await expect(detail.getByTestId('explanation-loading')).toHaveCount(0);
  await expect(detail.locator('.received dd').first()).not.toBeEmpty();
});

for (const [name, body] of [
  ['a file that does not parse', '{"codes":'],
  ['a file from another build', '{"codes":[{"code":100,"vendor":null,"meaning":"x","when_to_send":"x","client_action":"x","received":{"browser":"x","api_client":"x","operator":"x"}}]}'],
]) {
  test(`${name} in place of the explanations: the code and comparisons say so, and the rest works`, async ({ page }) => {
    // A broken file rather than a refused request, which Chromium would log as a console error.
    await page.route('**/explanations.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    await openApp(page, '503');
    const detail = page.getByTestId('detail');
    await expect(detail.getByTestId('explanation-failed')).toContainText('could not be loaded');
    await expect(detail.getByRole('heading', { name: 'What it means' })).toHaveCount(0);
    await expect(fact(page, 'retry')).toContainText('Retry-After');
    await expect(detail.getByTestId('example')).toContainText('503');
    await page.evaluate(() => { window.location.hash = '401-vs-403'; });
    await expect(page.getByTestId('comparison').getByTestId('rule')).toBeVisible();
    await expect(page.getByTestId('comparison').getByTestId('explanation-failed')).toBeVisible();
    await expect(page.locator('.compare-table')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Which one to send' })).toHaveCount(0);
  });
}
