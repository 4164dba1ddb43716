// `make bench`: every benchmark against one build, one table on stdout, everything in a JSON file.
// Sizes and memory use decimal units (kB, MB). A section that fails shows n/a with the error and
// makes the run exit non-zero; the other sections still run.
//
//   node bench/run.mjs [--dist dist] [--out bench/results.json] [--search bench/out/search.json] [--runs 20]
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { attribute } from './attribution.mjs';
import { measureChecker } from './checker.mjs';
import { measureKeystrokes } from './keystrokes.mjs';
import { launchBrowser, option } from './lib.mjs';
import { measureLighthouse, PAGES } from './lighthouse.mjs';
import { measureLoad, measureThrottled } from './load.mjs';
import { measureMemory } from './memory.mjs';
import { measureSizes } from './sizes.mjs';

const dist = option('dist', 'dist');
const outFile = option('out', 'bench/results.json');
const searchFile = option('search', 'bench/out/search.json');
const runs = Number(option('runs', '20'));

const results = { date: new Date().toISOString(), dist: resolve(dist), machine: {}, checks: [], notes: [] };
const errors = {};
async function section(name, measure) {
  process.stderr.write(`bench: ${name}…\n`);
  try {
    results[name] = await measure();
  } catch (error) {
    errors[name] = String(error?.message ?? error).split('\n')[0];
    results[name] = { error: errors[name] };
  }
}

results.machine = { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cpus: cpus().length, memoryBytes: totalmem(), loadAverageAtStart: loadavg().map((x) => Number(x.toFixed(2))) };
const browser = await launchBrowser();
try {
  results.machine.chromium = browser.version();
  await section('sizes', () => measureSizes(dist));
  await section('memory', () => measureMemory(dist, { browser }));
  await section('keystrokes', () => measureKeystrokes(dist, { browser }));
  await section('load', () => measureLoad(dist, { runs, browser }));
  await section('throttled', () => measureThrottled(dist, { browser }));
  await section('checker', () => measureChecker(dist, { browser }));
} finally {
  await browser.close();
}
await section('attribution', () => attribute());
await section('lighthouse', () => measureLighthouse(dist));
await section('search', () => {
  if (!existsSync(searchFile)) return { missing: `${searchFile} not found (make bench writes it)` };
  results.notes.push(`native search figures from ${searchFile}, written ${statSync(searchFile).mtime.toISOString()}`);
  return JSON.parse(readFileSync(searchFile, 'utf8'));
});
results.machine.loadAverageAtEnd = loadavg().map((x) => Number(x.toFixed(2)));

// ---- the table ----
const rows = [];
const na = (why) => `n/a (${why})`;
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const MB = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
const ms = (value, digits = 1) => `${value.toFixed(digits)} ms`;
/** One row; `ok` is true/false against the target, or undefined when there is no target or no figure. */
function row(figure, value, target = '', ok) {
  rows.push([figure, value, target, ok === undefined ? (target ? 'n/a' : '') : ok ? 'ok' : 'MISS']);
  if (target) results.checks.push({ figure, value, target, ok: ok ?? null });
}
const failed = (name) => errors[name] && (row(`${name}: failed`, na(errors[name])), true);

if (!failed('sizes')) {
  const s = results.sizes;
  row('wasm raw', kB(s.wasm.raw));
  row('wasm gzip -9', kB(s.wasm.gzip));
  row('wasm brotli -11', kB(s.wasm.brotli));
  row('first-load transfer gzip (HTML+JS+wasm+CSS)', kB(s.firstLoadGzip), '<= 289 kB (#18)', s.firstLoadGzip <= 289_000);
  row('catalog text gzip (minified JSON as embedded, without the explanations)', kB(s.catalogGzip));
  row('explanations.json gzip (loaded on demand, by code pages and comparisons)', kB(s.explanationsGzip));
  row('response checker web worker gzip (loaded on demand, by #check: script, glue and wasm)', kB(s.checkerGzip));
  const appCode = s.wasm.gzip - s.catalogGzip;
  row("app's own code gzip (wasm gzip minus catalog text gzip)", kB(appCode), '< 80 kB', appCode < 80_000);
}

if (!failed('attribution') && !errors.sizes) {
  const a = results.attribution;
  const share = a.matched / a.total;
  row('response checker code left in the app\'s own wasm (src/check + httparse, fluent-uri, httpdate; before wasm-opt; the checker runs in its worker)', `${kB(a.matched)} of ${kB(a.total)} (${(100 * share).toFixed(1)}%), about ${kB(share * results.sizes.wasm.gzip)} of the wasm gzip`);
}

if (!failed('checker')) {
  const c = results.checker;
  const figure = (x) => `${ms(x.median_ms)} / ${ms(x.p95_ms)}`;
  row(`checker: 100-entry HAR (${MB(c.har100.bytes)}), paste to findings drawn, median / p95 of ${c.runs}`, figure(c.har100));
  row(`checker: 5 MB paste (read to 1 MB), paste to findings drawn, median / p95 of ${c.runs}`, figure(c.paste5mb));
  row('checker: the paste\'s input event itself (HAR / 5 MB), median', `${ms(c.har100.input_median_ms)} / ${ms(c.paste5mb.input_median_ms)}`, '< 16 ms', Math.max(c.har100.input_median_ms, c.paste5mb.input_median_ms) < 16);
  results.notes.push('checker: times exclude the pause the view waits for typing to stop (150 ms, 450 ms over 200 kB)');
}

if (!failed('memory')) {
  const m = results.memory;
  row('catalog parse in the browser', m.catalogParseMs == null ? na('no measure, see note') : ms(m.catalogParseMs, 2));
  row('app mount (first render of home, off the page) in the browser', m.appMountMs == null ? na('no measure') : ms(m.appMountMs, 2));
  for (const [when, label] of [['afterLoad', 'after load'], ['afterTour', `after tour of ${m.codes} codes`]]) {
    const at = m[when];
    row(`JS heap ${label} (after GC)`, MB(at.jsHeap));
    row(`wasm memory ${label}`, at.wasm == null ? na('wasm exports not reachable') : MB(at.wasm));
    if (when === 'afterTour') row(`JS heap + wasm memory ${label}`, at.total == null ? na('wasm memory unknown') : MB(at.total), '< 16 MB', at.total == null ? undefined : at.total < 16e6);
  }
  results.notes.push(...m.notes);
}

if (!failed('load')) {
  const l = results.load;
  const pair = (s) => (s.n ? `${ms(s.median)} / ${ms(s.p95)}` : null);
  const why = l.baselineNote ? 'empty baseline, see note' : 'no paint recorded';
  row(`cold FCP, app (median / p95 of ${l.runs})`, pair(l.app.fcp) ?? na('no paint recorded'));
  row(`cold FCP, static baseline (median / p95)`, pair(l.baseline.fcp) ?? na(why));
  row('cold FCP ratio app / baseline (medians)', l.ratio.fcp == null ? na(why) : l.ratio.fcp.toFixed(2), '<= 1.2', l.ratio.fcp == null ? undefined : l.ratio.fcp <= 1.2);
  row(`cold load to data-ready, app (median / p95)`, pair(l.app.ready));
  row(`cold load to load event, baseline (median / p95)`, pair(l.baseline.ready));
  row('ready ratio app / baseline (medians)', l.ratio.ready == null ? na('no figure') : `${l.ratio.ready.toFixed(2)}${l.baselineNote ? ' (empty baseline)' : ''}`, '<= 2.0', l.ratio.ready == null ? undefined : l.ratio.ready <= 2.0);
  if (l.baselineNote) results.notes.push(l.baselineNote);
  if (l.deepLink) {
    const d = l.deepLink;
    row(`cold LCP of #404, app (median / p95)`, pair(d.app.lcp) ?? na('no paint recorded'));
    row(`cold LCP of a static page of the 404 view (median / p95)`, pair(d.baseline.lcp) ?? na('no paint recorded'));
    row('#404 LCP ratio app / static page (medians)', d.ratio.lcp == null ? na('no paint recorded') : d.ratio.lcp.toFixed(2));
    row(`cold load of #404 to data-ready, app (median / p95)`, pair(d.app.ready));
  }
}

if (!failed('throttled')) {
  const t = results.throttled;
  const pair = (x) => `${ms(x.median, 0)} / ${ms(x.p95, 0)}`;
  row(`throttled (slow 4G, 4x CPU) load to data-ready, app (median / p95 of ${t.runs})`, pair(t.app));
  row('throttled load to load event, static baseline (median / p95)', pair(t.baseline));
  row('throttled ready ratio app / baseline (medians)', t.ratio == null ? na('no figure') : t.ratio.toFixed(2), '<= 2.5', t.ratio == null ? undefined : t.ratio <= 2.5);
}

if (!failed('keystrokes')) {
  const k = results.keystrokes;
  row(`keystroke to rendered results, median (${k.keystrokes} keys)`, ms(k.median_ms), '< 8 ms', k.median_ms < 8);
  row('keystroke to rendered results, p95', ms(k.p95_ms), '< 16 ms', k.p95_ms < 16);
  results.notes.push(`keystrokes: max ${ms(k.max_ms)}; the first keystroke after load took ${ms(k.first_keystroke_ms)}`);
}

if (!failed('lighthouse')) {
  for (const page of Object.keys(PAGES)) {
    const { scores, metrics, shortfalls, diagnostics, runs: audits, performanceScores } = results.lighthouse[page];
    results.notes.push(`Lighthouse ${page}: the median of ${audits} runs is shown; performance scores ${performanceScores.join(', ')}`);
    for (const [category, score] of Object.entries(scores)) row(`Lighthouse ${page}: ${category}`, score == null ? na('not scored') : String(score), '100', score == null ? undefined : score === 100);
    row(`Lighthouse ${page}: FCP / LCP / TBT`, `${ms(metrics.fcp, 0)} / ${ms(metrics.lcp, 0)} / ${ms(metrics.tbt, 0)}`);
    const { staticLcp } = results.lighthouse[page];
    if (staticLcp != null) {
      const ratio = metrics.lcp / staticLcp;
      row(`Lighthouse ${page}: LCP ratio app / static page of the same view (${ms(staticLcp, 0)}, median of ${audits})`, ratio.toFixed(2), '<= 1.0 (#18)', ratio <= 1.0);
    }
    row(`Lighthouse ${page}: CLS`, metrics.cls.toFixed(3), '0', metrics.cls === 0);
    for (const a of shortfalls) results.notes.push(`Lighthouse ${page}: ${a.id} scored ${a.score}${a.displayValue ? ` (${a.displayValue})` : ''}`);
    if (diagnostics.length) results.notes.push(`Lighthouse ${page} diagnostics flagged: ${diagnostics.map((a) => a.id).join(', ')}`);
  }
}

if (!failed('search')) {
  if (results.search.missing) row('native search', na(results.search.missing));
  // Whatever top-level numbers the native benchmark wrote (its keys name their units).
  for (const [key, value] of Object.entries(results.search)) if (typeof value === 'number') row(`native search ${key}`, String(value));
}

const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), ['figure', 'value', 'target'][i].length));
const line = (r) => r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell)).join('  ').trimEnd();
console.log(line(['figure', 'value', 'target', 'ok']));
console.log(line(widths.map((w) => '-'.repeat(w)).concat('----')));
for (const r of rows) console.log(line(r));
const m = results.machine;
console.log(`\n${m.cpu} x${m.cpus}, Node ${m.node}, Chromium ${m.chromium}; load average ${m.loadAverageAtStart[0]} at start, ${m.loadAverageAtEnd[0]} at end`);
for (const note of results.notes) console.log(`note: ${note}`);

writeFileSync(outFile, JSON.stringify(results, null, 2) + '\n');
console.log(`\nwrote ${outFile}`);
if (Object.keys(errors).length) process.exitCode = 1;
