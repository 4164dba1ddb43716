//! The curated comparisons against the catalog and the router, and the side-by-side table.

use http_status_codes::catalog;
use http_status_codes::compare::{self, Group, Row, NOT_A_REDIRECT, UNKNOWN_CODE};
use http_status_codes::route::{self, Route};
use proptest::prelude::*;
use std::collections::HashSet;

const DIMENSIONS: [&str; 7] = [
    "Meaning",
    "When to send it",
    "What the client does",
    "Retry",
    "Caching",
    "Body",
    "Required headers",
];
const REDIRECT_DIMENSIONS: [&str; 2] = ["Permanence", "Method and body"];

/// The side-by-side table, with the embedded explanations.
fn table(codes: &[u16]) -> Vec<Row> {
    compare::rows(
        codes,
        catalog::explanations().expect("embedded in the tests"),
    )
}

fn group(slug: &str) -> &'static Group {
    compare::groups()
        .iter()
        .find(|group| group.slug == slug)
        .unwrap_or_else(|| panic!("no group {slug}"))
}

fn row<'a>(rows: &'a [Row], dimension: &str) -> &'a Row {
    rows.iter()
        .find(|row| row.dimension == dimension)
        .unwrap_or_else(|| panic!("no row {dimension}"))
}

fn dimensions(rows: &[Row]) -> Vec<&'static str> {
    rows.iter().map(|row| row.dimension).collect()
}

#[test]
fn there_are_enough_groups() {
    assert!(compare::groups().len() >= 16, "{}", compare::groups().len());
}

#[test]
fn every_group_names_two_to_four_distinct_known_codes() {
    for group in compare::groups() {
        let count = group.codes.len();
        assert!(
            (2..=route::MAX_COMPARED).contains(&count),
            "{}: {count} codes",
            group.slug
        );
        let distinct: HashSet<u16> = group.codes.iter().copied().collect();
        assert_eq!(distinct.len(), count, "{}: a code repeats", group.slug);
        for code in &group.codes {
            assert!(catalog::exists(*code), "{}: {code} is unknown", group.slug);
        }
    }
}

#[test]
fn slugs_are_the_route_fragments_and_unique() {
    let mut seen = HashSet::new();
    for group in compare::groups() {
        assert_eq!(group.slug, route::comparison_slug(&group.codes));
        assert!(seen.insert(&group.slug), "{} appears twice", group.slug);
        assert_eq!(
            Route::parse(&format!("#{}", group.slug)),
            Route::Compare(group.codes.clone()),
            "{}",
            group.slug
        );
    }
}

#[test]
fn no_two_groups_compare_the_same_set() {
    let mut seen = HashSet::new();
    for group in compare::groups() {
        let mut set = group.codes.clone();
        set.sort_unstable();
        assert!(seen.insert(set), "{} repeats another group", group.slug);
    }
}

#[test]
fn titles_use_the_catalog_names() {
    for group in compare::groups() {
        let expected = group
            .codes
            .iter()
            .filter_map(|code| catalog::primary(*code))
            .map(catalog::Entry::title)
            .collect::<Vec<_>>()
            .join(" vs ");
        assert_eq!(group.title, expected, "{}", group.slug);
    }
}

#[test]
fn every_group_is_fully_written() {
    for group in compare::groups() {
        let slug = &group.slug;
        assert!(!group.title.trim().is_empty(), "{slug}: title");
        assert!(!group.rule.trim().is_empty(), "{slug}: rule");
        assert!(
            !group.explained().explanation.trim().is_empty(),
            "{slug}: explanation"
        );
        assert!(
            (3..=5).contains(&group.explained().scenarios.len()),
            "{slug}: {} scenarios",
            group.explained().scenarios.len()
        );
        for scenario in &group.explained().scenarios {
            assert!(!scenario.situation.trim().is_empty(), "{slug}: situation");
            assert!(
                group.codes.contains(&scenario.code),
                "{slug}: scenario answers {}, which is not compared",
                scenario.code
            );
        }
        // A code no scenario calls for leaves the reader without an example of when to pick it.
        for code in &group.codes {
            assert!(
                group
                    .explained()
                    .scenarios
                    .iter()
                    .any(|scenario| scenario.code == *code),
                "{slug}: no scenario for {code}"
            );
        }
    }
}

#[test]
fn every_group_fills_every_row() {
    for group in compare::groups() {
        let rows = table(&group.codes);
        for dimension in DIMENSIONS {
            row(&rows, dimension);
        }
        for row in &rows {
            assert_eq!(row.cells.len(), group.codes.len(), "{}", group.slug);
            for cell in &row.cells {
                assert!(
                    !cell.trim().is_empty() && cell != UNKNOWN_CODE,
                    "{}: {} has an empty cell",
                    group.slug,
                    row.dimension
                );
            }
        }
    }
}

#[test]
fn curated_for_ignores_order() {
    for group in compare::groups() {
        let mut reversed = group.codes.clone();
        reversed.reverse();
        let mut rotated = group.codes.clone();
        rotated.rotate_left(1);
        for codes in [&group.codes, &reversed, &rotated] {
            let found = compare::curated_for(codes);
            assert!(
                found.is_some_and(|found| std::ptr::eq(found, group)),
                "{:?} should find {}",
                codes,
                group.slug
            );
        }
    }
    assert!(std::ptr::eq(
        compare::curated_for(&[403, 401]).expect("403 vs 401 is curated"),
        group("401-vs-403")
    ));
}

#[test]
fn curated_for_needs_exactly_the_same_set() {
    assert!(compare::curated_for(&[]).is_none());
    assert!(compare::curated_for(&[401]).is_none());
    assert!(compare::curated_for(&[401, 401]).is_none());
    assert!(compare::curated_for(&[401, 403, 401]).is_none());
    assert!(compare::curated_for(&[401, 403, 404]).is_none());
    assert!(compare::curated_for(&[418, 999]).is_none());
}

#[test]
fn rows_for_401_and_403() {
    let rows = table(&[401, 403]);
    assert_eq!(dimensions(&rows), DIMENSIONS);
    assert!(row(&rows, "Retry").differs);
    assert!(row(&rows, "Meaning").differs);
    assert!(row(&rows, "Required headers").differs);
    assert_eq!(
        row(&rows, "Required headers").cells,
        ["WWW-Authenticate (MUST)", "None"]
    );
    // Both can carry an explanation and neither is heuristically cacheable.
    assert!(!row(&rows, "Body").differs);
    assert!(!row(&rows, "Caching").differs);
    for row in &rows {
        let all_equal = row.cells.iter().all(|cell| *cell == row.cells[0]);
        assert_eq!(row.differs, !all_equal, "{}", row.dimension);
    }
}

#[test]
fn redirect_rows_appear_only_with_a_redirect() {
    let all: Vec<&str> = DIMENSIONS.into_iter().chain(REDIRECT_DIMENSIONS).collect();

    let rows = table(&[301, 308]);
    assert_eq!(dimensions(&rows), all);
    assert!(!row(&rows, "Permanence").differs);
    assert!(row(&rows, "Method and body").differs);

    let rows = table(&[304, 404, 303]);
    assert_eq!(dimensions(&rows), all);
    let method = row(&rows, "Method and body");
    assert_eq!(method.cells[0], NOT_A_REDIRECT, "304 has no Location");
    assert_eq!(method.cells[1], NOT_A_REDIRECT);
    assert_ne!(method.cells[2], NOT_A_REDIRECT);

    assert_eq!(dimensions(&table(&[200, 304])), DIMENSIONS);
    assert_eq!(dimensions(&table(&[404, 410])), DIMENSIONS);
}

#[test]
fn required_headers_leave_out_may() {
    // 200 lists ETag and Last-Modified as SHOULD and Cache-Control as MAY.
    let rows = table(&[200, 204]);
    let headers = &row(&rows, "Required headers").cells;
    assert_eq!(headers[0], "ETag (SHOULD), Last-Modified (SHOULD)");
    assert_eq!(headers[1], "None");
    assert_eq!(
        row(&rows, "Body").cells,
        ["Allowed", "None: the response has no content"]
    );
}

#[test]
fn a_code_only_logged_has_no_response_facts() {
    // nginx's 499 is written to its log when the client has gone: no response carries it.
    let rows = table(&[408, 504, 499]);
    for dimension in ["Caching", "Body"] {
        let cells = &row(&rows, dimension).cells;
        assert_eq!(
            cells[2],
            http_status_codes::catalog::NEVER_SENT,
            "{dimension}"
        );
        assert_ne!(cells[0], cells[2], "{dimension}");
    }
}

#[test]
fn unknown_codes_get_unknown_cells() {
    let rows = table(&[999, 301, 0]);
    for row in &rows {
        assert_eq!(row.cells.len(), 3);
        assert_eq!(row.cells[0], UNKNOWN_CODE, "{}", row.dimension);
        assert_eq!(row.cells[2], UNKNOWN_CODE, "{}", row.dimension);
        assert!(row.differs, "{}", row.dimension);
    }
    let rows = table(&[999]);
    assert_eq!(dimensions(&rows), DIMENSIONS);
    assert!(rows.iter().all(|row| !row.differs));
    let rows = table(&[]);
    assert!(rows.iter().all(|row| row.cells.is_empty() && !row.differs));
}

#[test]
fn groups_with_a_code() {
    let with_401 = compare::groups_with(401);
    assert!(with_401.iter().any(|group| group.slug == "401-vs-403"));
    assert!(with_401.iter().any(|group| group.slug == "401-vs-407"));
    assert!(with_401.iter().all(|group| group.codes.contains(&401)));
    assert!(compare::groups_with(999).is_empty());
}

#[test]
fn popular_groups_are_marked_popular() {
    let popular = compare::popular();
    assert!(!popular.is_empty());
    assert!(popular.iter().all(|group| group.popular));
    assert_eq!(
        popular.len(),
        compare::groups()
            .iter()
            .filter(|group| group.popular)
            .count()
    );
    assert!(popular.iter().any(|group| group.slug == "401-vs-403"));
}

proptest! {
    #[test]
    fn any_codes_give_a_full_table(codes in proptest::collection::vec(any::<u16>(), 0..6)) {
        let rows = table(&codes);
        prop_assert!(rows.len() >= DIMENSIONS.len());
        for row in &rows {
            prop_assert_eq!(row.cells.len(), codes.len());
        }
        if let Some(group) = compare::curated_for(&codes) {
            let mut curated = group.codes.clone();
            let mut given = codes.clone();
            curated.sort_unstable();
            given.sort_unstable();
            prop_assert_eq!(curated, given);
        }
    }
}
