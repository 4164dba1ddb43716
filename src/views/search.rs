use crate::browser;
use crate::catalog::{self, Entry};
use crate::route::Route;
use crate::search::{self, Hit, Target, FIRST_RESULTS, MAX_QUERY_CHARS};
use leptos::prelude::*;
use std::ops::Range;

/// The keyboard cursor over the results and whether all of them are shown. Both reset whenever
/// the results change. Showing all draws the search view again (see `views::app`), which keeps
/// the results a plain list rather than a list with a reactive tail.
#[derive(Clone, Copy)]
pub struct ResultCursor {
    selected: RwSignal<usize>,
    show_all: RwSignal<bool>,
}

impl ResultCursor {
    pub fn new() -> ResultCursor {
        ResultCursor {
            selected: RwSignal::new(0),
            show_all: RwSignal::new(false),
        }
    }

    pub fn reset(&self) {
        // Only a real change: every row's highlight listens to it.
        if self.selected.get_untracked() != 0 {
            self.selected.set(0);
        }
        // Only a real change, since the current view is drawn again when this changes.
        if self.show_all.get_untracked() {
            self.show_all.set(false);
        }
    }

    /// Whether all results are shown, tracked: the search view is drawn again when it changes.
    pub fn showing_all(&self) -> bool {
        self.show_all.get()
    }

    /// How many of `total` results are on the page.
    fn shown(&self, total: usize) -> usize {
        if self.show_all.get_untracked() {
            total
        } else {
            total.min(FIRST_RESULTS)
        }
    }

    /// Moves down, stopping at the last result on the page.
    fn down(&self, total: usize) {
        let last = self.shown(total).saturating_sub(1);
        self.selected
            .update(|index| *index = (*index + 1).min(last));
    }

    fn up(&self) {
        self.selected
            .update(|index| *index = index.saturating_sub(1));
    }
}

impl Default for ResultCursor {
    fn default() -> Self {
        ResultCursor::new()
    }
}

/// How long typing must pause before the query is written to the fragment and the title.
/// Chromium fetches and decodes the page's icon again on every change of URL, a few
/// milliseconds of the main thread that a keystroke would otherwise pay.
const FRAGMENT_PAUSE: std::time::Duration = std::time::Duration::from_millis(300);

/// The search box in the page header. Typing shows results at once and, once typing pauses,
/// writes the query to the fragment with `replaceState`, so a search can be shared without
/// flooding history.
#[component]
pub fn SearchBox(
    /// The current view; a search is `Route::Search`.
    route: ReadSignal<Route>,
    /// Sets the current view.
    set_route: WriteSignal<Route>,
    /// The highlighted result, moved with the arrow keys.
    cursor: ResultCursor,
) -> impl IntoView {
    // Where Esc (or clearing the box) returns to: the view open when the search started.
    let return_to = StoredValue::new(Route::Home);
    // The fragment write waiting for typing to pause, and the fragment it expects to replace.
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let planned_over = StoredValue::new(String::new());
    let cancel = move || {
        if let Some(handle) = pending.get_value() {
            handle.clear();
            pending.set_value(None);
        }
    };
    // Writes the search to the fragment now, if the search is still open and nothing else (a
    // followed link, Back) has changed the URL since the write was planned.
    let flush = move || {
        if pending.get_value().is_none() {
            return;
        }
        cancel();
        let current = route.get_untracked();
        if matches!(current, Route::Search(_))
            && browser::fragment::read() == planned_over.get_value()
        {
            browser::fragment::replace(&current);
            browser::set_title(&crate::route::document_title(&current));
        }
    };
    on_cleanup(cancel);
    let query = move || match route.get() {
        Route::Search(query) => query,
        _ => String::new(),
    };

    let show = move |text: String| {
        let current = route.get_untracked();
        if !matches!(current, Route::Search(_)) {
            return_to.set_value(current);
        }
        cancel();
        let next = if text.is_empty() {
            return_to.get_value()
        } else {
            Route::Search(text)
        };
        if matches!(next, Route::Search(_)) {
            planned_over.set_value(browser::fragment::read());
            match set_timeout_with_handle(flush, FRAGMENT_PAUSE) {
                Ok(handle) => pending.set_value(Some(handle)),
                Err(_) => browser::fragment::replace(&next),
            }
        } else {
            browser::fragment::replace(&next);
        }
        cursor.reset();
        set_route.set(next);
    };

    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        let Route::Search(text) = route.get_untracked() else {
            if event.key() == "Escape" {
                blur(&event);
            }
            return;
        };
        let key = event.key();
        // Only these keys need the results; searching on every other key would repeat, before
        // each typed character, the search its input event is about to run.
        if !matches!(key.as_str(), "ArrowDown" | "ArrowUp" | "Enter" | "Escape") {
            return;
        }
        let hits = search::search_showing(&text, 0).hits;
        match key.as_str() {
            "ArrowDown" if !hits.is_empty() => {
                event.prevent_default();
                cursor.down(hits.len());
            }
            "ArrowUp" => {
                event.prevent_default();
                cursor.up();
            }
            "Enter" => {
                event.prevent_default();
                // The search becomes the history entry Back returns to.
                flush();
                if let Some(hit) = hits.get(cursor.selected.get_untracked()) {
                    browser::fragment::navigate(&Route::parse(&hit.target.fragment()));
                }
            }
            "Escape" => {
                event.prevent_default();
                show(String::new());
                blur(&event);
            }
            _ => {}
        }
    };

    view! {
        <div class="search-box" role="search">
            <label for="search-input" class="visually-hidden">"Search status codes"</label>
            <input
                id="search-input"
                type="search"
                placeholder="Search: 404, rate limit, cloudflare…"
                autocomplete="off"
                spellcheck="false"
                aria-describedby="search-hint"
                prop:value=query
                on:focus=move |_| search::prepare()
                // Leaving the box (to click a result, say) keeps the search in history.
                on:blur=move |_| flush()
                on:input=move |event| show(event_target_value(&event))
                on:keydown=on_keydown
            />
            <span id="search-hint" class="search-hint"><kbd>"/"</kbd></span>
        </div>
    }
}

fn blur(event: &leptos::ev::KeyboardEvent) {
    if let Some(input) = event.target().and_then(browser::html_element) {
        let _ = input.blur();
    }
}

/// The results of a search, in rank order, each a link to its code, number or comparison.
#[component]
pub fn SearchResults(
    /// The query as typed.
    query: String,
    /// The highlighted result, and whether all results are shown.
    cursor: ResultCursor,
) -> impl IntoView {
    // A link to a search: building the index and drawing the rows each get a task of their own
    // as the app starts.
    browser::draw_later(search::prepare);
    crate::views::drawn_later(move || results(&query, cursor))
}

/// The results section for `query`.
fn results(query: &str, cursor: ResultCursor) -> AnyView {
    // Rows past the first page are highlighted only once "Show all" draws them.
    let outcome = search::search_showing(query, cursor.shown(usize::MAX));
    let count = outcome.hits.len();
    let shown_query = crate::route::truncate_for_display(query.trim(), 60);
    let empty = query.trim().is_empty();
    let status = match count {
        // An empty box is a search not yet typed, not one that failed.
        0 if empty => "Type a code, a phrase or a symptom.".to_string(),
        0 => format!("No results for \u{201c}{shown_query}\u{201d}."),
        1 => "1 result.".to_string(),
        many => format!("{many} results."),
    };
    view! {
        <section class="search-results" data-testid="search">
            <h1 tabindex="-1">"Search"</h1>
            <p class="result-count" role="status" aria-live="polite">{status}</p>
            {outcome.query_was_cut.then(|| view! {
                <p class="note" data-testid="query-cut">{format!("Only the first {MAX_QUERY_CHARS} characters of the query were searched.")}</p>
            })}
            {if count == 0 {
                view! { <NoResults suggestions=outcome.suggestions empty=empty/> }.into_any()
            } else {
                let shown = cursor.shown(count);
                view! {
                    <ol class="results" id="search-results" data-testid="results">
                        {outcome.hits.into_iter().take(shown).enumerate().map(|(index, hit)| view! {
                            <ResultRow hit=hit index=index selected=cursor.selected/>
                        }).collect_view()}
                    </ol>
                    {(shown < count).then(|| view! {
                        <button
                            type="button"
                            class="button show-all"
                            data-testid="show-all"
                            on:click=move |_| {
                                cursor.show_all.set(true);
                                // The button goes away: keep the keyboard where the new rows begin.
                                request_animation_frame(|| {
                                    browser::focus_selector(&format!("#search-results > li:nth-child({}) a", FIRST_RESULTS + 1));
                                });
                            }
                        >
                            {format!("Show all {count} results")}
                        </button>
                    })}
                    <p class="note keyboard-hint">"Use "<kbd>"↑"</kbd>" "<kbd>"↓"</kbd>" to choose, "<kbd>"Enter"</kbd>" to open, "<kbd>"Esc"</kbd>" to go back."</p>
                }.into_any()
            }}
        </section>
    }
    .into_any()
}

#[component]
fn ResultRow(hit: Hit, index: usize, selected: RwSignal<usize>) -> impl IntoView {
    let is_selected = move || selected.get() == index;
    let href = format!("#{}", hit.target.fragment());
    // What the link says (number and name), the marker beside it, and the class it belongs to.
    let (number, name, marker, class_label): (String, String, String, Option<String>) =
        match &hit.target {
            Target::Entry(entry) => (
                entry.code.to_string(),
                // The name people know (418 "I'm a teapot"), as on the code's page.
                entry.name().to_string(),
                entry.marker(),
                catalog::class(entry.class_digit())
                    .map(|class| format!("{} {}", class.label, class.name)),
            ),
            Target::NotStatus(number) => (
                number.number.clone(),
                number.title.clone(),
                "Not a status code".to_string(),
                None,
            ),
            Target::Number(number) => (
                number.clone(),
                "Not an HTTP status code".to_string(),
                "Not a status code".to_string(),
                None,
            ),
            Target::Comparison { codes, .. } => (
                codes
                    .iter()
                    .map(u16::to_string)
                    .collect::<Vec<_>>()
                    .join(" vs "),
                codes
                    .iter()
                    .filter_map(|code| catalog::primary(*code))
                    .map(|entry| entry.name())
                    .collect::<Vec<_>>()
                    .join(" vs "),
                "Comparison".to_string(),
                None,
            ),
        };
    let shows_name = hit.matched_text == name.as_str();
    let why = match &hit.target {
        // The comparison's title repeats its link; the range's summary is the reason itself.
        Target::Comparison { .. } => None,
        _ if shows_name => None,
        Target::Number(_) => Some(hit.matched_text.into_any()),
        _ => Some(
            view! { {hit.kind.label()} ": " {highlighted(hit.matched_text, &hit.highlights)} }
                .into_any(),
        ),
    };
    view! {
        <li class="result" class:selected=is_selected class:partial=hit.partial aria-current=move || is_selected().then_some("true")>
            <a href=href>
                <span class="code-number">{number}</span>
                " "
                <span class="code-phrase">
                    {if shows_name { highlighted(hit.matched_text, &hit.highlights) } else { name.into_any() }}
                </span>
            </a>
            {(!marker.is_empty()).then(|| view! { <span class="marker">{marker}</span> })}
            {class_label.map(|label| view! { <span class="result-class">{label}</span> })}
            {why.map(|why| view! { <span class="why">{why}</span> })}
        </li>
    }
}

/// Text with its matched ranges wrapped in `<mark>`; ranges come from the search module and are
/// checked again here so a bad range can only lose the highlight, never the text.
fn highlighted(text: &'static str, ranges: &[Range<usize>]) -> AnyView {
    let mut parts = Vec::new();
    let mut at = 0;
    for range in ranges {
        let (Some(before), Some(marked)) = (text.get(at..range.start), text.get(range.clone()))
        else {
            continue;
        };
        parts.push((before, false));
        parts.push((marked, true));
        at = range.end;
    }
    parts.push((text.get(at..).unwrap_or_default(), false));
    parts
        .into_iter()
        .filter(|(part, _)| !part.is_empty())
        .map(|(part, marked)| {
            if marked {
                view! { <mark>{part}</mark> }.into_any()
            } else {
                part.into_any()
            }
        })
        .collect_view()
        .into_any()
}

#[component]
fn NoResults(suggestions: Vec<&'static Entry>, empty: bool) -> impl IntoView {
    view! {
        <div class="no-results" data-testid=if empty { "search-start" } else { "no-results" }>
            {(!suggestions.is_empty()).then(|| view! {
                <p>"Perhaps one of these:"</p>
                <ul class="code-list">
                    {suggestions.into_iter().map(|entry| view! { <crate::views::links::CodeRow entry=entry/> }).collect_view()}
                </ul>
            })}
            <p>
                {if empty { "Browse a class: " } else { "Or browse a class: " }}
                {(1..=5u8).map(|digit| view! { <a href=format!("#{digit}xx")>{format!("{digit}xx")}</a>" " }).collect_view()}
                "— try a number such as 404, a phrase such as \u{201c}too many\u{201d}, or a symptom such as \u{201c}rate limit\u{201d}."
            </p>
        </div>
    }
}
