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

/// The header lines of an example response, the part people paste into server code; empty when
/// the example is a log excerpt.
pub fn header_snippet(entry: &Entry) -> String {
    if entry.example_is_log() {
        return String::new();
    }
    entry
        .example
        .lines()
        .skip(1)
        .take_while(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The log lines of a log excerpt, without its `#` comment lines.
fn log_lines(entry: &Entry) -> String {
    entry
        .example
        .lines()
        .filter(|line| !line.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The address of a view: this page's address with `fragment` (without `#`).
fn permalink(fragment: &str) -> String {
    let base = web_sys::window()
        .and_then(|window| window.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default();
    format!("{base}#{fragment}")
}

/// How long a pressed copy button shows the outcome in place of its label.
const OUTCOME_SHOWN: std::time::Duration = std::time::Duration::from_secs(2);

/// Which copy button shows an outcome, and whether it copied.
type Outcome = RwSignal<Option<(&'static str, bool)>>;

/// Copy buttons for one meaning of a code. A pressed button shows the outcome in place of its
/// own label for a moment, and a status region announces it; every label takes the same room,
/// so nothing moves.
#[component]
pub fn CopyBar(
    /// The meaning whose texts are copied.
    entry: &'static Entry,
    /// Whether its number has several meanings, so that the link and the announcement name this one.
    #[prop(optional)]
    several: bool,
) -> impl IntoView {
    let (message, set_message) = signal(String::new());
    let outcome: Outcome = RwSignal::new(None);
    let presses = StoredValue::new(0u32);
    let whose = if several {
        format!(" of {}", entry.title())
    } else {
        String::new()
    };
    let copy = move |kind: &'static str, what: &'static str, text: String| {
        let whose = whose.clone();
        clipboard::copy(text, move |copied| {
            set_message.set(if copied {
                format!("Copied {what}{whose}.")
            } else {
                format!("Could not copy {what}{whose}: select it and copy by hand.")
            });
            outcome.set(Some((kind, copied)));
            let press = presses.try_update_value(|count| {
                *count += 1;
                *count
            });
            set_timeout(
                move || {
                    // Only the last press puts its label back, and only while the view is shown.
                    if presses.try_get_value() == press {
                        outcome.try_set(None);
                    }
                },
                OUTCOME_SHOWN,
            );
        });
    };
    let link = if several {
        crate::route::meaning_fragment(entry)
    } else {
        entry.code.to_string()
    };
    let headers = header_snippet(entry);
    let copy_link = copy.clone();
    let button = move |kind, label, what, text: String| {
        let copy = copy.clone();
        copy_button(kind, label, outcome, move || copy(kind, what, text.clone()))
    };
    view! {
        <div class="copy-bar" data-testid="copy-bar">
            {entry.status_line().map(|line| button("status-line", "Copy status line", "the status line", line.to_string()))}
            // The address is read when pressed: the page has none while it is rendered at build time.
            {copy_button("link", "Copy link", outcome, move || copy_link("link", "the link", permalink(&link)))}
            {if entry.example_is_log() {
                button("log-line", "Copy log line", "the log line", log_lines(entry)).into_any()
            } else {
                view! {
                    {button("example", "Copy example", "the example response", entry.example.clone())}
                    {(!headers.is_empty()).then(|| button("headers", "Copy headers", "the headers", headers.clone()))}
                }
                .into_any()
            }}
            <span class="copy-status visually-hidden" role="status" aria-live="polite" data-testid="copy-status">{move || message.get()}</span>
        </div>
    }
}

/// One copy button, `data-copy=kind`.
fn copy_button(
    kind: &'static str,
    label: &'static str,
    outcome: Outcome,
    press: impl Fn() + 'static,
) -> impl IntoView {
    let shows = move || {
        outcome
            .get()
            .and_then(|(shown, copied)| (shown == kind).then_some(copied))
    };
    view! {
        <button
            type="button"
            class="button copy-button"
            data-copy=kind
            data-outcome=move || shows().map(|copied| if copied { "copied" } else { "failed" })
            on:click=move |_| press()
        >
            // The three labels share one grid cell, so the button is as wide as the widest and
            // keeps its size whichever shows. The outcome is announced by the status region, so
            // the button's name stays its label.
            <span class="copy-label">{label}</span>
            <span class="copy-outcome" data-shows="copied" aria-hidden="true">"\u{2713} Copied"</span>
            <span class="copy-outcome" data-shows="failed" aria-hidden="true">"Not copied"</span>
        </button>
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
