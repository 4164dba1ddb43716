use crate::catalog;
use crate::views::links::CodeRow;
use leptos::prelude::*;

/// A class view, `#4xx`: what the class means and every code in it, registered codes first.
#[component]
pub fn ClassView(
    /// The class digit, 1 to 5.
    digit: u8,
) -> impl IntoView {
    let Some(class) = catalog::class(digit) else {
        return view! { <p>"No such class."</p> }.into_any();
    };
    let codes = catalog::codes_in_class(digit);
    let (registered, vendor): (Vec<_>, Vec<_>) =
        codes.into_iter().partition(|entry| entry.is_registered());
    view! {
        <section class="class-view" data-testid="class" data-class=class.label.as_str()>
            <p class="eyebrow"><a href="#">"All classes"</a></p>
            <h1 tabindex="-1">{class.label.as_str()} " " {class.name.as_str()}</h1>
            <p class="lead">{class.summary.as_str()}</p>
            <p>{class.meaning.as_str()}</p>
            <p class="client-action"><strong>"What a client should do: "</strong>{class.client_action.as_str()}</p>
            <h2>"Registered codes"</h2>
            <ul class="code-list">
                {registered.into_iter().map(|entry| view! { <CodeRow entry=entry/> }).collect_view()}
            </ul>
            {(!vendor.is_empty()).then(|| view! {
                <h2>"Unofficial codes"</h2>
                <p class="note">"Not in the IANA registry, but sent or logged by widely used software. A client that does not know one treats it as " {format!("{digit}00")} "."</p>
                <ul class="code-list">
                    {vendor.into_iter().map(|entry| view! { <CodeRow entry=entry/> }).collect_view()}
                </ul>
            })}
        </section>
    }
    .into_any()
}
