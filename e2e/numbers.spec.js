// Numbers that are not HTTP status codes (0, 000, 600, 1020 …) and the platform error codes shown
// on a code's page: what a person who pastes a number or an error id from a log sees.
import { test, expect, openApp } from './fixtures.js';

const numberView = (page) => page.getByTestId('number');

// Each number with a record of its own: its heading, a phrase of its explanation, a cause and a
// step towards the real cause that must be on screen.
const records = [
  {
    number: '0',
    heading: '0 No response (browser scripts)',
    meaning: 'XMLHttpRequest reports 0',
    cause: 'CORS',
    step: 'Network panel',
    detail: 'net::ERR_CONNECTION_REFUSED',
    title: '0: No response (browser scripts) · HTTP Status Codes',
  },
  {
    number: '000',
    heading: '000 No response (curl)',
    meaning: 'prints that code as three digits',
    cause: 'exit code 7',
    step: '%{exitcode}',
    detail: 'curl: (7)',
    title: '000: No response (curl) · HTTP Status Codes',
  },
];

for (const record of records) {
  test(`#${record.number} explains itself and is marked as not a status code`, async ({ page }) => {
    await openApp(page, record.number);
    const view = numberView(page);
    await expect(view).toHaveAttribute('data-number', record.number);
    await expect(view).toHaveAttribute('data-kind', 'not-a-status');
    await expect(view.getByTestId('not-a-status')).toContainText('Not an HTTP status code');
    await expect(view.getByRole('heading', { level: 1 })).toHaveText(record.heading);
    await expect(view.getByTestId('number-meaning')).toContainText(record.meaning);
    await expect(view.getByTestId('causes')).toContainText(record.cause);
    await expect(view.getByTestId('find-cause')).toContainText(record.step);
    await expect(view.locator(`[data-detail="${record.detail}"]`)).toBeVisible();
    await expect(page).toHaveTitle(record.title);
    // It is not a code's page: no facts table of a status, no pin.
    await expect(page.getByTestId('detail')).toHaveCount(0);
  });
}

// Any other number: RFC 9110 §15's rule, and what the catalog knows about that number.
const others = [
  { number: '600', kind: 'not-a-status', says: '5xx', known: null },
  { number: '999', kind: 'not-a-status', says: '5xx', known: null },
  { number: '00', kind: 'not-a-status', says: '5xx', known: null },
  { number: '1020', kind: 'not-a-status', says: '5xx', known: { text: 'Cloudflare 1020', href: '#403' } },
  { number: '1015', kind: 'not-a-status', says: '5xx', known: { text: 'Cloudflare 1015', href: '#429' } },
  { number: '1016', kind: 'not-a-status', says: '5xx', known: { text: 'Cloudflare 1016', href: '#530' } },
  { number: '471', kind: 'unassigned', says: 'exactly like 400', known: null },
  { number: '299', kind: null, says: null, known: null },
];

for (const { number, kind, says, known } of others) {
  test(`#${number} says what it is`, async ({ page }) => {
    await openApp(page, number);
    if (kind === null) {
      // A number the catalog has an entry for is that code's page, not a number view.
      await expect(page.getByTestId('detail')).toHaveAttribute('data-code', number);
      await expect(numberView(page)).toHaveCount(0);
      return;
    }
    const view = numberView(page);
    await expect(view).toHaveAttribute('data-kind', kind);
    await expect(view.getByTestId('not-a-status')).toHaveCount(kind === 'not-a-status' ? 1 : 0);
    await expect(view.getByTestId('client-action')).toContainText(says);
    if (known) {
      const section = view.getByTestId('known-number');
      await expect(section).toContainText(known.text);
      await section.locator(`a[href="${known.href}"]`).click();
      await expect(page.getByTestId('detail')).toHaveAttribute('data-code', known.href.slice(1));
    } else {
      await expect(view.getByTestId('known-number')).toHaveCount(0);
    }
  });
}

// A platform error code shows on the page of the status it arrives with, in its own element.
const details = [
  { code: '403', id: '1020', anchor: 'detail-1020', text: 'firewall rule' },
  { code: '429', id: '1015', anchor: 'detail-1015', text: 'rate-limiting rule' },
  { code: '503', id: 'H12', anchor: 'detail-h12', text: '30 seconds' },
  { code: '404', id: '404.3', anchor: 'detail-404-3', text: 'MIME' },
  { code: '500', id: '500.19', anchor: 'detail-500-19', text: 'web.config' },
  { code: '502', id: '502.5', anchor: 'detail-502-5', text: 'ASP.NET Core Module' },
  { code: '502', id: 'connect() failed (111: Connection refused) while connecting to upstream', anchor: null, text: 'nothing listens' },
  { code: '302', id: 'net::ERR_TOO_MANY_REDIRECTS', anchor: 'detail-net--err-too-many-redirects', text: 'loop' },
];

for (const { code, id, anchor, text } of details) {
  test(`${id} shows on ${code}'s page`, async ({ page }) => {
    await openApp(page, code);
    const section = page.getByTestId('platform-details').first();
    await expect(section.getByRole('heading')).toHaveText('Platform errors that arrive with this status');
    const detail = page.locator(`[data-detail="${id}"]`);
    await expect(detail).toBeVisible();
    await expect(detail).toContainText(text);
    if (anchor) await expect(detail).toHaveAttribute('id', anchor);
    await expect(detail.locator('a.citation')).toHaveAttribute('href', /^https:\/\//);
  });
}

test('a code without platform errors has no such section', async ({ page }) => {
  await openApp(page, '201');
  await expect(page.getByTestId('platform-details')).toHaveCount(0);
});

test('#000 reached by a link paints its pre-rendered view before the app starts', async ({ page }) => {
  await page.route(/\.wasm$/, () => {}); // never answered: the app cannot start
  await page.goto('./#000');
  await expect(page.locator('main h1')).toHaveText('000 No response (curl)');
  await expect(page.getByTestId('not-a-status')).toBeVisible();
  await expect(page).toHaveTitle('000: No response (curl) · HTTP Status Codes');
});
