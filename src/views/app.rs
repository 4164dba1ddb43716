use crate::browser;
use crate::catalog;
use crate::route::{document_title, nav_section, Route};
use crate::views::check::CheckView;
use crate::views::class_view::ClassView;
use crate::views::code_detail::CodeDetail;
use crate::views::compare::{CompareIndex, CompareInvalid, Comparison};
use crate::views::constants::ConstantsPage;
use crate::views::decide::{answer_for_key, Decide};
use crate::views::home::Home;
use crate::views::not_found::NotFound;
use crate::views::number::NumberView;
use crate::views::personal::{PrefsStore, ThemePicker};
use crate::views::search::{ResultCursor, SearchBox, SearchResults};
use crate::views::shortcuts::ShortcutsHelp;
use leptos::prelude::*;

/// The whole app: header with search, the current view, footer.
///
/// The same component renders the home view to HTML at build time (`src/bin/prerender.rs`,
/// with default preferences) and runs in the browser (`browser::start`).
#[component]
pub fn App(
    /// The current view.
    route: RwSignal<Route>,
    /// The person's preferences.
    prefs: PrefsStore,
) -> impl IntoView {
    let (route, set_route) = route.split();
    let cursor = ResultCursor::new();
    let help_open = RwSignal::new(false);
    // The navigation folded into a menu on narrow screens (style/main.css).
    let menu_open = RwSignal::new(false);
    // How the entry the fragment just changed to was reached, for the view to settle once drawn.
    let arrival = StoredValue::new(None::<browser::history::Arrival>);
    provide_context(prefs);
    crate::views::code_detail::provide_explanations();

    // Window listeners live in an effect: effects run only in the browser, never when the
    // same components are rendered to HTML at build time.
    Effect::new(move |_| {
        // As the app starts, in a task of its own (`browser::draw_later`). A fragment change
        // meanwhile is not lost: the app reads the fragment again as it moves in.
        let owner = Owner::current();
        browser::draw_later(move || {
            let listen = move || {
                browser::history::start();
                // `browser::start` reads the fragment on load; this follows every change after.
                let hashchange = window_event_listener(leptos::ev::hashchange, move |_| {
                    let arrived = browser::history::arrive();
                    cursor.reset();
                    let next = browser::fragment::current_route();
                    if route.with_untracked(|current| *current == next) {
                        // Another place in the same view (a meaning of this code): nothing to draw.
                        settle(Some(arrived));
                    } else {
                        arrival.set_value(Some(arrived));
                        set_route.set(next);
                    }
                });
                let keydown = window_event_listener(leptos::ev::keydown, move |event| {
                    on_global_key(&event, route, help_open);
                });
                on_cleanup(move || {
                    hashchange.remove();
                    keydown.remove();
                });
            };
            // The effect's owner, so that the listeners go when it does.
            match owner {
                Some(owner) => owner.with(listen),
                None => listen(),
            }
        });
    });

    // Effects at the edge: push the view's title out to the document, and move focus to the new
    // view's heading so keyboard and screen reader users start reading where the view begins.
    Effect::new(move |previous: Option<Route>| {
        let current = route.get();
        let typing = matches!(
            (&previous, &current),
            (Some(Route::Search(_)), Route::Search(_))
        );
        // While typing, the search box writes the title with the fragment, once typing pauses.
        if !typing {
            browser::set_title(&document_title(&current));
        }
        if let Route::Code(code) = current {
            prefs.update(|preferences| preferences.record_visit(code));
        }
        if previous.is_some() && !typing && !matches!(current, Route::Search(_)) {
            settle(arrival.try_update_value(Option::take).flatten());
        }
        // Only a real change, so that typing a search does not notify the header each time.
        if menu_open.get_untracked() {
            menu_open.set(false);
        }
        current
    });
    let nav_link = move |fragment: &'static str, label: &'static str| {
        // "page" on the section's own view, "true" on a view inside it (a code in its class).
        let current = move || {
            route.with(|route| {
                if route.to_string() == fragment {
                    Some("page")
                } else {
                    (nav_section(route).as_deref() == Some(fragment)).then_some("true")
                }
            })
        };
        view! { <li><a href=format!("#{fragment}") aria-current=current>{label}</a></li> }
    };

    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
        // As the app starts, the header is drawn in a task after the page's frame, and its
        // larger parts each in a task of its own (total blocking time counts each long task).
        {crate::views::drawn_later(move || view! {
            <header class="site-header" class:menu-open=move || menu_open.get()>
                <a class="brand" href="#">"HTTP Status Codes"</a>
                // Shown only on narrow screens, where the navigation folds away so that the search
                // and its results keep most of the screen.
                <button
                    type="button"
                    class="nav-button menu-button"
                    aria-controls="site-nav"
                    aria-expanded=move || menu_open.get().to_string()
                    on:click=move |_| menu_open.update(|open| *open = !*open)
                >
                    "Menu"
                </button>
                // The search box, the navigation and the shortcuts dialog below are most of
                // drawing the header. (What someone types meanwhile goes into the pre-rendered
                // box, which the app reads as it moves in.)
                {crate::views::drawn_later(move || view! { <SearchBox route=route set_route=set_route cursor=cursor/> })}
                <nav class="site-nav" id="site-nav" aria-label="Sections">
                    <ul>
                        {crate::views::drawn_later(move || view! {
                            {["1xx", "2xx", "3xx", "4xx", "5xx"].into_iter().map(|class| nav_link(class, class)).collect_view()}
                            {nav_link("compare", "Compare")}
                            {nav_link("constants", "In code")}
                            {nav_link("decide", "Which code?")}
                            {nav_link("check", "Check")}
                            <li><ThemePicker/></li>
                            <li>
                                <button type="button" class="nav-button" aria-haspopup="dialog" on:click=move |_| help_open.set(true)>
                                    "Shortcuts"
                                </button>
                            </li>
                        })}
                    </ul>
                </nav>
            </header>
        })}
        <main id="main">
            {move || {
                let route = route.get();
                // "Show all" draws a search's results again, in full.
                if matches!(route, Route::Search(_)) {
                    cursor.showing_all();
                }
                // As the app starts, the view is drawn in a task after the header's. Only the
                // view inside is put off: this closure must stay subscribed to the route ahead
                // of the effect that settles focus and scroll on the new view, and running it
                // again would subscribe it anew, behind that effect.
                if browser::starting() {
                    crate::views::drawn_later(move || render(route.clone(), cursor))
                } else {
                    render(route, cursor)
                }
            }}
        </main>
        <footer class="site-footer">
            <p>"Runs entirely in your browser: nothing you look up is sent anywhere. Facts cite RFC 9110 and the IANA registry. "<span class="shortcut-hint">"Press "<kbd>"?"</kbd>" for keyboard shortcuts."</span></p>
            // Shown only by assets/noscript.css, when the pre-rendered page is read without JavaScript.
            <p class="noscript-note" hidden>"Search, the code pages and the shortcuts need JavaScript; the list of codes above works without it."</p>
        </footer>
        {crate::views::drawn_later(move || view! { <ShortcutsHelp open=help_open/> })}
    }
}

fn render(route: Route, cursor: ResultCursor) -> AnyView {
    match route {
        Route::Home => view! { <Home/> }.into_any(),
        Route::Class(digit) => view! { <ClassView digit=digit/> }.into_any(),
        Route::Code(code) => view! { <CodeDetail code=code/> }.into_any(),
        Route::Number(number) => view! { <NumberView number=number/> }.into_any(),
        Route::CompareIndex => view! { <CompareIndex/> }.into_any(),
        Route::Constants => view! { <ConstantsPage/> }.into_any(),
        Route::Check(code) => view! { <CheckView example_of=code/> }.into_any(),
        Route::Compare(codes) => view! { <Comparison codes=codes/> }.into_any(),
        Route::CompareInvalid { input, problem } => {
            view! { <CompareInvalid input=input problem=problem/> }.into_any()
        }
        Route::Decide(path) => view! { <Decide path=path/> }.into_any(),
        Route::NotFound(input) => view! { <NotFound input=input/> }.into_any(),
        Route::Search(query) => view! { <SearchResults query=query cursor=cursor/> }.into_any(),
    }
}

/// Shortcuts that work anywhere except while typing in a field.
fn on_global_key(
    event: &leptos::ev::KeyboardEvent,
    route: ReadSignal<Route>,
    help_open: RwSignal<bool>,
) {
    if event.key() == "Escape" && help_open.get_untracked() {
        help_open.set(false);
        return;
    }
    if event.ctrl_key() || event.meta_key() || event.alt_key() || browser::is_typing_target(event) {
        return;
    }
    match event.key().as_str() {
        "/" => {
            event.prevent_default();
            browser::focus_by_id("search-input");
        }
        "?" => {
            event.prevent_default();
            help_open.set(true);
        }
        digit @ ("1" | "2" | "3" | "4" | "5") => {
            // The fragment, not the signal: a second key pressed before the first hashchange
            // has been handled must step on from where the first one went.
            if let Route::Decide(path) = browser::fragment::current_route() {
                let picked = digit
                    .parse()
                    .ok()
                    .and_then(|digit| answer_for_key(&path, digit));
                if let Some(next) = picked {
                    browser::fragment::navigate(&next);
                }
            }
        }
        "c" => {
            // The button copies and shows the confirmation: one path for click and key.
            if matches!(route.get_untracked(), Route::Code(_)) {
                browser::click_by_selector("[data-copy=\"status-line\"]");
            }
        }
        "[" | "]" => {
            if let Route::Code(code) = browser::fragment::current_route() {
                let step = if event.key() == "]" {
                    Step::Next
                } else {
                    Step::Previous
                };
                if let Some(target) = neighbour(code, step) {
                    browser::fragment::navigate(&Route::Code(target));
                }
            }
        }
        _ => {}
    }
}

enum Step {
    Previous,
    Next,
}

/// The previous or next number in the catalog, for `[` and `]`.
fn neighbour(code: u16, step: Step) -> Option<u16> {
    let numbers = catalog::numbers();
    let index = numbers.iter().position(|number| *number == code)?;
    match step {
        Step::Previous => index
            .checked_sub(1)
            .and_then(|previous| numbers.get(previous))
            .copied(),
        Step::Next => numbers.get(index + 1).copied(),
    }
}

/// Puts the reader where a view change should leave them, once the new view is drawn: back or
/// forward at the position they left that view at; a link to one meaning of a code at that
/// meaning; any other new view at its top. Focus goes to the view's heading (or the meaning's)
/// so that keyboard and screen reader users start reading there.
fn settle(arrival: Option<browser::history::Arrival>) {
    use browser::history::{scroll_to, Arrival};
    match arrival {
        Some(Arrival::Returned(y)) => {
            browser::history::return_to(y);
            browser::focus_heading_in_place();
        }
        Some(Arrival::New) => {
            let meaning = crate::route::meaning_in(&browser::fragment::read());
            if !meaning.is_some_and(|slug| browser::show_meaning(&slug, true)) {
                scroll_to(0.0);
                browser::focus_heading();
            }
        }
        // Not a fragment change (a search closed with Esc): keep the place, as before.
        None => browser::focus_heading(),
    }
}

/// The skip link must not change the fragment (that would be read as a route): move focus instead.
fn skip_to_main(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    browser::focus_heading();
}
