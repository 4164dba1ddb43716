//! Requirement levels say what the defining document says (issue #15, kind 1).
//!
//! A header marked MUST, SHOULD or MAY must cite a section whose text uses that keyword in the
//! same sentence as the field's name. The facts come from `tests/data/requirement-keywords.json`,
//! derived from the RFC texts by `scripts/derive_requirements.py` (rerun it after changing a
//! header's level or citation).

use http_status_codes::catalog::{self, Entry, Header, Requirement};
use serde_json::Value;

fn keywords() -> Value {
    serde_json::from_str(include_str!("data/requirement-keywords.json")).expect("valid JSON")
}

/// Cited documents whose text is not among the reference texts, so the script cannot derive
/// them: each header here was checked by hand against the document (docs/content-review.md).
const CHECKED_BY_HAND: [(u16, &str, &str); 4] = [
    (104, "Location", "MUST"),
    (104, "Upload-Limit", "MUST"),
    (104, "Upload-Offset", "MAY"),
    (226, "ETag", "MUST"),
];

/// The keywords RFC 2119 treats as equivalent to each of our three levels.
fn synonyms(requirement: Requirement) -> &'static [&'static str] {
    match requirement {
        Requirement::Must => &["MUST", "REQUIRED", "SHALL"],
        Requirement::Should => &["SHOULD", "RECOMMENDED"],
        Requirement::May => &["MAY", "OPTIONAL"],
        Requirement::Defining | Requirement::Customary => &[],
    }
}

/// Whether the cited section uses the header's keyword with the header's name.
fn keyword_is_cited(
    data: &Value,
    name: &str,
    requirement: Requirement,
    document: &str,
    section: &str,
) -> Result<(), String> {
    let found = data["sections"][document].get(section).ok_or_else(|| {
        format!("{document} §{section} was not derived (rerun scripts/derive_requirements.py)")
    })?;
    let named = synonyms(requirement).iter().any(|keyword| {
        found[*keyword].as_array().is_some_and(|names| {
            names
                .iter()
                .any(|n| n.as_str().is_some_and(|n| n.eq_ignore_ascii_case(name)))
        })
    });
    if named {
        Ok(())
    } else {
        Err(format!(
            "{document} §{section} does not use {} with {name}",
            requirement.label()
        ))
    }
}

fn registered() -> impl Iterator<Item = &'static Entry> {
    catalog::entries()
        .iter()
        .filter(|entry| entry.is_registered())
}

fn unavailable(data: &Value, document: &str) -> bool {
    data["unavailable"]
        .as_array()
        .is_some_and(|documents| documents.iter().any(|d| d.as_str() == Some(document)))
}

#[test]
fn every_keyword_level_is_the_cited_sections_keyword() {
    let data = keywords();
    let mut failures = Vec::new();
    let mut by_hand = Vec::new();
    for entry in registered() {
        for header in entry.headers.iter().filter(|h| h.requirement.is_keyword()) {
            if unavailable(&data, &header.document) {
                by_hand.push((entry.code, header.name.as_str(), header.requirement.label()));
                continue;
            }
            if let Err(why) = keyword_is_cited(
                &data,
                &header.name,
                header.requirement,
                &header.document,
                &header.section,
            ) {
                failures.push(format!("{} {}: {why}", entry.code, header.name));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(
        by_hand, CHECKED_BY_HAND,
        "headers whose document is not a reference text"
    );
}

#[test]
fn every_header_says_where_its_level_comes_from() {
    for entry in catalog::entries() {
        for header in &entry.headers {
            assert!(
                !header.document.trim().is_empty(),
                "{} {}: no document",
                entry.code,
                header.name
            );
            if entry.is_registered() && header.requirement != Requirement::Customary {
                assert!(
                    !header.section.trim().is_empty(),
                    "{} {}: only a customary field may cite no section",
                    entry.code,
                    header.name
                );
            }
        }
    }
}

fn header(code: u16, name: &str) -> &'static Header {
    registered()
        .find(|entry| entry.code == code)
        .and_then(|entry| entry.headers.iter().find(|h| h.name == name))
        .unwrap_or_else(|| panic!("{code} lists {name}"))
}

#[test]
fn fields_that_define_a_code_or_are_good_practice_are_not_given_a_keyword() {
    // RFC 9110 §15.4.4 defines 303 by its Location without a keyword; RFC 8297 §2 describes Link
    // on a 103 the same way; Cache-Control on a heuristically cacheable code is advice of ours.
    let expected = [
        (303, "Location", Requirement::Defining),
        (103, "Link", Requirement::Defining),
        (404, "Cache-Control", Requirement::Customary),
        (200, "Cache-Control", Requirement::Customary),
        (415, "Accept", Requirement::Customary),
    ];
    for (code, name, requirement) in expected {
        assert_eq!(header(code, name).requirement, requirement, "{code} {name}");
    }
    assert_eq!(header(303, "Location").citation(), "RFC 9110 §15.4.4");
    assert_eq!(
        header(401, "WWW-Authenticate").citation(),
        "RFC 9110 §15.5.2"
    );
}

#[test]
fn the_check_rejects_the_levels_the_catalog_used_to_claim() {
    // What the catalog said before each header carried its own section: the level, cited to the
    // code's own section. Each of these is a keyword the section does not use for that field.
    let data = keywords();
    let old_claims = [
        ("Location", Requirement::Should, "RFC 9110", "15.4.4"), // 303: no keyword at all
        ("Location", Requirement::Should, "RFC 9110", "15.3.2"), // 201: the SHOULD is in §9.3.3
        ("Accept", Requirement::May, "RFC 9110", "15.5.16"),     // 415: "can be used"
        ("Link", Requirement::May, "RFC 8297", "2"),             // 103: no keyword for Link
    ];
    for (name, requirement, document, section) in old_claims {
        assert!(
            keyword_is_cited(&data, name, requirement, document, section).is_err(),
            "{name} {} at {document} §{section} should be rejected",
            requirement.label()
        );
    }
    // And one that holds, so the check is not rejecting everything.
    assert!(keyword_is_cited(&data, "Allow", Requirement::Must, "RFC 9110", "15.5.6").is_ok());
}
