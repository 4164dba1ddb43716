// Shared test setup: every test fails on a console error, an uncaught page error or a dialog
// (an injected `alert` would open one), so each flow also proves the page stayed healthy.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('dialog', async (dialog) => {
      problems.push(`unexpected dialog: ${dialog.message()}`);
      // The page may be closing already; the dialog is recorded either way.
      await dialog.dismiss().catch(() => {});
    });
    // A CSP violation is also a failure, whether or not Chromium logs it.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await use(page);
    expect(problems, 'no console errors, page errors or dialogs').toEqual([]);
  },
});

export { expect };

/** Holds every request matching `pattern` (a Playwright route pattern) until the returned
 *  function is called. */
export async function holdRequests(page, pattern) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Opens the app at a fragment (without `#`) and waits until it has rendered. */
export async function openApp(page, fragment = '', base = './') {
  await page.goto(fragment ? `${base}#${fragment}` : base);
  await waitReady(page);
}

export async function waitReady(page) {
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
}

/** The main view, below the site header. */
export const main = (page) => page.locator('main');
