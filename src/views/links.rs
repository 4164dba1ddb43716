use crate::catalog::Entry;
use leptos::prelude::*;

/// A link to a code's detail view: `<a href="#404">`, the hook every tool relies on.
#[component]
pub fn CodeLink(
    /// The entry to link to; the link text is its code and phrase.
    entry: &'static Entry,
) -> impl IntoView {
    view! {
        <a class="code-link" href=format!("#{}", entry.code)>
            <span class="code-number">{entry.code}</span>
            " "
            <span class="code-phrase">{entry.name().to_string()}</span>
        </a>
    }
}

/// A row of a code list: the link, its status or vendor marker, and the one-line summary.
#[component]
pub fn CodeRow(
    /// The entry shown on this row.
    entry: &'static Entry,
) -> impl IntoView {
    let marker = entry.marker();
    view! {
        <li class="code-row" data-status=entry.status.token()>
            <CodeLink entry=entry/>
            {(!marker.is_empty()).then(|| view! { <span class="marker">{marker}</span> })}
            <span class="code-summary">{entry.summary.as_str()}</span>
        </li>
    }
}
