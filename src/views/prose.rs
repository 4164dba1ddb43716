use crate::prose::{self, Run};
use leptos::prelude::*;

/// Prose with its identifiers (header field names, directives, constants) set as `<code>`, by
/// the rule in `crate::prose`.
pub fn prose(text: &str) -> AnyView {
    prose::runs(text, prose::field_names())
        .into_iter()
        .map(|run| match run {
            Run::Text(text) => text.to_string().into_any(),
            Run::Code(code) => view! { <code>{code.to_string()}</code> }.into_any(),
        })
        .collect_view()
        .into_any()
}
