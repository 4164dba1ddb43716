//! The catalog against the IANA registry, and its internal consistency.

use http_status_codes::catalog::{self, Cacheable, Entry, Status};
use http_status_codes::compare;
use std::collections::HashSet;

struct RegistryRow {
    code: u16,
    phrase: String,
    document: String,
    section: String,
    status: String,
    former: Vec<String>,
}

/// `tests/data/iana-status-codes.csv`: the registry export the catalog was written from. Its
/// `status` column is this project's classification; `registry_note` (read in tests/content.rs)
/// is what the registry itself shows beside a code.
fn registry() -> Vec<RegistryRow> {
    include_str!("data/iana-status-codes.csv")
        .lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split(',').collect();
            assert_eq!(fields.len(), 7, "registry row {line}");
            RegistryRow {
                code: fields[0].parse().expect("numeric code"),
                phrase: fields[1].to_string(),
                document: fields[2].to_string(),
                section: fields[3].to_string(),
                status: fields[4].to_string(),
                former: fields[5]
                    .split('|')
                    .filter(|former| !former.is_empty())
                    .map(str::to_string)
                    .collect(),
            }
        })
        .collect()
}

fn registered(code: u16) -> Option<&'static Entry> {
    catalog::meanings(code).find(|entry| entry.is_registered())
}

fn status_token(entry: &Entry) -> &'static str {
    entry.status.token()
}

#[test]
fn every_registry_row_is_in_the_catalog_exactly() {
    let rows = registry();
    assert_eq!(rows.len(), 64, "the registry export has 64 rows");
    for row in rows {
        let entry = registered(row.code).unwrap_or_else(|| panic!("{} is missing", row.code));
        assert_eq!(entry.phrase, row.phrase, "{} phrase", row.code);
        assert_eq!(status_token(entry), row.status, "{} status", row.code);
        let spec = entry
            .spec
            .as_ref()
            .unwrap_or_else(|| panic!("{} has no spec", row.code));
        assert_eq!(spec.document, row.document, "{} document", row.code);
        assert_eq!(spec.section, row.section, "{} section", row.code);
        for former in &row.former {
            assert!(
                entry.former_phrases.contains(former),
                "{} lacks former phrase {former}",
                row.code
            );
        }
    }
}

#[test]
fn nothing_is_registered_that_the_registry_lacks() {
    let known: HashSet<u16> = registry().iter().map(|row| row.code).collect();
    for entry in catalog::entries()
        .iter()
        .filter(|entry| entry.is_registered())
    {
        assert!(
            known.contains(&entry.code),
            "{} claims to be registered",
            entry.code
        );
        assert_ne!(entry.status, Status::Unofficial, "{}", entry.code);
    }
}

#[test]
fn vendor_entries_name_their_vendor_and_cite_a_source() {
    let vendor_entries: Vec<&Entry> = catalog::entries()
        .iter()
        .filter(|entry| !entry.is_registered())
        .collect();
    assert!(
        vendor_entries.len() >= 40,
        "only {} vendor entries",
        vendor_entries.len()
    );
    for entry in vendor_entries {
        let vendor = entry.vendor.as_deref().unwrap_or_default();
        assert!(
            !vendor.trim().is_empty(),
            "{} has an empty vendor",
            entry.code
        );
        assert_eq!(
            entry.status,
            Status::Unofficial,
            "{} ({vendor})",
            entry.code
        );
        assert!(entry.spec.is_none(), "{} ({vendor}) has a spec", entry.code);
        assert!(
            entry.source.is_some(),
            "{} ({vendor}) has no source",
            entry.code
        );
    }
}

#[test]
fn a_number_repeats_only_across_vendors() {
    let mut seen = HashSet::new();
    for entry in catalog::entries() {
        let key = (entry.code, entry.vendor.clone());
        assert!(
            seen.insert(key),
            "{} ({:?}) appears twice",
            entry.code,
            entry.vendor
        );
    }
}

#[test]
fn entries_are_ordered_by_code_registered_meaning_first() {
    let entries = catalog::entries();
    for pair in entries.windows(2) {
        assert!(
            pair[0].code <= pair[1].code,
            "{} before {}",
            pair[0].code,
            pair[1].code
        );
        if pair[0].code == pair[1].code {
            assert!(
                !pair[1].is_registered(),
                "{}: the registered meaning must come first",
                pair[1].code
            );
        }
    }
}

#[test]
fn several_vendor_meanings_are_kept_for_colliding_numbers() {
    for code in [420, 451, 499, 530, 561] {
        assert!(
            catalog::meanings(code).count() >= 2,
            "{code} should have several meanings"
        );
    }
    let first_451 = catalog::primary(451).expect("451");
    assert!(first_451.is_registered(), "the registered 451 comes first");
}

#[test]
fn every_related_code_exists_and_is_not_itself() {
    for entry in catalog::entries() {
        for related in &entry.related {
            assert!(
                catalog::exists(*related),
                "{} relates to unknown {related}",
                entry.code
            );
            assert_ne!(*related, entry.code, "{} relates to itself", entry.code);
        }
    }
}

fn well_formed_https(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '#', '?']).next().unwrap_or_default();
    host.contains('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c == '"' || c == '<' || c == '>')
}

#[test]
fn every_url_is_well_formed() {
    for entry in catalog::entries() {
        if let Some(spec) = &entry.spec {
            assert!(well_formed_https(&spec.url), "{}: {}", entry.code, spec.url);
            if let Some(rfc) = spec.document.strip_prefix("RFC ") {
                let expected = format!(
                    "https://www.rfc-editor.org/rfc/rfc{rfc}#section-{}",
                    spec.section
                );
                assert_eq!(spec.url, expected, "{} deep link", entry.code);
            }
        }
        if let Some(source) = &entry.source {
            assert!(
                well_formed_https(&source.url),
                "{}: {}",
                entry.code,
                source.url
            );
        }
    }
}

#[test]
fn no_required_text_is_empty() {
    for entry in catalog::entries() {
        let texts = [
            ("phrase", &entry.phrase),
            ("summary", &entry.summary),
            ("meaning", &entry.explained().meaning),
            ("when_to_send", &entry.explained().when_to_send),
            ("client_action", &entry.explained().client_action),
            ("received.browser", &entry.explained().received.browser),
            (
                "received.api_client",
                &entry.explained().received.api_client,
            ),
            ("received.operator", &entry.explained().received.operator),
            ("retry.note", &entry.retry.note),
            ("example", &entry.example),
        ];
        for (field, text) in texts {
            assert!(
                !text.trim().is_empty(),
                "{} {:?}: {field} is empty",
                entry.code,
                entry.vendor
            );
        }
        assert!(!entry.keywords.is_empty(), "{} has no keywords", entry.code);
        for header in &entry.headers {
            assert!(
                !header.name.trim().is_empty() && !header.note.trim().is_empty(),
                "{} header",
                entry.code
            );
        }
    }
    for class in catalog::classes() {
        assert!(
            !class.meaning.is_empty() && !class.client_action.is_empty(),
            "{}",
            class.label
        );
    }
}

#[test]
fn caching_follows_rfc_9110_and_6585() {
    let heuristic = [
        200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501, 451,
    ];
    let never = [428, 429, 431, 511];
    for entry in catalog::entries()
        .iter()
        .filter(|entry| entry.is_registered())
    {
        let expected = if heuristic.contains(&entry.code) {
            Cacheable::Heuristic
        } else if never.contains(&entry.code) || entry.class_digit() == 1 {
            Cacheable::Never
        } else {
            Cacheable::Explicit
        };
        assert_eq!(entry.cacheable, expected, "{}", entry.code);
    }
}

#[test]
fn bodies_are_forbidden_exactly_where_the_rfc_says() {
    for entry in catalog::entries()
        .iter()
        .filter(|entry| entry.is_registered())
    {
        let bodiless = entry.class_digit() == 1 || [204, 205, 304].contains(&entry.code);
        assert_eq!(entry.body_allowed, !bodiless, "{}", entry.code);
    }
}

#[test]
fn required_headers_are_listed() {
    let must = [
        (401, "WWW-Authenticate"),
        (405, "Allow"),
        (407, "Proxy-Authenticate"),
        (101, "Upgrade"),
        (426, "Upgrade"),
    ];
    for (code, name) in must {
        let entry = registered(code).expect("registered");
        assert!(
            entry
                .headers
                .iter()
                .any(|header| header.name == name && header.requirement.label() == "MUST"),
            "{code} must list {name} as MUST"
        );
    }
    for code in [201, 301, 302, 303, 307, 308] {
        let entry = registered(code).expect("registered");
        assert!(
            entry.headers.iter().any(|header| header.name == "Location"),
            "{code} lists Location"
        );
    }
    for code in [429, 503] {
        let entry = registered(code).expect("registered");
        assert!(
            entry
                .headers
                .iter()
                .any(|header| header.name == "Retry-After"),
            "{code} lists Retry-After"
        );
    }
}

#[test]
fn redirects_say_permanence_and_method_handling() {
    use catalog::{MethodHandling, Permanence};
    let expected = [
        (301, Permanence::Permanent, MethodHandling::MayBecomeGet),
        (302, Permanence::Temporary, MethodHandling::MayBecomeGet),
        (303, Permanence::None, MethodHandling::BecomesGet),
        (307, Permanence::Temporary, MethodHandling::Kept),
        (308, Permanence::Permanent, MethodHandling::Kept),
    ];
    for (code, permanence, method) in expected {
        let redirect = registered(code)
            .and_then(|entry| entry.redirect.as_ref())
            .expect("redirect facts");
        assert_eq!(redirect.permanence, permanence, "{code}");
        assert_eq!(redirect.method, method, "{code}");
    }
}

#[test]
fn examples_start_with_their_status_line_and_have_honest_lengths() {
    for entry in catalog::entries() {
        let first_line = entry.example.lines().next().unwrap_or_default();
        if entry.is_registered() {
            assert!(
                first_line.starts_with(&format!("HTTP/1.1 {} ", entry.code)),
                "{} example starts {first_line:?}",
                entry.code
            );
        } else {
            // Vendor examples show what really crosses the wire (nginx rewrites 494 to 400; Esri
            // sends 200 with the code in the body), or a log line for codes never sent.
            assert!(
                first_line.starts_with("HTTP/1.1 ") || first_line.starts_with('#'),
                "{} ({:?}) example starts {first_line:?}",
                entry.code,
                entry.vendor
            );
        }
        if let Some((head, body)) = entry.example.split_once("\n\n") {
            if let Some(length) = head
                .lines()
                .find_map(|line| line.strip_prefix("Content-Length: "))
            {
                assert_eq!(
                    length.trim().parse::<usize>().ok(),
                    Some(body.len()),
                    "{} Content-Length",
                    entry.code
                );
            }
            if !entry.body_allowed {
                assert!(body.is_empty(), "{} must not have a body", entry.code);
            }
        }
    }
}

#[test]
fn each_class_lists_its_codes_registered_first() {
    for digit in 1..=5 {
        let listed = catalog::codes_in_class(digit);
        assert!(!listed.is_empty(), "{digit}xx is empty");
        let first_vendor = listed
            .iter()
            .position(|entry| !entry.is_registered())
            .unwrap_or(listed.len());
        assert!(
            listed[first_vendor..]
                .iter()
                .all(|entry| !entry.is_registered()),
            "{digit}xx order"
        );
    }
}

#[test]
fn the_published_file_is_the_embedded_file_minified() {
    let on_disk =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/catalog.json"))
            .expect("readable");
    let parsed: serde_json::Value = serde_json::from_str(&on_disk).expect("valid JSON");
    let embedded: serde_json::Value =
        serde_json::from_str(catalog::CATALOG_JSON).expect("valid JSON");
    assert_eq!(parsed, embedded);
    assert!(parsed.get("classes").is_some() && parsed.get("codes").is_some());
    assert!(catalog::CATALOG_JSON.len() < on_disk.len() && !catalog::CATALOG_JSON.contains("\n  "));
}

/// The app reads the explanations from a file fetched at run time: anything but this build's
/// own file is refused, whatever it holds.
#[test]
fn explanations_are_read_only_from_a_file_that_matches_the_catalog() {
    use catalog::Explanations;
    let all = catalog::explanations().expect("embedded in the tests");
    assert_eq!(all.codes.len(), catalog::entries().len());
    for entry in catalog::entries() {
        let explanation = all.of(entry).expect("every entry has one");
        assert_eq!(
            (explanation.code, &explanation.vendor),
            (entry.code, &entry.vendor)
        );
    }
    for group in compare::groups() {
        assert_eq!(
            all.of_group(group).expect("every group has one").slug,
            group.slug
        );
    }
    let written = miniserde::json::to_string(all);
    assert!(Explanations::from_json(&written).is_ok());

    let edited = |list: &str, edit: fn(&mut Vec<serde_json::Value>)| {
        let mut value: serde_json::Value = serde_json::from_str(&written).expect("JSON");
        edit(value[list].as_array_mut().expect("a list"));
        value.to_string()
    };
    let swapped = edited("codes", |codes| codes.swap(0, 1));
    let short = edited("codes", |codes| {
        codes.pop();
    });
    let groups_swapped = edited("groups", |groups| groups.swap(0, 1));
    let groups_short = edited("groups", |groups| {
        groups.pop();
    });
    for bad in [
        "",
        "{",
        "null",
        "{\"codes\":[],\"groups\":[]}",
        "<!doctype html>",
        &swapped,
        &short,
        &groups_swapped,
        &groups_short,
    ] {
        assert!(Explanations::from_json(bad).is_err(), "{bad:.60}");
    }
}
