// Keystroke-to-rendered-results latency in headless Chromium. Types each query one character at a
// time and measures, per keystroke, from dispatching the input event to the DOM change in <main>
// with style and layout done (forced by reading offsetHeight in the MutationObserver
// callback). It does not wait for the next animation frame: that adds up to a frame of vsync
// alignment which is not the app's work. The query set is typed `rounds` times (default 3) so the
// p95 rests on more than a handful of samples.
//
//   node bench/keystrokes.mjs [--dist dist] [--out bench/out/keystrokes.json]
import { writeFile } from 'node:fs/promises';
import { isMain, option, stats, withReadyApp } from './lib.mjs';

export const QUERIES = ['404', 'not found', 'rate limit', 'cloudflare', 'gatway timout', 'unprocessable entity', '5xx', 'teapot'];

// If the app's update spans several microtasks, the observer may fire more than once: keep the
// last one, and stop at the next task, when every microtask of this keystroke has run.
function timeKeystroke(key) {
  const input = document.getElementById('search-input');
  const main = document.querySelector('main');
  return new Promise((resolve, reject) => {
    let start;
    let end;
    // A keystroke that changes nothing in <main> would otherwise hang the run.
    const timeout = setTimeout(() => { observer.disconnect(); reject(new Error(`typing ${JSON.stringify(key)} changed nothing in <main> within 5 s`)); }, 5000);
    const observer = new MutationObserver(() => {
      void document.body.offsetHeight;
      if (end === undefined) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { clearTimeout(timeout); observer.disconnect(); resolve(end - start); };
        channel.port2.postMessage(null);
      }
      end = performance.now();
    });
    observer.observe(main, { childList: true, subtree: true, characterData: true, attributes: true });
    start = performance.now();
    input.value += key;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, data: key, inputType: 'insertText' }));
  });
}

const pick = ({ median, p95, max }) => ({ median_ms: median, p95_ms: p95, max_ms: max });

/** The first keystroke after load is also reported alone: it pays for any lazy set-up.
 *  Returns { rounds, keystrokes, median_ms, p95_ms, max_ms, first_keystroke_ms, queries: [{query, median_ms, p95_ms, max_ms}] }. */
export async function measureKeystrokes(distDir = 'dist', { queries = QUERIES, rounds = 3, browser } = {}) {
  return withReadyApp(distDir, { browser }, async (page) => {
    const samples = Object.fromEntries(queries.map((query) => [query, []]));
    for (let round = 0; round < rounds; round++) {
      for (const query of queries) {
        await page.fill('#search-input', '');
        await page.keyboard.press('Escape');
        await page.focus('#search-input');
        for (const character of query) samples[query].push(await page.evaluate(timeKeystroke, character));
      }
    }
    const perQuery = queries.map((query) => ({ query, ...pick(stats(samples[query])) }));
    const first = samples[queries[0]][0];
    return { rounds, keystrokes: Object.values(samples).flat().length, ...pick(stats(Object.values(samples).flat())), first_keystroke_ms: first, queries: perQuery };
  });
}

if (isMain(import.meta.url)) {
  const result = await measureKeystrokes(option('dist', 'dist', { positional: true }));
  console.log(`keystroke → rendered results (${result.keystrokes} keystrokes): median ${result.median_ms.toFixed(2)} ms, p95 ${result.p95_ms.toFixed(2)} ms, max ${result.max_ms.toFixed(2)} ms; first after load ${result.first_keystroke_ms.toFixed(2)} ms`);
  for (const q of result.queries) console.log(`  ${JSON.stringify(q.query).padEnd(24)} median ${q.median_ms.toFixed(2)} ms, p95 ${q.p95_ms.toFixed(2)} ms`);
  const out = option('out', null);
  if (out) await writeFile(out, JSON.stringify(result, null, 2));
}
