// Trunk post_build hook: finishes the staged build before it becomes dist/.
//
// Every build:
//  0. puts the app's first render (the home view, rendered natively by the same components:
//     src/bin/prerender.rs) in <body>, so the page paints before the wasm loads (the app replaces
//     it when it starts: src/browser/mod.rs), and makes the loader fetch the wasm only after
//     that first paint; and writes explanations.json, each entry's long prose, which the wasm
//     leaves out and loads on demand (src/catalog.rs).
// Release builds also (so `trunk serve` and its live-reload script stay simple):
//  1. makes the loader ask for sw-register.js once the page has painted, then adds the
//     Content-Security-Policy <meta>, allowing each inline script by its sha256;
//  2. minifies the wasm-bindgen JS glue of the app and of the checker's worker (esbuild), and
//     the data files views fetch on demand;
//  3. writes sw.js from assets/sw.js with the precache list of every staged file and a build
//     version hashed from their final bytes (Trunk's file names do not change when only
//     wasm-opt or wasm-bindgen changes, so the names alone cannot version the cache).
import { execFileSync } from 'node:child_process';
import { transform } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set; run through trunk build');
  process.exit(1);
}
const indexPath = join(staging, 'index.html');
let html = await readFile(indexPath, 'utf8');

// --- 0. Pre-rendered first paint ------------------------------------------------------------
const firstRender = execFileSync('cargo', ['run', '--quiet', '--features', 'ssr', '--bin', 'prerender'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
}).trim();
if (!firstRender.includes('data-testid="home"')) throw new Error('prerender printed no home view');
if (html.split('<body>').length !== 2) throw new Error('index.html must have exactly one <body>');
// The app empties <body> before mounting, so the markup goes first; only scripts Trunk injects
// (the live-reload client of `trunk serve`) follow it, and they have run by then.
html = html.replace('<body>', () => `<body>${firstRender}`);
// The content of each code and class view (and of #0, #000 and #check), for deep links, and their list, so the first script of
// index.html only asks for files that exist.
execFileSync('cargo', ['run', '--quiet', '--features', 'ssr', '--bin', 'prerender', '--', '--views', join(staging, 'views')], {
  stdio: ['ignore', 'inherit', 'inherit'],
});
// Each entry's long prose, which the app's wasm leaves out and fetches when a code's page needs it.
execFileSync('cargo', ['run', '--quiet', '--features', 'ssr', '--bin', 'prerender', '--', '--explanations', join(staging, 'explanations.json')], {
  stdio: ['ignore', 'inherit', 'inherit'],
});
const views = (await readdir(join(staging, 'views'))).map((file) => file.replace(/\.html$/, '')).sort();
if (views.length < 100 || !views.every((view) => /^[0-9a-z]{1,5}$/.test(view))) throw new Error(`unexpected pre-rendered views: ${views}`);
if (html.split("'__PRERENDERED_VIEWS__'").length !== 2) throw new Error('index.html must name __PRERENDERED_VIEWS__ once');
html = html.replace("'__PRERENDERED_VIEWS__'", () => `'${views.join(' ')}'`);

// The wasm waits for the first contentful paint: the pre-rendered page is what a person reads
// first, and on a slow link a 300 KB download started alongside the CSS would delay it. The
// preload would start that download early, so it goes; Trunk's loader then fetches the wasm.
// On a link to a code or class, the paint to wait for is that view's own pre-rendered content,
// which index.html fetches (`data-view-pending` until it is in). When nothing pre-rendered may
// show (`data-wait-for-app` still set: any other deep link), only the app can draw what the
// person came for, so the wasm starts at once. A returning visitor's home is pre-rendered too:
// index.html fills in their lists as soon as the document is parsed, before this script runs.
// The loader (Trunk's JS glue) waits too: it is not needed to paint, and its modulepreload was
// fetched at high priority alongside the stylesheet. So the preload goes and the static import
// becomes a dynamic one, made once the page has painted; until then <head> holds only the
// inline theme script and the stylesheets.
const wasmPreload = /<link rel="preload" href="[^"]+\.wasm"[^>]*>/;
const loaderPreload = /<link rel="modulepreload" href="[^"]+\.js"[^>]*>/;
const loaderImport = /import init, \* as bindings from '([^']+\.js)';\n/;
const loaderInit = /\nconst wasm = await init\(\{ module_or_path: '([^']+\.wasm)' \}\);/;
if (!wasmPreload.test(html) || !loaderInit.test(html) || !loaderPreload.test(html) || !loaderImport.test(html)) {
  throw new Error("Trunk's wasm preload or loader changed shape");
}
const loader = loaderImport.exec(html)[1];
// Once the page has painted, the wasm and the loader are fetched side by side: waiting for the
// loader to ask for the wasm would cost a round trip more on a slow link.
html = html.replace(wasmPreload, '').replace(loaderPreload, '').replace(loaderImport, '').replace(loaderInit, (_, wasmPath) => `
await new Promise((painted) => {
  const root = document.documentElement;
  if (root.hasAttribute('data-view-pending')) {
    addEventListener('prerendered-view', () => requestAnimationFrame(() => setTimeout(painted)), { once: true });
    return setTimeout(painted, 3000);
  }
  if (root.hasAttribute('data-wait-for-app')) return painted();
  if (!PerformanceObserver.supportedEntryTypes?.includes('paint')) return requestAnimationFrame(() => setTimeout(painted));
  new PerformanceObserver((list, observer) => {
    if (list.getEntriesByName('first-contentful-paint').length) observer.disconnect(), painted();
  }).observe({ type: 'paint', buffered: true });
  // A page that cannot paint yet (a background tab) still starts.
  setTimeout(painted, 3000);
});
const wasmResponse = fetch('${wasmPath}');
const bindings = await import('${loader}');
const init = bindings.default;
const wasm = await init({ module_or_path: wasmResponse });`);

if (process.env.TRUNK_PROFILE !== 'release') {
  await writeFile(indexPath, html);
  console.log('post-build: debug build, pre-rendered home; no service worker or CSP');
  process.exit(0);
}

// --- 1. Service worker registration, then the Content-Security-Policy ----------------------
// The service worker's registration (sw-register.js) waits for the app anyway, so the loader
// asks for it once the page has painted, beside the wasm: as a script in <head> it was fetched
// before the first paint, and Lighthouse counted it toward the largest paint (home's simulated
// LCP 973 ms with it there, 918 ms without; the static page's is about 915).
const loaderFetch = "\nconst wasmResponse = fetch(";
if (html.split(loaderFetch).length !== 2) throw new Error('the loader must fetch the wasm once');
html = html.replace(loaderFetch, () => `\ndocument.head.append(Object.assign(document.createElement('script'), { src: 'sw-register.js' }));${loaderFetch}`);

const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
const scriptHashes = inlineScripts.map((body) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
if (html.includes('http-equiv="Content-Security-Policy"')) {
  throw new Error('index.html already has a CSP; the hook owns it');
}
// The policy must come before any script it governs: right after <meta charset>.
html = html.replace(/(<meta charset="utf-8">)/, `$1\n    <meta http-equiv="Content-Security-Policy" content="${policy}">`);
await writeFile(indexPath, html);

// --- 2. Minified JS glue --------------------------------------------------------------------
// wasm-bindgen writes readable JS, and Trunk's own --minify leaves it as it is: minified, the
// app's glue is about 2 kB smaller gzip, and it is part of the first load. The app's glue is an
// ES module; the worker's (`checker.js`) is a classic script whose global `wasm_bindgen` the
// worker calls, so it keeps its top-level names.
const glue = (await readdir(staging)).filter((file) => /^http-status-codes-[0-9a-f]+\.js$/.test(file) || file === 'checker.js');
if (glue.length !== 2) throw new Error(`expected the app's and the checker's JS glue, found ${glue}`);
for (const file of glue) {
  const path = join(staging, file);
  const source = await readFile(path, 'utf8');
  const { code } = await transform(source, { minify: true, ...(file === 'checker.js' ? {} : { format: 'esm' }) });
  await writeFile(path, code);
}

// --- 2b. Minified data files ---------------------------------------------------------------
// The files views fetch on demand are written to be read (assets/); the app parses them as it
// shows them, so whitespace is parse time: constants.json is 143 kB written, 76 kB minified.
// catalog.json, published for other tools, stays as written.
for (const file of ['constants.json', 'decisions.json']) {
  const path = join(staging, file);
  await writeFile(path, JSON.stringify(JSON.parse(await readFile(path, 'utf8'))));
}

// --- 3. Service worker -----------------------------------------------------------------------
async function listFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)])),
  );
  return files.flat();
}

const files = (await listFiles(staging))
  .map((file) => relative(staging, file).split(sep).join('/'))
  // catalog.json is published for other tools; the app has the catalog inside its wasm, so
  // caching the file too would download the catalog twice. The pre-rendered views only speed up
  // a first visit; a page the worker controls starts the app from its cache instead.
  .filter((file) => file !== 'sw.js' && file !== 'catalog.json' && !file.endsWith('.svg.map') && !file.startsWith('views/'))
  .sort();
const version = createHash('sha256');
for (const file of files) {
  version.update(file);
  version.update(await readFile(join(staging, file)));
}
const buildVersion = version.digest('hex').slice(0, 16);
const template = await readFile('assets/sw.js', 'utf8');
const worker = template
  .replace("'__BUILD_VERSION__'", JSON.stringify(buildVersion))
  .replace('[/* __PRECACHE__ */]', JSON.stringify(files, null, 2));
if (worker === template) throw new Error('assets/sw.js lost its placeholders');
await writeFile(join(staging, 'sw.js'), worker);

console.log(`post-build: CSP with ${scriptHashes.length} inline script hash(es); sw.js precaches ${files.length} files, version ${buildVersion}`);
