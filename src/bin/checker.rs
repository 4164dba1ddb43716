//! The response checker as a web worker: Trunk builds it as a second wasm module
//! (`data-type="worker"` in index.html), and `#check` starts it (`views::check`). So the
//! checker's code (src/check, with httparse, fluent-uri and httpdate) is fetched only by people
//! who open the checker, and a large paste is read off the page's main thread.
//!
//! Messages, both ways (`browser::checker` holds the page's side):
//! - once it can take requests, the worker posts the string `"ready"`; its loader
//!   (`assets/checker-worker.js`) posts `"failed"` instead when this module cannot be loaded;
//! - the page posts `[id, text, status]`: a number, the pasted text and the status code the
//!   person gave (a number, or `null`);
//! - the worker answers `[id, report]`, the report as `check::wire::encode` writes it.
//!
//! A request that is not of that shape is answered with the report for an empty paste, so the
//! page never waits for an answer that does not come.

#[cfg(target_arch = "wasm32")]
fn main() {
    use http_status_codes::check;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::js_sys::{global, Array};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let request: Array = event.data().dyn_into().unwrap_or_default();
        let text = request.get(1).as_string().unwrap_or_default();
        // Status codes the person types are three digits; anything else is no status.
        let status = request
            .get(2)
            .as_f64()
            .filter(|status| (0.0..=999.0).contains(status) && status.fract() == 0.0)
            .map(|status| status as u32);
        let report = check::wire::encode(&check::check(&text, status));
        let _ = reply.post_message(&Array::of2(&request.get(0), &JsValue::from(report)));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from("ready"));
}

/// Built for the host only by `cargo clippy --all-targets` and the tests, which check
/// `src/check` directly.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
