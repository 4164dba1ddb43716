//! The only code that touches web APIs. Nothing here panics on what the browser returns.

pub mod fragment;

use crate::App;

/// Mounts the app and marks the document ready for people's tools and the browser tests.
pub fn start() {
    leptos::mount::mount_to_body(App);
    if let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    {
        // `dataset.ready` is the stable hook other tools wait on.
        let _ = root.set_attribute("data-ready", "true");
    }
}

/// Sets `document.title`.
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(title);
    }
}
