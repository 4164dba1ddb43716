// The first paint comes from HTML rendered at build time, not from the wasm: these tests hold the
// wasm back (or turn JavaScript off) and check what a person sees meanwhile and afterwards.
import { test as plainTest, expect as plainExpect } from '@playwright/test';
import { test, expect, waitReady, main, holdRequests, openApp } from './fixtures.js';

const CLASS_HEADINGS = ['1xx Informational', '2xx Success', '3xx Redirection', '4xx Client Error', '5xx Server Error'];

/** Holds every wasm request until the returned function is called. */
const holdWasm = (page) => holdRequests(page, '**/*.wasm');

/** Waits two frames, so that any layout shift the last change caused has been reported. */
const twoFrames = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/** Records layout shifts from the very start of the page, for CLS. */
async function recordLayoutShifts(page) {
  await page.addInitScript(() => {
    window.__layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__layoutShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

test('home reads before the wasm has loaded, then the app takes over with the same content', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('./');
  for (const label of CLASS_HEADINGS) {
    await expect(main(page).getByRole('heading', { level: 3, name: label })).toBeVisible();
  }
  await expect(main(page).locator('a[href="#404"]').first()).toBeVisible();
  const codesBefore = await main(page).locator('.class-cards a[href^="#"]').count();
  expect(codesBefore).toBeGreaterThan(100);
  expect(await page.locator('html').getAttribute('data-ready')).toBeNull();

  release();
  await waitReady(page);
  expect(await main(page).locator('.class-cards a[href^="#"]').count()).toBe(codesBefore);
  // The app is live: the search box answers.
  await page.fill('#search-input', 'teapot');
  await expect(main(page).locator('a[href="#418"]').first()).toBeVisible();
});

test('a link to a code shows its pre-rendered view while the wasm loads, then the live one, without a layout shift', async ({ page }) => {
  await recordLayoutShifts(page);
  const release = await holdWasm(page);
  await page.goto('./#404');
  const detail = page.getByTestId('detail');
  await expect(detail).toHaveAttribute('data-code', '404');
  await expect(detail.getByRole('heading', { level: 1 })).toHaveText('404 Not Found');
  await expect(page).toHaveTitle('404 Not Found · HTTP Status Codes');
  await expect(detail.getByRole('heading', { name: 'What a client should do' })).toBeVisible();
  await expect(page.getByTestId('home')).toHaveCount(0);
  await expect(page.locator('.site-footer')).toBeVisible();
  expect(await page.locator('html').getAttribute('data-ready')).toBeNull();

  release();
  await waitReady(page);
  await expect(detail).toHaveAttribute('data-code', '404');
  await twoFrames(page);
  expect(await page.evaluate(() => window.__layoutShift)).toBe(0);
  // The app's own view now: the pin button works.
  await detail.getByTestId('pin').click();
  await expect(detail.getByTestId('pin')).toHaveAttribute('aria-pressed', 'true');
});

test('a link to the checker shows its pre-rendered view while the wasm loads; a paste made meanwhile is checked once the app starts', async ({ page }) => {
  await recordLayoutShifts(page);
  const release = await holdWasm(page);
  await page.goto('./#check');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check a response');
  await expect(page).toHaveTitle('Check a response · HTTP Status Codes');
  await expect(page.getByTestId('home')).toHaveCount(0);
  expect(await page.locator('html').getAttribute('data-ready')).toBeNull();
  // Pasted into the pre-rendered text area, before the app can read it.
  await page.getByTestId('check-input').fill('HTTP/1.1 401 Unauthorized\nDate: Mon, 30 Nov 2026 09:12:44 GMT\nContent-Length: 0\n\n');
  release();
  await waitReady(page);
  await expect(page.getByTestId('check-input')).toHaveValue(/^HTTP\/1\.1 401 /);
  await expect(page.getByTestId('checked-response').first()).toHaveAttribute('data-status', '401');
  await expect(page.locator('[data-testid="finding"][data-rule="header-must"]').first()).toBeVisible();
  await expect(page.getByTestId('check-input')).toBeFocused();
  await twoFrames(page);
  expect(await page.evaluate(() => window.__layoutShift)).toBe(0);
});

test('a link to a class shows its pre-rendered view before the app', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('./#5xx');
  await expect(page.getByTestId('class')).toHaveAttribute('data-class', '5xx');
  await expect(main(page).locator('a[href="#503"]').first()).toBeVisible();
  release();
  await waitReady(page);
  await expect(page.getByTestId('class')).toHaveAttribute('data-class', '5xx');
});

for (const fragment of ['401-vs-403', 'q=teapot', '471']) {
  test(`a link to #${fragment}, which has no pre-rendered view, shows no home content while the wasm loads`, async ({ page }) => {
    await recordLayoutShifts(page);
    const requested = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    const release = await holdWasm(page);
    await page.goto(`./#${fragment}`);
    await expect(page.locator('.site-header')).toBeVisible();
    await expect(page.getByTestId('home')).toBeHidden();
    await expect(page.locator('.site-footer')).toBeHidden();
    release();
    await waitReady(page);
    await expect(page.getByTestId('home')).toHaveCount(0);
    await expect(page.locator('.site-footer')).toBeVisible();
    expect(await page.evaluate(() => window.__layoutShift)).toBe(0);
    // Only views that exist are asked for: a missing file would be a console error and a wasted request.
    expect(requested.filter((path) => path.includes('/views/'))).toEqual([]);
  });
}

test("a pre-rendered code view shows a returning visitor's pin", async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('http-status-codes.prefs.v1', JSON.stringify({ theme: 'auto', pinned: [404], recent: [] })));
  const release = await holdWasm(page);
  await page.goto('./#404');
  await expect(page.getByTestId('pin')).toHaveAttribute('aria-pressed', 'true');
  release();
  await waitReady(page);
  await expect(page.getByTestId('pin')).toHaveAttribute('aria-pressed', 'true');
});

test('a button pressed on a pre-rendered view before the app has started takes effect once it has', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const release = await holdWasm(page);
  await page.goto('./#404');
  await page.getByTestId('pin').click();
  await page.getByRole('button', { name: 'Copy status line' }).click();
  await expect(page.locator('html')).not.toHaveAttribute('data-ready', 'true');
  release();
  await waitReady(page);
  // The last press is the one carried over.
  await expect(page.getByTestId('copy-status')).toHaveText('Copied the status line.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('HTTP/1.1 404 Not Found');
  await expect(page.getByTestId('pin')).toHaveAttribute('aria-pressed', 'false');
  await page.getByTestId('pin').click();
  await expect(page.getByTestId('pin')).toHaveAttribute('aria-pressed', 'true');
});

test('a press before the app has started is not carried over to another view', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('./#404');
  await page.getByTestId('pin').click();
  await page.evaluate(() => { location.hash = '#410'; });
  release();
  await waitReady(page);
  await expect(page.getByTestId('detail')).toHaveAttribute('data-code', '410');
  await expect(page.getByTestId('pin')).toHaveAttribute('aria-pressed', 'false');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('http-status-codes.prefs.v1') ?? '{}'));
  expect(stored.pinned ?? []).toEqual([]);
});

test('a host answering for a view with some other page is not shown as the view', async ({ page }) => {
  await page.route('**/views/404.html', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><p data-testid="impostor">Some other page</p>' }));
  const release = await holdWasm(page);
  await page.goto('./#404');
  await expect(page.getByTestId('home')).toBeHidden();
  await expect(page.getByTestId('impostor')).toHaveCount(0);
  release();
  await waitReady(page);
  await expect(page.getByTestId('detail')).toHaveAttribute('data-code', '404');
  await expect(page.getByTestId('impostor')).toHaveCount(0);
});

test('a search typed before the app has started is carried over, with focus kept', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('./');
  await page.locator('#search-input').fill('teapot');
  release();
  await waitReady(page);
  await expect(main(page).locator('a[href="#418"]').first()).toBeVisible();
  await expect(page.locator('#search-input')).toHaveValue('teapot');
  await expect(page.locator('#search-input')).toBeFocused();
  await page.keyboard.type(' 418');
  await expect(page.locator('#search-input')).toHaveValue('teapot 418');
  // The query reaches the fragment once typing pauses.
  await expect.poll(() => new URL(page.url()).hash).toBe('#q=teapot%20418');
});

test('keyboard focus in the pre-rendered page stays on the same control when the app takes over', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('./');
  await expect(main(page).locator('a[href="#404"]').first()).toBeVisible();
  for (let press = 0; press < 4; press++) await page.keyboard.press('Tab');
  const describe = () => page.evaluate(() => {
    const active = document.activeElement;
    return { tag: active.tagName, href: active.getAttribute('href'), text: active.textContent.trim() };
  });
  const before = await describe();
  expect(before.tag).toBe('A');
  release();
  await waitReady(page);
  expect(await describe()).toEqual(before);
  // It is the app's own link now, not a leftover of the pre-rendered page.
  expect(await page.evaluate(() => document.activeElement.isConnected && document.activeElement !== document.body)).toBe(true);
});

test('the skip link followed before the app has started still leaves the home view', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('./');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  // Reloaded there, it is still home, shown at once rather than held back for the app.
  await page.reload();
  await expect(page.getByTestId('home')).toBeVisible();
  expect(await page.locator('html').getAttribute('data-ready')).toBeNull();
  release();
  await waitReady(page);
  await expect(page.getByTestId('home')).toBeVisible();
});

test("home's largest paint is the pre-rendered page, and no script nor the wasm is fetched before the first paint", async ({ page }) => {
  await page.addInitScript(() => {
    window.__largestPaints = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__largestPaints.push(entry.element);
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto('./');
  await waitReady(page);
  await twoFrames(page);
  const seen = await page.evaluate(() => ({
    // The app replaced every pre-rendered node, so a pre-rendered element is now disconnected.
    largestIsPrerendered: window.__largestPaints.length > 0 && window.__largestPaints.every((element) => element && !element.isConnected),
    firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    wasmFetchStart: performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('.wasm'))?.startTime,
    loaderFetchStart: performance.getEntriesByType('resource').find((entry) => /http-status-codes-[0-9a-f]+\.js$/.test(entry.name))?.startTime,
    // Everything fetched before the first paint, besides the document itself.
    beforePaint: performance.getEntriesByType('resource')
      .filter((entry) => entry.startTime < performance.getEntriesByName('first-contentful-paint')[0]?.startTime)
      .map((entry) => new URL(entry.name).pathname.split('/').pop()),
  }));
  // No script at all (the stylesheets and the icon may come): the service worker's registration
  // script comes after, with the wasm.
  expect(seen.beforePaint.filter((file) => /\.(js|mjs|wasm)$/.test(file))).toEqual([]);
  expect(seen.largestIsPrerendered).toBe(true);
  expect(seen.firstContentfulPaint).toBeGreaterThan(0);
  expect(seen.wasmFetchStart).toBeGreaterThanOrEqual(seen.firstContentfulPaint);
  // The wasm does not wait for the loader to ask for it: both are fetched side by side.
  expect(seen.loaderFetchStart).toBeGreaterThanOrEqual(seen.wasmFetchStart);
});

test("a returning visitor's pinned and recent codes show before the app, and stay put as it takes over", async ({ page }) => {
  // Stored before the page's own scripts run, as a previous visit would have left it.
  await page.addInitScript(() => localStorage.setItem('http-status-codes.prefs.v1', JSON.stringify({ theme: 'auto', pinned: [429], recent: [503, 404] })));
  await recordLayoutShifts(page);
  const release = await holdWasm(page);
  await page.goto('./');
  await expect(page.getByTestId('home')).toBeVisible();
  await expect(page.getByTestId('pinned').locator('a')).toHaveText(['429 Too Many Requests']);
  await expect(page.getByTestId('recent').locator('a')).toHaveText(['503 Service Unavailable', '404 Not Found']);
  release();
  await waitReady(page);
  await expect(page.getByTestId('pinned').locator('a')).toHaveText(['429 Too Many Requests']);
  await expect(page.getByTestId('recent').locator('a')).toHaveText(['503 Service Unavailable', '404 Not Found']);
  await twoFrames(page);
  expect(await page.evaluate(() => window.__layoutShift)).toBe(0);
});

test('stored lists show before the app exactly as the app keeps them: known codes, each once', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('http-status-codes.prefs.v1', JSON.stringify({ pinned: [999, 418, '404', 418, null, 1.5, -1, 200], recent: 'nope' })));
  const hrefs = (testId) => page.getByTestId(testId).locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  const release = await holdWasm(page);
  await page.goto('./');
  await expect(page.getByTestId('pinned')).toBeVisible();
  const before = await hrefs('pinned');
  expect(before).toEqual(['#418', '#200']);
  await expect(page.getByTestId('recent')).toBeHidden();
  release();
  await waitReady(page);
  expect(await hrefs('pinned')).toEqual(before);
  await expect(page.getByTestId('recent')).toBeHidden();
});

test('home has no layout shift as the app takes over', async ({ page }) => {
  await recordLayoutShifts(page);
  await page.goto('./');
  await waitReady(page);
  await twoFrames(page);
  expect(await page.evaluate(() => window.__layoutShift)).toBe(0);
});

/** Where each of home's class cards is, and how tall the page is. */
const homeLayout = (page) => page.evaluate(() => ({
  cards: [...document.querySelectorAll('.class-card')].map((card) => card.getBoundingClientRect().top + scrollY),
  height: document.documentElement.scrollHeight,
}));

/** Whether the browser is drawing each of home's lists of codes (`content-visibility: auto` skips those far off screen). */
const listsDrawn = (page) => page.evaluate(() => [...document.querySelectorAll('.class-card .code-row:first-child')]
  .map((row) => row.checkVisibility({ contentVisibilityAuto: true })));

test.describe('on a phone-sized window', () => {
  test.use({ viewport: { width: 412, height: 823 } });

  test('home leaves the lists of codes far below the window unlaid as the app takes over, at the heights they had', async ({ page }) => {
    await recordLayoutShifts(page);
    // The page at the moment it is marked ready, before any later frame.
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        new MutationObserver((changes, observer) => {
          if (document.documentElement.dataset.ready !== 'true') return;
          observer.disconnect();
          window.__atReady = {
            cards: [...document.querySelectorAll('.class-card')].map((card) => card.getBoundingClientRect().top + scrollY),
            height: document.documentElement.scrollHeight,
          };
        }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-ready'] });
      });
    });
    const release = await holdWasm(page);
    await page.goto('./');
    await expect(page.getByTestId('home')).toBeVisible();
    const before = await homeLayout(page);
    release();
    await waitReady(page);
    await page.waitForFunction(() => window.__atReady);
    // The app moves in with the page exactly as it was…
    expect(await page.evaluate(() => window.__atReady)).toEqual(before);
    await twoFrames(page);
    // …and leaves the lists far below the window unlaid.
    expect(await listsDrawn(page)).toEqual([false, false, false, false, false]);

    // Scrolled to, a list is drawn, and what the reader sees stays where it is (lists drawn
    // above it may take another height, which the browser's scroll anchoring makes up for).
    const link = page.locator('.class-card[data-class="4xx"] a[href="#404"]');
    await link.scrollIntoViewIfNeeded();
    await twoFrames(page);
    const seenAt = await link.evaluate((element) => element.getBoundingClientRect().top);
    expect((await listsDrawn(page))[3]).toBe(true);
    await twoFrames(page);
    expect(await link.evaluate((element) => element.getBoundingClientRect().top)).toBe(seenAt);
    expect(await page.evaluate(() => window.__layoutShift)).toBe(0);
  });

  test('Back to home returns to the same place, with the lists above it still unlaid', async ({ page }) => {
    await openApp(page, '');
    const heights = () => page.locator('.class-card .code-list').evaluateAll((lists) => lists.map((list) => list.getBoundingClientRect().height));
    // Straight to 503, past the lists between, as the End key or the scroll bar would.
    const link = page.locator('.class-card[data-class="5xx"] a[href="#503"]');
    await link.scrollIntoViewIfNeeded();
    await twoFrames(page);
    expect((await listsDrawn(page)).slice(1, 3)).toEqual([false, false]);
    const left = { y: await page.evaluate(() => scrollY), heights: await heights() };
    await link.click();
    await expect(page.getByTestId('detail')).toHaveAttribute('data-code', '503');
    await page.goBack();
    await expect(link).toBeVisible();
    await twoFrames(page);
    // The view is drawn anew, with the heights the lists had when it was left, so the position
    // kept for Back measures the same page.
    expect({ y: await page.evaluate(() => scrollY), heights: await heights() }).toEqual(left);
    expect((await listsDrawn(page)).slice(1, 3)).toEqual([false, false]);
  });
});

test.describe('on a window tall enough to show several classes', () => {
  test.use({ viewport: { width: 1280, height: 2400 } });

  test('home draws the lists of codes in or near the window in the first frame after the app takes over', async ({ page }) => {
    // Read in the first frame after the page is marked ready, before anything else can draw.
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        new MutationObserver((changes, observer) => {
          if (document.documentElement.dataset.ready !== 'true') return;
          observer.disconnect();
          requestAnimationFrame(() => {
            window.__firstFrame = [...document.querySelectorAll('.class-card .code-row:first-child')].map((row) => {
              const top = row.getBoundingClientRect().top;
              return { near: top < 2 * innerHeight, drawn: row.checkVisibility({ contentVisibilityAuto: true }) };
            });
          });
        }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-ready'] });
      });
    });
    await page.goto('./');
    await waitReady(page);
    await page.waitForFunction(() => window.__firstFrame);
    const lists = await page.evaluate(() => window.__firstFrame);
    expect(lists).toHaveLength(5);
    const near = lists.filter((list) => list.near);
    expect(near.length).toBeGreaterThanOrEqual(2);
    for (const list of near) expect(list.drawn).toBe(true);
  });
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('home still lists every class and code, and hides the controls that need the app', async ({ page }) => {
    await page.goto('./');
    for (const label of CLASS_HEADINGS) {
      await expect(main(page).getByRole('heading', { level: 3, name: label })).toBeVisible();
    }
    await expect(main(page).locator('a[href="#503"]').first()).toBeVisible();
    await expect(page.locator('#search-input')).toBeHidden();
    await expect(page.locator('.site-footer')).not.toContainText('keyboard shortcuts', { useInnerText: true });
    await expect(page.locator('.site-footer')).toContainText('need JavaScript; the list of codes above works without it');
  });
});

// Plain Playwright test: the failed wasm request is the point here, and the shared fixture would
// count the browser's "failed to load" console error against it.
plainTest('if the wasm cannot load, a deep link still reveals the pre-rendered page after a few seconds', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto('./#401-vs-403');
  await plainExpect(page.getByTestId('home')).toBeHidden();
  await plainExpect(page.getByTestId('home')).toBeVisible({ timeout: 8_000 });
  await plainExpect(page.locator('html')).not.toHaveAttribute('data-ready', 'true');
});

plainTest('if the wasm cannot load, a link to a code still shows that code', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto('./#503');
  await plainExpect(page.getByTestId('detail')).toHaveAttribute('data-code', '503');
  await plainExpect(page.getByTestId('detail')).toContainText('Retry-After');
});

// Total blocking time counts each long task's time beyond 50 ms: the app draws a large view's
// parts in tasks of their own as it starts (`browser::draw_later`), and shows the page only
// once every part is in. The header, its search box and navigation, the shortcuts dialog and the
// window's listeners are five parts, and the view itself is one more, drawn after the header.
for (const [fragment, parts, selector, count] of [
  ['', 11, '.class-card', 5],
  ['404', 9, '[data-testid="detail"] [data-testid="example"], [data-testid="confusions"], [data-testid="constants"]', 3],
  ['q=timeout', 8, '#search-results > li', 2],
]) {
  test(`the app starts on #${fragment} in several tasks, and shows the page whole`, async ({ page }) => {
    // What the page holds at the moment it is marked ready: nothing may be added after.
    await page.addInitScript((selector) => {
      new MutationObserver((changes, observer) => {
        if (document.documentElement.dataset.ready !== 'true') return;
        observer.disconnect();
        window.__atReady = document.querySelectorAll(selector).length;
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
    }, selector);
    await page.goto(fragment ? `./#${fragment}` : './');
    await waitReady(page);
    const timing = await page.evaluate(() => ({
      mount: performance.getEntriesByName('app-mount').map((entry) => entry.startTime + entry.duration),
      draws: performance.getEntriesByName('app-draw').map((entry) => entry.startTime),
      atReady: window.__atReady,
    }));
    expect(timing.mount).toHaveLength(1);
    expect(timing.draws).toHaveLength(parts);
    for (const start of timing.draws) expect(start).toBeGreaterThanOrEqual(timing.mount[0]);
    expect(timing.atReady).toBeGreaterThanOrEqual(count);
  });
}
