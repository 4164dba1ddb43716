use crate::catalog;
use crate::compare;
use crate::views::compare::GroupCard;
use crate::views::drawn_later;
use crate::views::links::CodeRow;
use crate::views::personal::PersonalLists;
use leptos::prelude::*;

/// The home view: the five classes, what each means, and every code in it.
#[component]
pub fn Home() -> impl IntoView {
    view! {
        <section class="home" data-testid="home">
            <h1 tabindex="-1">"HTTP status codes"</h1>
            <p class="lead">
                "Every status code: what it means, when to send it, and what a client should do when it gets one. "
                "The first digit names the class, and the class alone tells a client most of what it needs."
            </p>
            <PersonalLists/>
            <section class="home-shortcuts" aria-labelledby="confused-title">
                <h2 id="confused-title">"Most often confused"</h2>
                <ul class="group-list">
                    {compare::popular().into_iter().map(|group| view! { <GroupCard group=group/> }).collect_view()}
                </ul>
                <p>
                    "Starting from a situation instead? " <a href="#decide">"Which status code should I send?"</a>
                    " walks you to the right code in a few questions. All comparisons: " <a href="#compare">"commonly confused codes"</a> "."
                </p>
            </section>
            <h2 class="visually-hidden">"Classes"</h2>
            <ul class="class-cards">
                {catalog::classes()
                    .iter()
                    .map(|class| {
                        // The class cards hold most of home's elements.
                        drawn_later(move || view! {
                            <li class="class-card" data-class=class.label.as_str()>
                                <h3 class="class-title">
                                    <a href=format!("#{}", class.label)>{class.label.as_str()} " " {class.name.as_str()}</a>
                                </h3>
                                <p>{class.meaning.as_str()}</p>
                                <p class="client-action"><strong>"Client: "</strong>{class.client_action.as_str()}</p>
                                {
                                    let rows = catalog::codes_in_class(class.digit());
                                    let count = rows.len();
                                    view! {
                                        <ul class="code-list" data-skippable="" data-rows=count>
                                            {rows.into_iter().map(|entry| view! { <CodeRow entry=entry/> }).collect_view()}
                                        </ul>
                                    }
                                }
                            </li>
                        })
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
