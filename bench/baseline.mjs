// The static baseline for the cold-load comparison: dist/index.html with every script, preload and
// the manifest link taken out, so it is a plain HTML page with the same CSS and the same home
// markup the build pre-renders into <body>. The app's load is then judged against it.
// For deep links, `404.html` is the same page with the pre-rendered 404 view in <main>: what a
// static site would serve at its own URL for that code.
//
//   node bench/baseline.mjs [--dist dist] [--out bench/out/baseline]
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMain, option } from './lib.mjs';

const defaultOut = fileURLToPath(new URL('./out/baseline/', import.meta.url));

/** The static page for a deep link's pre-rendered view (dist/views/<view>.html), or null. */
function deepLinkPage(html, dist, view) {
  const file = join(dist, 'views', `${view}.html`);
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  const titleEnd = text.indexOf('\n');
  const marker = `<!--view:${view}-->`;
  if (!text.startsWith(marker) || titleEnd < 0) return null;
  const title = text.slice(marker.length, titleEnd);
  const content = text.slice(titleEnd + 1);
  const page = html
    .replace(/<title>[^<]*<\/title>/, () => `<title>${title}</title>`)
    .replace(/(<main\b[^>]*>)[\s\S]*<\/main>/, (_, open) => `${open}${content}</main>`);
  return page.includes(content) ? page : null;
}

/** Writes the baseline into `outDir`; returns { dir, empty, bodyBytes, note, deepLink }, where
 *  deepLink is the file name of the 404 page (null when dist has no pre-rendered views). */
export function buildBaseline(distDir = 'dist', outDir = defaultOut) {
  const dist = resolve(distDir);
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
    .replace(/<script\b[\s\S]*?<\/script>\s*/gi, '')
    .replace(/<link\b[^>]*\brel=["']?(?:modulepreload|preload|manifest)\b[^>]*>\s*/gi, '');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'index.html'), html);
  const notFound = deepLinkPage(html, dist, '404');
  if (notFound) writeFileSync(join(outDir, '404.html'), notFound);
  for (const [link] of html.matchAll(/<link\b[^>]*>/gi)) {
    const href = /\bhref=["']\.?\/?([^"']+)["']/i.exec(link)?.[1];
    if (/\brel=["']?stylesheet\b/i.test(link) && href && existsSync(join(dist, href))) cpSync(join(dist, href), join(outDir, href));
  }
  // Icons too, so the baseline does not pay for 404s the app does not pay for.
  if (existsSync(join(dist, 'icons'))) cpSync(join(dist, 'icons'), join(outDir, 'icons'), { recursive: true });

  // What would paint: the body without <noscript> (hidden with scripting on) and comments.
  const body = (html.match(/<body\b[^>]*>([\s\S]*)<\/body>/i)?.[1] ?? '')
    .replace(/<noscript\b[\s\S]*?<\/noscript>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .trim();
  const empty = body.length === 0;
  return { dir: outDir, empty, bodyBytes: body.length, note: empty ? 'baseline is empty: dist has no pre-rendered home' : null, deepLink: notFound ? '404.html' : null };
}

if (isMain(import.meta.url)) {
  const result = buildBaseline(option('dist', 'dist', { positional: true }), option('out', defaultOut));
  console.log(`baseline written to ${result.dir} (${result.bodyBytes} bytes of body markup)`);
  if (result.note) console.log(result.note);
}
