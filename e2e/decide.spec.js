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
