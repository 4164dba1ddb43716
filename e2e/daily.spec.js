// Daily use (issue 19): keep my place, fit a phone, copy exactly what I need, say it once.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp, main } from './fixtures.js';

const scrollY = (page) => page.evaluate(() => window.scrollY);
const box = async (locator) => {
  const { x, y, width, height } = await locator.boundingBox();
  return { x, y, width, height };
};

test.describe('back and forward keep the place', () => {
  for (const [from, target] of [['', '503'], ['4xx', '429']]) {
    test(`from #${from} to a code and back restores the scroll position`, async ({ page }) => {
      await openApp(page, from);
      const link = main(page).locator(`.code-list a[href="#${target}"]`).first();
      await link.scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, 120));
      // As a reader would, look before following the link: on home, rows drawn as they near
      // the window may change the scroll position by what they add above, in the next frame.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const left = await scrollY(page);
      expect(left).toBeGreaterThan(400);
      await link.click();
      await expect(page.getByTestId('detail')).toHaveAttribute('data-code', target);
      // A new view starts at the top, with focus on its heading as before.
      expect(await scrollY(page)).toBe(0);
      await expect(page.locator('main h1')).toBeFocused();

      await page.goBack();
      await expect(main(page).locator(`.code-list a[href="#${target}"]`).first()).toBeVisible();
      await expect.poll(() => scrollY(page)).toBeGreaterThan(left - 4);
      expect(Math.abs((await scrollY(page)) - left)).toBeLessThanOrEqual(3);

      await page.goForward();
      await expect(page.getByTestId('detail')).toHaveAttribute('data-code', target);
      expect(await scrollY(page)).toBeLessThanOrEqual(3);
    });
  }

  test('a second visit to a view by a link starts at the top, not where it was left', async ({ page }) => {
    await openApp(page, '4xx');
    await page.evaluate(() => window.scrollTo(0, 1500));
    await page.locator('.site-nav a[href="#5xx"]').click();
    await expect(page.getByTestId('class')).toHaveAttribute('data-class', '5xx');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('.site-nav a[href="#4xx"]').click();
    await expect(page.getByTestId('class')).toHaveAttribute('data-class', '4xx');
    expect(await scrollY(page)).toBe(0);
  });
});

test.describe('on a 390 × 844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the header is at most 120 px tall, keeps the search box and folds the rest into a menu', async ({ page }) => {
    await openApp(page);
    const header = page.locator('.site-header');
    expect((await header.boundingBox()).height).toBeLessThanOrEqual(120);
    await expect(page.locator('#search-input')).toBeVisible();
    const nav = page.locator('.site-nav');
    await expect(nav).toBeHidden();
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await nav.getByRole('link', { name: '4xx' }).click();
    await expect(page.getByTestId('class')).toHaveAttribute('data-class', '4xx');
    // Following a link closes the menu again.
    await expect(nav).toBeHidden();
    expect((await header.boundingBox()).height).toBeLessThanOrEqual(120);
  });

  test('search results get most of the screen', async ({ page }) => {
    await openApp(page);
    await page.fill('#search-input', 'rate limit');
    const results = page.getByTestId('results');
    await expect(results).toBeVisible();
    const top = (await results.boundingBox()).y;
    expect(top).toBeLessThan(844 / 3);
  });

  test('axe finds no violations with the menu open', async ({ page }) => {
    await openApp(page, '404');
    await page.getByRole('button', { name: 'Menu' }).click();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${violation.id} ${violation.nodes.map((node) => node.target).join(' ')}`)).toEqual([]);
  });
});

for (const width of [390, 1280]) {
  test(`at ${width} px the pressed Copy button and the page around it do not move`, async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.setViewportSize({ width, height: 800 });
    await openApp(page, '404');
    const buttons = page.getByTestId('copy-bar').locator('button');
    const count = await buttons.count();
    expect(count).toBeGreaterThanOrEqual(3);
    const before = [];
    for (let index = 0; index < count; index++) before.push(await box(buttons.nth(index)));
    const facts = page.getByTestId('facts').first();
    const factsBefore = await box(facts);

    const pressed = page.locator('[data-copy="status-line"]');
    await pressed.click();
    await expect(page.getByTestId('copy-status')).toHaveText('Copied the status line.');
    await expect(pressed).toHaveAttribute('data-outcome', 'copied');
    await expect(pressed.locator('.copy-outcome[data-shows="copied"]')).toBeVisible();
    for (let index = 0; index < count; index++) expect(await box(buttons.nth(index))).toEqual(before[index]);
    expect(await box(facts)).toEqual(factsBefore);
    // The label comes back, and the button keeps its name throughout.
    await expect(pressed).toHaveAccessibleName('Copy status line');
    await expect(pressed).not.toHaveAttribute('data-outcome', /./, { timeout: 5000 });
    expect(await box(pressed)).toEqual(before[0]);
  });
}

test.describe('at 360 px', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const fragment of ['401-vs-403', '429-vs-503-vs-504']) {
    test(`each visible cell of #${fragment} can be matched to its code`, async ({ page }) => {
      await openApp(page, fragment);
      const cells = page.getByTestId('comparison').locator('tbody td[data-code]');
      const count = await cells.count();
      expect(count).toBeGreaterThan(10);
      for (let index = 0; index < count; index++) {
        const cell = cells.nth(index);
        const code = await cell.getAttribute('data-code');
        await cell.scrollIntoViewIfNeeded();
        const label = cell.locator('.cell-code');
        await expect(label).toBeVisible();
        await expect(label).toHaveText(new RegExp(`^${code} `));
        const { x, width } = await cell.boundingBox();
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x + width).toBeLessThanOrEqual(360);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }

  for (const scheme of ['light', 'dark']) {
    test(`axe finds no violations in a comparison laid out as blocks, ${scheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await openApp(page, '401-vs-403');
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((violation) => `${violation.id} ${violation.nodes.map((node) => node.target).join(' ')}`)).toEqual([]);
    });
  }
});

test("418's heading shows its common name, with the registry's status beside it", async ({ page }) => {
  await openApp(page, '418');
  await expect(page.locator('main h1')).toHaveText("418 I'm a teapot");
  await expect(page).toHaveTitle("418 I'm a teapot · HTTP Status Codes");
  const note = page.getByTestId('name-note');
  await expect(note).toContainText('(Unused)');
  await expect(note).toContainText('reserved and unused');
  await openApp(page, '4xx');
  await expect(main(page).locator('a[href="#418"]').first()).toContainText("I'm a teapot");
  await expect(main(page)).not.toContainText('418 (Unused)');
});

test('copy status line copies a real status line, by click and by key; a log-only code copies a log line', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  await openApp(page, '403');
  await page.locator('[data-copy="status-line"]').click();
  await expect.poll(clipboard).toBe('HTTP/1.1 403 Forbidden');
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.locator('main h1').click();
  await page.keyboard.press('c');
  await expect.poll(clipboard).toBe('HTTP/1.1 403 Forbidden');

  await openApp(page, '444');
  const bar = page.getByTestId('copy-bar');
  await expect(bar.getByRole('button', { name: 'Copy status line' })).toHaveCount(0);
  await expect(bar.getByRole('button', { name: 'Copy headers' })).toHaveCount(0);
  await bar.getByRole('button', { name: 'Copy log line' }).click();
  await expect.poll(clipboard).toMatch(/^192\.0\.2\.44 .* 444 0 /);
});

test('several meanings: the list links each to its section, and copy and comparisons say which they use', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page, '499');
  const index = page.locator('.meanings-index');
  await index.getByRole('link', { name: /Token Required \(Esri ArcGIS\)/ }).click();
  await expect(page).toHaveURL(/#499\/esri-arcgis$/);
  const esri = page.locator('section.meaning[data-meaning="esri-arcgis"]');
  await expect(esri.getByRole('heading', { level: 2 })).toBeFocused();
  expect(Math.abs((await esri.boundingBox()).y)).toBeLessThanOrEqual(4);

  await esri.getByRole('button', { name: 'Copy link' }).click();
  await expect(esri.getByTestId('copy-status')).toHaveText('Copied the link of 499 Token Required (Esri ArcGIS).');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/#499\/esri-arcgis$/);

  // Back returns to the top of the page, where the list was.
  await page.goBack();
  await expect(page).toHaveURL(/#499$/);
  await expect.poll(() => scrollY(page)).toBeLessThanOrEqual(3);

  // A link to a meaning opens there from outside too.
  await openApp(page, '530/pantheon');
  await expect.poll(async () => Math.abs((await page.locator('section.meaning[data-meaning="pantheon"]').boundingBox()).y)).toBeLessThanOrEqual(4);

  await openApp(page, '499-vs-408');
  const comparison = page.getByTestId('comparison');
  await expect(comparison.locator('thead th[data-code="499"]')).toContainText('nginx');
  const several = page.getByTestId('several-meanings');
  await expect(several).toContainText('499 is compared as 499 Client Closed Request (nginx); it also means ');
  await expect(several).toContainText('499 Token Required (Esri ArcGIS)');
});

test('say it once: the retry line and an empty "often confused with"', async ({ page }) => {
  await openApp(page, '102');
  const retry = page.locator('[data-fact="retry"]');
  await expect(retry).toHaveText('Not an error: wait for the final response that follows.');
  await openApp(page, '226');
  const confusions = page.getByTestId('confusions');
  await expect(confusions.getByRole('heading', { name: 'Often confused with' })).toHaveCount(0);
  await expect(confusions).not.toContainText('No common confusion');
  await expect(confusions.getByLabel('Compare with another code')).toBeVisible();
  await openApp(page, '401');
  await expect(page.getByTestId('confusions').getByRole('heading', { name: 'Often confused with' })).toBeVisible();
});

test('the header navigation shows the current class or section', async ({ page }) => {
  const nav = page.locator('.site-nav');
  await openApp(page, '4xx');
  await expect(nav.getByRole('link', { name: '4xx' })).toHaveAttribute('aria-current', 'page');
  await main(page).locator('a[href="#404"]').first().click();
  await expect(nav.getByRole('link', { name: '4xx' })).toHaveAttribute('aria-current', 'true');
  await expect(nav.locator('[aria-current]')).toHaveCount(1);
  await openApp(page, '401-vs-403');
  await expect(nav.getByRole('link', { name: 'Compare' })).toHaveAttribute('aria-current', 'true');
  await openApp(page);
  await expect(nav.locator('[aria-current]')).toHaveCount(0);
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });

  test('keyboard-only hints are hidden', async ({ page }) => {
    expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches || matchMedia('(hover: none)').matches)).toBe(true);
    await openApp(page, 'decide');
    await expect(page.locator('.search-hint')).toBeHidden();
    await expect(page.locator('.shortcut-hint')).toBeHidden();
    await expect(main(page).getByText('Press a number key')).toBeHidden();
    await page.fill('#search-input', 'teapot');
    await expect(page.getByTestId('results')).toBeVisible();
    await expect(main(page).getByText('to choose')).toBeHidden();
  });
});

test('with a keyboard and a fine pointer, the hints show', async ({ page }) => {
  await openApp(page, 'decide');
  await expect(page.locator('.search-hint')).toBeVisible();
  await expect(page.locator('.shortcut-hint')).toBeVisible();
  await expect(main(page).getByText('Press a number key')).toBeVisible();
});

test('identifiers in prose are set as code', async ({ page }) => {
  await openApp(page, '499');
  const nginx = page.locator('section.meaning[data-meaning="nginx"]');
  await expect(nginx.locator('code', { hasText: /^proxy_ignore_client_abort$/ }).first()).toBeVisible();
  await openApp(page, '503');
  await expect(main(page).locator('p code', { hasText: /^Retry-After$/ }).first()).toBeVisible();
  // Plain words stay plain.
  await expect(main(page).locator('p code', { hasText: /^Wait/ })).toHaveCount(0);
});
