// The response checker in headless Chromium: how long from a paste to its findings on screen, for
// a 100-entry HAR file and a 5 MB paste, and how long the paste's input event itself takes (what
// typing would wait for). The view checks only once typing pauses (150 ms, 450 ms for pastes over
// 200 kB, src/views/check.rs); that pause is subtracted, so the figure is the checker's work:
// reading, checking and drawing the results.
//
//   node bench/checker.mjs [--dist dist]
import { option, isMain, stats, withReadyApp } from './lib.mjs';

/** The view's pauses, as in src/views/check.rs. */
const PAUSE_MS = 150;
const LARGE_PASTE = 200_000;

/** A HAR file of `count` entries: a mix of redirects, successes and errors, as a page load gives. */
export function sampleHar(count = 100) {
  const date = 'Mon, 30 Nov 2026 09:12:44 GMT';
  const entries = Array.from({ length: count }, (_, index) => {
    const status = [200, 200, 304, 301, 404, 204, 302, 500][index % 8];
    const headers = [
      { name: 'date', value: date },
      { name: 'content-type', value: 'text/html; charset=utf-8' },
      { name: 'cache-control', value: index % 3 ? 'max-age=60' : 'no-cache' },
    ];
    if (status >= 300 && status < 400 && status !== 304) headers.push({ name: 'location', value: `/page/${index + 1}` });
    return {
      startedDateTime: '2026-11-30T09:12:44.000Z',
      time: 12,
      request: { method: 'GET', url: `https://site.example/page/${index}`, httpVersion: 'http/2.0', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
      response: { status, statusText: '', httpVersion: 'http/2.0', headers, cookies: [], content: { size: 2048, mimeType: 'text/html', text: 'x'.repeat(2048) }, redirectURL: '', headersSize: -1, bodySize: 812 },
      cache: {},
      timings: { blocked: 1, dns: -1, connect: -1, send: 0, wait: 10, receive: 1, ssl: -1 },
    };
  });
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, pages: [], entries } });
}

export function hugePaste(bytes = 5 * 1024 * 1024) {
  return `HTTP/1.1 200 OK\nDate: Mon, 30 Nov 2026 09:12:44 GMT\nContent-Type: text/plain\n\n${'x'.repeat(bytes)}`;
}

// Runs in the page: pastes `text` and resolves with { inputMs, resultsMs } once the summary line
// for it is drawn.
function timePaste(text) {
  const area = document.getElementById('check-input');
  const results = document.querySelector('[data-testid="check-results"]');
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => { observer.disconnect(); reject(new Error('no results within 20 s')); }, 20_000);
    let inputMs = null;
    const start = performance.now();
    const observer = new MutationObserver(() => {
      if (!results.querySelector('[data-testid="check-summary"]')) return;
      void document.body.offsetHeight;
      clearTimeout(timeout);
      observer.disconnect();
      resolve({ inputMs, resultsMs: performance.now() - start });
    });
    observer.observe(results, { childList: true, subtree: true, characterData: true });
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    inputMs = performance.now() - start;
  });
}

/** Returns { har100: {median_ms, p95_ms, input_ms}, paste5mb: {…}, runs }. */
export async function measureChecker(distDir = 'dist', { browser, runs = 5 } = {}) {
  return withReadyApp(distDir, { browser }, async (page) => {
    const cases = { har100: sampleHar(100), paste5mb: hugePaste() };
    const out = { runs };
    for (const [name, text] of Object.entries(cases)) {
      const work = [];
      const input = [];
      const base = page.url().split('#')[0];
      for (let run = 0; run < runs; run++) {
        // A fresh page each run: the same text pasted again changes nothing on screen.
        await page.goto('about:blank');
        await page.goto(`${base}#check`);
        await page.waitForSelector('html[data-ready="true"] #check-input');
        const { inputMs, resultsMs } = await page.evaluate(timePaste, text);
        const pause = text.length > LARGE_PASTE ? PAUSE_MS * 3 : PAUSE_MS;
        work.push(resultsMs - pause);
        input.push(inputMs);
      }
      const s = stats(work);
      out[name] = { bytes: text.length, median_ms: s.median, p95_ms: s.p95, input_median_ms: stats(input).median };
    }
    return out;
  });
}

if (isMain(import.meta.url)) {
  const result = await measureChecker(option('dist', 'dist', { positional: true }));
  console.log(JSON.stringify(result, null, 2));
}
