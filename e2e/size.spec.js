// Size budgets for the release build in dist/. Sizes are deterministic, so they are checked
// here rather than timed. The figures are set from measurements and explained in
// docs/performance.md; raise one only with a reason written there.
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { measureSizes } from '../bench/sizes.mjs';

const KB = 1000;
const BUDGETS = {
  // gzip -9 of the _bg.wasm, catalog text included. Raised from 290 to 400 for this round's
  // capabilities (the response checker, numbers that are not status codes, platform error codes,
  // every library's constant name indexed by search, the daily-comfort views), then lowered to
  // 320 when the explanations moved out to explanations.json and the checker into its own web
  // worker (measured 310.7 kB, from 388.8), and to 310 when Rust's float formatting and
  // str::to_lowercase left the app (measured 303.3 kB). Raised to 313 for the fifth session's
  // shorter start and the layout it puts off (measured 310.1 kB; see firstLoadGzip).
  // docs/performance.md, "Size", has the figures.
  wasmGzip: 313 * KB,
  // gzip -9 of index.html plus every script, wasm and stylesheet it references.
  // Raised from 316 to 430 with the wasm, then lowered to 350 with it (measured 339.4 kB), and
  // to 335 with it and the minified JS glue (measured 329.9 kB). Raised to 340 when the start
  // was split into shorter tasks, home's far lists of codes were left unlaid (and laid out
  // again the same way on Back), and a code page's library names began loading only as they
  // near the window: 6.8 kB of wasm (measured 337.5 kB) that took the blocking time of home,
  // #check and #404 under Lighthouse's limit for a performance score of 100.
  // Issue #18 asks for 289; the budget only stops it growing unnoticed.
  firstLoadGzip: 340 * KB,
  // The wasm minus the embedded catalog text. The target is 80 KB; Leptos's rendering
  // code for this many views does not fit it (docs/performance.md), so this ceiling only stops
  // it growing further. Raised from 217 to 312 with the wasm, then lowered to 285 when the
  // checker moved into its worker (measured 276.7 kB), and to 275 with the wasm (measured
  // 269.3 kB). Raised to 278 with the wasm in the fifth session (measured 276.1 kB).
  appCodeGzip: 278 * KB,
  // What loads only when a view needs it: the constants table (code pages' "In your code" and
  // #constants), fetched on demand. Measured 9.2 kB.
  constantsGzip: 12 * KB,
  // The decision guide's questions (#decide), fetched on demand. Measured 9.1 kB.
  decisionsGzip: 11 * KB,
  // Every entry's explanation (what it means, when to send it, what a client should do,
  // "Received this?") and every curated comparison's (why it matters, which one to send),
  // fetched by code pages and comparisons. Measured 58.3 kB.
  explanationsGzip: 62 * KB,
  // The response checker's web worker (#check): its script, wasm-bindgen glue and wasm, which
  // embeds the catalog for the header requirements it checks. Measured 125.8 kB.
  checkerGzip: 130 * KB,
  // The pre-rendered page itself: a page that paints before the wasm must stay small.
  htmlGzip: 14 * KB,
  // Each pre-rendered code or class view a deep link fetches before the app (dist/views/).
  viewGzip: 5 * KB,
};

const sizes = measureSizes('dist');

test('what loads on demand stays within its own budget', () => {
  for (const [file, budget] of [['constants.json', BUDGETS.constantsGzip], ['decisions.json', BUDGETS.decisionsGzip], ['explanations.json', BUDGETS.explanationsGzip]]) {
    expect(gzipSync(readFileSync(join('dist', file)), { level: 9 }).length, file).toBeLessThanOrEqual(budget);
    // It is not part of the first load.
    expect(sizes.firstLoadFiles).not.toContain(file);
  }
});

test("the response checker's worker stays within its own budget, out of the first load", () => {
  expect(sizes.checkerGzip).toBeLessThanOrEqual(BUDGETS.checkerGzip);
  for (const file of sizes.checkerFiles) expect(sizes.firstLoadFiles).not.toContain(file);
});

test('the wasm stays within its gzip budget', () => {
  expect(sizes.wasm.gzip).toBeLessThanOrEqual(BUDGETS.wasmGzip);
});

test('the first load (HTML, JS, wasm, CSS) stays within its gzip budget', () => {
  expect(sizes.firstLoadFiles).toEqual(expect.arrayContaining(['index.html']));
  expect(sizes.firstLoad.js).toBeGreaterThan(0);
  expect(sizes.firstLoad.css).toBeGreaterThan(0);
  expect(sizes.firstLoadGzip).toBeLessThanOrEqual(BUDGETS.firstLoadGzip);
  expect(sizes.firstLoad.html).toBeLessThanOrEqual(BUDGETS.htmlGzip);
});

test("the app's own code (wasm minus catalog text) stays under its ceiling", () => {
  expect(sizes.catalogGzip).toBeGreaterThan(25 * KB);
  expect(sizes.wasm.gzip - sizes.catalogGzip).toBeLessThanOrEqual(BUDGETS.appCodeGzip);
});

/** Every string in a JSON value. */
function strings(value, into = []) {
  if (typeof value === 'string') into.push(value);
  else if (value && typeof value === 'object') Object.values(value).forEach((inner) => strings(inner, into));
  return into;
}

/** The longest plain-ASCII string of `texts`: it stands for the text it comes from. */
function probe(texts) {
  const longest = texts.filter((text) => /^[\x20-\x7e]+$/.test(text) && !/["\\]/.test(text)).sort((a, b) => b.length - a.length)[0];
  expect(longest.length).toBeGreaterThan(200);
  return longest;
}

function occurrences(bytes, text) {
  let count = 0;
  for (let at = bytes.indexOf(text); at >= 0; at = bytes.indexOf(text, at + 1)) count += 1;
  return count;
}

test('the catalog text is embedded in the wasm exactly once, and the explanations only in their own file', () => {
  // The longest plain-ASCII text stands for the whole: the catalog is neither missing nor
  // carried twice (for example as JSON and again as compiled-in strings), and each entry's
  // explanation, which loads on demand, is not in the wasm at all.
  const explanations = JSON.parse(readFileSync(join('dist', 'explanations.json'), 'utf8'));
  const explained = strings([explanations.codes.map(({ code, vendor, ...rest }) => rest), explanations.groups.map(({ slug, ...rest }) => rest)]);
  const catalog = JSON.parse(readFileSync('assets/catalog.json', 'utf8'));
  const embedded = strings(catalog).filter((text) => !explained.includes(text));
  const wasm = readFileSync(join('dist', sizes.firstLoadFiles.find((file) => file.endsWith('.wasm'))));
  expect(occurrences(wasm, probe(embedded))).toBe(1);
  const explanation = probe(explained);
  expect(occurrences(wasm, explanation)).toBe(0);
  expect(occurrences(readFileSync(join('dist', 'explanations.json')), explanation)).toBe(1);
});

test('every code, class and not-a-status number, and the checker, has a small pre-rendered view, and index.html lists exactly those', () => {
  const views = readdirSync(join('dist', 'views')).map((file) => file.replace(/\.html$/, '')).sort();
  const catalog = JSON.parse(readFileSync('assets/catalog.json', 'utf8'));
  const expected = [...new Set([...['1xx', '2xx', '3xx', '4xx', '5xx', 'check'], ...catalog.codes.map((entry) => String(entry.code)), ...catalog.non_status.map((record) => record.number)])].sort();
  expect(views).toEqual(expected);
  const listed = /var prerendered = ' ' \+ '([^']*)' \+ ' ';/.exec(readFileSync(join('dist', 'index.html'), 'utf8'));
  expect(listed?.[1].split(' ').sort()).toEqual(expected);
  for (const view of views) {
    const bytes = readFileSync(join('dist', 'views', `${view}.html`));
    expect(bytes.toString().startsWith(`<!--view:${view}-->`), view).toBe(true);
    expect(gzipSync(bytes, { level: 9 }).length, view).toBeLessThanOrEqual(BUDGETS.viewGzip);
  }
});
