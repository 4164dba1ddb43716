use crate::browser::on_demand::{self, Load};
use crate::catalog;
use crate::decide::{self, Outcome, Question, Tree, Walk};
use crate::route::{truncate_for_display, Route};
use crate::views::links::CodeLink;
use leptos::prelude::*;

fn decide_href(path: &[String]) -> String {
    format!("#{}", Route::Decide(path.to_vec()))
}

/// `#decide/…`: one question at a time, from the situation to the status code to send. The tree
/// loads the first time the guide opens (`decide::TREE_FILE`).
#[component]
pub fn Decide(
    /// The answers chosen so far, from the fragment.
    path: Vec<String>,
) -> impl IntoView {
    let tree = on_demand::use_file(decide::TREE_FILE, decide::loaded(), |text| {
        decide::install(text).ok()
    });
    // The heading stays while the questions load, so the focus the app puts on it stays too.
    view! {
        <section class="decide" data-testid="decide">
            <h1 tabindex="-1">"Which status code should I send?"</h1>
            {move || match tree.get() {
                Load::Ready(tree) => view! { <Guide tree=tree path=path.clone()/> }.into_any(),
                Load::Loading => view! {
                    <p class="note" data-testid="decide-loading">"Loading the questions\u{2026}"</p>
                }
                .into_any(),
                Load::Failed => view! {
                    <p class="note" data-testid="decide-failed">
                        "The questions could not be loaded. They are fetched the first time you open this guide; try again once you are online."
                    </p>
                }
                .into_any(),
            }}
        </section>
    }
}

/// The guide at `path` in `tree`: the answers so far, then the question, result or problem.
#[component]
fn Guide(tree: &'static Tree, path: Vec<String>) -> impl IntoView {
    let walk = tree.walk(&path);
    let trail = walk.trail().to_vec();
    let taken: Vec<String> = trail
        .last()
        .map(|step| step.path.clone())
        .unwrap_or_default();
    let body = match walk {
        Walk::Asking { question, .. } => view! { <Ask question=question path=taken/> }.into_any(),
        Walk::Answered { outcome, .. } => view! { <Result outcome=outcome/> }.into_any(),
        Walk::Invalid { question, bad, nearest, .. } => {
            let shown = truncate_for_display(&bad, 40);
            let suggestion = nearest.map(|answer| {
                let mut next = taken.clone();
                next.push(answer.slug.clone());
                view! { <p>"Did you mean " <a href=decide_href(&next)>{answer.label.as_str()}</a> "?"</p> }
            });
            view! {
                <div class="decide-problem" data-testid="decide-invalid" role="note">
                    <p>
                        "The link went wrong at " <q class="user-input">{shown}</q>
                        ": that is not one of the answers to this question. Here is where it went wrong; pick an answer to carry on."
                    </p>
                    {suggestion}
                </div>
                <Ask question=question path=taken/>
            }
            .into_any()
        }
        Walk::TooLong { outcome, extra, .. } => view! {
            <p class="note" data-testid="decide-extra">
                {format!("The link had {} more step(s) after the answer; they were ignored.", extra.len())}
            </p>
            <Result outcome=outcome/>
        }
        .into_any(),
    };
    view! {
        <nav class="breadcrumbs" aria-label="Your answers so far">
            <ol>
                <li><a href="#decide">"Start"</a></li>
                {trail.into_iter().map(|step| view! {
                    <li><a href=decide_href(&step.path)>{step.answer.label.as_str()}</a></li>
                }).collect_view()}
            </ol>
        </nav>
        {body}
    }
}

#[component]
fn Ask(question: &'static Question, path: Vec<String>) -> impl IntoView {
    view! {
        <h2 class="question">{question.question.as_str()}</h2>
        <ol class="answers" data-testid="answers">
            {question.answers.iter().enumerate().map(|(index, answer)| {
                let mut next = path.clone();
                next.push(answer.slug.clone());
                view! {
                    <li>
                        <a class="answer" href=decide_href(&next) data-answer=answer.slug.clone()>
                            <kbd aria-hidden="true">{index + 1}</kbd>
                            <span class="answer-label">{answer.label.as_str()}</span>
                            {answer.hint.as_ref().map(|hint| view! { <span class="answer-hint">{hint.as_str()}</span> })}
                        </a>
                    </li>
                }
            }).collect_view()}
        </ol>
        <p class="note keyboard-hint">"Press a number key to pick an answer."</p>
    }
}

#[component]
fn Result(outcome: &'static Outcome) -> impl IntoView {
    let group = outcome.compare.as_ref().and_then(|slug| {
        crate::compare::groups()
            .iter()
            .find(|group| &group.slug == slug)
    });
    view! {
        <div class="decide-result" data-testid="decide-result">
            <h2>"Send this"</h2>
            <ul class="result-codes">
                {outcome.codes.iter().filter_map(|code| catalog::primary(*code)).map(|entry| view! {
                    <li data-code=entry.code><CodeLink entry=entry/>" \u{2014} "{entry.summary.as_str()}</li>
                }).collect_view()}
            </ul>
            <p>{outcome.reason.as_str()}</p>
            {(!outcome.headers.is_empty()).then(|| view! {
                <h3>"Headers to send"</h3>
                <ul class="headers">
                    {outcome.headers.iter().map(|header| view! {
                        <li><code>{format!("{}: {}", header.name, header.value)}</code>" \u{2014} "{header.why.as_str()}</li>
                    }).collect_view()}
                </ul>
            })}
            {group.map(|group| view! {
                <p>"Not sure? " <a href=format!("#{}", group.slug)>{group.title.as_str()}</a> " settles it."</p>
            })}
            <p><a href="#decide">"Start again"</a></p>
        </div>
    }
}

/// The answer that number key `digit` picks at `path`, if that is a question with that many
/// answers (and the questions have loaded).
pub fn answer_for_key(path: &[String], digit: usize) -> Option<Route> {
    let Walk::Asking { question, trail } = decide::loaded()?.walk(path) else {
        return None;
    };
    let answer = question.answers.get(digit.checked_sub(1)?)?;
    let mut next = trail
        .last()
        .map(|step| step.path.clone())
        .unwrap_or_default();
    next.push(answer.slug.clone());
    Some(Route::Decide(next))
}
