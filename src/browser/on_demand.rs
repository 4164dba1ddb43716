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
        Effect::new(move || fetch_into(path, keep, set_state));
    }
    state
}

/// Fetches `path`, keeps it with `keep` and sets `state` to what came of it.
fn fetch_into<T: Send + Sync + 'static>(
    path: &'static str,
    keep: fn(&str) -> Option<&'static T>,
    state: WriteSignal<Load<T>>,
) {
    fetch_text(path, move |text| {
        let data = text.and_then(|text| keep(&text));
        // The view may be gone by now; then there is nothing to update.
        state.try_set(data.map_or(Load::Failed, Load::Ready));
    });
}

/// Like [`use_file`], for a part that sits far down its view: the request waits until `part`
/// comes within a window's height of the window, so that a page read only at its top does not
/// fetch and parse a file for what it never shows (on a code's page, the library names below
/// everything else). Where the browser cannot tell, the request starts at once.
pub fn use_file_near<T: Send + Sync + 'static>(
    path: &'static str,
    known: Option<&'static T>,
    keep: fn(&str) -> Option<&'static T>,
    part: NodeRef<leptos::html::Section>,
) -> ReadSignal<Load<T>> {
    let (state, set_state) = signal(known.map_or(Load::Loading, Load::Ready));
    if known.is_none() {
        let load = move || fetch_into(path, keep, set_state);
        // Runs once `part` is in the page, never in the build-time render. The effect keeps
        // the watch and drops it (which stops it) when the view goes.
        Effect::new(move |watch: Option<Option<Watch>>| {
            watch
                .flatten()
                .or_else(|| part.get().map(|element| when_near(&element, load)))
        });
    }
    state
}

/// What waits for a part to come near the window: the intersection observer (none where the
/// browser has none) and the callback it calls, which must live as long as the observer may
/// call it. Dropping it stops the observer.
struct Watch {
    observer: Option<web_sys::IntersectionObserver>,
    _callback: wasm_bindgen::closure::Closure<
        dyn FnMut(wasm_bindgen_futures::js_sys::Array, web_sys::IntersectionObserver),
    >,
}

impl Drop for Watch {
    fn drop(&mut self) {
        if let Some(observer) = &self.observer {
            observer.disconnect();
        }
    }
}

/// Calls `near` once `element` is within a window's height of the window: at once if it
/// already is, or if the browser has no intersection observer.
fn when_near(element: &web_sys::Element, near: impl FnOnce() + 'static) -> Watch {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    let near = Rc::new(Cell::new(Some(near)));
    let call = move || {
        if let Some(near) = near.take() {
            near();
        }
    };
    let callback = Closure::<dyn FnMut(_, _)>::new({
        let call = call.clone();
        move |entries: wasm_bindgen_futures::js_sys::Array,
              observer: web_sys::IntersectionObserver| {
            let close = entries.iter().any(|entry| {
                entry
                    .dyn_into::<web_sys::IntersectionObserverEntry>()
                    .is_ok_and(|entry| entry.is_intersecting())
            });
            if close {
                observer.disconnect();
                call();
            }
        }
    });
    let options = web_sys::IntersectionObserverInit::new();
    // A window's height above and below the window.
    options.set_root_margin("100% 0px");
    let observer = web_sys::IntersectionObserver::new_with_options(
        callback.as_ref().unchecked_ref(),
        &options,
    )
    .ok();
    match &observer {
        Some(observer) => observer.observe(element),
        None => call(),
    }
    Watch {
        observer,
        _callback: callback,
    }
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
