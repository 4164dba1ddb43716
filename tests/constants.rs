//! assets/constants.json against the libraries this machine can read without the network: the
//! installed Python's `http.HTTPStatus`, the installed Node's `http.STATUS_CODES` and the `http`
//! crate (a dev-dependency at the version the extraction script read), and against the IANA
//! registry: every registered code has a row for every library, "not defined" included.

use http_status_codes::constants::{searchable_names, Standing, Table};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

const CONSTANTS_JSON: &str = include_str!("../assets/constants.json");
const REGISTRY_CSV: &str = include_str!("data/iana-status-codes.csv");
const RERUN: &str = "rerun scripts/extract_constants.py (docs/catalog.md)";

fn data() -> Value {
    serde_json::from_str(CONSTANTS_JSON).expect("constants.json is valid JSON")
}

fn registered_codes() -> Vec<u16> {
    REGISTRY_CSV
        .lines()
        .skip(1)
        .filter_map(|line| line.split(',').next()?.parse().ok())
        .collect()
}

/// One library's names in the data: name -> (code, status, since, phrase).
fn names_of(library: &str) -> BTreeMap<String, (u16, String, Option<String>, Option<String>)> {
    let mut names = BTreeMap::new();
    for entry in data()["codes"].as_array().expect("codes") {
        let code = entry["code"].as_u64().expect("code") as u16;
        for name in entry["names"][library]
            .as_array()
            .expect("a list per library")
        {
            let text = |field: &str| name[field].as_str().map(str::to_string);
            names.insert(
                text("name").expect("name"),
                (
                    code,
                    text("status").expect("status"),
                    text("since"),
                    text("phrase"),
                ),
            );
        }
    }
    names
}

fn source_version(library: &str) -> String {
    data()["libraries"]
        .as_array()
        .expect("libraries")
        .iter()
        .find(|entry| entry["id"] == library)
        .and_then(|entry| entry["source"]["version"].as_str())
        .expect("a recorded version")
        .to_string()
}

/// Runs a program that prints JSON; `None` (with the reason printed) when it is not installed.
fn json_from(program: &str, args: &[&str]) -> Option<Value> {
    match Command::new(program).args(args).output() {
        Ok(output) if output.status.success() => {
            Some(serde_json::from_slice(&output.stdout).expect("the program printed JSON"))
        }
        Ok(output) => panic!(
            "{program} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ),
        Err(error) => {
            eprintln!("SKIPPED: {program} is not available here ({error}); its check did not run");
            None
        }
    }
}

#[test]
fn every_registered_code_has_a_row_for_every_library() {
    let data = data();
    let libraries: Vec<&str> = data["libraries"]
        .as_array()
        .expect("libraries")
        .iter()
        .map(|library| library["id"].as_str().expect("id"))
        .collect();
    assert_eq!(libraries.len(), 13);
    let codes = data["codes"].as_array().expect("codes");
    for code in registered_codes() {
        let entry = codes
            .iter()
            .find(|entry| entry["code"] == code)
            .unwrap_or_else(|| panic!("{code} has no row in constants.json"));
        assert_eq!(entry["registered"], true, "{code}");
        for library in &libraries {
            assert!(
                entry["names"][library].is_array(),
                "{code} has no entry (not even an empty one) for {library}"
            );
        }
    }
}

#[test]
fn every_library_records_where_its_names_came_from() {
    for library in data()["libraries"].as_array().expect("libraries") {
        let source = &library["source"];
        let has_version = source["version"].is_string();
        let has_commit = source["repo"].is_string()
            && source["commit"]
                .as_str()
                .is_some_and(|commit| commit.len() == 40);
        assert!(
            has_version || has_commit,
            "{}: neither a version nor a repository and commit",
            library["id"]
        );
        assert!(source["obtained"].is_string(), "{}", library["id"]);
    }
}

#[test]
fn the_app_reads_every_name_and_its_standing() {
    let table = Table::parse(CONSTANTS_JSON).expect("the app parses constants.json");
    let data = data();
    let total: usize = data["codes"]
        .as_array()
        .expect("codes")
        .iter()
        .flat_map(|entry| entry["names"].as_object().expect("names").values())
        .map(|names| names.as_array().expect("list").len())
        .sum();
    let read: usize = table
        .codes
        .iter()
        .filter_map(|entry| table.rows(entry.code))
        .flatten()
        .map(|row| row.names.len())
        .sum();
    assert_eq!(read, total, "the app dropped names");

    // 413 Content Too Large (RFC 9110, Section 15.5.14): Go still names it after the phrase of
    // RFC 2616, and the page must be able to say so.
    let rows = table.rows(413).expect("413");
    let go = rows.iter().find(|row| row.library.id == "go").expect("go");
    assert_eq!(go.names[0].name, "http.StatusRequestEntityTooLarge");
    assert_eq!(
        go.names[0].former_phrase.as_deref(),
        Some("Request Entity Too Large")
    );
    assert!(go.lags());
    let python = rows
        .iter()
        .find(|row| row.library.id == "python")
        .expect("python");
    assert_eq!(python.names[0].name, "HTTPStatus.CONTENT_TOO_LARGE");
    assert_eq!(python.names[0].standing, Standing::Current);
    assert!(!python.lags());
    assert!(python
        .names
        .iter()
        .any(|name| name.name == "HTTPStatus.REQUEST_ENTITY_TOO_LARGE"
            && name.standing == Standing::Older));
    assert!(table.lagging("go").contains(&413));
    assert!(!table.lagging("python").contains(&413));
    assert!(table.lacking("java").contains(&418));
    assert!(!table.lacking("go").contains(&404));
    assert!(table.disagreements().contains(&413));
    assert!(!table.disagreements().contains(&404));
}

#[test]
fn searchable_names_list_every_name_once() {
    let listed: Vec<(u16, &str)> = searchable_names().collect();
    let unique: BTreeSet<(u16, &str)> = listed.iter().copied().collect();
    assert_eq!(listed.len(), unique.len(), "a name listed twice for a code");
    let mut expected = BTreeSet::new();
    for entry in data()["codes"].as_array().expect("codes") {
        let code = entry["code"].as_u64().expect("code") as u16;
        for names in entry["names"].as_object().expect("names").values() {
            for name in names.as_array().expect("list") {
                expected.insert((code, name["name"].as_str().expect("name").to_string()));
            }
        }
    }
    let got: BTreeSet<(u16, String)> = unique
        .into_iter()
        .map(|(code, name)| (code, name.to_string()))
        .collect();
    assert_eq!(got, expected);
    assert!(listed.contains(&(413, "http.StatusRequestEntityTooLarge")));
    assert!(listed.contains(&(418, "http.StatusTeapot")));
}

/// `3.9` -> (3, 9), for comparing Python versions.
fn version_pair(text: &str) -> (u32, u32) {
    let mut parts = text.split('.').map(|part| part.parse().unwrap_or(0));
    (parts.next().unwrap_or(0), parts.next().unwrap_or(0))
}

#[test]
fn python_names_match_the_installed_python() {
    let script = "import json, sys, http; print(json.dumps({'version': '%d.%d' % sys.version_info[:2], \
                  'names': {name: int(member) for name, member in http.HTTPStatus.__members__.items()}}))";
    let Some(installed) = json_from("python3", &["-c", script]) else {
        return;
    };
    let version = version_pair(installed["version"].as_str().expect("version"));
    let names = installed["names"].as_object().expect("names");
    // The data is of the recorded Python; an older installed Python must have exactly the names
    // that existed by its version (the data's "since"), with the same codes.
    let expected: BTreeMap<String, u16> = names_of("python")
        .into_iter()
        .filter(|(_, (_, _, since, _))| since.as_deref().is_none_or(|s| version_pair(s) <= version))
        .map(|(name, (code, ..))| {
            (
                name.strip_prefix("HTTPStatus.")
                    .expect("qualified")
                    .to_string(),
                code,
            )
        })
        .collect();
    let got: BTreeMap<String, u16> = names
        .iter()
        .map(|(name, code)| (name.clone(), code.as_u64().expect("code") as u16))
        .collect();
    let recorded = source_version("python");
    if version > version_pair(&recorded) {
        // A newer Python may add names; it must still have every recorded one.
        for (name, code) in &expected {
            assert_eq!(
                got.get(name),
                Some(code),
                "Python {version:?} lacks {name}; {RERUN}"
            );
        }
    } else {
        assert_eq!(
            got, expected,
            "installed Python {version:?}, data from {recorded}"
        );
    }
}

#[test]
fn node_phrases_match_the_installed_node() {
    let script = "process.stdout.write(JSON.stringify({version: process.version, codes: require('http').STATUS_CODES}))";
    let Some(installed) = json_from("node", &["-e", script]) else {
        return;
    };
    let got: BTreeMap<u16, String> = installed["codes"]
        .as_object()
        .expect("codes")
        .iter()
        .map(|(code, phrase)| {
            (
                code.parse().expect("numeric"),
                phrase.as_str().expect("phrase").to_string(),
            )
        })
        .collect();
    let expected: BTreeMap<u16, String> = names_of("node")
        .into_iter()
        .map(|(name, (code, _, _, phrase))| {
            assert_eq!(name, format!("http.STATUS_CODES[{code}]"));
            (code, phrase.expect("node names carry the phrase"))
        })
        .collect();
    assert_eq!(
        got,
        expected,
        "node {} here, data from node {}; {RERUN}",
        installed["version"],
        source_version("node")
    );
}

#[test]
fn rust_names_match_the_http_crate() {
    let lock = include_str!("../Cargo.lock");
    let recorded = source_version("rust");
    assert!(
        lock.contains(&format!("name = \"http\"\nversion = \"{recorded}\"")),
        "Cargo.lock must hold http {recorded}, the version constants.json was read from"
    );
    let names = names_of("rust");
    // Every code the crate gives a canonical reason has exactly the phrase the data records,
    // and the data names no code the crate does not know.
    let crate_codes: BTreeMap<u16, &str> = (100..=999)
        .filter_map(|code| {
            let status = http::StatusCode::from_u16(code).ok()?;
            Some((code, status.canonical_reason()?))
        })
        .collect();
    let data_codes: BTreeMap<u16, &str> = names
        .values()
        .map(|(code, _, _, phrase)| (*code, phrase.as_deref().expect("phrase")))
        .collect();
    assert_eq!(data_codes, crate_codes);
    // And the constants themselves: each name the data gives is an associated constant of
    // StatusCode with that code (checked through the crate's own constants for a sample that
    // covers the renamed codes).
    let by_name = |name: &str| names.get(&format!("StatusCode::{name}")).map(|n| n.0);
    assert_eq!(
        by_name("PAYLOAD_TOO_LARGE"),
        Some(http::StatusCode::PAYLOAD_TOO_LARGE.as_u16())
    );
    assert_eq!(
        by_name("URI_TOO_LONG"),
        Some(http::StatusCode::URI_TOO_LONG.as_u16())
    );
    assert_eq!(
        by_name("RANGE_NOT_SATISFIABLE"),
        Some(http::StatusCode::RANGE_NOT_SATISFIABLE.as_u16())
    );
    assert_eq!(
        by_name("UNPROCESSABLE_ENTITY"),
        Some(http::StatusCode::UNPROCESSABLE_ENTITY.as_u16())
    );
    assert_eq!(
        by_name("IM_A_TEAPOT"),
        Some(http::StatusCode::IM_A_TEAPOT.as_u16())
    );
    assert_eq!(
        by_name("EARLY_HINTS"),
        Some(http::StatusCode::EARLY_HINTS.as_u16())
    );
    assert_eq!(
        by_name("TOO_EARLY"),
        Some(http::StatusCode::TOO_EARLY.as_u16())
    );
}
