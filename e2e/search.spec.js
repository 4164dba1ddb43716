import { test, expect, openApp, waitReady } from './fixtures.js';

const box = (page) => page.getByRole('searchbox', { name: 'Search status codes' });
const results = (page) => page.getByTestId('results');

test('typing shows ranked results as links, with why each matched', async ({ page }) => {
  await openApp(page);
  await box(page).fill('rate limit');
  const first = results(page).locator('li').first();
  await expect(first.locator('a')).toHaveAttribute('href', '#429');
  await expect(first).toContainText('keyword');
  await expect(first.locator('mark').first()).toBeVisible();
  await expect(page.locator('.result-count')).toContainText(/code/);
  await expect(page).toHaveURL(/#q=rate%20limit$/);
});

test('a number ranks the exact code first, then its prefixes', async ({ page }) => {
  await openApp(page);
  await box(page).pressSequentially('40');
  const codes = await results(page).locator('li a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(codes.slice(0, 3)).toEqual(['#400', '#401', '#402']);
  await box(page).pressSequentially('4');
  await expect(results(page).locator('li a').first()).toHaveAttribute('href', '#404');
});

test('a broad query shows the first 30 results, then all of them on request', async ({ page }) => {
  await openApp(page);
  await box(page).fill('t');
  const rows = results(page).locator('li');
  const count = Number((await page.locator('.result-count').textContent()).match(/\d+/)[0]);
  expect(count).toBeGreaterThan(30);
  await expect(rows).toHaveCount(30);
  // The arrow keys stop at the last result on the page.
  for (let press = 0; press < 35; press++) await box(page).press('ArrowDown');
  await expect(rows.nth(29)).toHaveClass(/selected/);
  const showAll = page.getByTestId('show-all');
  await expect(showAll).toHaveText(`Show all ${count} results`);
  await showAll.click();
  await expect(rows).toHaveCount(count);
  await expect(showAll).toBeHidden();
  await expect(rows.nth(30).locator('a')).toBeFocused();
  // A new query starts short again.
  await box(page).fill('r');
  await expect(rows).toHaveCount(30);
  await expect(page.getByTestId('show-all')).toBeVisible();
});

test('/ focuses the search from anywhere, arrows move, Enter opens', async ({ page }) => {
  await openApp(page, '4xx');
  await page.locator('main h1').click();
  await page.keyboard.press('/');
  await expect(box(page)).toBeFocused();
  await page.keyboard.type('not');
  const rows = results(page).locator('li');
  await expect(rows.nth(2)).toBeVisible();
  await expect(rows.first()).toHaveClass(/selected/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(2)).toHaveClass(/selected/);
  await page.keyboard.press('ArrowUp');
  await expect(rows.nth(1)).toHaveClass(/selected/);
  const chosen = (await rows.nth(1).locator('a').getAttribute('href')).slice(1);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('detail')).toHaveAttribute('data-code', chosen);
  // Back returns to the search, which survived as its own history entry.
  await page.goBack();
  await expect(results(page)).toBeVisible();
  await expect(box(page)).toHaveValue('not');
});

test('Esc clears the search and returns to where you were', async ({ page }) => {
  await openApp(page, '503');
  await page.keyboard.press('/');
  await page.keyboard.type('gatway timout');
  await expect(results(page).locator('li a').first()).toHaveAttribute('href', '#504');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('detail')).toHaveAttribute('data-code', '503');
  await expect(box(page)).toHaveValue('');
  await expect(page).toHaveURL(/#503$/);
});

test('a search in the fragment survives reload and can be shared', async ({ page }) => {
  await openApp(page, 'q=cloudflare');
  await expect(box(page)).toHaveValue('cloudflare');
  await expect(results(page).locator('li a').first()).toHaveAttribute('href', '#520');
  await page.reload();
  await waitReady(page);
  await expect(results(page).locator('li a').first()).toHaveAttribute('href', '#520');
});

test('no match says so and suggests somewhere to go', async ({ page }) => {
  await openApp(page, 'q=qqqqzzzz');
  await expect(page.locator('.result-count')).toContainText('No codes match');
  await expect(page.getByTestId('no-results').locator('a[href="#4xx"]')).toBeVisible();
});

test('hostile queries render as text, and long ones are cut with a note', async ({ page }) => {
  const hostile = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '%E2%80%AEevil', '🙂🙃', '%00%01%1F', '%'];
  for (const query of hostile) {
    await openApp(page, `q=${query}`);
    await expect(page.getByTestId('search')).toBeVisible();
    await expect(page.locator('main img, main script')).toHaveCount(0);
  }
  await openApp(page);
  await box(page).fill('a'.repeat(10_000));
  await expect(page.getByTestId('query-cut')).toBeVisible();
});
