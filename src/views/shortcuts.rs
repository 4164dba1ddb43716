use leptos::html::Dialog;
use leptos::prelude::*;

/// Every keyboard shortcut, in one place: the help dialog lists exactly these.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("/", "Search from anywhere"),
    ("↑ ↓", "Move through search results"),
    ("Enter", "Open the highlighted result"),
    ("Esc", "Clear the search and go back, or close this help"),
    ("[ ]", "Previous or next code on a code's page"),
    ("c", "Copy the status line on a code's page"),
    ("1–5", "Pick an answer in “Which code?”"),
    ("?", "Show this help"),
];

/// The keyboard shortcuts help, a modal `<dialog>` opened with `?`.
#[component]
pub fn ShortcutsHelp(
    /// Whether the dialog is open; closing it (Esc, the button) sets this back to false.
    open: RwSignal<bool>,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    // Effect at the edge: the native dialog's modal state follows the signal.
    Effect::new(move |_| {
        let Some(element) = dialog.get() else {
            return;
        };
        if open.get() {
            if !element.open() {
                let _ = element.show_modal();
            }
        } else if element.open() {
            element.close();
        }
    });
    view! {
        <dialog
            node_ref=dialog
            class="shortcuts"
            data-testid="shortcuts"
            aria-labelledby="shortcuts-title"
            on:close=move |_| open.set(false)
        >
            <h2 id="shortcuts-title">"Keyboard shortcuts"</h2>
            <dl class="shortcut-list">
                {SHORTCUTS.iter().map(|(keys, action)| view! {
                    <dt>{keys.split(' ').map(|key| view! { <kbd>{key}</kbd>" " }).collect_view()}</dt>
                    <dd>{*action}</dd>
                }).collect_view()}
            </dl>
            <button type="button" class="button" on:click=move |_| open.set(false)>"Close"</button>
        </dialog>
    }
}
