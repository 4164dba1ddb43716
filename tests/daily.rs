//! Daily comfort (issue 19): names that read, copy texts that are what their label says, links to
//! one meaning of a number, where the header navigation marks the reader, the retry line said once.

use http_status_codes::catalog::{self, Entry, RetryPolicy};
use http_status_codes::compare;
use http_status_codes::route::{meaning_fragment, meaning_in, nav_section, Route};

fn registered(code: u16) -> &'static Entry {
    catalog::meanings(code)
        .find(|entry| entry.is_registered())
        .expect("registered")
}

fn vendor(code: u16, name: &str) -> &'static Entry {
    catalog::meanings(code)
        .find(|entry| entry.vendor.as_deref() == Some(name))
        .expect("vendor meaning")
}

#[test]
fn a_placeholder_phrase_gives_way_to_the_common_name() {
    let teapot = registered(418);
    assert_eq!(teapot.phrase, "(Unused)");
    assert_eq!(teapot.name(), "I'm a teapot");
    assert_eq!(teapot.label(), "418 I'm a teapot");
    assert!(teapot.is_renamed());
    assert_eq!(registered(306).name(), "Switch Proxy");
    assert_eq!(registered(404).name(), "Not Found");
    assert!(!registered(404).is_renamed());
}

#[test]
fn every_placeholder_phrase_has_a_common_name_and_only_those_do() {
    for entry in catalog::entries() {
        let placeholder = entry.phrase.starts_with('(');
        assert_eq!(
            entry.common_name.is_some(),
            placeholder,
            "{} ({:?}): common_name is for placeholder phrases only",
            entry.code,
            entry.vendor
        );
        assert!(
            !entry.name().starts_with('('),
            "{} is named by a placeholder",
            entry.code
        );
    }
}

#[test]
fn the_status_line_is_a_real_status_line_or_none() {
    assert_eq!(
        registered(403).status_line(),
        Some("HTTP/1.1 403 Forbidden")
    );
    assert_eq!(
        registered(418).status_line(),
        Some("HTTP/1.1 418 I'm a teapot")
    );
    // Only ever logged, or sent inside another status: no status line of its own.
    assert_eq!(vendor(499, "nginx").status_line(), None);
    assert_eq!(vendor(499, "Esri ArcGIS").status_line(), None);
    assert_eq!(vendor(494, "nginx").status_line(), None);
    assert!(vendor(499, "nginx").example_is_log());
    for entry in catalog::entries() {
        if let Some(line) = entry.status_line() {
            assert!(
                line.starts_with(&format!("HTTP/1.1 {}", entry.code)),
                "{line}"
            );
        }
        if entry.is_registered() {
            assert!(
                entry.status_line().is_some(),
                "{} has no status line",
                entry.code
            );
        }
    }
}

#[test]
fn each_meaning_of_a_number_has_a_link_that_opens_its_page() {
    for code in catalog::numbers() {
        let meanings: Vec<&Entry> = catalog::meanings(code).collect();
        let mut slugs: Vec<String> = meanings.iter().map(|entry| entry.meaning_slug()).collect();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), meanings.len(), "{code}: meanings share a slug");
        for entry in meanings {
            let fragment = meaning_fragment(entry);
            assert_eq!(Route::parse(&format!("#{fragment}")), Route::Code(code));
            assert_eq!(
                meaning_in(&format!("#{fragment}")),
                Some(entry.meaning_slug())
            );
        }
    }
    assert_eq!(
        meaning_fragment(vendor(499, "Esri ArcGIS")),
        "499/esri-arcgis"
    );
    assert_eq!(meaning_in("#404"), None);
    assert_eq!(meaning_in("#4xx/nginx"), None);
    assert_eq!(meaning_in("#499/"), None);
    assert_eq!(meaning_in("#499/a\"]b"), None);
    assert_eq!(
        Route::parse("#999/nginx"),
        Route::NotFound("999/nginx".into())
    );
}

#[test]
fn the_navigation_marks_the_section_of_each_view() {
    assert_eq!(nav_section(&Route::Class(4)).as_deref(), Some("4xx"));
    assert_eq!(nav_section(&Route::Code(503)).as_deref(), Some("5xx"));
    assert_eq!(
        nav_section(&Route::Compare(vec![401, 403])).as_deref(),
        Some("compare")
    );
    assert_eq!(
        nav_section(&Route::CompareIndex).as_deref(),
        Some("compare")
    );
    assert_eq!(
        nav_section(&Route::Decide(vec!["client".into()])).as_deref(),
        Some("decide")
    );
    assert_eq!(nav_section(&Route::Home), None);
    assert_eq!(nav_section(&Route::Search("x".into())), None);
    assert_eq!(nav_section(&Route::NotFound("x".into())), None);
}

#[test]
fn the_retry_line_says_its_label_once() {
    for entry in catalog::entries() {
        let line = entry.retry.line();
        let label = entry.retry.policy.label();
        assert!(line.starts_with(label), "{}: {line}", entry.code);
        let lowered = line.to_lowercase();
        let label = label.to_lowercase();
        assert_eq!(
            lowered.matches(&format!("{label}. {label}")).count()
                + lowered.matches(&format!("{label}: {label}")).count(),
            0,
            "{}: {line}",
            entry.code
        );
    }
    let processing = registered(102);
    assert_eq!(processing.retry.policy, RetryPolicy::NotApplicable);
    assert_eq!(
        processing.retry.parts(),
        (
            "Not an error",
            ": wait for the final response that follows.".to_string()
        )
    );
    let gone = registered(410).retry.parts();
    assert!(gone.1.starts_with(". "), "{gone:?}");
}

#[test]
fn comparison_rows_use_the_same_retry_line() {
    let rows = compare::rows(
        &[102, 503],
        catalog::explanations().expect("embedded in the tests"),
    );
    let retry = rows
        .iter()
        .find(|row| row.dimension == "Retry")
        .expect("retry row");
    assert_eq!(retry.cells[0], registered(102).retry.line());
    assert!(!retry.cells[0].contains("Not an error. Not an error"));
}
