use crate::browser;
use crate::browser::on_demand::Load;
use crate::catalog::{self, Explanations};
use crate::compare::{self, Group, GroupExplanation};
use crate::route::{comparison_slug, parse_code, CompareProblem, Route, MAX_COMPARED};
use crate::views::code_detail::{explanations, explanations_note};
use crate::views::links::CodeLink;
use crate::views::prose::prose;
use leptos::prelude::*;

/// `#compare`: every curated comparison.
#[component]
pub fn CompareIndex() -> impl IntoView {
    view! {
        <section class="compare-index" data-testid="compare-index">
            <h1 tabindex="-1">"Commonly confused codes"</h1>
            <p class="lead">"Codes that look alike but tell a client different things, side by side, with the rule that tells them apart."</p>
            <ul class="group-list">
                {compare::groups().iter().map(|group| view! { <GroupCard group=group/> }).collect_view()}
            </ul>
            <p class="note">"Any codes can be compared: put 2 to 4 of them in the address, such as " <a href="#429-vs-503">"#429-vs-503"</a> "."</p>
        </section>
    }
}

/// A curated group as a link with its rule, for lists.
#[component]
pub fn GroupCard(
    /// The comparison shown.
    group: &'static Group,
) -> impl IntoView {
    view! {
        <li class="group-card">
            <a href=format!("#{}", group.slug)>{group.title.as_str()}</a>
            <p>{group.rule.as_str()}</p>
        </li>
    }
}

/// Codes side by side: `#401-vs-403`. Curated text shows when the set is a curated group.
#[component]
pub fn Comparison(
    /// The codes, in the order given; the route guarantees 2 to 4 distinct catalog codes.
    codes: Vec<u16>,
) -> impl IntoView {
    let curated = compare::curated_for(&codes);
    let entries: Vec<_> = codes
        .iter()
        .filter_map(|code| catalog::primary(*code))
        .collect();
    let title = curated.map_or_else(
        || {
            entries
                .iter()
                .map(|entry| entry.label())
                .collect::<Vec<_>>()
                .join(" vs ")
        },
        |group| group.title.clone(),
    );
    // A number with several meanings is compared in its first (registered, else first vendor's):
    // say which, and name the others.
    let several: Vec<(&'static catalog::Entry, Vec<String>)> = entries
        .iter()
        .filter_map(|entry| {
            let others: Vec<String> = catalog::meanings(entry.code)
                .skip(1)
                .map(|other| other.title())
                .collect();
            (!others.is_empty()).then_some((*entry, others))
        })
        .collect();
    let with_several: Vec<u16> = several.iter().map(|(entry, _)| entry.code).collect();
    let table = {
        let codes = codes.clone();
        let entries = entries.clone();
        move || match explanations() {
            Load::Ready(all) => side_by_side(&codes, &entries, &with_several, all).into_any(),
            load => explanations_note(load).into_any(),
        }
    };
    view! {
        <section class="comparison" data-testid="comparison" data-curated=curated.is_some().to_string()>
            <p class="eyebrow"><a href="#compare">"All comparisons"</a></p>
            <h1 tabindex="-1">{title}</h1>
            {curated.map(|group| view! {
                <p class="rule" data-testid="rule"><strong>"The rule: "</strong>{group.rule.as_str()}</p>
                // Once the explanations are in; until then the table's place says they load.
                {move || match explanations() {
                    Load::Ready(all) => all.of_group(group).map(|explained| view! { <p>{explained.explanation.as_str()}</p> }),
                    Load::Loading | Load::Failed => None,
                }}
            })}
            {table}
            {(!several.is_empty()).then(|| view! {
                <ul class="note several-meanings" data-testid="several-meanings">
                    {several.iter().map(|(entry, others)| view! {
                        <li>{format!("{} is compared as {}; it also means {}.", entry.code, entry.title(), others.join("; "))}</li>
                    }).collect_view()}
                </ul>
            })}
            {curated.map(|group| move || match explanations() {
                Load::Ready(all) => all.of_group(group).map(scenarios),
                Load::Loading | Load::Failed => None,
            })}
            {(codes.len() < MAX_COMPARED).then(|| view! { <AddCode codes=codes.clone() label="Add a code to this comparison"/> })}
        </section>
    }
}

/// "Which one to send": a curated comparison's situations, each with its code.
fn scenarios(explained: &'static GroupExplanation) -> impl IntoView {
    view! {
        <h2>"Which one to send"</h2>
        <ul class="scenarios">
            {explained.scenarios.iter().map(|scenario| view! {
                <li>
                    {scenario.situation.as_str()}
                    " \u{2192} "
                    {catalog::primary(scenario.code).map(|entry| view! { <CodeLink entry=entry/> })}
                </li>
            }).collect_view()}
        </ul>
    }
}

/// The comparison's table and how many of its rows differ.
fn side_by_side(
    codes: &[u16],
    entries: &[&'static catalog::Entry],
    with_several: &[u16],
    explanations: &Explanations,
) -> impl IntoView {
    let rows = compare::rows(codes, explanations);
    let differing = rows.iter().filter(|row| row.differs).count();
    let cell_labels: Vec<String> = entries.iter().map(|entry| entry.label()).collect();
    let has_several = |code: u16| with_several.contains(&code);
    view! {
            <p class="note">{format!("{differing} of {} rows differ; they are marked \u{2260}.", rows.len())}</p>
        // On narrow screens the table is laid out as one block per row, each cell under the
        // name of its code (style/main.css); the explicit roles keep it a table for assistive
        // technology whatever its CSS display.
        <div class="table-wrap" role="region" aria-label="Side-by-side comparison" tabindex="0">
            <table class="compare-table" role="table">
                <thead role="rowgroup">
                    <tr role="row">
                        <td class="corner" role="cell"></td>
                        {entries.iter().map(|entry| view! {
                            <th scope="col" role="columnheader" data-code=entry.code>
                                <CodeLink entry=*entry/>
                                {has_several(entry.code).then(|| view! { " " <span class="marker">{entry.vendor.clone().unwrap_or_else(|| "registered".to_string())}</span> })}
                            </th>
                        }).collect_view()}
                    </tr>
                </thead>
                <tbody role="rowgroup">
                    {rows.into_iter().map(|row| {
                        let differs = row.differs;
                        view! {
                            <tr class:differs=differs data-differs=differs.to_string() role="row">
                                <th scope="row" role="rowheader">
                                    {row.dimension}
                                    {differs.then(|| view! { <span class="differs-mark" title="The codes differ here">" \u{2260}"<span class="visually-hidden">" (differs)"</span></span> })}
                                </th>
                                {row.cells.into_iter().zip(codes.iter()).zip(cell_labels.iter()).map(|((cell, code), label)| view! {
                                    <td data-code=*code role="cell">
                                        // The column's code, shown only where the columns are laid out as blocks.
                                        <span class="cell-code" aria-hidden="true">{label.clone()}</span>
                                        {prose(&cell)}
                                    </td>
                                }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// A small form that adds one more code to a comparison (or starts one from a detail view).
#[component]
pub fn AddCode(
    /// The codes already compared, in order.
    codes: Vec<u16>,
    /// The visible label of the field.
    label: &'static str,
) -> impl IntoView {
    let (text, set_text) = signal(String::new());
    let (problem, set_problem) = signal(None::<String>);
    let field_id = format!("add-code-{}", comparison_slug(&codes));
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = text.get_untracked();
        let typed = typed.trim();
        match parse_code(typed).filter(|code| catalog::exists(*code)) {
            Some(code) if codes.contains(&code) => {
                set_problem.set(Some(format!("{code} is already in the comparison.")))
            }
            Some(code) => {
                set_problem.set(None);
                let mut next = codes.clone();
                next.push(code);
                browser::fragment::navigate(&Route::Compare(next));
            }
            None => set_problem.set(Some(
                "Type a three-digit status code from this reference, such as 403.".into(),
            )),
        }
    };
    view! {
        <form class="add-code" on:submit=on_submit data-testid="add-code">
            <label for=field_id.clone()>{label}</label>
            <input
                id=field_id
                type="text"
                inputmode="numeric"
                maxlength="3"
                size="4"
                placeholder="403"
                on:input=move |event| set_text.set(event_target_value(&event))
            />
            <button type="submit" class="button">"Compare"</button>
            {move || problem.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
        </form>
    }
}

/// A comparison fragment that cannot be shown: what was wrong, and where to go instead.
#[component]
pub fn CompareInvalid(
    /// The fragment as typed.
    input: String,
    /// What was wrong with it.
    problem: CompareProblem,
) -> impl IntoView {
    let shown = crate::route::truncate_for_display(input.trim(), 80);
    view! {
        <section class="compare-invalid" data-testid="comparison-invalid">
            <h1 tabindex="-1">"This comparison cannot be shown"</h1>
            <p>"You asked for " <q class="user-input">{shown}</q> "."</p>
            <p class="problem" data-testid="problem">{problem.describe()}</p>
            <p>
                "Try " <a href="#401-vs-403">"401 vs 403"</a> ", or pick from "
                <a href="#compare">"all commonly confused codes"</a> "."
            </p>
        </section>
    }
}
