//! Where each history entry was scrolled to, so that back and forward return to the same place.
//!
//! Views live in the URL fragment and are drawn by the app after the fragment changes. The
//! browser's own scroll restoration runs before that, against the view being left (a short page
//! clamps the position), so the app restores positions itself: each entry gets a key in
//! `history.state`, and the position of an entry is remembered under its key when it is left.
//! Positions are kept in memory only: after a reload every view starts at the top.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use wasm_bindgen::JsValue;

thread_local! {
    /// The key of the entry on show.
    static CURRENT: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Vertical scroll positions, in CSS pixels, of the entries left, by key.
    static POSITIONS: RefCell<HashMap<String, f64>> = RefCell::new(HashMap::new());
    /// The heights of the parts whose layout was put off when each entry was left, by key
    /// (`browser::skipped_heights`): the position above is measured on them.
    static SKIPPED: RefCell<HashMap<String, Vec<Option<u32>>>> = RefCell::new(HashMap::new());
    /// Tells apart the keys made by this page; the time origin tells apart pages.
    static MADE: Cell<u32> = const { Cell::new(0) };
}

/// How the entry on show was reached.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Arrival {
    /// A new entry: a link followed, a shortcut, a comparison started.
    New,
    /// Back or forward to an entry left before, which was scrolled to this many CSS pixels.
    Returned(f64),
}

/// Takes scroll restoration over from the browser and tags the entry the app starts on.
pub fn start() {
    if let Some(history) = history() {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    let key = key_of_current().unwrap_or_else(tag_current);
    CURRENT.with_borrow_mut(|current| *current = Some(key));
}

/// Called when the fragment has changed, before the new view is drawn: remembers where the
/// entry just left was scrolled to, and says how the entry on show was reached.
pub fn arrive() -> Arrival {
    let left = CURRENT.with_borrow_mut(Option::take);
    if let Some(left) = left {
        let y = scroll_y();
        SKIPPED.with_borrow_mut(|skipped| skipped.insert(left.clone(), super::skipped_heights()));
        POSITIONS.with_borrow_mut(|positions| positions.insert(left, y));
    }
    let (key, arrival) = match key_of_current() {
        Some(key) => {
            let known = POSITIONS.with_borrow(|positions| positions.get(&key).copied());
            // An entry from before a reload has a key but no position: start it at the top.
            (key, known.map_or(Arrival::New, Arrival::Returned))
        }
        None => (tag_current(), Arrival::New),
    };
    CURRENT.with_borrow_mut(|current| *current = Some(key));
    arrival
}

/// The state to keep when the current entry's address is rewritten (`fragment::replace`), so
/// that its key survives.
pub fn current_state() -> JsValue {
    history()
        .and_then(|history| history.state().ok())
        .unwrap_or(JsValue::NULL)
}

/// Puts the reader back where they left the entry on show, which was scrolled to `y` CSS
/// pixels from the top (`Arrival::Returned`). Its view has just been drawn anew: first the
/// parts whose layout was put off then are put off again at the same heights, so that `y`
/// measures the same page.
pub fn return_to(y: f64) {
    let skipped = CURRENT.with_borrow(|current| {
        current
            .as_ref()
            .and_then(|key| SKIPPED.with_borrow(|skipped| skipped.get(key).cloned()))
    });
    if let Some(heights) = skipped {
        super::skip_again(&heights);
    }
    scroll_to(y);
}

/// Scrolls the page to `y` CSS pixels from the top.
pub fn scroll_to(y: f64) {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, y);
    }
}

fn scroll_y() -> f64 {
    web_sys::window()
        .and_then(|window| window.scroll_y().ok())
        .unwrap_or_default()
}

fn history() -> Option<web_sys::History> {
    web_sys::window().and_then(|window| window.history().ok())
}

fn key_of_current() -> Option<String> {
    current_state().as_string()
}

/// Gives the current entry a new key, unique across pages, and returns it.
fn tag_current() -> String {
    let origin = web_sys::window()
        .and_then(|window| window.performance())
        .map(|performance| performance.time_origin())
        .unwrap_or_default();
    let made = MADE.get().wrapping_add(1);
    MADE.set(made);
    // Whole microseconds tell pages apart as well as the fraction does, and formatting an
    // integer keeps Rust's float formatting (8.6 kB of the wasm's gzip) out of the app.
    let origin = (origin * 1000.0) as u64;
    let key = format!("{origin}-{made}");
    if let Some(history) = history() {
        let _ = history.replace_state(&JsValue::from_str(&key), "");
    }
    key
}
