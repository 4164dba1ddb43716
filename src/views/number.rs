use crate::catalog::{self, DetailHost, NonStatus};
use crate::route::{is_unassigned_code, percent_encode, truncate_for_display};
use crate::views::details::PlatformDetails;
use crate::views::links::CodeLink;
use leptos::prelude::*;

/// A number is at most this long on screen (the route allows twelve digits).
const SHOWN_DIGITS: usize = 12;

/// The view of a number the catalog has no entry for, `#0`, `#000`, `#600`, `#1020`, `#471`:
/// clearly marked when it is not an HTTP status code, with what RFC 9110 §15 says about it and
/// whatever the catalog knows about that number.
#[component]
pub fn NumberView(
    /// The number exactly as written in the fragment (only ASCII digits; the route guarantees it).
    number: String,
) -> impl IntoView {
    match catalog::non_status(&number) {
        Some(record) => view! { <NotAStatus record=record/> }.into_any(),
        None => view! { <OtherNumber number=number/> }.into_any(),
    }
}

/// The banner every not-a-status view starts with, so nobody mistakes the page for a code's.
#[component]
fn NotAStatusBanner() -> impl IntoView {
    view! {
        <p class="eyebrow not-a-status" data-testid="not-a-status">
            <strong>"Not an HTTP status code."</strong>
            " Status codes run from 100 to 599 ("
            <a class="citation" href=catalog::out_of_range().spec.url.clone() rel="external">"RFC 9110 \u{a7}15"</a>
            ")."
        </p>
    }
}

/// A number with a record of its own (`0`, `000`): what reports it, what it means, its usual
/// causes and how to find the real one.
#[component]
fn NotAStatus(
    /// The record shown.
    record: &'static NonStatus,
) -> impl IntoView {
    view! {
        <article class="detail number-view" data-testid="number" data-number=record.number.clone() data-kind="not-a-status">
            <header class="detail-header">
                <NotAStatusBanner/>
                <h1 tabindex="-1">
                    <span class="code-number">{record.number.as_str()}</span>
                    " "
                    <span class="code-phrase">{record.title.as_str()}</span>
                </h1>
                <p class="lead">{record.summary.as_str()}</p>
            </header>
            <dl class="facts">
                <dt>"Reported by"</dt>
                <dd>{record.reported_by.as_str()}</dd>
                <dt>"Sent by a server"</dt>
                <dd>"Never: it stands for the absence of a status"</dd>
            </dl>
            <h2>"What it means"</h2>
            <p data-testid="number-meaning">{record.meaning.as_str()}</p>
            <h2>"What usually causes it"</h2>
            <ul class="causes" data-testid="causes">
                {record.causes.iter().map(|cause| view! { <li>{cause.as_str()}</li> }).collect_view()}
            </ul>
            <h2>"How to find the real cause"</h2>
            <ol class="find-cause" data-testid="find-cause">
                {record.find_cause.iter().map(|step| view! { <li>{step.as_str()}</li> }).collect_view()}
            </ol>
            <PlatformDetails details=&record.details heading="Errors behind it" nested=false/>
            <RelatedCodes codes=&record.related/>
            <h2>"Sources"</h2>
            <ul class="sources">
                {record.sources.iter().map(|source| view! {
                    <li><a class="citation" href=source.url.clone() rel="external">{source.title.as_str()}</a></li>
                }).collect_view()}
            </ul>
        </article>
    }
}

/// Links to status codes worth reading next.
#[component]
fn RelatedCodes(
    /// The codes; those the catalog lacks are skipped.
    codes: &'static [u16],
) -> impl IntoView {
    (!codes.is_empty()).then(|| {
        view! {
            <h2>"Related status codes"</h2>
            <ul class="related">
                {codes.iter().filter_map(|code| catalog::primary(*code)).map(|entry| view! {
                    <li><CodeLink entry=entry/></li>
                }).collect_view()}
            </ul>
        }
    })
}

/// A number without a record: an unassigned code from 100 to 599 (treated as the x00 of its
/// class), or a value outside that range (invalid, handled as a 5xx), plus any platform error
/// code people see with that number.
#[component]
fn OtherNumber(
    /// The number as written.
    number: String,
) -> impl IntoView {
    let shown = truncate_for_display(&number, SHOWN_DIGITS);
    let known: Vec<(DetailHost, &'static catalog::Detail)> = catalog::details()
        .filter(|(_, detail)| detail.id == number)
        .collect();
    let search = format!("#q={}", percent_encode(&number));
    let unassigned = is_unassigned_code(&number);
    let header = if unassigned {
        view! {
            <p class="eyebrow" data-testid="unassigned">"Valid, but not in use"</p>
            <h1 tabindex="-1">
                <span class="code-number">{shown.clone()}</span>
                " "
                <span class="code-phrase">"Unassigned status code"</span>
            </h1>
            <p class="lead">{format!("{shown} is a well-formed status code, but it is not registered and no widely used software is known to send it.")}</p>
        }
        .into_any()
    } else {
        view! {
            <NotAStatusBanner/>
            <h1 tabindex="-1">
                <span class="code-number">{shown.clone()}</span>
                " "
                <span class="code-phrase">"Not an HTTP status code"</span>
            </h1>
            <p class="lead">{catalog::out_of_range().summary.as_str()}</p>
        }
        .into_any()
    };
    let kind = if unassigned {
        "unassigned"
    } else {
        "not-a-status"
    };
    view! {
        <article class="detail number-view" data-testid="number" data-number=number.clone() data-kind=kind>
            <header class="detail-header">{header}</header>
            {(!known.is_empty()).then(|| view! {
                <section class="known-number" data-testid="known-number">
                    <h2>{format!("What {shown} usually is")}</h2>
                    <ul class="known-list">
                        {known.iter().map(|(host, detail)| view! {
                            <li>
                                <strong>{format!("{} {}: {}.", detail.vendor, detail.id, detail.name)}</strong>
                                " "
                                {detail.description.as_str()}
                                " It arrives with "
                                <a href=format!("#{}", host.fragment())>{host.label()}</a>
                                "."
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            {if unassigned { view! { <Unassigned number=number.clone()/> }.into_any() } else { view! { <OutOfRange/> }.into_any() }}
            <p class="note">
                <a href=search>{format!("Search the reference for \u{201c}{shown}\u{201d}")}</a>
                ", or see "
                <a href="#0">"0"</a>
                " and "
                <a href="#000">"000"</a>
                ", the numbers tools print when no response arrived."
            </p>
        </article>
    }
}

/// RFC 9110 §15 on a value outside 100–599.
#[component]
fn OutOfRange() -> impl IntoView {
    let rules = catalog::out_of_range();
    view! {
        <h2>"What it means"</h2>
        <p>{rules.meaning.as_str()}</p>
        <h2>"What a client should do"</h2>
        <p data-testid="client-action">{rules.client_action.as_str()}</p>
        <p class="note">
            "Source: "
            <a class="citation" href=rules.spec.url.clone() rel="external">{rules.spec.citation()}</a>
        </p>
    }
}

/// RFC 9110 §15 on an unrecognised code: the client treats it as the x00 code of its class.
#[component]
fn Unassigned(
    /// A three-digit number from 100 to 599 that the catalog lacks.
    number: String,
) -> impl IntoView {
    let digit = number
        .bytes()
        .next()
        .map_or(0, |first| first.wrapping_sub(b'0'));
    let generic = catalog::primary(u16::from(digit) * 100);
    let class = catalog::class(digit);
    view! {
        <h2>"What a client should do"</h2>
        <p data-testid="client-action">
            {format!("A client must understand the class of any status code and treat one it does not recognise as the x00 code of that class, so it handles {number} exactly like ")}
            {generic.map(|entry| view! { <CodeLink entry=entry/> })}
            " ("
            <a class="citation" href=catalog::out_of_range().spec.url.clone() rel="external">"RFC 9110 \u{a7}15"</a>
            ")."
        </p>
        {class.map(|class| view! {
            <p>
                <a href=format!("#{}", class.label)>{format!("{} {}", class.label, class.name)}</a>
                ": "
                {class.client_action.as_str()}
            </p>
        })}
    }
}
