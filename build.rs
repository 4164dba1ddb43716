//! Embeds the authored data minified: the app parses the same JSON either way, and the
//! whitespace people need to edit and review it would otherwise ship in every download.

use std::path::Path;

const DATA: [&str; 3] = ["catalog.json", "comparisons.json", "decisions.json"];

fn main() {
    let Some(out_dir) = std::env::var_os("OUT_DIR") else {
        panic!("Cargo sets OUT_DIR for build scripts");
    };
    write_constant_names(Path::new(&out_dir));
    for name in DATA {
        let source = Path::new("assets").join(name);
        println!("cargo::rerun-if-changed={}", source.display());
        let text = std::fs::read_to_string(&source)
            .unwrap_or_else(|error| panic!("reading {}: {error}", source.display()));
        // An invalid file fails here with its line and column, before any test runs.
        let mut value: serde_json::Value = serde_json::from_str(&text)
            .unwrap_or_else(|error| panic!("{} is not valid JSON: {error}", source.display()));
        if std::env::var_os("CARGO_FEATURE_CSR").is_some() {
            match name {
                "catalog.json" => leave_out(&mut value, "codes", &EXPLANATION_FIELDS),
                "comparisons.json" => leave_out(&mut value, "groups", &GROUP_EXPLANATION_FIELDS),
                _ => {}
            }
        }
        let minified = serde_json::to_string(&value)
            .unwrap_or_else(|error| panic!("minifying {}: {error}", source.display()));
        std::fs::write(Path::new(&out_dir).join(name), minified)
            .unwrap_or_else(|error| panic!("writing minified {name}: {error}"));
    }
}

/// The fields of each entry that make up its `Explanation` (src/catalog.rs), apart from the
/// code and vendor that tie the two together.
const EXPLANATION_FIELDS: [&str; 4] = ["meaning", "when_to_send", "client_action", "received"];

/// The fields of each curated comparison that make up its `GroupExplanation`
/// (src/compare.rs), apart from the slug that ties the two together.
const GROUP_EXPLANATION_FIELDS: [&str; 2] = ["explanation", "scenarios"];

/// The app's copy of the data goes without the explanations: it loads them on demand from
/// `explanations.json`, which `prerender --explanations` writes from the full data.
fn leave_out(data: &mut serde_json::Value, list: &str, fields: &[&str]) {
    let Some(items) = data[list].as_array_mut() else {
        panic!("no list of {list}");
    };
    for item in items {
        let Some(item) = item.as_object_mut() else {
            panic!("one of the {list} is not an object");
        };
        for field in fields {
            item.remove(*field);
        }
    }
}

/// Writes `constant-names.txt`: one `code<TAB>name` line per distinct name in
/// assets/constants.json, and nothing else from it. Search indexes these names from the first
/// load (src/constants.rs `searchable_names`), while the full table, with provenance and status,
/// loads only when a person opens it.
fn write_constant_names(out_dir: &Path) {
    let source = Path::new("assets").join("constants.json");
    println!("cargo::rerun-if-changed={}", source.display());
    let text = std::fs::read_to_string(&source)
        .unwrap_or_else(|error| panic!("reading {}: {error}", source.display()));
    let value: serde_json::Value = serde_json::from_str(&text)
        .unwrap_or_else(|error| panic!("{} is not valid JSON: {error}", source.display()));
    let mut lines = Vec::new();
    for entry in value["codes"].as_array().into_iter().flatten() {
        let Some(code) = entry["code"].as_u64() else {
            panic!("constants.json: a code without a number");
        };
        for names in entry["names"]
            .as_object()
            .into_iter()
            .flat_map(|m| m.values())
        {
            for name in names.as_array().into_iter().flatten() {
                let Some(name) = name["name"].as_str() else {
                    panic!("constants.json: a name without text for {code}");
                };
                let line = format!("{code}\t{name}");
                if !lines.contains(&line) {
                    lines.push(line);
                }
            }
        }
    }
    std::fs::write(out_dir.join("constant-names.txt"), lines.join("\n"))
        .unwrap_or_else(|error| panic!("writing constant-names.txt: {error}"));
}
