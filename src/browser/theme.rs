//! The effective theme on `<html data-theme>`. index.html sets it before first paint (no flash);
//! this keeps it right when the choice or the system preference changes.

use crate::prefs::ThemeChoice;

fn system_prefers_dark() -> bool {
    web_sys::window()
        .and_then(|window| {
            window
                .match_media("(prefers-color-scheme: dark)")
                .ok()
                .flatten()
        })
        .is_some_and(|query| query.matches())
}

pub fn apply(choice: ThemeChoice) {
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element());
    if let Some(root) = root {
        let _ = root.set_attribute("data-theme", choice.effective(system_prefers_dark()));
        let _ = root.set_attribute("data-theme-choice", choice.token());
    }
}
