//! Commonly confused codes, side by side: the curated groups and the aligned table of facts.
//!
//! The groups are authored in `assets/comparisons.json`, embedded at compile time and parsed once
//! on first use, like the catalog. The table itself is not authored: `rows` derives it from the
//! catalog, so a comparison can never disagree with the code pages it links to.

use crate::catalog::{self, Entry, Explanation, Explanations, Permanence, Requirement};
// `Serialize`: for tests/data_files.rs only, as in the catalog.
use miniserde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// The curated comparisons as authored, minified by build.rs.
pub const COMPARISONS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/comparisons.json"));

#[derive(Debug, Deserialize, Serialize)]
struct Comparisons {
    groups: Vec<Group>,
}

/// Two to four codes that people mix up, with the rule that tells them apart.
#[derive(Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct Group {
    /// The fragment without `#`, `401-vs-403`: always `route::comparison_slug(&codes)`.
    pub slug: String,
    /// In the order the columns are shown.
    pub codes: Vec<u16>,
    pub title: String,
    /// The distinction in one sentence.
    pub rule: String,
    /// Listed first on the comparisons index and on the home page.
    pub popular: bool,
}

/// The longer part of a curated [`Group`], authored in the same object of
/// `assets/comparisons.json`: only the comparison itself shows it, so the app loads it on
/// demand with the codes' explanations (`catalog::Explanations`), and its wasm leaves it out.
#[derive(Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct GroupExplanation {
    /// The group's slug, which ties the two together.
    pub slug: String,
    /// Why the distinction matters, in a short paragraph.
    pub explanation: String,
    /// Concrete situations, each with the code it calls for.
    pub scenarios: Vec<Scenario>,
}

impl Group {
    /// Its explanation, from the embedded comparisons (not in the app, which loads it on
    /// demand: see `catalog::explanations`).
    #[cfg(not(feature = "csr"))]
    pub fn explained(&self) -> &'static GroupExplanation {
        catalog::explanations()
            .and_then(|all| all.of_group(self))
            .expect("each curated group has its explanation (checked by tests)")
    }
}

/// One situation and the code that fits it.
#[derive(Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct Scenario {
    pub situation: String,
    pub code: u16,
}

static COMPARISONS: LazyLock<Comparisons> = LazyLock::new(|| {
    // The data is part of the binary, not input: a malformed file cannot ship because the native
    // tests parse this same file and check every group against the catalog.
    miniserde::json::from_str(COMPARISONS_JSON)
        .expect("assets/comparisons.json is valid (checked by tests)")
});

/// Every curated group, in authored order.
pub fn groups() -> &'static [Group] {
    &COMPARISONS.groups
}

/// The curated group for exactly these codes, whatever order they were named in, so that
/// `#403-vs-401` finds the `401-vs-403` explanation.
pub fn curated_for(codes: &[u16]) -> Option<&'static Group> {
    // Group codes are distinct (the tests check it), so equal lengths plus containment means the
    // same set; a repeated code in `codes` leaves some group code unmatched.
    groups().iter().find(|group| {
        group.codes.len() == codes.len() && group.codes.iter().all(|code| codes.contains(code))
    })
}

/// The groups that include `code`, for "often confused with" on its page.
pub fn groups_with(code: u16) -> Vec<&'static Group> {
    groups()
        .iter()
        .filter(|group| group.codes.contains(&code))
        .collect()
}

/// The groups marked popular, in authored order.
pub fn popular() -> Vec<&'static Group> {
    groups().iter().filter(|group| group.popular).collect()
}

/// One line of the side-by-side table: one fact, one cell per compared code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// What the row compares, such as "Retry".
    pub dimension: &'static str,
    /// In the order the codes were given.
    pub cells: Vec<String>,
    /// Whether the cells are not all the same, so the view can point out where codes part ways.
    pub differs: bool,
}

/// The cell text for a code the catalog does not know.
pub const UNKNOWN_CODE: &str = "Unknown code";

/// The cell text in the redirect rows for a code that is not a redirect.
pub const NOT_A_REDIRECT: &str = "Not a redirect";

/// The aligned table for `codes`, one cell per code in the given order.
///
/// The redirect rows ("Permanence", "Method and body") appear only when at least one code is a
/// redirect, because for any other set they would be a row of identical "Not a redirect" cells.
/// Total: an unknown code gets "Unknown code" cells rather than an error.
///
/// Two rows come from the codes' explanations, which the app loads on demand
/// (`catalog::explanations`).
pub fn rows(codes: &[u16], explanations: &Explanations) -> Vec<Row> {
    let entries: Vec<Option<&'static Entry>> =
        codes.iter().map(|code| catalog::primary(*code)).collect();
    let row = |dimension: &'static str, fact: &dyn Fn(&'static Entry) -> String| {
        let cells: Vec<String> = entries
            .iter()
            .map(|entry| entry.map_or_else(|| UNKNOWN_CODE.to_string(), fact))
            .collect();
        let differs = cells.windows(2).any(|pair| pair[0] != pair[1]);
        Row {
            dimension,
            cells,
            differs,
        }
    };

    let mut rows = vec![
        row("Meaning", &|entry| entry.summary.clone()),
        row("When to send it", &|entry| {
            explained(explanations, entry, |it| &it.when_to_send)
        }),
        row("What the client does", &|entry| {
            explained(explanations, entry, |it| &it.client_action)
        }),
        row("Retry", &retry),
        row("Caching", &|entry| entry.caching().to_string()),
        row("Body", &|entry| entry.body().to_string()),
        row("Required headers", &required_headers),
    ];
    if entries
        .iter()
        .flatten()
        .any(|entry| entry.redirect.is_some())
    {
        rows.push(row("Permanence", &|entry| match &entry.redirect {
            Some(redirect) => permanence(redirect.permanence).to_string(),
            None => NOT_A_REDIRECT.to_string(),
        }));
        rows.push(row("Method and body", &|entry| match &entry.redirect {
            Some(redirect) => redirect.method.describe().to_string(),
            None => NOT_A_REDIRECT.to_string(),
        }));
    }
    rows
}

/// One text of `entry`'s explanation; empty if `explanations` lacks it, which cannot happen
/// for a catalog entry once they are loaded (`Explanations::from_json` checks them all).
fn explained(
    explanations: &Explanations,
    entry: &Entry,
    text: fn(&Explanation) -> &String,
) -> String {
    explanations
        .of(entry)
        .map(text)
        .cloned()
        .unwrap_or_default()
}

fn retry(entry: &Entry) -> String {
    entry.retry.line()
}

fn required_headers(entry: &Entry) -> String {
    // MAY and customary headers are optional by definition; listing them under "required"
    // would mislead. A defining field (303's Location) is what the code means, so it belongs.
    let required: Vec<String> = entry
        .headers
        .iter()
        .filter(|header| {
            matches!(
                header.requirement,
                Requirement::Must | Requirement::Should | Requirement::Defining
            )
        })
        .map(|header| format!("{} ({})", header.name, header.requirement.label()))
        .collect();
    if required.is_empty() {
        "None".to_string()
    } else {
        required.join(", ")
    }
}

fn permanence(permanence: Permanence) -> &'static str {
    match permanence {
        Permanence::Permanent => "Permanent: use the new URL from now on",
        Permanence::Temporary => "Temporary: keep using the original URL",
        Permanence::None => "Neither: the answer is a different resource",
    }
}
