//! Embeds the authored data minified: the app parses the same JSON either way, and the
//! whitespace people need to edit and review it would otherwise ship in every download.

use std::path::Path;

const DATA: [&str; 3] = ["catalog.json", "comparisons.json", "decisions.json"];

fn main() {
    let Some(out_dir) = std::env::var_os("OUT_DIR") else {
        panic!("Cargo sets OUT_DIR for build scripts");
    };
    for name in DATA {
        let source = Path::new("assets").join(name);
        println!("cargo::rerun-if-changed={}", source.display());
        let text = std::fs::read_to_string(&source)
            .unwrap_or_else(|error| panic!("reading {}: {error}", source.display()));
        // An invalid file fails here with its line and column, before any test runs.
        let value: serde_json::Value = serde_json::from_str(&text)
            .unwrap_or_else(|error| panic!("{} is not valid JSON: {error}", source.display()));
        let minified = serde_json::to_string(&value)
            .unwrap_or_else(|error| panic!("minifying {}: {error}", source.display()));
        std::fs::write(Path::new(&out_dir).join(name), minified)
            .unwrap_or_else(|error| panic!("writing minified {name}: {error}"));
    }
}
