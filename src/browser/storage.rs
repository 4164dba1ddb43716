//! Preferences in localStorage, via gloo-storage, without ever panicking.
//!
//! gloo-storage panics when the browser has no usable storage (private modes, sandboxed frames,
//! storage disabled), so availability is checked first; every failure means "no persistence".

use crate::prefs::{Preferences, STORAGE_KEY};
use gloo_storage::{LocalStorage, Storage};

/// Whether localStorage can be used at all. Accessing it can throw, so ask web-sys first.
fn available() -> bool {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .is_some()
}

pub fn load() -> Preferences {
    if !available() {
        return Preferences::default();
    }
    let stored = LocalStorage::raw().get_item(STORAGE_KEY).ok().flatten();
    Preferences::from_stored(stored.as_deref())
}

/// Saves quietly: a full or refused store only means the choice is not remembered.
pub fn save(preferences: &Preferences) {
    if !available() {
        return;
    }
    if LocalStorage::raw()
        .set_item(STORAGE_KEY, &preferences.to_stored())
        .is_err()
    {
        leptos::logging::log!(
            "Preferences could not be saved (storage full or refused); continuing without saving."
        );
    }
}
