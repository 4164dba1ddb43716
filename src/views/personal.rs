//! What a person keeps: theme, pinned and recently viewed codes, and one-click copies.

use crate::browser::{clipboard, storage, theme};
use crate::catalog::{self, Entry};
use crate::prefs::{Preferences, ThemeChoice};
use crate::views::links::CodeRow;
use leptos::prelude::*;

/// The preferences, shared through context. Views change them only through its methods, which
/// save as they go.
#[derive(Clone, Copy)]
pub struct PrefsStore(RwSignal<Preferences>);

impl PrefsStore {
    /// Preferences held in memory only (the build-time render has no storage).
    pub fn new(preferences: Preferences) -> PrefsStore {
        PrefsStore(RwSignal::new(preferences))
    }

    /// Loads stored preferences (or defaults) and applies the theme.
    pub fn load() -> PrefsStore {
        let preferences = storage::load();
        theme::apply(preferences.theme);
        PrefsStore::new(preferences)
    }

    pub fn get(&self) -> Preferences {
        self.0.get()
    }

    /// Changes the preferences and pushes them out to storage and the page.
    pub fn update(&self, change: impl FnOnce(&mut Preferences)) {
        self.0.update(change);
        let preferences = self.0.get_untracked();
        storage::save(&preferences);
        theme::apply(preferences.theme);
    }
}

pub fn use_prefs() -> Option<PrefsStore> {
    use_context::<PrefsStore>()
}

/// Auto, light or dark; the choice is remembered.
#[component]
pub fn ThemePicker() -> impl IntoView {
    let store = use_prefs();
    let current = move || store.map(|store| store.get().theme).unwrap_or_default();
    view! {
        <div class="theme-picker">
            <label for="theme-select">"Theme"</label>
            <select
                id="theme-select"
                data-testid="theme"
                on:change=move |event| {
                    let choice = ThemeChoice::from_token(&event_target_value(&event));
                    if let Some(store) = store {
                        store.update(|preferences| preferences.theme = choice);
                    }
                }
            >
                {ThemeChoice::ALL.into_iter().map(|choice| view! {
                    <option value=choice.token() selected=move || current() == choice>{choice.label()}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// Pins or unpins a code on the home view.
#[component]
pub fn PinButton(
    /// The code pinned.
    code: u16,
) -> impl IntoView {
    let store = use_prefs();
    let pinned = move || store.is_some_and(|store| store.get().is_pinned(code));
    view! {
        <button
            type="button"
            class="button pin"
            data-testid="pin"
            aria-pressed=move || pinned().to_string()
            on:click=move |_| {
                if let Some(store) = store {
                    store.update(|preferences| preferences.toggle_pin(code));
                }
            }
        >
            // One label, its state in aria-pressed (the star comes from the stylesheet), so a
            // pre-rendered button shows the right state from that attribute alone (index.html).
            "Pin to home"
        </button>
    }
}

/// The header lines of an example response, the part people paste into server code.
pub fn header_snippet(entry: &Entry) -> String {
    entry
        .example
        .lines()
        .skip(1)
        .take_while(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The permalink of a code: this page's address with the code's fragment.
fn permalink(code: u16) -> String {
    let base = web_sys::window()
        .and_then(|window| window.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default();
    format!("{base}#{code}")
}

/// Copy buttons for a code, with a visible, announced confirmation.
#[component]
pub fn CopyBar(
    /// The meaning whose texts are copied.
    entry: &'static Entry,
) -> impl IntoView {
    let (message, set_message) = signal(String::new());
    let copy = move |label: &'static str, text: String| {
        clipboard::copy(text, move |copied| {
            set_message.set(if copied {
                format!("Copied {label}.")
            } else {
                format!("Could not copy {label}: select it and copy by hand.")
            });
        });
    };
    let headers = header_snippet(entry);
    view! {
        <div class="copy-bar" data-testid="copy-bar">
            <button type="button" class="button" data-copy="status-line" on:click=move |_| copy("the status line", entry.status_line())>
                "Copy status line"
            </button>
            <button type="button" class="button" data-copy="link" on:click=move |_| copy("the link", permalink(entry.code))>
                "Copy link"
            </button>
            <button type="button" class="button" data-copy="example" on:click=move |_| copy("the example response", entry.example.clone())>
                "Copy example"
            </button>
            {(!headers.is_empty()).then(|| {
                let headers = headers.clone();
                view! {
                    <button type="button" class="button" data-copy="headers" on:click=move |_| copy("the headers", headers.clone())>
                        "Copy headers"
                    </button>
                }
            })}
            <span class="copy-status" role="status" aria-live="polite" data-testid="copy-status">{move || message.get()}</span>
        </div>
    }
}

/// Pinned and recently viewed codes on the home view.
///
/// Both sections are always drawn, hidden while empty, so that the pre-rendered home carries
/// them too: index.html fills them in from stored preferences before the first paint, and the
/// app then draws the same lists without anything moving.
#[component]
pub fn PersonalLists() -> impl IntoView {
    let store = use_prefs();
    let preferences = move || store.map(|store| store.get()).unwrap_or_default();
    let pinned = move || preferences().pinned;
    let recent = move || preferences().recent;
    let rows = |codes: Vec<u16>| {
        codes
            .into_iter()
            .filter_map(catalog::primary)
            .map(|entry| view! { <CodeRow entry=entry/> })
            .collect_view()
    };
    view! {
        <section class="personal" data-testid="pinned" aria-labelledby="pinned-title" hidden=move || pinned().is_empty()>
            <h2 id="pinned-title">"Pinned"</h2>
            <ul class="code-list">{move || rows(pinned())}</ul>
        </section>
        <section class="personal" data-testid="recent" aria-labelledby="recent-title" hidden=move || recent().is_empty()>
            <h2 id="recent-title">"Recently viewed"</h2>
            <ul class="code-list">{move || rows(recent())}</ul>
            <button
                type="button"
                class="button"
                on:click=move |_| {
                    if let Some(store) = store {
                        store.update(Preferences::clear_recent);
                    }
                }
            >
                "Clear recently viewed"
            </button>
        </section>
    }
}
