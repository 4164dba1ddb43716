import { test, expect, openApp, main } from './fixtures.js';

test('a deep link opens the code on first load', async ({ page }) => {
  await openApp(page, '404');
  const detail = page.getByTestId('detail');
  await expect(detail).toHaveAttribute('data-code', '404');
  await expect(detail.getByRole('heading', { level: 1 })).toHaveText('404 Not Found');
  await expect(page).toHaveTitle('404 Not Found · HTTP Status Codes');
});

test('home lists the five classes and links every code as #NNN', async ({ page }) => {
  await openApp(page);
  await expect(page).toHaveTitle('HTTP Status Codes');
  for (const label of ['1xx Informational', '2xx Success', '3xx Redirection', '4xx Client Error', '5xx Server Error']) {
    await expect(main(page).getByRole('heading', { level: 3, name: label })).toBeVisible();
  }
  await expect(main(page).locator('a[href="#404"]').first()).toBeVisible();
  await expect(main(page).getByText('Sending the same request again unchanged usually fails the same way', { exact: false })).toBeVisible();
});

test('home → class → code, then back and forward', async ({ page }) => {
  await openApp(page);
  await main(page).getByRole('link', { name: '4xx Client Error' }).click();
  await expect(page.getByTestId('class')).toHaveAttribute('data-class', '4xx');
  await expect(page).toHaveTitle('4xx Client Error · HTTP Status Codes');

  await page.getByTestId('class').locator('a[href="#404"]').click();
  await expect(page.getByTestId('detail')).toHaveAttribute('data-code', '404');

  await page.goBack();
  await expect(page.getByTestId('class')).toHaveAttribute('data-class', '4xx');
  await page.goBack();
  await expect(page.getByTestId('home')).toBeVisible();
  await expect(page).toHaveTitle('HTTP Status Codes');
  await page.goForward();
  await expect(page.getByTestId('class')).toHaveAttribute('data-class', '4xx');
  await page.goForward();
  await expect(page.getByTestId('detail')).toHaveAttribute('data-code', '404');
});

test('the class view lists its codes and says what a client should do', async ({ page }) => {
  await openApp(page, '5xx');
  const view = page.getByTestId('class');
  await expect(view.getByRole('heading', { level: 1 })).toHaveText('5xx Server Error');
  await expect(view.getByText('a retry may succeed', { exact: false }).first()).toBeVisible();
});

const badFragments = [
  ['4.04', '4.04'],
  ['abc', 'abc'],
  ['%%', '%%'],
  ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
  ['%3Cscript%3Ealert(1)%3C%2Fscript%3E', '<script>alert(1)</script>'],
];

for (const [fragment, shown] of badFragments) {
  test(`an unknown fragment shows a helpful not-found view: #${fragment}`, async ({ page }) => {
    await openApp(page, fragment);
    const view = page.getByTestId('not-found');
    await expect(view).toBeVisible();
    await expect(view.locator('.user-input')).toHaveText(shown);
    await expect(view.getByRole('link', { name: 'go to the home page' })).toHaveAttribute('href', '#');
    await expect(page.locator('main img, main script')).toHaveCount(0);
    await expect(page).toHaveTitle('Not found · HTTP Status Codes');
  });
}

test('an unregistered number says how clients treat it', async ({ page }) => {
  await openApp(page, '471');
  await expect(page.getByTestId('number')).toHaveAttribute('data-kind', 'unassigned');
  await expect(page.getByTestId('client-action')).toContainText('exactly like 400');
  await expect(page.getByTestId('not-found')).toHaveCount(0);
});

test('a 5 000-character fragment is repeated shortened, as text', async ({ page }) => {
  await openApp(page, 'x'.repeat(5000));
  const input = page.getByTestId('not-found').locator('.user-input');
  await expect(input).toBeVisible();
  const text = await input.textContent();
  expect(text.length).toBeLessThan(200);
  expect(text.endsWith('…')).toBe(true);
});

test('dist works under a sub-path', async ({ page }) => {
  await openApp(page, '404', '/tools/http/');
  await expect(page.getByTestId('detail')).toHaveAttribute('data-code', '404');
  await page.getByTestId('detail').getByRole('link', { name: '4xx Client Error' }).click();
  await expect(page.getByTestId('class')).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/tools/http/');
});
