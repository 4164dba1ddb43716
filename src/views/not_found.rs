use crate::route::truncate_for_display;
use leptos::prelude::*;

/// Longer input is cut when repeated back: enough to recognise it, never a wall of text.
const SHOWN_CHARS: usize = 120;

/// The view for a fragment that names nothing. Repeats the input as text, never as markup.
#[component]
pub fn NotFound(
    /// The decoded fragment the person asked for.
    input: String,
) -> impl IntoView {
    let shown = truncate_for_display(input.trim(), SHOWN_CHARS);
    view! {
        <section class="not-found" data-testid="not-found">
            <h1 tabindex="-1">"Nothing here by that name"</h1>
            <p>"This reference has no page for "<q class="user-input">{shown}</q>"."</p>
            <p>
                "Try a code such as " <a href="#404">"404"</a> ", a class such as " <a href="#4xx">"4xx"</a>
                ", or " <a href="#">"go to the home page"</a> "."
            </p>
        </section>
    }
}
