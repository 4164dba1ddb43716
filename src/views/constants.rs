//! "In your code": the names libraries give a code, on each code's page and side by side on
//! `#constants`. The table loads on demand (`browser::on_demand`), once per visit: the section and
//! the page show one loading state until it is in.

use crate::browser::{clipboard, on_demand};
use crate::catalog;
use crate::constants::{Name, Row, Standing, Table, TABLE_FILE};
use leptos::prelude::*;
use std::cell::Cell;

thread_local! {
    /// The table once loaded: it never changes while the app runs, so it is kept for the visit.
    static LOADED: Cell<Option<&'static Table>> = const { Cell::new(None) };
}

type Load = on_demand::Load<Table>;

/// The table's state for the calling view, asking for it the first time a view needs it.
fn use_table() -> ReadSignal<Load> {
    on_demand::use_file(TABLE_FILE, LOADED.with(Cell::get), keep_table)
}

/// Parses the fetched table and keeps it for the visit.
fn keep_table(text: &str) -> Option<&'static Table> {
    let table: &'static Table = Box::leak(Box::new(Table::parse(text).ok()?));
    LOADED.with(|cell| cell.set(Some(table)));
    Some(table)
}

/// What the section and the page say while the table loads or when it cannot.
fn load_message(load: Load) -> Option<AnyView> {
    match load {
        Load::Loading => Some(
            view! { <p class="note" data-testid="constants-loading">"Loading the names libraries use\u{2026}"</p> }
                .into_any(),
        ),
        Load::Failed => Some(
            view! {
                <p class="note" data-testid="constants-failed">
                    "The table of library names could not be loaded. It is fetched the first time you open it; try again once you are online."
                </p>
            }
            .into_any(),
        ),
        Load::Ready(_) => None,
    }
}

/// A copy button per name, announcing the outcome in the section's status region.
fn copy_name_button(name: String, announce: WriteSignal<String>) -> impl IntoView {
    let label = format!("Copy {name}");
    view! {
        <button
            type="button"
            class="button copy-name"
            data-copy-name=name.clone()
            aria-label=label
            on:click=move |_| {
                let name = name.clone();
                clipboard::copy(name.clone(), move |copied| {
                    announce.set(if copied {
                        format!("Copied {name}.")
                    } else {
                        format!("Could not copy {name}: select it and copy by hand.")
                    });
                });
            }
        >
            "Copy"
        </button>
    }
}

/// The reason phrase a note compares a former phrase with.
fn phrase_now(code: u16) -> Option<&'static str> {
    catalog::primary(code).map(|entry| entry.phrase.as_str())
}

/// One name with its standing, version and copy button.
fn name_item(
    code: u16,
    library: &str,
    name: &Name,
    announce: WriteSignal<String>,
) -> impl IntoView {
    let node = library == "node";
    // An older name is expected to carry an old phrase; the note matters on a current one.
    let former = name.former_phrase.clone().filter(|_| name.standing == Standing::Current).map(|former| {
        let now = phrase_now(code).unwrap_or_default();
        if node {
            format!("Its phrase is the code's former reason phrase, \u{201c}{former}\u{201d}; the registry's phrase is now \u{201c}{now}\u{201d}.")
        } else {
            format!("Named after the code's former reason phrase, \u{201c}{former}\u{201d}; the registry's phrase is now \u{201c}{now}\u{201d}.")
        }
    });
    // What else a reader needs about the name, as one short text: one element rather than one
    // per fact keeps the code small.
    let meta = [
        name.phrase
            .as_ref()
            .filter(|_| node)
            .map(|phrase| format!("\u{2192} \u{201c}{phrase}\u{201d}")),
        name.standing.label().map(str::to_string),
        name.since.as_ref().map(|since| format!("since {since}")),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" \u{b7} ");
    view! {
        <li class="constant-name" data-standing=name.standing.token()>
            <code>{name.name.clone()}</code>
            {(!meta.is_empty()).then(|| view! { " " <span class="constant-meta">{meta}</span> })}
            " "
            {copy_name_button(name.name.clone(), announce)}
            {former.map(|note| view! { <p class="constant-former" data-testid="former-phrase">{note}</p> })}
        </li>
    }
}

/// One library's row on a code's page.
fn library_row(code: u16, row: Row<'_>, announce: WriteSignal<String>) -> impl IntoView {
    let library = row.library;
    view! {
        <tr data-library=library.id.clone() data-lags=row.lags().then_some("true")>
            <th scope="row">
                {library.name.clone()}
                " "
                <span class="constant-version">{library.source.label()}</span>
            </th>
            <td>
                {if row.names.is_empty() {
                    view! { <span class="not-defined">"not defined"</span> }.into_any()
                } else {
                    view! {
                        <ul class="constant-names">
                            {row.names.iter().map(|name| name_item(code, &library.id, name, announce)).collect_view()}
                        </ul>
                    }
                    .into_any()
                }}
            </td>
        </tr>
    }
}

/// "In your code" on a code's page: one row per library.
#[component]
pub fn ConstantsSection(
    /// The code whose names are listed.
    code: u16,
) -> impl IntoView {
    // The section comes last on a code's page: the table loads once it nears the window.
    let section = NodeRef::new();
    let table = on_demand::use_file_near(TABLE_FILE, LOADED.with(Cell::get), keep_table, section);
    let (message, announce) = signal(String::new());
    view! {
        <section class="constants" data-testid="constants" aria-labelledby="constants-title" node_ref=section>
            <h2 id="constants-title">"In your code"</h2>
            {move || load_message(table.get())}
            {move || match table.get() {
                Load::Ready(table) => Some(match table.rows(code) {
                    Some(rows) => view! {
                        <div class="table-wrap">
                            <table class="constants-table">
                                <thead>
                                    <tr><th scope="col">"Library"</th><th scope="col">"Name"</th></tr>
                                </thead>
                                <tbody>
                                    {rows.into_iter().map(|row| library_row(code, row, announce)).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }
                    .into_any(),
                    None => view! { <p class="note">"None of these libraries has a name for this code."</p> }.into_any(),
                }),
                _ => None,
            }}
            <p><a href="#constants">"Compare the libraries for every code"</a></p>
            <span class="visually-hidden" role="status" aria-live="polite" data-testid="constants-copy-status">{move || message.get()}</span>
        </section>
    }
}

/// `#constants`: which libraries lag the RFC names, which codes each lacks, and every code's
/// current name in every library.
#[component]
pub fn ConstantsPage() -> impl IntoView {
    let table = use_table();
    view! {
        <article class="constants-page" data-testid="constants-page">
            <h1 tabindex="-1">"Status codes in your code"</h1>
            <p class="lead">
                "What thirteen HTTP libraries call each status code, taken from each library\u{2019}s own source. Check it before upgrading or porting: names differ, some keep a code\u{2019}s former reason phrase, and some lack codes."
            </p>
            {move || load_message(table.get())}
            // Each part is type-erased: nested as one type, the view is too deep for the compiler.
            {move || match table.get() {
                Load::Ready(table) => Some(
                    view! {
                        <LibrarySummary table=table/>
                        <AllCodesSection table=table/>
                    }
                    .into_any(),
                ),
                _ => None,
            }}
        </article>
    }
}

/// Every code side by side, by default only those whose names differ.
#[component]
fn AllCodesSection(
    /// The loaded table.
    table: &'static Table,
) -> impl IntoView {
    let (only_differences, set_only_differences) = signal(true);
    view! {
        <section aria-labelledby="all-codes-title">
            <h2 id="all-codes-title">"Every code, every library"</h2>
            <label class="toggle">
                <input
                    type="checkbox"
                    data-testid="only-differences"
                    prop:checked=move || only_differences.get()
                    on:change=move |event| set_only_differences.set(event_target_checked(&event))
                />
                " Only codes on which the libraries differ (other words, a former phrase, or no name)"
            </label>
            {move || view! { <AllCodes table=table only_differences=only_differences.get()/> }.into_any()}
        </section>
    }
}

/// Per library: its source, the codes it names after a former phrase, the codes it lacks.
#[component]
fn LibrarySummary(
    /// The loaded table.
    table: &'static Table,
) -> impl IntoView {
    let links = |codes: Vec<u16>| {
        if codes.is_empty() {
            view! { <span class="note">"none"</span> }.into_any()
        } else {
            view! {
                <ul class="code-inline-list">
                    {codes.into_iter().map(|code| view! { <li><a href=format!("#{code}")>{code}</a></li> }).collect_view()}
                </ul>
            }
            .into_any()
        }
    };
    view! {
        <section aria-labelledby="libraries-title">
            <h2 id="libraries-title">"Libraries"</h2>
            <div class="table-wrap">
                <table class="constants-table" data-testid="library-summary">
                    <thead>
                        <tr>
                            <th scope="col">"Library"</th>
                            <th scope="col">"Read from"</th>
                            <th scope="col">"Still named after a former phrase"</th>
                            <th scope="col">"Registered codes it has no name for"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {table.libraries.iter().map(|library| {
                            let source = &library.source;
                            // A file read at a commit says which, and why no release was read.
                            let origin = match (&source.repo, &source.commit) {
                                (Some(repo), Some(commit)) => format!("{repo} at commit {commit}: {}", source.obtained),
                                _ => source.obtained.clone(),
                            };
                            view! {
                                <tr data-library=library.id.clone()>
                                    <th scope="row">{library.name.clone()} <br/> <code>{library.example.clone()}</code></th>
                                    <td>
                                        <span class="constant-version">{source.label()}</span>
                                        " "
                                        {origin}
                                        {source.note.clone().map(|note| view! { <p class="note">{note}</p> })}
                                    </td>
                                    <td data-testid="lagging">{links(table.lagging(&library.id))}</td>
                                    <td data-testid="lacking">{links(table.lacking(&library.id))}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// Every code as a row, every library as a column, with each library's current names.
#[component]
fn AllCodes(
    /// The loaded table.
    table: &'static Table,
    /// Whether to list only the codes where the libraries disagree.
    only_differences: bool,
) -> impl IntoView {
    let differing = table.disagreements();
    let codes: Vec<u16> = table
        .codes
        .iter()
        .map(|entry| entry.code)
        .filter(|code| !only_differences || differing.contains(code))
        .collect();
    view! {
        <div class="table-wrap">
            <table class="constants-table constants-grid" data-testid="all-codes">
                <thead>
                    <tr>
                        <th scope="col">"Code"</th>
                        {table.libraries.iter().map(|library| view! { <th scope="col">{library.name.clone()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {codes.into_iter().filter_map(|code| {
                        let rows = table.rows(code)?;
                        let known = catalog::exists(code);
                        Some(view! {
                            <tr data-code=code>
                                <th scope="row">
                                    {if known {
                                        view! { <a href=format!("#{code}")>{code}</a> }.into_any()
                                    } else {
                                        view! { <span>{code}</span> }.into_any()
                                    }}
                                    " "
                                    <span class="constant-phrase">{phrase_now(code).unwrap_or_default()}</span>
                                </th>
                                {rows.into_iter().map(|row| {
                                    // Node's names are all `http.STATUS_CODES[n]`: its phrase is what differs.
                                    let current: Vec<String> = row.current().map(|name| match (&name.phrase, row.library.id.as_str()) {
                                        (Some(phrase), "node") => format!("\u{201c}{phrase}\u{201d}"),
                                        _ => name.name.clone(),
                                    }).collect();
                                    let others = row.names.len() - current.len();
                                    view! {
                                        <td data-library=row.library.id.clone() data-lags=row.lags().then_some("true")>
                                            {if row.names.is_empty() {
                                                view! { <span class="not-defined">"not defined"</span> }.into_any()
                                            } else if current.is_empty() {
                                                view! { <span class="constant-standing">"deprecated only"</span> }.into_any()
                                            } else {
                                                view! {
                                                    {current.into_iter().map(|name| view! { <code>{name}</code> " " }).collect_view()}
                                                    {row.lags().then(|| view! { <span class="constant-standing">"former phrase"</span> })}
                                                    {(others > 0).then(|| view! { <span class="constant-others">{format!("+{others} more")}</span> })}
                                                }
                                                .into_any()
                                            }}
                                        </td>
                                    }
                                }).collect_view()}
                            </tr>
                        })
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
