// Feel at home: theme, stored preferences, recent and pinned codes, copy, keyboard, accessibility.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp, waitReady, main } from './fixtures.js';

const KEY = 'http-status-codes.prefs.v1';
const theme = (page) => page.locator('html').getAttribute('data-theme');

test('the theme choice applies at once and persists across reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page);
  expect(await theme(page)).toBe('light');
  await page.getByTestId('theme').selectOption('dark');
  expect(await theme(page)).toBe('dark');
  await page.reload();
  await waitReady(page);
  expect(await theme(page)).toBe('dark');
  await expect(page.getByTestId('theme')).toHaveValue('dark');
});

test('auto follows the system preference, with no flash before the app loads', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  // Read the theme as soon as the document exists, before the wasm has run.
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      window.__themeAtDomReady = document.documentElement.getAttribute('data-theme');
    });
  });
  await openApp(page);
  expect(await page.evaluate(() => window.__themeAtDomReady)).toBe('dark');
  expect(await theme(page)).toBe('dark');
});

for (const [name, stored] of [
  ['a broken JSON fragment', '{'],
  ['a number', '42'],
  ['unknown fields and wrong types', '{"theme":7,"recent":"404","pinned":[999999,"x",null],"extra":true}'],
  ['a 10 MB string', null],
]) {
  test(`corrupt stored preferences load defaults: ${name}`, async ({ page }) => {
    await page.addInitScript(
      ([key, value]) => {
        if (sessionStorage.getItem('seeded')) return;
        sessionStorage.setItem('seeded', '1');
        try {
          localStorage.setItem(key, value ?? 'x'.repeat(10 * 1024 * 1024));
        } catch {
          // Where the browser refuses 10 MB, the app must simply start; nothing to seed.
        }
      },
      [KEY, stored],
    );
    await page.emulateMedia({ colorScheme: 'light' });
    await openApp(page, '404');
    expect(await theme(page)).toBe('light');
    await page.goto('./#');
    await expect(page.getByTestId('home')).toBeVisible();
    await expect(page.getByTestId('recent').locator('a[href="#404"]')).toBeVisible();
  });
}

test('storage that throws on access still lets the app run', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  await openApp(page, '404');
  await expect(page.getByTestId('detail')).toBeVisible();
  await page.getByTestId('theme').selectOption('dark');
  expect(await theme(page)).toBe('dark');
  await page.getByTestId('pin').click();
  await expect(page.getByTestId('pin')).toHaveAttribute('aria-pressed', 'true');
});

test('recent and pinned codes show on home and persist; recent can be cleared', async ({ page }) => {
  await openApp(page, '429');
  await page.getByTestId('pin').click();
  await page.goto('./#503');
  // Recently viewed means seen: a fragment that changes again before its view has drawn is not
  // a visit (and under load the second change can overtake the first's hashchange).
  await expect(page.getByTestId('detail')).toHaveAttribute('data-code', '503');
  await page.goto('./#');
  await expect(page.getByTestId('pinned').locator('a[href="#429"]')).toBeVisible();
  const recent = await page.getByTestId('recent').locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(recent.slice(0, 2)).toEqual(['#503', '#429']);
  await page.reload();
  await waitReady(page);
  await expect(page.getByTestId('pinned').locator('a[href="#429"]')).toBeVisible();
  await page.getByRole('button', { name: 'Clear recently viewed' }).click();
  await expect(page.getByTestId('recent')).toBeHidden();
  await expect(page.getByTestId('pinned')).toBeVisible();
});

test('copy puts the right text on the clipboard, by click and by key', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page, '404');
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  await page.locator('[data-copy="status-line"]').click();
  await expect(page.getByTestId('copy-status')).toHaveText('Copied the status line.');
  expect(await clipboard()).toBe('HTTP/1.1 404 Not Found');
  await page.locator('[data-copy="link"]').click();
  await expect.poll(clipboard).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#404$/);
  await page.locator('[data-copy="example"]').click();
  await expect.poll(clipboard).toMatch(/^HTTP\/1\.1 404 Not Found\n/);
  await page.locator('[data-copy="headers"]').click();
  await expect.poll(clipboard).toContain('Content-Type:');
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.locator('main h1').click();
  await page.keyboard.press('c');
  await expect.poll(clipboard).toBe('HTTP/1.1 404 Not Found');
});

test('shortcuts: ? opens the help, Esc closes it, [ and ] step through codes', async ({ page }) => {
  await openApp(page, '404');
  await page.keyboard.press('?');
  const help = page.getByTestId('shortcuts');
  await expect(help).toBeVisible();
  await expect(help.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await page.keyboard.press(']');
  await expect(page.getByTestId('detail')).toHaveAttribute('data-code', '405');
  await page.keyboard.press('[');
  await page.keyboard.press('[');
  await expect(page.getByTestId('detail')).toHaveAttribute('data-code', '403');
});

test('focus lands on the new view heading after navigation, and the skip link works', async ({ page }) => {
  await openApp(page);
  await main(page).locator('a[href="#4xx"]').first().click();
  await expect(page.locator('main h1')).toBeFocused();
  await openApp(page, '404');
  await page.reload();
  await waitReady(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main h1')).toBeFocused();
});

test('at 360 px wide no view scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const fragment of ['', '4xx', '404', '420', '502', '0', '000', '1020', 'q=not', 'compare', 'decide/client', '999']) {
    await openApp(page, fragment);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `#${fragment}`).toBeLessThanOrEqual(0);
  }
});

// One test per view and theme: axe on a long page is slow, and a loop of them would race the
// test timeout on a loaded machine.
for (const scheme of ['light', 'dark']) {
  for (const fragment of ['', '4xx', '404', '502', '000', '1020', 'q=rate%20limit', 'q=t', '401-vs-403', 'decide/client']) {
    test(`axe finds no violations at #${fragment} in the ${scheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await openApp(page, fragment);
      expect(await theme(page)).toBe(scheme);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((violation) => `${violation.id} ${violation.nodes.map((node) => node.target).join(' ')}`)).toEqual([]);
    });
  }

  test(`axe finds no violations in the shortcuts dialog in the ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp(page);
    await page.keyboard.press('?');
    await expect(page.getByTestId('shortcuts')).toBeVisible();
    const dialog = await new AxeBuilder({ page }).include('[data-testid="shortcuts"]').analyze();
    expect(dialog.violations.map((violation) => violation.id)).toEqual([]);
  });
}
