//! Data that loads only when a view that needs it opens, instead of with the app: one file
//! fetched from beside the app (same origin, so the service worker answers it offline once
//! cached). The constants table and the decision guide use it; any other view that loads on
//! demand uses it too.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Where a file that loads on demand is, for a view that needs it.
pub enum Load<T: 'static> {
    Loading,
    Ready(&'static T),
    /// The request failed or the file did not parse.
    Failed,
}

impl<T> Clone for Load<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Load<T> {}

/// The state of the data in `path` for the calling view: `Ready` at once when `known` has it
/// (loaded earlier in the visit), else `Loading` until the file has been fetched and `keep` has
/// parsed it and stored it for the rest of the visit (`None`: it did not parse).
pub fn use_file<T: Send + Sync + 'static>(
    path: &'static str,
    known: Option<&'static T>,
    keep: fn(&str) -> Option<&'static T>,
) -> ReadSignal<Load<T>> {
    let (state, set_state) = signal(known.map_or(Load::Loading, Load::Ready));
    if known.is_none() {
        // An effect, so the request starts in the browser only, never in the build-time render.
        Effect::new(move || {
            fetch_text(path, move |text| {
                let data = text.and_then(|text| keep(&text));
                // The view may be gone by now; then there is nothing to update.
                set_state.try_set(data.map_or(Load::Failed, Load::Ready));
            });
        });
    }
    state
}

/// Fetches `path` (relative to the app) and calls `done` with its text, or `None` when the
/// request fails, the answer is not 2xx, or the body cannot be read. Never panics.
pub fn fetch_text(path: &'static str, done: impl FnOnce(Option<String>) + 'static) {
    let Some(window) = web_sys::window() else {
        done(None);
        return;
    };
    let request = window.fetch_with_str(path);
    // Not Leptos's executor: `browser::start` asks for a file before anything is mounted, and
    // mounting is what sets that executor up.
    wasm_bindgen_futures::spawn_local(async move {
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
