//! Identifiers in prose are set as code by one rule (src/prose.rs): known header field names,
//! `X-` field names and words with an underscore; nothing else.

use http_status_codes::catalog;
use http_status_codes::prose::{field_names, runs, Run};

const FIELDS: &[&str] = &["Content-Type", "Location", "Retry-After", "Allow"];

fn code_in(text: &str) -> Vec<&str> {
    runs(text, FIELDS)
        .into_iter()
        .filter_map(|run| match run {
            Run::Code(code) => Some(code),
            Run::Text(_) => None,
        })
        .collect()
}

fn joined(text: &str) -> String {
    runs(text, FIELDS)
        .into_iter()
        .map(|run| match run {
            Run::Text(text) | Run::Code(text) => text,
        })
        .collect()
}

#[test]
fn directives_constants_and_hyphenated_field_names_are_code() {
    assert_eq!(
        code_in("Set proxy_ignore_client_abort on (see NGX_HTTP_CLOSE)."),
        ["proxy_ignore_client_abort", "NGX_HTTP_CLOSE"]
    );
    assert_eq!(
        code_in("Wait as long as Retry-After says."),
        ["Retry-After"]
    );
    assert_eq!(
        code_in("Spring's HttpStatus.METHOD_FAILURE, sent with X-CSRF-TOKEN."),
        ["HttpStatus.METHOD_FAILURE", "X-CSRF-TOKEN"]
    );
}

#[test]
fn a_field_name_that_is_also_a_word_is_code_only_before_header_or_field() {
    assert_eq!(code_in("Send a Location header."), ["Location"]);
    assert_eq!(code_in("The Allow field lists methods."), ["Allow"]);
    assert!(code_in("Location matters. Allow time.").is_empty());
}

#[test]
fn ordinary_words_stay_text() {
    for text in [
        "A Non-Authoritative answer over Wi-Fi, server-side.",
        "RFC 9110 §15.5.5 says so: 404 (Not Found).",
        "",
        "   ",
        "e.g. the 1xxx error",
    ] {
        assert!(code_in(text).is_empty(), "{text:?}");
    }
}

#[test]
fn the_runs_put_back_together_are_the_text() {
    for text in [
        "Set proxy_ignore_client_abort on (see NGX_HTTP_CLOSE).",
        "  leading and trailing  ",
        "“Retry-After”, then Content-Type: and _token.",
        "ümlaut Retry-After ✓",
    ] {
        assert_eq!(joined(text), text);
        let runs = runs(text, FIELDS);
        assert!(
            runs.windows(2)
                .all(|pair| !matches!(pair, [Run::Text(_), Run::Text(_)])),
            "{text:?}"
        );
    }
}

#[test]
fn field_names_come_from_the_catalog() {
    let names = field_names();
    for expected in [
        "Retry-After",
        "WWW-Authenticate",
        "Location",
        "Content-Type",
    ] {
        assert!(names.contains(&expected), "{expected}");
    }
    // Only names: nothing from a status line, a body or a log excerpt.
    assert!(names.iter().all(|name| name
        .bytes()
        .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')));
}

#[test]
fn catalog_prose_names_header_fields_as_code() {
    let entry = catalog::primary(503).expect("503");
    let all: Vec<&str> = [
        &entry.explained().meaning,
        &entry.explained().client_action,
        &entry.retry.note,
    ]
    .into_iter()
    .flat_map(|text| runs(text, field_names()))
    .filter_map(|run| match run {
        Run::Code(code) => Some(code),
        Run::Text(_) => None,
    })
    .collect();
    assert!(all.contains(&"Retry-After"), "{all:?}");
}
