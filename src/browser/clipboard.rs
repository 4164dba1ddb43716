//! Copying text: the async Clipboard API, with the older `execCommand("copy")` as a fallback
//! where the API is missing or refused (insecure origins, some embedded browsers).

use wasm_bindgen::JsCast;

/// Copies `text`, then calls `done` with whether it worked.
pub fn copy(text: String, done: impl FnOnce(bool) + 'static) {
    let Some(window) = web_sys::window() else {
        done(false);
        return;
    };
    let promise = window.navigator().clipboard().write_text(&text);
    leptos::task::spawn_local(async move {
        let copied = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
            || copy_with_selection(&text);
        done(copied);
    });
}

fn copy_with_selection(text: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return false;
    };
    let (Ok(element), Some(body)) = (document.create_element("textarea"), document.body()) else {
        return false;
    };
    let Ok(area) = element.dyn_into::<web_sys::HtmlTextAreaElement>() else {
        return false;
    };
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute("aria-hidden", "true");
    area.set_class_name("visually-hidden");
    if body.append_child(&area).is_err() {
        return false;
    }
    area.select();
    let copied = document
        .dyn_ref::<web_sys::HtmlDocument>()
        .and_then(|html| html.exec_command("copy").ok())
        .unwrap_or(false);
    area.remove();
    copied
}
