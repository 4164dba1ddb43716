// Cold loads in headless Chromium: the app against the static baseline page (bench/baseline.mjs),
// both served gzipped on loopback. Each load gets a fresh context (no cache, no service worker)
// with the HTTP cache also disabled through CDP, so every load fetches and compiles everything.
// Loads alternate app/baseline so any drift in the machine affects both alike.
// Deep links too: the largest contentful paint of `#404` against a static page of the same view.
//
//   node bench/load.mjs [--dist dist] [--runs 20]
import { buildBaseline } from './baseline.mjs';
import { isMain, launchBrowser, option, round, serve, stats } from './lib.mjs';

// Records when the app marks itself ready, on the page's own clock (the one paint entries use).
// Init scripts run before <html> exists, so observe the document's subtree.
function recordReady() {
  const mark = () => {
    if (document.documentElement.getAttribute('data-ready') === 'true' && window.__readyAt == null) window.__readyAt = performance.now();
  };
  new MutationObserver(mark).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
}

/** What Lighthouse's mobile preset applies when it throttles through the DevTools protocol
 *  (its `throttling` constants for devtools mode: slow 4G with 562.5 ms request latency,
 *  1474.56 kbit/s down and 675 kbit/s up, and a 4x slower CPU). */
export const MOBILE_THROTTLING = { latency: 562.5, downloadKbps: 1474.56, uploadKbps: 675, cpu: 4 };

async function coldLoad(browser, url, { app, expectPaint, throttled = false }) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (throttled) {
      const t = MOBILE_THROTTLING;
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: t.latency, downloadThroughput: (t.downloadKbps * 1024) / 8, uploadThroughput: (t.uploadKbps * 1024) / 8 });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: t.cpu });
    }
    await page.addInitScript(recordReady);
    await page.goto(url, { waitUntil: 'load' });
    if (app) await page.waitForFunction(() => window.__readyAt != null, null, { timeout: 60_000 });
    // A page with nothing to paint never gets an FCP entry: do not wait for one.
    if (expectPaint) await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 10_000 });
    return await page.evaluate(() => new Promise((resolve) => {
      const finish = (lcp) => resolve({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        lcp,
        ready: window.__readyAt ?? (performance.getEntriesByType('navigation')[0]?.loadEventEnd || null),
      });
      // The latest largest-contentful-paint entry so far; buffered, so it includes every paint.
      new PerformanceObserver((list) => finish(list.getEntries().at(-1)?.startTime ?? null))
        .observe({ type: 'largest-contentful-paint', buffered: true });
      // A page that painted nothing has no entry to report.
      setTimeout(() => finish(null), 1000);
    }));
  } finally {
    await context.close();
  }
}

/** Returns { runs, app: {fcp, ready}, baseline: {fcp, ready}, ratio: {fcp, ready}, baselineNote,
 *  deepLink: { app: {lcp, ready}, baseline: {lcp}, ratio: {lcp} } or null }, times in ms. */
export async function measureLoad(distDir = 'dist', { runs = 20, browser: shared } = {}) {
  const baseline = buildBaseline(distDir);
  const appServer = await serve(distDir, { gzip: true });
  const baselineServer = await serve(baseline.dir, { gzip: true });
  const browser = shared ?? (await launchBrowser());
  const samples = { app: [], baseline: [], deepApp: [], deepBaseline: [] };
  try {
    // One unrecorded load of each first, so the browser's own start-up costs are not in run 1.
    for (let run = -1; run < runs; run++) {
      const app = await coldLoad(browser, appServer.url, { app: true, expectPaint: true });
      const base = await coldLoad(browser, baselineServer.url, { app: false, expectPaint: !baseline.empty });
      if (run >= 0) samples.app.push(app), samples.baseline.push(base);
      if (!baseline.deepLink) continue;
      const deepApp = await coldLoad(browser, `${appServer.url}#404`, { app: true, expectPaint: true });
      const deepBase = await coldLoad(browser, `${baselineServer.url}${baseline.deepLink}`, { app: false, expectPaint: true });
      if (run >= 0) samples.deepApp.push(deepApp), samples.deepBaseline.push(deepBase);
    }
  } finally {
    if (!shared) await browser.close();
    appServer.close();
    baselineServer.close();
  }
  const summary = (list) => ({ fcp: stats(list.map((s) => s.fcp)), ready: stats(list.map((s) => s.ready)) });
  const app = summary(samples.app);
  const base = summary(samples.baseline);
  const ratio = (key) => (app[key].median && base[key].median ? round(app[key].median / base[key].median, 2) : null);
  const deepLink = baseline.deepLink
    ? (() => {
        const deepApp = { lcp: stats(samples.deepApp.map((s) => s.lcp)), ready: stats(samples.deepApp.map((s) => s.ready)) };
        const deepBase = { lcp: stats(samples.deepBaseline.map((s) => s.lcp)) };
        const lcpRatio = deepApp.lcp.median && deepBase.lcp.median ? round(deepApp.lcp.median / deepBase.lcp.median, 2) : null;
        return { app: deepApp, baseline: deepBase, ratio: { lcp: lcpRatio } };
      })()
    : null;
  return { runs, app, baseline: base, ratio: { fcp: ratio('fcp'), ready: ratio('ready') }, baselineNote: baseline.note, deepLink, samples };
}

/** Loads under MOBILE_THROTTLING: the app to data-ready against the static baseline to its load
 *  event. Returns { runs, app: stats, baseline: stats, ratio } in ms. */
export async function measureThrottled(distDir = 'dist', { runs = 5, browser: shared } = {}) {
  const baseline = buildBaseline(distDir);
  const appServer = await serve(distDir, { gzip: true });
  const baselineServer = await serve(baseline.dir, { gzip: true });
  const browser = shared ?? (await launchBrowser());
  const app = [];
  const base = [];
  try {
    for (let run = 0; run < runs; run++) {
      app.push((await coldLoad(browser, appServer.url, { app: true, expectPaint: true, throttled: true })).ready);
      base.push((await coldLoad(browser, baselineServer.url, { app: false, expectPaint: !baseline.empty, throttled: true })).ready);
    }
  } finally {
    if (!shared) await browser.close();
    appServer.close();
    baselineServer.close();
  }
  const appStats = stats(app);
  const baseStats = stats(base);
  const ratio = appStats.median && baseStats.median ? round(appStats.median / baseStats.median, 2) : null;
  return { runs, throttling: MOBILE_THROTTLING, app: appStats, baseline: baseStats, ratio };
}

if (isMain(import.meta.url)) {
  const result = await measureLoad(option('dist', 'dist', { positional: true }), { runs: Number(option('runs', '20')) });
  const show = (s) => (s.n ? `median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (n=${s.n})` : 'n/a');
  for (const who of ['app', 'baseline']) for (const key of ['fcp', 'ready']) console.log(`${who.padEnd(8)} ${key.padEnd(5)} ${show(result[who][key])}`);
  console.log(`ratio app/baseline (medians): FCP ${result.ratio.fcp ?? 'n/a'}, ready ${result.ratio.ready ?? 'n/a'}`);
  if (result.deepLink) {
    const deep = result.deepLink;
    console.log(`#404     lcp   app ${show(deep.app.lcp)}; static page ${show(deep.baseline.lcp)}; ratio ${deep.ratio.lcp ?? 'n/a'}`);
    console.log(`#404     ready ${show(deep.app.ready)}`);
  }
  if (result.baselineNote) console.log(result.baselineNote);
}
