import { test, expect, openApp, main } from './fixtures.js';

test('a curated comparison shows the rule, aligned columns and the differing rows marked', async ({ page }) => {
  await openApp(page, '401-vs-403');
  const view = page.getByTestId('comparison');
  await expect(view).toHaveAttribute('data-curated', 'true');
  await expect(view.getByTestId('rule')).toContainText('401');
  await expect(view.locator('thead th[data-code="401"]')).toContainText('401 Unauthorized');
  await expect(view.locator('thead th[data-code="403"]')).toContainText('403 Forbidden');
  const retry = view.locator('tbody tr', { has: page.locator('th', { hasText: 'Retry' }) });
  await expect(retry).toHaveAttribute('data-differs', 'true');
  await expect(retry.locator('th')).toContainText('≠');
  const caching = view.locator('tbody tr', { has: page.locator('th', { hasText: 'Caching' }) });
  await expect(caching).toHaveAttribute('data-differs', 'false');
  await expect(view.locator('.scenarios li').first()).toBeVisible();
  await expect(view.locator('.scenarios a[href="#401"]').first()).toBeVisible();
  await expect(page).toHaveTitle(/401 Unauthorized vs 403 Forbidden/);
});

test('redirect comparisons add permanence and method rows', async ({ page }) => {
  await openApp(page, '301-vs-302-vs-307-vs-308');
  const view = page.getByTestId('comparison');
  await expect(view.locator('thead th[data-code]')).toHaveCount(4);
  await expect(view.locator('tbody th', { hasText: 'Permanence' })).toBeVisible();
  await expect(view.locator('tbody th', { hasText: 'Method and body' })).toBeVisible();
});

test('any two codes can be compared, in the order given', async ({ page }) => {
  await openApp(page, '404-vs-200');
  const view = page.getByTestId('comparison');
  await expect(view).toHaveAttribute('data-curated', 'false');
  const codes = await view.locator('thead th[data-code]').evaluateAll((cells) => cells.map((cell) => cell.dataset.code));
  expect(codes).toEqual(['404', '200']);
  await expect(view.getByTestId('rule')).toHaveCount(0);
});

const bad = [
  ['401-vs-401', 'more than once'],
  ['401-vs-999', '999'],
  ['-vs-', 'at least two codes'],
  ['vs', 'at least two codes'],
  ['400-vs-401-vs-403-vs-404-vs-405', 'too many'],
  ['<img src=x onerror=alert(1)>-vs-401', 'not a status code'],
];
for (const [fragment, message] of bad) {
  test(`a bad comparison says what was wrong: #${fragment}`, async ({ page }) => {
    await openApp(page, fragment);
    const view = page.getByTestId('comparison-invalid');
    await expect(view.getByTestId('problem')).toContainText(message);
    await expect(view.locator('a[href="#401-vs-403"]')).toBeVisible();
    await expect(page.locator('main img')).toHaveCount(0);
  });
}

test('from a detail view to a comparison and back', async ({ page }) => {
  await openApp(page, '401');
  const confusions = page.getByTestId('confusions');
  await confusions.getByRole('link', { name: /401 Unauthorized vs 403 Forbidden/ }).click();
  await expect(page.getByTestId('comparison')).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('detail')).toHaveAttribute('data-code', '401');
});

test('a detail view can start a comparison with any code', async ({ page }) => {
  await openApp(page, '418');
  const form = page.getByTestId('confusions').getByTestId('add-code');
  await form.getByLabel('Compare with another code').fill('999');
  await form.getByRole('button', { name: 'Compare' }).click();
  await expect(form.getByRole('alert')).toContainText('three-digit status code');
  await form.getByLabel('Compare with another code').fill('400');
  await form.getByRole('button', { name: 'Compare' }).click();
  await expect(page).toHaveURL(/#418-vs-400$/);
  await expect(page.getByTestId('comparison').locator('thead th[data-code]')).toHaveCount(2);
});

test('#compare lists every curated group and home links to the most asked', async ({ page }) => {
  await openApp(page, 'compare');
  const groups = page.getByTestId('compare-index').locator('.group-card');
  expect(await groups.count()).toBeGreaterThanOrEqual(16);
  await openApp(page);
  await expect(main(page).locator('a[href="#401-vs-403"]')).toBeVisible();
});

test('at 360 px the comparison is laid out as one block per row: nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openApp(page, '500-vs-502-vs-503-vs-504');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const frame = page.getByTestId('comparison').locator('.table-wrap');
  expect(await frame.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(false);
  // Each cell names its code (e2e/daily.spec.js checks every cell of a comparison).
  await expect(frame.locator('tbody tr').first().locator('td[data-code="502"] .cell-code')).toHaveText('502 Bad Gateway');
});
