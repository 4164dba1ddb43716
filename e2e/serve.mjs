// A plain static server for dist/ on loopback, with no dependencies: what any static host does.
// It serves the same files at / and under a sub-path, so tests can check sub-path hosting, and
// compresses with gzip when asked (benchmarks measure what a real host would transfer).
//
//   node e2e/serve.mjs [--port 4173] [--root dist] [--subpath /tools/http/] [--gzip]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const port = Number(option('port', '4173'));
const root = resolve(option('root', 'dist'));
const subpath = option('subpath', '/tools/http/');
const gzip = args.includes('--gzip');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

// Static hosts compress a file once (or ship it precompressed), not on every request: compressing
// an 800 kB wasm anew would add the server's work to every load a benchmark times.
const gzipped = new Map();
async function compressed(file, body) {
  const { mtimeMs, size } = await stat(file);
  const key = `${file}\0${mtimeMs}\0${size}`;
  if (!gzipped.has(key)) gzipped.set(key, gzipSync(body));
  return gzipped.get(key);
}

async function resolveFile(urlPath) {
  let path = decodeURIComponent(urlPath);
  if (path.startsWith(subpath)) path = '/' + path.slice(subpath.length);
  const file = normalize(join(root, path));
  if (!file.startsWith(root)) return null;
  try {
    const info = await stat(file);
    return info.isDirectory() ? join(file, 'index.html') : file;
  } catch {
    return null;
  }
}

createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === subpath.slice(0, -1)) {
    response.writeHead(301, { Location: subpath }).end();
    return;
  }
  const file = await resolveFile(url.pathname);
  let body;
  try {
    body = file && (await readFile(file));
  } catch {
    body = null;
  }
  if (!body) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const headers = {
    'Content-Type': types[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache',
  };
  if (gzip && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
    body = await compressed(file, body);
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Content-Length'] = body.length;
  response.writeHead(200, headers).end(request.method === 'HEAD' ? undefined : body);
}).listen(port, '127.0.0.1', () => {
  console.log(`serving ${root} at http://127.0.0.1:${port}/ and ${subpath}`);
});
