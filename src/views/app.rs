use crate::browser;
use crate::route::{document_title, Route};
use crate::views::class_view::ClassView;
use crate::views::code_detail::CodeDetail;
use crate::views::home::Home;
use crate::views::not_found::NotFound;
use leptos::prelude::*;

/// The whole app: header, the current view, footer.
#[component]
pub fn App() -> impl IntoView {
    // The fragment is read once now (a deep link on first load) and again on every change.
    let (route, set_route) = signal(browser::fragment::current_route());
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        set_route.set(browser::fragment::current_route());
    });
    on_cleanup(move || listener.remove());

    // Effect at the edge: push the view's title out to the document.
    Effect::new(move |_| browser::set_title(&document_title(&route.get())));

    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
        <header class="site-header">
            <a class="brand" href="#">"HTTP Status Codes"</a>
            <nav aria-label="Classes">
                <ul class="class-nav">
                    {(1..=5u8).map(|digit| view! { <li><a href=format!("#{digit}xx")>{format!("{digit}xx")}</a></li> }).collect_view()}
                </ul>
            </nav>
        </header>
        <main id="main">
            {move || render(route.get())}
        </main>
        <footer class="site-footer">
            <p>"Runs entirely in your browser: nothing you look up is sent anywhere. Facts cite RFC 9110 and the IANA registry."</p>
        </footer>
    }
}

fn render(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <Home/> }.into_any(),
        Route::Class(digit) => view! { <ClassView digit=digit/> }.into_any(),
        Route::Code(code) => view! { <CodeDetail code=code/> }.into_any(),
        Route::NotFound(input) => view! { <NotFound input=input/> }.into_any(),
        other => view! { <NotFound input=other.to_string()/> }.into_any(),
    }
}

/// The skip link must not change the fragment (that would be read as a route): move focus instead.
fn skip_to_main(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    if let Some(main) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.query_selector("main h1").ok().flatten())
    {
        if let Ok(heading) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
            let _ = heading.focus();
        }
    }
}
