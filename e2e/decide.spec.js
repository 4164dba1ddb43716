import { test, expect, openApp } from './fixtures.js';

const pick = (page, slug) => page.getByTestId('decide').locator(`a.answer[data-answer="${slug}"]`).click();
const result = (page) => page.getByTestId('decide-result');

test('created something → 201 with Location', async ({ page }) => {
  await openApp(page, 'decide');
  await pick(page, 'success');
  await pick(page, 'created');
  await expect(result(page).locator('[data-code="201"]')).toBeVisible();
  await expect(result(page)).toContainText('Location');
  await expect(page).toHaveURL(/#decide\/success\/created$/);
});

test('logged in but not allowed → 403, then step back through the breadcrumbs', async ({ page }) => {
  await openApp(page, 'decide');
  await pick(page, 'client');
  await pick(page, 'auth');
  await pick(page, 'logged-in');
  await expect(result(page).locator('[data-code="403"]')).toBeVisible();
  const crumbs = page.getByRole('navigation', { name: 'Your answers so far' });
  await crumbs.getByRole('link').nth(1).click();
  await expect(page).toHaveURL(/#decide\/client$/);
  await expect(page.getByTestId('answers')).toBeVisible();
  await page.goBack();
  await expect(result(page).locator('[data-code="403"]')).toBeVisible();
});

test('overloaded → 503 with Retry-After, using number keys', async ({ page }) => {
  await openApp(page, 'decide');
  const rootAnswers = await page.locator('a.answer').evaluateAll((links) => links.map((link) => link.dataset.answer));
  await page.keyboard.press(String(rootAnswers.indexOf('server') + 1));
  await expect(page).toHaveURL(/#decide\/server$/);
  const serverAnswers = await page.locator('a.answer').evaluateAll((links) => links.map((link) => link.dataset.answer));
  await page.keyboard.press(String(serverAnswers.indexOf('unavailable') + 1));
  await expect(result(page).locator('[data-code="503"]')).toBeVisible();
  await expect(result(page)).toContainText('Retry-After');
});

test('a shared path opens straight on its result', async ({ page }) => {
  await openApp(page, 'decide/client/auth/logged-in');
  await expect(result(page).locator('[data-code="403"]')).toBeVisible();
});

test('an unknown step shows where it went wrong and the nearest valid step', async ({ page }) => {
  await openApp(page, 'decide/client/auht');
  const problem = page.getByTestId('decide-invalid');
  await expect(problem).toContainText('auht');
  await expect(problem.getByRole('link')).toHaveAttribute('href', '#decide/client/auth');
  await expect(page.getByTestId('answers')).toBeVisible();
});

test('nonsense and markup in the path are shown as text', async ({ page }) => {
  await openApp(page, 'decide/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
  await expect(page.getByTestId('decide-invalid')).toContainText('<img');
  await expect(page.locator('main img')).toHaveCount(0);
  await openApp(page, 'decide/success/created/more/steps');
  await expect(page.getByTestId('decide-extra')).toBeVisible();
  await expect(result(page).locator('[data-code="201"]')).toBeVisible();
});

// Paths for situations people bring: each answer clicked in turn, the codes recommended, a
// header the result advises and a phrase of its reason.
const situations = [
  { name: 'a Range past the end → 416 with Content-Range', path: ['client', 'state', 'range'], codes: ['416'], header: 'Content-Range', says: 'RFC 9110 §15.5.17' },
  { name: 'a write without If-Match where one is required → 428', path: ['client', 'state', 'unconditional-write'], codes: ['428'], header: null, says: 'If-Match' },
  { name: 'an upstream that cannot be reached at all → 502', path: ['server', 'upstream', 'unreachable'], codes: ['502'], header: null, says: 'nginx' },
  { name: 'a page in a browser that needs a sign-in → redirect to the sign-in page', path: ['client', 'auth', 'logged-out', 'browser-page'], codes: ['302', '303'], header: 'Location', says: 'sign-in page' },
  { name: 'an API call without valid credentials → 401 with WWW-Authenticate', path: ['client', 'auth', 'logged-out', 'api-call'], codes: ['401'], header: 'WWW-Authenticate', says: 'WWW-Authenticate' },
];

for (const { name, path, codes, header, says } of situations) {
  test(name, async ({ page }) => {
    await openApp(page, 'decide');
    for (const slug of path) await pick(page, slug);
    await expect(page).toHaveURL(new RegExp(`#decide/${path.join('/')}$`));
    for (const code of codes) await expect(result(page).locator(`[data-code="${code}"]`)).toBeVisible();
    await expect(result(page).locator('.result-codes > li')).toHaveCount(codes.length);
    if (header) await expect(result(page)).toContainText(header);
    await expect(result(page)).toContainText(says);
  });
}

test('the questions load only when the guide opens, once per visit', async ({ page }) => {
  const fetched = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/decisions.json')) fetched.push(request.url());
  });
  await openApp(page, '');
  expect(fetched, 'the home view does not load the questions').toEqual([]);
  await page.getByRole('link', { name: 'Which status code should I send?' }).first().click();
  // The heading the app moved focus to stays while the questions arrive.
  await expect(page.getByTestId('decide').locator('a.answer').first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await pick(page, 'success');
  await pick(page, 'created');
  await expect(result(page).locator('[data-code="201"]')).toBeVisible();
  expect(fetched).toHaveLength(1);
  // Leaving and coming back asks for nothing more.
  await page.evaluate(() => { window.location.hash = '404'; });
  await expect(page.getByRole('heading', { level: 1 })).toContainText('404');
  await page.evaluate(() => { window.location.hash = 'decide'; });
  await expect(page.getByTestId('decide').locator('a.answer').first()).toBeVisible();
  expect(fetched).toHaveLength(1);
});

test('questions that cannot be read say so, and the number keys do nothing', async ({ page }) => {
  // A broken file rather than a refused request, which Chromium would log as a console error.
  await page.route('**/decisions.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"start":' }));
  await openApp(page, 'decide');
  await expect(page.getByTestId('decide-failed')).toContainText('could not be loaded');
  await page.keyboard.press('1');
  await expect(page).toHaveURL(/#decide$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Which status code should I send?');
});
