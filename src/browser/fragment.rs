//! The URL fragment: where the current view lives.

use crate::route::Route;

/// The fragment as the browser has it now, `#` included; empty when unavailable.
pub fn read() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

pub fn current_route() -> Route {
    Route::parse(&read())
}

/// Rewrites the fragment without adding a history entry (used while typing a search, so that
/// every keystroke does not become a step of the back button).
pub fn replace(route: &Route) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let fragment = route.to_string();
    let url = if fragment.is_empty() {
        // An empty fragment would leave the old one in place: point at the page itself.
        window.location().pathname().unwrap_or_default()
            + &window.location().search().unwrap_or_default()
    } else {
        format!("#{fragment}")
    };
    // The entry's state holds its scroll-restoration key (`browser::history`): keep it.
    let state = super::history::current_state();
    let _ = history.replace_state_with_url(&state, "", Some(&url));
}

/// Opens a view as a new history entry, exactly as following a link would.
pub fn navigate(route: &Route) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(&route.to_string());
    }
}
