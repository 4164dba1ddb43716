use crate::catalog;
use crate::route::{parse_code, truncate_for_display};
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
    let hint = unknown_code_hint(input.trim());
    view! {
        <section class="not-found" data-testid="not-found">
            <h1 tabindex="-1">"Nothing here by that name"</h1>
            <p>"This reference has no page for "<q class="user-input">{shown}</q>"."</p>
            {hint.map(|hint| view! { <p>{hint}</p> })}
            <p>
                "Try a code such as " <a href="#404">"404"</a> ", a class such as " <a href="#4xx">"4xx"</a>
                ", or " <a href="#">"go to the home page"</a> "."
            </p>
        </section>
    }
}

/// For a well-formed but unknown number, what a client does with it (RFC 9110 §15).
fn unknown_code_hint(text: &str) -> Option<String> {
    let code = parse_code(text)?;
    let digit = catalog::class_digit(code);
    if (1..=5).contains(&digit) {
        Some(format!(
            "{code} is not a registered status code, and no widely used software is known to send it. \
             A client that receives it must treat it as {digit}00, the generic code of its class (RFC 9110 \u{a7}15)."
        ))
    } else {
        Some(format!(
            "{code} is outside the range 100\u{2013}599, so it is not a valid HTTP status code (RFC 9110 \u{a7}15)."
        ))
    }
}
