//! `#check`: paste a response, read what is wrong with it.
//!
//! The pasted text lives only in this view's signals: it is never written to the URL, to
//! storage or to any request (the route carries at most a code whose catalog example to start
//! from). Checking waits until typing pauses, so a large paste never holds up the next keystroke.

use crate::browser::checker::{self, Answer};
use crate::catalog;
use crate::check::{plural, Checked, Finding, Format, Report, Severity};
use crate::route::Route;
use leptos::prelude::*;
use std::time::Duration;

/// How long typing must pause before the text is checked again.
const PAUSE: Duration = Duration::from_millis(150);

/// Pastes larger than this wait a little longer, so a person editing them is not slowed.
const LARGE_PASTE: usize = 200_000;

/// The starting texts offered to a first-time visitor: each shows one kind of finding.
const EXAMPLES: &[(&str, &str)] = &[
    (
        "A 401 without its challenge",
        "HTTP/1.1 401 Unauthorized\nDate: Mon, 30 Nov 2026 09:12:44 GMT\nContent-Type: application/json\nContent-Length: 27\n\n{\"error\":\"token expired\"}\n",
    ),
    (
        "A redirect loop (curl -iL)",
        "HTTP/1.1 301 Moved Permanently\nDate: Mon, 30 Nov 2026 09:12:44 GMT\nLocation: https://www.example.com/\nContent-Length: 0\n\nHTTP/1.1 302 Found\nDate: Mon, 30 Nov 2026 09:12:44 GMT\nLocation: https://example.com/\nContent-Length: 0\n\nHTTP/1.1 301 Moved Permanently\nDate: Mon, 30 Nov 2026 09:12:44 GMT\nLocation: https://www.example.com/\nContent-Length: 0\n\n",
    ),
    (
        "A form POST answered with 302 (curl -v)",
        "> POST /orders HTTP/1.1\n> Host: shop.example\n> Content-Type: application/x-www-form-urlencoded\n>\n< HTTP/1.1 302 Found\n< Date: Mon, 30 Nov 2026 09:12:44 GMT\n< Location: /orders/1087\n< Content-Length: 0\n<\n> GET /orders/1087 HTTP/1.1\n> Host: shop.example\n>\n< HTTP/1.1 200 OK\n< Date: Mon, 30 Nov 2026 09:12:44 GMT\n< Content-Type: text/html\n< Content-Length: 14\n<\n<h1>Order</h1>\n",
    ),
    (
        "A cached 404 and a 204 with content",
        "HTTP/2 404\ndate: Mon, 30 Nov 2026 09:12:44 GMT\ncache-control: public, max-age=31536000, immutable\ncontent-type: text/html\n\n<h1>Not here</h1>\n\nHTTP/1.1 204 No Content\nDate: Mon, 30 Nov 2026 09:12:44 GMT\nContent-Length: 2\n\n{}",
    ),
    (
        "Headers copied from the network panel",
        "content-type: text/html; charset=utf-8\nretry-after: in a minute\ndate: Mon, 30 Nov 2026 09:12:44 GMT\n",
    ),
];

/// The checker view: a text area, example inputs, and one block per response read.
#[component]
pub fn CheckView(
    /// A code whose catalog example fills the text area at first (`#check/404`).
    example_of: Option<u16>,
) -> impl IntoView {
    let initial = example_of
        .and_then(catalog::primary)
        .map(|entry| entry.example.clone())
        .unwrap_or_default();
    // The text area is the source of what is typed: its value is written only when the app
    // puts text in (the starting example, an example button), never back on each keystroke,
    // which for a pasted 5 MB would lay the whole text out again. Nor is it read on each
    // keystroke, which would copy all of it into the wasm every time: `settled` reads it once
    // typing pauses, and only `settled` is checked.
    let shown = RwSignal::new(initial.clone());
    let area = NodeRef::<leptos::html::Textarea>::new();
    let settled = RwSignal::new(initial);
    // The checking itself happens in a web worker (`browser::checker`), which keeps the
    // checker's code out of the app's first load and a large paste off the main thread.
    let answer = RwSignal::new(Answer::Report(Report::Empty));
    // From a change to the text until the worker has answered for it: the results shown are
    // for an earlier text (`aria-busy`, so assistive technology waits for the new ones).
    let busy = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let pending = StoredValue::new(None::<TimeoutHandle>);

    let cancel = move || {
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
    };
    let settle = move || {
        cancel();
        busy.set(true);
        // The length in UTF-16 units, which the browser has at hand.
        let length = area.get_untracked().map_or(0, |area| area.text_length());
        let pause = if usize::try_from(length).unwrap_or(usize::MAX) > LARGE_PASTE {
            PAUSE * 3
        } else {
            PAUSE
        };
        let read = move || {
            if let Some(area) = area.get_untracked() {
                settled.set(area.value());
            }
        };
        pending.set_value(set_timeout_with_handle(read, pause).ok());
    };
    let load = move |value: &str| {
        cancel();
        busy.set(true);
        shown.set(value.to_string());
        settled.set(value.to_string());
    };
    on_cleanup(cancel);

    let report = Memo::new(move |previous: Option<&Report>| match answer.get() {
        Answer::Report(report) => report,
        // The last report stays while the worker loads.
        Answer::Loading => previous.cloned().unwrap_or(Report::Empty),
        Answer::Failed => Report::Empty,
    });
    let waiting = move || answer.with(|answer| !matches!(answer, Answer::Report(_)));
    Effect::new(move || {
        let listening = checker::listen(move |heard| {
            // The view may be gone by now; then there is nothing to update.
            if !matches!(heard, Answer::Loading) {
                let _ = busy.try_set(false);
            }
            let _ = answer.try_set(heard);
        });
        on_cleanup(move || checker::stop_listening(listening));
    });
    Effect::new(move || {
        let given = status.with(|status| status.trim().parse::<u32>().ok());
        settled.with(|text| {
            if text.is_empty() {
                busy.set(false);
                answer.set(Answer::Report(Report::Empty));
            } else {
                busy.set(true);
                checker::check(text, given);
            }
        });
    });

    view! {
        <section class="check" data-testid="check">
            <h1 tabindex="-1">"Check a response"</h1>
            <p class="lede">
                "Paste what a server sent: the output of "<code>"curl -i"</code>" or "<code>"curl -v"</code>
                ", a redirect chain from "<code>"curl -iL"</code>", a HAR file from the browser's network panel, or just the response's header fields. "
                "Each problem is explained with the section of the specification behind it."
            </p>
            <p class="privacy" data-testid="check-privacy">
                "What you paste stays in this page: it is not put in the address bar, stored, or sent anywhere, so tokens and cookies in it stay yours."
            </p>
            <div class="check-examples">
                <span id="check-examples-label">"Try an example:"</span>
                <ul aria-labelledby="check-examples-label">
                    {EXAMPLES.iter().map(|(label, sample)| view! {
                        <li>
                            <button type="button" class="chip" data-testid="check-example"
                                on:click=move |_| load(sample)>
                                {*label}
                            </button>
                        </li>
                    }).collect_view()}
                </ul>
            </div>
            <label for="check-input" class="check-label">"Response to check"</label>
            <textarea
                id="check-input"
                data-testid="check-input"
                class="check-input"
                rows="12"
                spellcheck="false"
                autocomplete="off"
                autocapitalize="off"
                placeholder="HTTP/1.1 404 Not Found&#10;Content-Type: text/html&#10;…"
                node_ref=area
                prop:value=move || shown.get()
                on:input=move |_| settle()
            ></textarea>
            <div class="check-results" aria-live="polite" aria-busy=move || busy.get().to_string() data-testid="check-results">
                {move || answer.with(|answer| match answer {
                    Answer::Loading => Some(view! {
                        <p class="note" data-testid="check-loading">"Loading the checker\u{2026}"</p>
                    }.into_any()),
                    Answer::Failed => Some(view! {
                        <p class="check-problem" data-testid="check-failed" role="status">
                            "The checker could not be loaded. It is fetched the first time you open it; try again once you are online."
                        </p>
                    }.into_any()),
                    Answer::Report(_) => None,
                })}
                {move || match report.get() {
                    Report::Empty if waiting() => ().into_any(),
                    Report::Empty => view! {
                        <p class="note">"Results appear here as you paste or type."</p>
                    }.into_any(),
                    Report::Unreadable(message) => view! {
                        <p class="check-problem" data-testid="check-problem" role="status">{message}</p>
                    }.into_any(),
                    // The question is asked below, outside this block, so that typing the
                    // code does not redraw the box being typed in.
                    Report::NeedsStatus => ().into_any(),
                    Report::Checked { format, responses, notices } => view! {
                        <Results format=format responses=responses notices=notices/>
                    }.into_any(),
                }}
                <Show when=move || asks_status(&report.read(), &status.read())>
                    <AskStatus status=status/>
                </Show>
            </div>
        </section>
    }
}

/// Whether to ask for the status: header fields were pasted without one, or the person has
/// given one and may want to change it.
fn asks_status(report: &Report, status: &str) -> bool {
    match report {
        Report::NeedsStatus => true,
        Report::Checked {
            format: Format::HeaderBlock,
            ..
        } => !status.is_empty(),
        _ => false,
    }
}

/// For header fields without a status line: which status came with them.
#[component]
fn AskStatus(status: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="check-status" data-testid="check-needs-status">
            <label for="check-status">"These fields have no status line. Which status code came with them?"</label>
            <input
                id="check-status"
                data-testid="check-status"
                inputmode="numeric"
                maxlength="3"
                size="4"
                autocomplete="off"
                prop:value=move || status.get()
                on:input=move |event| status.set(event_target_value(&event))
            />
        </div>
    }
}

#[component]
fn Results(format: Format, responses: Vec<Checked>, notices: Vec<String>) -> impl IntoView {
    let count = |severity: Severity| {
        responses
            .iter()
            .flat_map(|checked| &checked.findings)
            .filter(|finding| finding.severity == severity)
            .count()
    };
    let summary = format!(
        "Read as {}: {} response{}, {} error{}, {} warning{}, {} note{}.",
        format.describe(),
        responses.len(),
        plural(responses.len()),
        count(Severity::Error),
        plural(count(Severity::Error)),
        count(Severity::Warning),
        plural(count(Severity::Warning)),
        count(Severity::Note),
        plural(count(Severity::Note)),
    );
    let chain = responses.len() > 1;
    view! {
        <p class="check-summary" data-testid="check-summary">{summary}</p>
        {notices.into_iter().map(|notice| view! { <p class="note" data-testid="check-notice">{notice}</p> }).collect_view()}
        <ol class=if chain { "check-chain chain" } else { "check-chain" } data-testid="check-chain">
            {responses.into_iter().enumerate().map(|(index, checked)| view! {
                <li><Response checked=checked index=index chain=chain/></li>
            }).collect_view()}
        </ol>
    }
}

#[component]
fn Response(checked: Checked, index: usize, chain: bool) -> impl IntoView {
    let response = checked.response;
    let status = response.status;
    let data_status = status.map_or_else(|| response.status_text.clone(), |code| code.to_string());
    let known = status
        .and_then(|code| u16::try_from(code).ok())
        .and_then(|code| catalog::primary(code).map(|entry| (code, entry)));
    // The status line as pasted, with the code linked to its page (named by the catalog's
    // label, which contains the visible code).
    let code = match known {
        Some((code, entry)) => view! {
            <a href=format!("#{}", Route::Code(code)) aria-label=entry.label()>{code}</a>
        }
        .into_any(),
        None if response.status_text.is_empty() => "(no status)".into_any(),
        None => response.status_text.clone().into_any(),
    };
    let reason = (!response.reason.is_empty()).then(|| format!(" {}", response.reason));
    let position = chain.then(|| format!("{}. ", index + 1));
    let request = response.request.as_ref().filter(|request| !request.method.is_empty() || !request.url.is_empty()).map(|request| {
        let line = format!("{} {}", request.method, request.url);
        view! { <p class="check-request">"In answer to "<code>{line.trim().to_string()}</code></p> }
    });
    let version = (!response.version.is_empty()).then(|| format!("{} ", response.version));
    let findings = checked.findings;
    let clean = findings.is_empty();
    view! {
        <article class="checked-response" data-testid="checked-response" data-status=data_status>
            <h2>{position}{version}{code}{reason}</h2>
            {request}
            {if clean {
                view! { <p class="check-clean" data-testid="check-clean">"No problems found."</p> }.into_any()
            } else {
                view! {
                    <ul class="findings">
                        {findings.into_iter().map(|finding| view! { <FindingItem finding=finding/> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </article>
    }
}

#[component]
fn FindingItem(finding: Finding) -> impl IntoView {
    let severity = finding.severity.token();
    let label = match finding.severity {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
        Severity::Note => "Note",
    };
    let url = finding.citation.url();
    let cite = finding.citation.label();
    let source = if url.is_empty() {
        view! { <span class="finding-source">{cite}</span> }.into_any()
    } else {
        view! { <a class="finding-source" href=url rel="noreferrer">{cite}</a> }.into_any()
    };
    view! {
        <li class="finding" data-testid="finding" data-severity=severity data-rule=finding.rule.id>
            <span class="severity">{label}</span>
            " "
            <span class="finding-message">{finding.message}</span>
            " "
            {source}
        </li>
    }
}
