// The response checker's web worker (src/bin/checker.rs), started by #check
// (src/browser/checker.rs). Trunk builds checker.js and checker_bg.wasm from the `checker` binary;
// this loads them. A module that cannot be fetched or compiled is reported to the page as
// 'failed', which then says the checker could not be loaded, instead of waiting for it.
importScripts('./checker.js');
wasm_bindgen({ module_or_path: './checker_bg.wasm' }).catch(() => postMessage('failed'));
