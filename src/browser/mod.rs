//! The only code that touches web APIs. Nothing here panics on what the browser returns.

pub mod clipboard;
pub mod fragment;
pub mod storage;
pub mod theme;

use crate::App;

/// Mounts the app and marks the document ready for people's tools and the browser tests.
pub fn start() {
    leptos::mount::mount_to_body(App);
    if let Some(root) = document().and_then(|document| document.document_element()) {
        // `dataset.ready` is the stable hook other tools wait on.
        let _ = root.set_attribute("data-ready", "true");
    }
}

/// Sets `document.title`.
pub fn set_title(title: &str) {
    if let Some(document) = document() {
        document.set_title(title);
    }
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|window| window.document())
}

fn focus_element(element: Option<web_sys::Element>) {
    use wasm_bindgen::JsCast;
    if let Some(element) =
        element.and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Moves focus to the current view's main heading.
pub fn focus_heading() {
    focus_element(
        document().and_then(|document| document.query_selector("main h1").ok().flatten()),
    );
}

pub fn focus_by_id(id: &str) {
    focus_element(document().and_then(|document| document.get_element_by_id(id)));
}

/// Whether a key press is text typed into a field, which shortcuts must leave alone.
pub fn is_typing_target(event: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    let Some(element) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || element.is_content_editable()
}

/// Clicks the first element matching `selector`, so a shortcut gives the same feedback as the button.
pub fn click_by_selector(selector: &str) {
    use wasm_bindgen::JsCast;
    let element = document().and_then(|document| document.query_selector(selector).ok().flatten());
    if let Some(element) =
        element.and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        element.click();
    }
}
