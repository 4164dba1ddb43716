// "In your code": each code's page lists the name every library gives it (loaded on demand from
// constants.json), and #constants compares the libraries.
import { readFileSync } from 'node:fs';
import { test, expect, openApp } from './fixtures.js';

const data = JSON.parse(readFileSync('assets/constants.json', 'utf8'));
const section = (page) => page.getByTestId('constants');
const row = (page, library) => section(page).locator(`tr[data-library="${library}"]`);

/** Opens a code's page and scrolls to "In your code", which loads the table as it nears the window. */
async function openSection(page, code) {
  await openApp(page, code);
  await section(page).scrollIntoViewIfNeeded();
}

test('413 shows every library, with Go named after the former phrase', async ({ page }) => {
  await openSection(page, '413');
  await expect(section(page).getByRole('heading', { name: 'In your code' })).toBeVisible();
  await expect(section(page).locator('tbody tr')).toHaveCount(data.libraries.length);
  const go = row(page, 'go');
  await expect(go.locator('code')).toHaveText(['http.StatusRequestEntityTooLarge']);
  await expect(go.getByTestId('former-phrase')).toContainText('Request Entity Too Large');
  await expect(go.getByTestId('former-phrase')).toContainText('Content Too Large');
  await expect(go).toHaveAttribute('data-lags', 'true');
  // Python's current name is the RFC 9110 one, since 3.13; the old one is marked as older.
  const python = row(page, 'python');
  await expect(python.locator('[data-standing="current"] code')).toHaveText('HTTPStatus.CONTENT_TOO_LARGE');
  await expect(python.locator('[data-standing="current"]')).toContainText('since 3.13');
  await expect(python.locator('[data-standing="older"] code')).toHaveText('HTTPStatus.REQUEST_ENTITY_TOO_LARGE');
  await expect(python.locator('[data-standing="older"]')).toContainText('older name');
  await expect(python).not.toHaveAttribute('data-lags', 'true');
  await expect(row(page, 'rack').locator('[data-standing="current"] code')).toHaveText(':content_too_large');
});

test('418 and 425 say "not defined" for the libraries without a name', async ({ page }) => {
  await openSection(page, '418');
  await expect(row(page, 'go').locator('code')).toHaveText(['http.StatusTeapot']);
  for (const library of ['java', 'dotnet', 'rack', 'nethttp']) {
    await expect(row(page, library)).toContainText('not defined');
    await expect(row(page, library).locator('code')).toHaveCount(0);
  }
  await openSection(page, '425');
  await expect(row(page, 'python').locator('[data-standing="current"]')).toContainText('HTTPStatus.TOO_EARLY');
  await expect(row(page, 'python').locator('[data-standing="current"]')).toContainText('since 3.9');
  for (const library of ['java', 'dotnet', 'aspnetcore', 'nethttp', 'npm-http-status-codes']) {
    await expect(row(page, library)).toContainText('not defined');
  }
});

test('each name has a copy button that puts exactly that name on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openSection(page, '422');
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  await row(page, 'go').getByRole('button', { name: 'Copy http.StatusUnprocessableEntity' }).click();
  await expect.poll(clipboard).toBe('http.StatusUnprocessableEntity');
  await expect(page.getByTestId('constants-copy-status')).toHaveText('Copied http.StatusUnprocessableEntity.');
  await row(page, 'plug').getByRole('button', { name: 'Copy :unprocessable_entity' }).click();
  await expect.poll(clipboard).toBe(':unprocessable_entity');
  // One button per name shown.
  await expect(section(page).locator('code')).toHaveCount(await section(page).getByRole('button', { name: /^Copy / }).count());
});

test('the table loads only when a view needs it', async ({ page }) => {
  const fetched = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/constants.json')) fetched.push(request.url());
  });
  await openApp(page, '');
  expect(fetched, 'the home view does not load the table').toEqual([]);
  // A code's page read at its top does not load it either: "In your code" comes last, and the
  // table loads as it nears the window.
  await openApp(page, '404');
  const far = await section(page).evaluate((element) => element.getBoundingClientRect().top > 2 * innerHeight);
  expect(far, '"In your code" starts more than a window below the window').toBe(true);
  await expect(section(page).getByTestId('constants-loading')).toHaveCount(1);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(fetched, 'a code page read at its top does not load the table').toEqual([]);
  await section(page).scrollIntoViewIfNeeded();
  await expect(row(page, 'go').locator('code')).toHaveText(['http.StatusNotFound']);
  expect(fetched.length).toBeGreaterThan(0);
  // Within the visit the table is kept: another code's page asks for nothing more.
  const before = fetched.length;
  await page.goto('./#500');
  await section(page).scrollIntoViewIfNeeded();
  await expect(row(page, 'java').locator('[data-standing="current"] code')).toHaveText('HttpURLConnection.HTTP_INTERNAL_ERROR');
  expect(fetched.length).toBe(before);
});

test('#constants compares the libraries', async ({ page }) => {
  await openApp(page, '');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'In code' }).click();
  await expect(page).toHaveURL(/#constants$/);
  const view = page.getByTestId('constants-page');
  await expect(view.getByRole('heading', { level: 1 })).toHaveText('Status codes in your code');
  await expect(page).toHaveTitle(/Status codes in your code/);
  const summary = view.getByTestId('library-summary');
  await expect(summary.locator('tbody tr')).toHaveCount(data.libraries.length);
  // Go lags the RFC 9110 name of 413; Python does not. Java lacks 418.
  await expect(summary.locator('tr[data-library="go"] [data-testid="lagging"]')).toContainText('413');
  await expect(summary.locator('tr[data-library="python"] [data-testid="lagging"]')).not.toContainText('413');
  await expect(summary.locator('tr[data-library="java"] [data-testid="lacking"]')).toContainText('418');
  await expect(summary.locator('tr[data-library="rust"]')).toContainText('1.5.0');
  // The grid lists codes whose names differ; 413 is one, 404 (the same words everywhere) is not
  // until every code is asked for.
  const grid = view.getByTestId('all-codes');
  await expect(grid.locator('tr[data-code="413"] td[data-library="go"]')).toContainText('http.StatusRequestEntityTooLarge');
  await expect(grid.locator('tr[data-code="404"]')).toHaveCount(0);
  await view.getByTestId('only-differences').uncheck();
  await expect(grid.locator('tr[data-code="404"] td[data-library="symfony"]')).toHaveText('Response::HTTP_NOT_FOUND');
  await grid.locator('tr[data-code="413"] th a').click();
  await expect(page).toHaveURL(/#413$/);
});
