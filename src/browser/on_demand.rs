//! Data that loads only when a view that needs it opens, instead of with the app: one file
//! fetched from beside the app (same origin, so the service worker answers it offline once
//! cached). The constants table uses it; any other view that loads on demand uses it too.

use wasm_bindgen::JsCast;

/// Fetches `path` (relative to the app) and calls `done` with its text, or `None` when the
/// request fails, the answer is not 2xx, or the body cannot be read. Never panics.
pub fn fetch_text(path: &'static str, done: impl FnOnce(Option<String>) + 'static) {
    let Some(window) = web_sys::window() else {
        done(None);
        return;
    };
    let request = window.fetch_with_str(path);
    leptos::task::spawn_local(async move {
        done(read(request).await);
    });
}

async fn read(request: wasm_bindgen_futures::js_sys::Promise) -> Option<String> {
    let response: web_sys::Response = wasm_bindgen_futures::JsFuture::from(request)
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !response.ok() {
        return None;
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().ok()?)
        .await
        .ok()?;
    text.as_string()
}
