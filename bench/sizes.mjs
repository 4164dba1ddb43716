// Transfer sizes of a release build, computed from the files alone (no browser, no server).
// Compression is gzip level 9 and brotli quality 11: what static hosts precompress with.
//
//   node bench/sizes.mjs [dist]
//
// measureSizes(distDir, { catalog }) returns, all in bytes:
//   {
//     wasm: { raw, gzip, brotli },              // the _bg.wasm index.html references
//     firstLoad: { html, js, wasm, css },       // gzip of index.html and each file type it references
//     firstLoadGzip,                            // sum of firstLoad
//     firstLoadFiles: [relative paths],         // the files summed, index.html first
//     catalogRaw, catalogGzip,                  // the catalog as the app embeds it: minified JSON,
//                                               // without the explanations it loads on demand
//     catalogPath,                              // where the catalog was read from
//     explanationsGzip,                         // explanations.json, which the app loads on demand
//     checkerGzip, checkerFiles,                // the checker's web worker, which #check starts
//   }
// The size-budget test imports this: keep the shape stable.
import { readFileSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { isMain, option } from './lib.mjs';

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length;

/** The local .js, .wasm and .css files index.html names in quotes (scripts, the loader's import and
 *  wasm path, preloads, stylesheets), in order of first mention. Comments and <noscript> are
 *  skipped: a browser running the app never fetches what is only named there. */
export function firstLoadFiles(html) {
  const live = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<noscript\b[\s\S]*?<\/noscript>/gi, '');
  const paths = [...live.matchAll(/["'](?:\.\/)?([\w.\/-]+\.(?:js|wasm|css))["']/g)].map(([, path]) => path);
  return [...new Set(paths)].filter((path) => !path.startsWith('/'));
}

/** The response checker's web worker: its script (assets/checker-worker.js) and what Trunk builds
 *  from the `checker` binary. Worker files keep their names (src/browser/checker.rs). */
export const CHECKER_FILES = ['checker-worker.js', 'checker.js', 'checker_bg.wasm'];

export function measureSizes(distDir = 'dist', { catalog = fileURLToPath(new URL('../assets/catalog.json', import.meta.url)) } = {}) {
  const dist = resolve(distDir);
  const html = readFileSync(join(dist, 'index.html'));
  const files = firstLoadFiles(html.toString());
  const firstLoad = { html: gzip(html), js: 0, wasm: 0, css: 0 };
  let wasm = null;
  for (const file of files) {
    const bytes = readFileSync(join(dist, file));
    firstLoad[extname(file).slice(1)] += gzip(bytes);
    if (file.endsWith('.wasm')) wasm = { raw: bytes.length, gzip: gzip(bytes), brotli: brotli(bytes) };
  }
  if (!wasm) throw new Error(`${join(dist, 'index.html')} references no .wasm file`);
  // The app embeds the catalog minified, so that is the text to measure, not the pretty-printed
  // file; and without each entry's explanation, which it loads from explanations.json. The
  // fields left out are the ones that file has, besides the code and vendor that tie the two.
  const explanations = readFileSync(join(dist, 'explanations.json'));
  const explained = new Set(JSON.parse(explanations).codes.flatMap((explanation) => Object.keys(explanation)));
  explained.delete('code');
  explained.delete('vendor');
  const embedded = JSON.parse(readFileSync(catalog, 'utf8'));
  for (const entry of embedded.codes) for (const field of explained) delete entry[field];
  const minified = Buffer.from(JSON.stringify(embedded));
  return {
    wasm,
    firstLoad,
    firstLoadGzip: firstLoad.html + firstLoad.js + firstLoad.wasm + firstLoad.css,
    firstLoadFiles: ['index.html', ...files],
    catalogRaw: minified.length,
    catalogGzip: gzip(minified),
    catalogPath: relative(process.cwd(), catalog) || catalog,
    explanationsGzip: gzip(explanations),
    checkerGzip: CHECKER_FILES.reduce((sum, file) => sum + gzip(readFileSync(join(dist, file))), 0),
    checkerFiles: CHECKER_FILES,
  };
}

if (isMain(import.meta.url)) {
  const sizes = measureSizes(option('dist', 'dist', { positional: true }));
  const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`.padStart(10);
  const rows = [
    ['wasm raw', sizes.wasm.raw], ['wasm gzip -9', sizes.wasm.gzip], ['wasm brotli -11', sizes.wasm.brotli],
    ['first load gzip (HTML+JS+wasm+CSS)', sizes.firstLoadGzip],
    ...Object.entries(sizes.firstLoad).map(([kind, bytes]) => [`  ${kind} gzip`, bytes]),
    ['catalog minified', sizes.catalogRaw], ['catalog minified gzip', sizes.catalogGzip],
    ['explanations.json gzip (on demand)', sizes.explanationsGzip],
    ['checker worker gzip (on demand)', sizes.checkerGzip],
  ];
  for (const [name, bytes] of rows) console.log(`${name.padEnd(36)}${kb(bytes)}  ${String(bytes).padStart(8)} B`);
  console.log(`first-load files: ${sizes.firstLoadFiles.join(', ')}`);
}
