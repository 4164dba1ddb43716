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
  await expect(page.locator('.result-count')).toContainText(/result/);
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
  await expect(page.locator('.result-count')).toContainText('No results for');
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

// Issue #14 §1–§3 and #19 item 8, typed into the search box as a person would: each row is
// (what is typed, the fragments the first results must link to, in order).
const KINDS = {
  'word forms': [
    ['too many redirects', ['#302']],
    ['redirects', ['#307', '#308']],
    ['limiting', ['#429']],
    ['timed out', ['#408', '#504']],
    ['rate limits', ['#429']],
  ],
  'extra words': [
    ['too many redirects please', ['#302', '#307', '#308']],
    ['page not found error', ['#404']],
    ['bad gateway cloudflare', ['#502']],
    ['service unavailable heroku', ['#503']],
    ['gateway timeout upstream nginx', ['#504']],
  ],
  'names from code': [
    ['http.StatusRequestEntityTooLarge', ['#413']],
    ['HTTPStatus.REQUEST_ENTITY_TOO_LARGE', ['#413']],
    ['StatusCode::PAYLOAD_TOO_LARGE', ['#413']],
    ['HttpStatusCode.RequestEntityTooLarge', ['#413']],
    ['StatusTeapot', ['#418']],
    ['Status404NotFound', ['#404']],
    [':too_many_requests', ['#429']],
  ],
  'odd numbers': [
    ['0', ['#0']],
    ['000', ['#000']],
    ['status 0', ['#0']],
    ['http 0', ['#0']],
    ['600', ['#600']],
  ],
  'platform codes': [
    ['error 1020', ['#403']],
    ['H12', ['#503']],
    ['404.3', ['#404']],
    ['ERR_TOO_MANY_REDIRECTS', ['#302']],
    ['connection refused', ['#502', '#521']],
    ['curl: (7)', ['#000']],
  ],
  comparisons: [
    ['401 vs 403', ['#401-vs-403', '#401', '#403']],
    ['401 403', ['#401-vs-403']],
    ['compare 404 410', ['#404-vs-410']],
  ],
};

for (const [kind, rows] of Object.entries(KINDS)) {
  test(`${kind}: what people type leads to the right page`, async ({ page }) => {
    await openApp(page);
    for (const [query, expected] of rows) {
      await box(page).fill(query);
      const links = results(page).locator('li a');
      await expect(links.first()).toHaveAttribute('href', expected[0]);
      const hrefs = await links.evaluateAll((all) => all.map((link) => link.getAttribute('href')));
      expect(hrefs.slice(0, expected.length), query).toEqual(expected);
    }
  });
}

test('numbers that are not status codes never offer 100 Continue or a shorter code', async ({ page }) => {
  await openApp(page);
  for (const query of ['0', '000', 'status 0', '1020', '1015']) {
    await box(page).fill(query);
    await expect(results(page).locator('li a').first()).toBeVisible();
    const hrefs = await page.locator('[data-testid="search"] a').evaluateAll((all) => all.map((link) => link.getAttribute('href')));
    for (const near of ['#100', '#101', '#102', '#103']) expect(hrefs, query).not.toContain(near);
  }
  await box(page).fill('000');
  const first = results(page).locator('li').first();
  await expect(first).toContainText('Not a status code');
  await first.locator('a').click();
  await expect(page).toHaveURL(/#000$/);
});

test('ssl and timeout put the codes about them first', async ({ page }) => {
  await openApp(page);
  await box(page).fill('ssl');
  await expect(results(page).locator('li').first()).not.toContainText(/overload/i);
  await box(page).fill('timeout');
  const hrefs = await results(page).locator('li a').evaluateAll((all) => all.map((link) => link.getAttribute('href')));
  const processing = hrefs.indexOf('#102');
  for (const code of ['#408', '#504', '#524', '#522']) {
    expect(hrefs.indexOf(code), code).toBeGreaterThanOrEqual(0);
    if (processing >= 0) expect(hrefs.indexOf(code), code).toBeLessThan(processing);
  }
});

test('a comparison result opens the comparison, and Enter does too', async ({ page }) => {
  await openApp(page);
  await box(page).fill('401 vs 403');
  await expect(results(page).locator('li').first()).toContainText('Comparison');
  await box(page).press('Enter');
  await expect(page).toHaveURL(/#401-vs-403$/);
});

test('an empty search box invites a search instead of reporting a failure', async ({ page }) => {
  await openApp(page, 'q=');
  await expect(page.getByTestId('search')).toBeVisible();
  await expect(page.locator('.result-count')).not.toContainText(/No results|No codes/);
  await expect(page.getByTestId('no-results')).toHaveCount(0);
  await expect(page.getByTestId('search-start').locator('a[href="#4xx"]')).toBeVisible();
});

test('a result is titled by the name people know, like the code page', async ({ page }) => {
  await openApp(page);
  await box(page).fill('teapot');
  const first = results(page).locator('li').first();
  await expect(first.locator('a')).toHaveAttribute('href', '#418');
  await expect(first.locator('.code-phrase')).toHaveText("I'm a teapot");
});

test('the query reaches the address and title once typing pauses, and a result followed at once still leaves the search in history', async ({ page }) => {
  await openApp(page, '404');
  await box(page).focus();
  await page.keyboard.type('teapot');
  await expect(page).toHaveURL(/#q=teapot$/);
  await expect(page).toHaveTitle(/teapot/);
  // Typing again and clicking a result before the pause: the search is still written first.
  await page.keyboard.type(' 418');
  await results(page).locator('a[href="#418"]').first().click();
  await expect(page).toHaveURL(/#418$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('418');
  await page.goBack();
  await expect(page).toHaveURL(/#q=teapot%20418$/);
  await expect(box(page)).toHaveValue('teapot 418');
});
