// Where the wasm's code goes, by crate path: the share of the function bodies whose symbol names
// fall under each path, read from cargo's wasm before wasm-bindgen and wasm-opt (it still has its
// name section: the release profile keeps symbols). Used for the size the response checker adds.
// Generic code that the checker instantiates inside core or alloc is counted under those, so the
// checker's figure is a lower bound.
//
//   node bench/attribution.mjs [--wasm target/wasm32-unknown-unknown/release/http-status-codes.wasm]
import { existsSync, readFileSync } from 'node:fs';
import { isMain, option } from './lib.mjs';

export const DEFAULT_WASM = 'target/wasm32-unknown-unknown/release/http-status-codes.wasm';

/** Path groups, matched against mangled names (legacy mangling writes each path segment with its
 *  length: `17http_status_codes5check`). */
export const CHECKER_PATHS = ['17http_status_codes5check', '8httparse', '10fluent_uri', '8httpdate'];

function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

/** Returns { total, matched, byPath: {path: bytes} } in bytes of function bodies. */
export function attribute(wasmPath = DEFAULT_WASM, paths = CHECKER_PATHS) {
  if (!existsSync(wasmPath)) throw new Error(`${wasmPath} not found (make dist builds it)`);
  const bytes = readFileSync(wasmPath);
  let at = 8;
  let importedFunctions = 0;
  let bodies = [];
  const names = new Map();
  while (at < bytes.length) {
    const id = bytes[at++];
    let size;
    [size, at] = leb(bytes, at);
    const end = at + size;
    if (id === 2) {
      let count;
      let p;
      [count, p] = leb(bytes, at);
      for (let i = 0; i < count; i++) {
        let len;
        [len, p] = leb(bytes, p); p += len;
        [len, p] = leb(bytes, p); p += len;
        const kind = bytes[p++];
        if (kind === 0) { [, p] = leb(bytes, p); importedFunctions++; }
        else if (kind === 1) { p++; const [flags, q] = leb(bytes, p); p = q; [, p] = leb(bytes, p); if (flags & 1) [, p] = leb(bytes, p); }
        else if (kind === 2) { const [flags, q] = leb(bytes, p); p = q; [, p] = leb(bytes, p); if (flags & 1) [, p] = leb(bytes, p); }
        else if (kind === 3) { p += 2; }
        else if (kind === 4) { p++; [, p] = leb(bytes, p); }
      }
    } else if (id === 10) {
      let count;
      let p;
      [count, p] = leb(bytes, at);
      bodies = [];
      for (let i = 0; i < count; i++) {
        let len;
        [len, p] = leb(bytes, p);
        bodies.push(len);
        p += len;
      }
    } else if (id === 0) {
      let len;
      let p;
      [len, p] = leb(bytes, at);
      const name = bytes.subarray(p, p + len).toString();
      p += len;
      if (name === 'name') {
        while (p < end) {
          const sub = bytes[p++];
          let subSize;
          [subSize, p] = leb(bytes, p);
          const subEnd = p + subSize;
          if (sub === 1) {
            let count;
            [count, p] = leb(bytes, p);
            for (let i = 0; i < count; i++) {
              let index;
              let nameLen;
              [index, p] = leb(bytes, p);
              [nameLen, p] = leb(bytes, p);
              names.set(index, bytes.subarray(p, p + nameLen).toString());
              p += nameLen;
            }
          }
          p = subEnd;
        }
      }
    }
    at = end;
  }
  if (!names.size) throw new Error(`${wasmPath} has no name section`);
  const byPath = Object.fromEntries(paths.map((path) => [path, 0]));
  let total = 0;
  let matched = 0;
  bodies.forEach((size, i) => {
    total += size;
    const name = names.get(importedFunctions + i) ?? '';
    const path = paths.find((candidate) => name.includes(candidate));
    if (path) { byPath[path] += size; matched += size; }
  });
  return { total, matched, byPath };
}

if (isMain(import.meta.url)) {
  const result = attribute(option('wasm', DEFAULT_WASM));
  console.log(`function bodies: ${result.total} B; checker paths: ${result.matched} B (${((100 * result.matched) / result.total).toFixed(1)}%)`);
  for (const [path, size] of Object.entries(result.byPath)) console.log(`  ${path.padEnd(28)} ${size} B`);
}
