// Memory in headless Chromium after the app is ready and after a tour of every code's page, each
// read after a forced GC: the JS heap in use (CDP Runtime.getHeapUsage) plus the wasm linear
// memory (which lives outside the JS heap and never shrinks). Also reads the app's
// `catalog-parse` performance measure.
//
//   node bench/memory.mjs [--dist dist]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMain, option, withReadyApp } from './lib.mjs';

// Trunk's loader hands the wasm exports to this event; keep them to read memory.buffer later.
function keepWasmExports() {
  addEventListener('TrunkApplicationStarted', (event) => { window.__wasmExports = event.detail?.wasm; });
}

async function snapshot(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__wasmExports?.memory?.buffer?.byteLength ?? null);
  return { jsHeap: usedSize, wasm, total: wasm == null ? null : usedSize + wasm };
}

const measure = (page, name) => page.evaluate((name) => performance.getEntriesByName(name)[0]?.duration ?? null, name);
const catalogParse = (page) => measure(page, 'catalog-parse');

/** Returns { codes, afterLoad: {jsHeap, wasm, total}, afterTour: {...}, catalogParseMs, appMountMs, notes } in bytes and ms. */
export async function measureMemory(distDir = 'dist', { browser } = {}) {
  // dist carries a copy of the catalog; the source file is the same text.
  const catalogFile = existsSync(join(distDir, 'catalog.json')) ? join(distDir, 'catalog.json') : fileURLToPath(new URL('../assets/catalog.json', import.meta.url));
  const catalog = JSON.parse(readFileSync(catalogFile, 'utf8'));
  const codes = [...new Set(catalog.codes.map((entry) => entry.code))];
  const notes = [];
  if (!readFileSync(join(distDir, 'index.html'), 'utf8').includes('TrunkApplicationStarted')) {
    notes.push('wasm memory n/a: index.html does not dispatch TrunkApplicationStarted');
  }
  return withReadyApp(distDir, { browser, beforeLoad: (page) => page.addInitScript(keepWasmExports) }, async (page, context) => {
    const cdp = await context.newCDPSession(page);
    const afterLoad = await snapshot(page, cdp);
    let catalogParseMs = await catalogParse(page);
    // The app's first render into the page (src/browser/mod.rs records it).
    const appMountMs = await measure(page, 'app-mount');
    for (const code of codes) {
      await page.evaluate((hash) => { location.hash = hash; }, String(code));
      await page.waitForSelector(`[data-testid="detail"][data-code="${code}"]`, { timeout: 5_000 });
    }
    const afterTour = await snapshot(page, cdp);
    // The catalog may be parsed lazily, on the first page that needs it.
    catalogParseMs ??= await catalogParse(page);
    if (catalogParseMs == null) notes.push('catalog parse n/a: the app records no performance.measure "catalog-parse"');
    return { codes: codes.length, afterLoad, afterTour, catalogParseMs, appMountMs, notes };
  });
}

if (isMain(import.meta.url)) {
  const result = await measureMemory(option('dist', 'dist', { positional: true }));
  const mb = (bytes) => (bytes == null ? 'n/a' : `${(bytes / 1e6).toFixed(2)} MB`);
  for (const when of ['afterLoad', 'afterTour']) {
    const m = result[when];
    console.log(`${when.padEnd(10)} JS heap ${mb(m.jsHeap)}, wasm ${mb(m.wasm)}, total ${mb(m.total)}`);
  }
  console.log(`toured ${result.codes} codes; catalog parse ${result.catalogParseMs == null ? 'n/a' : `${result.catalogParseMs.toFixed(2)} ms`}`);
  for (const note of result.notes) console.log(note);
}
