// Lighthouse with its default config (the mobile preset: simulated slow 4G and 4x CPU slowdown)
// on home, #404, #check and a search, served gzipped on loopback, three runs each (the median is reported). A
// fresh Chromium per run, so nothing of one run (service worker, caches) helps the next. The static
// baselines of home and #404 (bench/baseline.mjs: the same pre-rendered views with every script
// removed) are audited the same way, for the LCP ratio issue #18 sets a target on.
//
//   node bench/lighthouse.mjs [--dist dist]
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { buildBaseline } from './baseline.mjs';
import { CHROMIUM, CHROMIUM_FLAGS, isMain, option, serve } from './lib.mjs';

export const PAGES = { home: '', '#404': '#404', '#check': '#check', 'search timeout': '#q=timeout' };
/** The static pages of the same views, by the app page they stand beside. */
export const BASELINES = { home: '', '#404': '404.html' };
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = { fcp: 'first-contentful-paint', lcp: 'largest-contentful-paint', tbt: 'total-blocking-time', cls: 'cumulative-layout-shift' };

const brief = (audit) => ({ id: audit.id, score: audit.score, title: audit.title, displayValue: audit.displayValue ?? null });

/** Audits in the four categories that did not get full marks, so a score below 100 can be explained. */
function shortfalls(lhr) {
  const ids = new Set(CATEGORIES.flatMap((id) => lhr.categories[id].auditRefs.filter((ref) => ref.weight > 0).map((ref) => ref.id)));
  return [...ids]
    .map((id) => lhr.audits[id])
    .filter((audit) => audit.score !== null && audit.score < 1)
    .map(brief);
}

/** Performance diagnostics that flag something (they carry no weight, but say where the time goes). */
const diagnostics = (lhr) => lhr.categories.performance.auditRefs
  .filter((ref) => ref.weight === 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1 && lhr.audits[ref.id].scoreDisplayMode !== 'informative')
  .map((ref) => brief(lhr.audits[ref.id]));

async function audit(url) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: [...CHROMIUM_FLAGS, '--headless=new'] });
  // chrome-launcher detaches Chromium: without this it would outlive a crashed or killed run.
  const stop = () => chrome.kill();
  process.once('exit', stop);
  try {
    const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(CATEGORIES.map((id) => [id, lhr.categories[id].score == null ? null : Math.round(lhr.categories[id].score * 100)]));
    const metrics = Object.fromEntries(Object.entries(METRICS).map(([key, id]) => [key, lhr.audits[id].numericValue ?? null]));
    return { url, lighthouseVersion: lhr.lighthouseVersion, formFactor: lhr.configSettings.formFactor, scores, metrics, shortfalls: shortfalls(lhr), diagnostics: diagnostics(lhr), warnings: lhr.runWarnings };
  } finally {
    process.off('exit', stop);
    chrome.kill();
  }
}

/** Returns { home: {url, scores: {performance, accessibility, 'best-practices', seo}, metrics: {fcp, lcp, tbt (ms), cls}, shortfalls, diagnostics, warnings, runs, performanceScores}, '#404': {...} }.
 *  Each page is audited `runs` times and the run with the median performance score is reported:
 *  total blocking time swings widely from run to run on a shared machine. */
export async function measureLighthouse(distDir = 'dist', { runs = 3 } = {}) {
  const server = await serve(distDir, { gzip: true });
  const baseline = buildBaseline(distDir);
  const baselineServer = await serve(baseline.dir, { gzip: true });
  const median = async (url) => {
    const audits = [];
    for (let run = 0; run < runs; run++) audits.push(await audit(url));
    audits.sort((a, b) => a.scores.performance - b.scores.performance);
    const performanceScores = audits.map((one) => one.scores.performance);
    return { ...audits[Math.floor((audits.length - 1) / 2)], runs, performanceScores };
  };
  try {
    const results = {};
    for (const [name, fragment] of Object.entries(PAGES)) results[name] = await median(server.url + fragment);
    // The baseline's largest paint, the median of its runs, beside the app page's.
    for (const [name, path] of Object.entries(BASELINES)) {
      if (path !== '' && baseline.deepLink !== path) continue;
      const lcps = [];
      for (let run = 0; run < runs; run++) lcps.push((await audit(baselineServer.url + path)).metrics.lcp);
      lcps.sort((a, b) => a - b);
      results[name].staticLcp = lcps[Math.floor((lcps.length - 1) / 2)];
    }
    return results;
  } finally {
    server.close();
    baselineServer.close();
  }
}

if (isMain(import.meta.url)) {
  const results = await measureLighthouse(option('dist', 'dist', { positional: true }));
  for (const [name, r] of Object.entries(results)) {
    const m = r.metrics;
    if (r.staticLcp != null) console.log(`${name.padEnd(6)} LCP ${m.lcp.toFixed(0)} ms against the static page's ${r.staticLcp.toFixed(0)} ms`);
    console.log(`${name.padEnd(6)} ${CATEGORIES.map((id) => `${id} ${r.scores[id]}`).join(', ')}; FCP ${m.fcp.toFixed(0)} ms, LCP ${m.lcp.toFixed(0)} ms, TBT ${m.tbt.toFixed(0)} ms, CLS ${m.cls.toFixed(3)}`);
    for (const s of r.shortfalls) console.log(`       below full marks: ${s.id} (${s.score}) ${s.title}${s.displayValue ? ` — ${s.displayValue}` : ''}`);
    for (const d of r.diagnostics) console.log(`       diagnostic: ${d.id} (${d.score}) ${d.title}${d.displayValue ? ` — ${d.displayValue}` : ''}`);
    for (const w of r.warnings) console.log(`       warning: ${w}`);
  }
}
