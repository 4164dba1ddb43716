// The response checker at #check: paste a response, read its findings.
import { test, expect, openApp, holdRequests } from './fixtures.js';

const DATE = 'Date: Mon, 30 Nov 2026 09:12:44 GMT';
const input = (page) => page.getByTestId('check-input');
const responses = (page) => page.getByTestId('checked-response');

/** Pastes text the way a person does: one input event with the whole text. */
async function paste(page, text) {
  await input(page).evaluate((area, value) => {
    area.value = value;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

const har = JSON.stringify({
  log: {
    version: '1.2',
    creator: { name: 'WebInspector', version: '537.36' },
    entries: [
      {
        request: { method: 'POST', url: 'https://shop.example/cart', headers: [] },
        response: { status: 302, statusText: 'Found', httpVersion: 'http/2.0', headers: [{ name: 'location', value: '/checkout' }, { name: 'date', value: 'Mon, 30 Nov 2026 09:12:44 GMT' }], content: { size: 0 } },
      },
      {
        request: { method: 'GET', url: 'https://shop.example/checkout', headers: [] },
        response: { status: 200, statusText: '', httpVersion: 'http/2.0', headers: [{ name: 'date', value: 'Mon, 30 Nov 2026 09:12:44 GMT' }], content: { size: 10 } },
      },
    ],
  },
});

// Each input format: what is pasted, the statuses read, and a rule that must be reported.
const formats = [
  { name: 'curl -i with CRLF', text: `HTTP/1.1 401 Unauthorized\r\n${DATE}\r\nContent-Length: 2\r\n\r\nno`, statuses: ['401'], rule: 'header-must' },
  { name: 'HTTP/2 without a phrase', text: `HTTP/2 405\ndate: Mon, 30 Nov 2026 09:12:44 GMT\ncontent-length: 0\n\n`, statuses: ['405'], rule: 'header-must' },
  { name: 'curl -v', text: `* Connected to shop.example port 443\n> POST /orders HTTP/1.1\n> Host: shop.example\n>\n< HTTP/1.1 302 Found\n< ${DATE}\n< Location: /orders/7\n< Content-Length: 0\n<\n> GET /orders/7 HTTP/1.1\n> Host: shop.example\n>\n< HTTP/1.1 200 OK\n< ${DATE}\n< Content-Length: 2\n<\nok`, statuses: ['302', '200'], rule: 'redirect-method-changed' },
  { name: 'a HAR file', text: har, statuses: ['302', '200'], rule: 'redirect-method-changed' },
  { name: 'a header block with :status', text: `:status: 429\ncontent-type: text/plain\ncache-control: max-age=3600\n${DATE}\n`, statuses: ['429'], rule: 'cache-not-storable' },
  { name: 'interim responses', text: `HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n${DATE}\r\nContent-Length: 0\r\n\r\n`, statuses: ['100', '204'], rule: 'content-length-forbidden' },
];

for (const format of formats) {
  test(`reads ${format.name}`, async ({ page }) => {
    await openApp(page, 'check');
    await paste(page, format.text);
    await expect(responses(page)).toHaveCount(format.statuses.length);
    for (const [index, status] of format.statuses.entries()) {
      await expect(responses(page).nth(index)).toHaveAttribute('data-status', status);
    }
    await expect(page.locator(`[data-testid="finding"][data-rule="${format.rule}"]`).first()).toBeVisible();
  });
}

test('a pasted 401 without a challenge gets an error that links to the code and the RFC', async ({ page }) => {
  await openApp(page, 'check');
  await expect(page.getByLabel('Response to check')).toBeVisible();
  await input(page).fill(`HTTP/1.1 401 Unauthorized\n${DATE}\nContent-Length: 2\n\nno`);
  const response = responses(page).first();
  await expect(response).toHaveAttribute('data-status', '401');
  const finding = response.locator('[data-testid="finding"][data-severity="error"]');
  await expect(finding).toContainText('WWW-Authenticate');
  await expect(finding.getByRole('link', { name: 'RFC 9110 §15.5.2' })).toHaveAttribute('href', /rfc9110#section-15\.5\.2$/);
  await expect(response.getByRole('heading')).toHaveText('HTTP/1.1 401 Unauthorized');
  await response.getByRole('link', { name: '401 Unauthorized' }).click();
  await expect(page).toHaveURL(/#401$/);
});

test('a header block without a status asks for one', async ({ page }) => {
  await openApp(page, 'check');
  await paste(page, `content-type: text/html\n${DATE}\n`);
  const status = page.getByTestId('check-status');
  await expect(status).toBeVisible();
  await status.pressSequentially('405');
  await expect(status).toBeFocused();
  await expect(responses(page).first()).toHaveAttribute('data-status', '405');
  await expect(page.locator('[data-testid="finding"][data-rule="header-must"]')).toContainText('Allow');
});

test('a redirect chain shows each hop in order, and the loop', async ({ page }) => {
  await openApp(page, 'check');
  await page.getByTestId('check-example').filter({ hasText: 'redirect loop' }).click();
  await expect(responses(page)).toHaveCount(3);
  await expect(page.getByTestId('check-chain')).toHaveClass(/chain/);
  await expect(page.locator('[data-testid="finding"][data-rule="redirect-loop"]')).toBeVisible();
});

test('every example shows at least one finding', async ({ page }) => {
  await openApp(page, 'check');
  const examples = page.getByTestId('check-example');
  const count = await examples.count();
  expect(count).toBeGreaterThanOrEqual(4);
  const results = page.getByTestId('check-results');
  for (let index = 0; index < count; index += 1) {
    await examples.nth(index).click();
    // The checker's worker has answered for this example, not an earlier one.
    await expect(results).toHaveAttribute('aria-busy', 'false');
    if (await page.getByTestId('check-status').isVisible()) {
      await page.getByTestId('check-status').fill('503');
      await expect(results).toHaveAttribute('aria-busy', 'false');
    }
    await expect(page.getByTestId('finding').first()).toBeVisible();
  }
});

test('hostile input is shown as text, never as markup', async ({ page }) => {
  await openApp(page, 'check');
  const hostile = `HTTP/1.1 200 OK\n${DATE}\n<img src=x onerror=alert(1)>\n<script>alert(2)</script>: x\nContent-Length: 2\n\nok`;
  await paste(page, hostile);
  const results = page.getByTestId('check-results');
  await expect(results.locator('[data-rule="field-line-invalid"]').first()).toContainText('<img src=x onerror=alert(1)>');
  await expect(results.locator('img, script')).toHaveCount(0);
  for (const junk of ['Why is my site slow?', '\u0000\u0001PK\u0003\u0004', '{"log":{"entries":[{"request":']) {
    await paste(page, junk);
    // Answered for this paste, not the one before.
    await expect(results).toHaveAttribute('aria-busy', 'false');
    await expect(page.getByTestId('check-problem')).toBeVisible();
  }
});

test('what is pasted stays out of the URL and storage', async ({ page }) => {
  await openApp(page, 'check');
  await expect(page.getByTestId('check-privacy')).toContainText('not put in the address bar, stored, or sent');
  const secret = 'Set-Cookie: session=s3cr3t-token-4711';
  await paste(page, `HTTP/1.1 200 OK\n${DATE}\n${secret}\nContent-Length: 2\n\nok`);
  await expect(responses(page)).toHaveCount(1);
  expect(page.url()).not.toContain('s3cr3t');
  expect(page.url()).toMatch(/#check$/);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain('s3cr3t');
});

test('a 5 MB paste is cut, said so, and the page keeps answering', async ({ page }) => {
  await openApp(page, 'check');
  const huge = `HTTP/1.1 200 OK\n${DATE}\nContent-Type: text/plain\n\n${'x'.repeat(5 * 1024 * 1024)}`;
  await paste(page, huge);
  await expect(page.getByTestId('check-notice')).toContainText('first 1 MB');
  await expect(responses(page)).toHaveCount(1);
  await paste(page, `HTTP/1.1 204 No Content\n${DATE}\n\n`);
  await expect(responses(page).first()).toHaveAttribute('data-status', '204');
});

test('a code page starts the checker with its example', async ({ page }) => {
  await openApp(page, '405');
  await page.getByTestId('check-link').click();
  await expect(page).toHaveURL(/#check\/405$/);
  await expect(input(page)).toHaveValue(/^HTTP\/1\.1 405 /);
  await expect(responses(page).first()).toHaveAttribute('data-status', '405');
  await expect(page.locator('[data-testid="finding"][data-severity="error"]')).toHaveCount(0);
});

test('the checker is in the header navigation', async ({ page }) => {
  await openApp(page, '');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Check' }).click();
  await expect(page).toHaveURL(/#check$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check a response');
});

// The checker runs in a web worker of its own (src/bin/checker.rs), which only #check starts.
const CHECKER_FILES = ['/checker-worker.js', '/checker.js', '/checker_bg.wasm'];

test("the checker's code loads only when the checker is used, once per visit", async ({ page }) => {
  const fetched = [];
  // The page's own requests and its worker's: not the service worker's precache.
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (CHECKER_FILES.some((file) => path.endsWith(file))) fetched.push(path.slice(path.lastIndexOf('/')));
  });
  await openApp(page, '404');
  await page.evaluate(() => { window.location.hash = 'q=gateway'; });
  await expect(page.locator('main h1')).toBeVisible();
  expect(fetched, 'other views do not load the checker').toEqual([]);
  await page.evaluate(() => { window.location.hash = 'check'; });
  await paste(page, `HTTP/1.1 204 No Content\n${DATE}\nContent-Length: 0\n\n`);
  await expect(responses(page).first()).toHaveAttribute('data-status', '204');
  expect(fetched.sort()).toEqual([...CHECKER_FILES].sort());
  // Leaving and coming back finds the worker running: nothing more is fetched.
  await page.evaluate(() => { window.location.hash = '204'; });
  await expect(page.locator('main h1')).toContainText('204');
  await page.evaluate(() => { window.location.hash = 'check'; });
  await paste(page, `HTTP/1.1 401 Unauthorized\n${DATE}\nContent-Length: 0\n\n`);
  await expect(responses(page).first()).toHaveAttribute('data-status', '401');
  await expect(page.locator('[data-testid="finding"][data-rule="header-must"]').first()).toBeVisible();
  expect(fetched).toHaveLength(CHECKER_FILES.length);
});

test('a paste made while the checker loads is checked once it is in', async ({ page }) => {
  const release = await holdRequests(page, '**/checker_bg.wasm');
  await openApp(page, 'check');
  await paste(page, `HTTP/1.1 200 OK\n${DATE}\nContent-Length: 2\n\nok`);
  await expect(page.getByTestId('check-loading')).toBeVisible();
  // What was pasted last is what gets checked.
  await paste(page, `HTTP/1.1 204 No Content\n${DATE}\nContent-Length: 0\n\n`);
  release();
  await expect(responses(page)).toHaveCount(1);
  await expect(responses(page).first()).toHaveAttribute('data-status', '204');
  await expect(page.getByTestId('check-loading')).toHaveCount(0);
});

for (const [name, file, body] of [
  ['a module that does not compile', '**/checker_bg.wasm', 'not a wasm module'],
  ['a script that fails', '**/checker.js', 'throw new Error("broken build")'],
]) {
  test(`a checker that cannot load (${name}) says so, and the rest of the app works`, async ({ page }) => {
    await page.route(file, (route) => route.fulfill({ status: 200, contentType: file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript', body }));
    await openApp(page, 'check');
    await paste(page, `HTTP/1.1 204 No Content\n${DATE}\n\n`);
    await expect(page.getByTestId('check-failed')).toContainText('could not be loaded');
    await expect(responses(page)).toHaveCount(0);
    await page.evaluate(() => { window.location.hash = '404'; });
    await expect(page.getByTestId('detail')).toHaveAttribute('data-code', '404');
  });
}

test('going from one code\'s example to another keeps the checker answering', async ({ page }) => {
  await openApp(page, 'check/405');
  await expect(responses(page).first()).toHaveAttribute('data-status', '405');
  // A second checker view replaces the first: the one going away must not silence the new one.
  await page.evaluate(() => { window.location.hash = 'check/404'; });
  await expect(input(page)).toHaveValue(/^HTTP\/1\.1 404 /);
  await expect(responses(page).first()).toHaveAttribute('data-status', '404');
  await paste(page, `HTTP/1.1 204 No Content\n${DATE}\nContent-Length: 0\n\n`);
  await expect(responses(page).first()).toHaveAttribute('data-status', '204');
});
