use crate::browser::on_demand::{self, Load};
use crate::catalog::{self, Entry, Explanations, Permanence, SeenIn, EXPLANATIONS_FILE};
use crate::compare;
use crate::route::meaning_fragment;
use crate::views::compare::{AddCode, GroupCard};
use crate::views::constants::ConstantsSection;
use crate::views::details::PlatformDetails;
use crate::views::drawn_later;
use crate::views::links::CodeLink;
use crate::views::personal::{CopyBar, PinButton};
use crate::views::prose::prose;
use leptos::prelude::*;

/// The detail view of one number, `#404`: every meaning it has, the registered one first.
#[component]
pub fn CodeDetail(
    /// A number the catalog knows (the route guarantees it).
    code: u16,
) -> impl IntoView {
    let meanings: Vec<&'static Entry> = catalog::meanings(code).collect();
    let Some(primary) = meanings.first().copied() else {
        return view! { <p>"Unknown code."</p> }.into_any();
    };
    let class = catalog::class(primary.class_digit());
    let several = meanings.len() > 1;
    view! {
        <article class="detail" data-testid="detail" data-code=code>
            <header class="detail-header">
                {class.map(|class| view! {
                    <p class="eyebrow">
                        <a href=format!("#{}", class.label)>{class.label.as_str()} " " {class.name.as_str()}</a>
                    </p>
                })}
                <h1 tabindex="-1">
                    <span class="code-number">{code}</span>
                    " "
                    <span class="code-phrase">{primary.name()}</span>
                </h1>
                {name_note(primary).map(|note| view! { <p class="name-note" data-testid="name-note">{note}</p> })}
                <p class="lead">{primary.summary.as_str()}</p>
                <div class="detail-actions">
                    <PinButton code=code/>
                    // With several meanings, each section has its own copy buttons.
                    {(!several).then(|| view! { <CopyBar entry=primary/> })}
                    // Starts the checker with this code's example, ready to be replaced by the
                    // person's own response.
                    <a class="check-link" data-testid="check-link" href=format!("#{}", crate::route::Route::Check(Some(code)))>
                        "Check a response with this code"
                    </a>
                </div>
                {several.then(|| view! {
                    <nav class="meanings-note" aria-labelledby="meanings-index-title">
                        <p id="meanings-index-title">{format!("{code} means different things depending on who sends it:")}</p>
                        <ol class="meanings-index">
                            {meanings.iter().map(|entry| view! {
                                <li><a href=format!("#{}", meaning_fragment(entry))>{entry.title()}</a></li>
                            }).collect_view()}
                        </ol>
                    </nav>
                })}
            </header>
            // Each part in a task of its own as the app starts on a code's page.
            {meanings
                .iter()
                .copied()
                .enumerate()
                .map(|(index, entry)| drawn_later(move || view! { <Meaning entry=entry index=index titled=several/> }))
                .collect_view()}
            {drawn_later(move || view! { <Confusions code=code/> })}
            {drawn_later(move || view! { <ConstantsSection code=code/> })}
        </article>
    }
    .into_any()
}

/// The id of a meaning's heading. In-page `#id` links would be read as routes: links to a
/// section use `route::meaning_fragment` instead, and find it by `data-meaning`.
fn meaning_anchor(index: usize, entry: &Entry) -> String {
    format!("meaning-{}-{}", entry.code, index + 1)
}

/// Beside a name that is not the registered phrase (418, "I'm a teapot"), what the registry or
/// the vendor has instead.
fn name_note(entry: &Entry) -> Option<String> {
    use catalog::Status;
    if !entry.is_renamed() {
        return None;
    }
    if entry.is_registered() {
        let status = match entry.status {
            Status::Unused => "reserved and unused",
            Status::Deprecated => "deprecated",
            Status::Obsolete => "obsolete",
            Status::Temporary => "provisional",
            Status::Standard | Status::Unofficial => "standard",
        };
        Some(format!(
            "Registered with IANA as \u{201c}{}\u{201d}: {status}.",
            entry.phrase
        ))
    } else {
        let vendor = entry.vendor.as_deref().unwrap_or_default();
        let described = entry.phrase.trim_start_matches('(').trim_end_matches(')');
        Some(format!("{vendor} gives it no reason phrase: {described}."))
    }
}

/// "Often confused with": the curated comparisons this code is part of, and a way to compare it
/// with any other code.
#[component]
fn Confusions(
    /// The code whose comparisons are listed.
    code: u16,
) -> impl IntoView {
    let groups = compare::groups_with(code);
    // Without a recorded confusion there is nothing to head: only the form stays.
    if groups.is_empty() {
        return view! {
            <div class="confusions" data-testid="confusions">
                <AddCode codes=vec![code] label="Compare with another code"/>
            </div>
        }
        .into_any();
    }
    view! {
        <section class="confusions" data-testid="confusions" aria-labelledby="confusions-title">
            <h2 id="confusions-title">"Often confused with"</h2>
            <ul class="group-list">
                {groups.into_iter().map(|group| view! { <GroupCard group=group/> }).collect_view()}
            </ul>
            <AddCode codes=vec![code] label="Compare with another code"/>
        </section>
    }
    .into_any()
}

/// One meaning of a number: facts, prose, example and links.
#[component]
fn Meaning(
    /// The meaning shown.
    entry: &'static Entry,
    /// Its position among the meanings of its number.
    index: usize,
    /// Whether the number has several meanings, so this one needs its own heading.
    titled: bool,
) -> impl IntoView {
    let vendor = entry.vendor.clone().unwrap_or_default();
    view! {
        <section
            class="meaning"
            data-status=entry.status.token()
            data-vendor=vendor
            data-meaning=entry.meaning_slug()
            aria-labelledby=meaning_anchor(index, entry)
        >
            {if titled {
                view! {
                    <h2 class="meaning-title" id=meaning_anchor(index, entry) tabindex="-1">{entry.title()}</h2>
                    <CopyBar entry=entry several=true/>
                }.into_any()
            } else {
                view! { <h2 class="visually-hidden" id=meaning_anchor(index, entry)>"Facts"</h2> }.into_any()
            }}
            <Facts entry=entry/>
            {move || explained(entry)}
            {(!entry.headers.is_empty()).then(|| view! {
                <h3>"Headers that belong with it"</h3>
                <ul class="headers">
                    {entry.headers.iter().map(|header| view! {
                        <li>
                            <code>{header.name.as_str()}</code>
                            " "
                            <span class="requirement" data-requirement=header.requirement.token()>{header.requirement.label()}</span>
                            " "
                            <cite class="header-source">{format!("({})", header.citation())}</cite>
                            ": "
                            {prose(&header.note)}
                        </li>
                    }).collect_view()}
                </ul>
            })}
            <PlatformDetails details=entry.details() heading="Platform errors that arrive with this status" nested=true/>
            <h3>"Example response"</h3>
            // Focusable: on a narrow screen it scrolls sideways, and a keyboard must be able to scroll it.
            <pre class="example" data-testid="example" tabindex="0"><code>{entry.example.as_str()}</code></pre>
            {(!entry.related.is_empty()).then(|| view! {
                <h3>"Related codes"</h3>
                <ul class="related">
                    {entry.related.iter().filter_map(|code| catalog::primary(*code)).map(|related| view! {
                        <li><CodeLink entry=related/></li>
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}

/// What a meaning's explanation says, once it is at hand (see [`provide_explanations`]); until
/// then, or if it cannot be loaded, a note says so where it will be.
fn explained(entry: &'static Entry) -> AnyView {
    let load = explanations();
    // `of` finds every catalog entry: the file was checked against the catalog when it was read.
    let Some(explanation) = (match load {
        Load::Ready(all) => all.of(entry),
        Load::Loading | Load::Failed => None,
    }) else {
        return explanations_note(load).into_any();
    };
    view! {
        <h3>"What it means"</h3>
        <p>{prose(&explanation.meaning)}</p>
        <h3>{if entry.is_registered() { "When to send it" } else { "When it is sent" }}</h3>
        <p>{prose(&explanation.when_to_send)}</p>
        <h3>"What a client should do"</h3>
        <p>{prose(&explanation.client_action)}</p>
        <h3>"Received this?"</h3>
        <dl class="received">
            <dt>"In a browser"</dt>
            <dd>{prose(&explanation.received.browser)}</dd>
            <dt>"Calling an API"</dt>
            <dd>{prose(&explanation.received.api_client)}</dd>
            <dt>"Running the server"</dt>
            <dd>{prose(&explanation.received.operator)}</dd>
        </dl>
    }
    .into_any()
}

/// Every entry's explanation for the views, loaded once per visit: at once when the app starts
/// on a page that shows them (`browser::start` fetches them before drawing it), else fetched as
/// the app starts, so that opening a code later finds them at hand. Called once, by `App`.
pub fn provide_explanations() {
    let load = on_demand::use_file(EXPLANATIONS_FILE, catalog::explanations(), |text| {
        catalog::install_explanations(text).ok()
    });
    provide_context(load);
}

/// Where the explanations are (`catalog::EXPLANATIONS_FILE`), tracked in the calling closure so
/// that it draws again when they arrive. `Failed` outside an `App`, which provides them.
pub fn explanations() -> Load<Explanations> {
    use_context::<ReadSignal<Load<Explanations>>>().map_or(Load::Failed, |load| load.get())
}

/// What a view says in place of the explanations while they load or when they cannot; nothing
/// once they are in.
pub fn explanations_note(load: Load<Explanations>) -> Option<AnyView> {
    match load {
        Load::Loading => Some(
            view! { <p class="note" data-testid="explanation-loading">"Loading what the code means and what to do about it\u{2026}"</p> }
                .into_any(),
        ),
        Load::Failed => Some(
            view! {
                <p class="note" data-testid="explanation-failed">
                    "What the code means and what to do about it could not be loaded. It is fetched the first time you open a code or a comparison; try again once you are online."
                </p>
            }
            .into_any(),
        ),
        Load::Ready(_) => None,
    }
}

/// The facts of a meaning as a scannable definition list.
#[component]
fn Facts(
    /// The meaning whose facts are listed.
    entry: &'static Entry,
) -> impl IntoView {
    let redirect = entry.redirect.as_ref();
    view! {
        <dl class="facts" data-testid="facts">
            <dt>"Status"</dt>
            <dd data-fact="status">{status_text(entry)}</dd>
            {entry.vendor.as_ref().map(|vendor| view! {
                <dt>"Used by"</dt>
                <dd data-fact="vendor">{vendor.as_str()}</dd>
                <dt>"Seen in"</dt>
                <dd data-fact="seen-in">{match entry.seen_in {
                    SeenIn::Response => "Responses: clients receive it",
                    SeenIn::Logs => "Logs only: never sent to the client",
                }}</dd>
            })}
            <dt>{if entry.spec.is_some() { "Defined in" } else { "Source" }}</dt>
            <dd data-fact="spec">{citation(entry)}</dd>
            <dt>"Caching"</dt>
            <dd data-fact="cacheable">{entry.caching()}</dd>
            <dt>"Body"</dt>
            <dd data-fact="body">{entry.body()}</dd>
            {redirect.map(|redirect| view! {
                <dt>"Redirect"</dt>
                <dd data-fact="redirect">
                    {match redirect.permanence {
                        Permanence::Permanent => "Permanent",
                        Permanence::Temporary => "Temporary",
                        Permanence::None => "Not a move: points elsewhere",
                    }}
                    "; "
                    {redirect.method.describe()}
                </dd>
            })}
            <dt>"Retry"</dt>
            <dd data-fact="retry">
                // The label is said once: many notes open with it ("Not an error: …").
                {
                    let (label, rest) = entry.retry.parts();
                    view! { <strong>{label}</strong>{prose(&rest)} }
                }
            </dd>
            {(!entry.former_phrases.is_empty()).then(|| view! {
                <dt>"Formerly"</dt>
                <dd data-fact="former">{entry.former_phrases.join("; ")}</dd>
            })}
        </dl>
    }
}

fn status_text(entry: &Entry) -> String {
    use catalog::Status;
    match entry.status {
        Status::Standard => "Standard: registered with IANA".to_string(),
        Status::Deprecated => "Deprecated: registered, but no longer recommended".to_string(),
        Status::Unused => "Unused: the number is reserved and must not be assigned".to_string(),
        Status::Temporary => {
            "Provisional: a temporary registration for a draft that may still change".to_string()
        }
        Status::Obsolete => "Obsolete: its specification has been retired".to_string(),
        Status::Unofficial => "Unofficial: not in the IANA registry".to_string(),
    }
}

fn citation(entry: &Entry) -> AnyView {
    match (&entry.spec, &entry.source) {
        (Some(spec), _) => view! {
            <a class="citation" href=spec.url.clone() rel="external">{spec.citation()}</a>
        }
        .into_any(),
        (None, Some(source)) => view! {
            <a class="citation" href=source.url.clone() rel="external">{source.title.clone()}</a>
        }
        .into_any(),
        (None, None) => "Not documented".into_any(),
    }
}
