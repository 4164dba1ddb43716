//! The names HTTP libraries give each status code: the data in `assets/constants.json`, written by
//! `scripts/extract_constants.py` from each library's own source (schema and provenance:
//! docs/catalog.md). Pure: no leptos, no web-sys.
//!
//! Two parts, for the first load's sake. [`searchable_names`] is a compact code-to-name list
//! embedded at build time (build.rs), so search can find a code by any of its names from the start.
//! The full [`Table`] (status of each name, versions, provenance) is published beside the app and
//! parsed with [`Table::parse`] only when a person opens it.

use miniserde::Deserialize;
use std::collections::BTreeMap;

/// `code<TAB>name` lines, one per distinct name (build.rs).
const NAMES: &str = include_str!(concat!(env!("OUT_DIR"), "/constant-names.txt"));

/// The file the full table is published as, relative to the app (index.html copies it).
pub const TABLE_FILE: &str = "constants.json";

/// Every name of every library, as a programmer writes it (`http.StatusNotFound`, `:not_found`,
/// `Net::HTTPNotFound`), with the code it stands for. A name shared by two libraries (Rack and
/// Plug both write `:not_found`) appears once per code. Costs no parsing: the list is a string
/// embedded at build time.
pub fn searchable_names() -> impl Iterator<Item = (u16, &'static str)> {
    NAMES.lines().filter_map(|line| {
        let (code, name) = line.split_once('\t')?;
        Some((code.parse().ok()?, name))
    })
}

/// How a library regards one of its names for a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// The name the library prefers today.
    Current,
    /// An older name the library keeps as an alias of a current one.
    Older,
    /// Marked deprecated by the library, with no current name for the code.
    Deprecated,
}

impl Standing {
    fn from_token(token: &str) -> Option<Standing> {
        match token {
            "current" => Some(Standing::Current),
            "older" => Some(Standing::Older),
            "deprecated" => Some(Standing::Deprecated),
            _ => None,
        }
    }

    /// The word shown beside a name that is not current; `None` for a current one.
    pub fn label(self) -> Option<&'static str> {
        match self {
            Standing::Current => None,
            Standing::Older => Some("older name"),
            Standing::Deprecated => Some("deprecated"),
        }
    }

    /// The token in the data and in `data-standing` attributes.
    pub fn token(self) -> &'static str {
        match self {
            Standing::Current => "current",
            Standing::Older => "older",
            Standing::Deprecated => "deprecated",
        }
    }
}

/// One name a library gives a code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// As a programmer writes it, qualified: `HTTPStatus.CONTENT_TOO_LARGE`.
    pub name: String,
    pub standing: Standing,
    /// The library version that introduced the name, where the library or its documentation says.
    pub since: Option<String>,
    /// The library's own reason phrase for the code, where it defines one.
    pub phrase: Option<String>,
    /// The code's former phrase (catalog `former_phrases`) that the name spells out, as in Go's
    /// `StatusRequestEntityTooLarge` for 413 Content Too Large (RFC 9110, Section 15.5.14).
    pub former_phrase: Option<String>,
}

/// Where a library's names were taken from.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Source {
    /// The library's release, where one is known (`None` for a file read at a commit).
    pub version: Option<String>,
    /// `owner/name` of the public repository, for a file read at a commit.
    pub repo: Option<String>,
    pub commit: Option<String>,
    /// How the source was obtained, in words.
    pub obtained: String,
    /// The file within the library.
    pub path: Option<String>,
    /// What a reader should know about how names were classified.
    pub note: Option<String>,
}

impl Source {
    /// `1.24.4` or `commit 0020402`: what a reader can look up.
    pub fn label(&self) -> String {
        match (&self.version, &self.commit) {
            (Some(version), _) => version.clone(),
            (None, Some(commit)) => format!("commit {}", commit.get(..7).unwrap_or(commit)),
            (None, None) => String::new(),
        }
    }
}

/// One library in the table.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Library {
    /// Stable id: `go`, `python`, … (`data-library` in the page).
    pub id: String,
    /// `Go net/http`.
    pub name: String,
    pub language: String,
    /// How a name is written, for 404: `http.StatusNotFound`.
    pub example: String,
    pub source: Source,
}

/// One library's names for one code; empty when the library defines none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'a> {
    pub library: &'a Library,
    pub names: &'a [Name],
}

impl Row<'_> {
    /// The library's preferred names (two for .NET's synonyms such as `Found` and `Redirect`).
    pub fn current(&self) -> impl Iterator<Item = &Name> {
        self.names
            .iter()
            .filter(|name| name.standing == Standing::Current)
    }

    /// Whether every current name spells a former phrase of the code: the library still uses
    /// a name the RFCs have replaced.
    pub fn lags(&self) -> bool {
        let mut current = self.current().peekable();
        current.peek().is_some() && current.all(|name| name.former_phrase.is_some())
    }
}

/// All libraries' names for one code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeNames {
    pub code: u16,
    /// Whether the code is in the IANA registry.
    pub registered: bool,
    /// Per library id, in the order of [`Table::libraries`].
    names: BTreeMap<String, Vec<Name>>,
}

/// The whole table, parsed from `constants.json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub libraries: Vec<Library>,
    pub codes: Vec<CodeNames>,
}

#[derive(Deserialize)]
struct RawName {
    name: String,
    status: String,
    since: Option<String>,
    phrase: Option<String>,
    former_phrase: Option<String>,
}

#[derive(Deserialize)]
struct RawCode {
    code: u16,
    registered: bool,
    names: BTreeMap<String, Vec<RawName>>,
}

#[derive(Deserialize)]
struct RawTable {
    libraries: Vec<Library>,
    codes: Vec<RawCode>,
}

impl Table {
    /// Parses the published `constants.json`. An error names what was wrong; the view then says
    /// the table could not be read, rather than showing part of it.
    pub fn parse(json: &str) -> Result<Table, String> {
        let raw: RawTable = miniserde::json::from_str(json)
            .map_err(|_| "constants.json is not in the expected shape".to_string())?;
        let mut codes = Vec::with_capacity(raw.codes.len());
        for code in raw.codes {
            let mut names = BTreeMap::new();
            for (library, list) in code.names {
                let mut parsed = Vec::with_capacity(list.len());
                for name in list {
                    let standing = Standing::from_token(&name.status).ok_or_else(|| {
                        format!(
                            "unknown status \u{201c}{}\u{201d} for {}",
                            name.status, name.name
                        )
                    })?;
                    parsed.push(Name {
                        name: name.name,
                        standing,
                        since: name.since,
                        phrase: name.phrase,
                        former_phrase: name.former_phrase,
                    });
                }
                names.insert(library, parsed);
            }
            codes.push(CodeNames {
                code: code.code,
                registered: code.registered,
                names,
            });
        }
        Ok(Table {
            libraries: raw.libraries,
            codes,
        })
    }

    /// The names for `code`, one row per library in table order; `None` for a code no library
    /// names and the registry does not list.
    pub fn rows(&self, code: u16) -> Option<Vec<Row<'_>>> {
        let entry = self.codes.iter().find(|entry| entry.code == code)?;
        Some(
            self.libraries
                .iter()
                .map(|library| Row {
                    library,
                    names: entry
                        .names
                        .get(&library.id)
                        .map(Vec::as_slice)
                        .unwrap_or(&[]),
                })
                .collect(),
        )
    }

    /// Registered codes for which `library` defines no name.
    pub fn lacking(&self, library: &str) -> Vec<u16> {
        self.codes
            .iter()
            .filter(|entry| entry.registered)
            .filter(|entry| entry.names.get(library).is_none_or(Vec::is_empty))
            .map(|entry| entry.code)
            .collect()
    }

    /// Codes whose current name in `library` spells a former phrase (see [`Row::lags`]).
    pub fn lagging(&self, library: &str) -> Vec<u16> {
        self.codes
            .iter()
            .filter(|entry| {
                self.rows(entry.code).is_some_and(|rows| {
                    rows.iter()
                        .any(|row| row.library.id == library && row.lags())
                })
            })
            .map(|entry| entry.code)
            .collect()
    }

    /// Registered codes on which the libraries differ: one of them has no name for it, keeps a
    /// former phrase (see [`Row::lags`]), or uses other words than the most common ones (ignoring
    /// how each writes a name: `StatusTeapot` and `IM_A_TEAPOT` differ, `StatusNotFound` and
    /// `NOT_FOUND` do not). Node is left out of the words: all its names are `STATUS_CODES[n]`.
    pub fn disagreements(&self) -> Vec<u16> {
        self.codes
            .iter()
            .filter(|entry| entry.registered)
            .filter(|entry| {
                let Some(rows) = self.rows(entry.code) else {
                    return false;
                };
                if rows.iter().any(|row| row.names.is_empty() || row.lags()) {
                    return true;
                }
                let spellings: Vec<Vec<String>> = rows
                    .iter()
                    .filter(|row| row.library.id != "node")
                    .map(|row| {
                        row.current()
                            .map(|name| words_of(&row.library.id, name))
                            .collect()
                    })
                    .collect();
                let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
                for spelling in spellings.iter().flatten() {
                    *counts.entry(spelling).or_default() += 1;
                }
                let Some(common) = counts
                    .iter()
                    .max_by_key(|(_, count)| **count)
                    .map(|(spelling, _)| *spelling)
                else {
                    return false;
                };
                spellings
                    .iter()
                    .any(|words| !words.is_empty() && !words.iter().any(|w| w == common))
            })
            .map(|entry| entry.code)
            .collect()
    }
}

/// The words of a name without how the library writes it: `Status413PayloadTooLarge` and
/// `PAYLOAD_TOO_LARGE` both give `payloadtoolarge`.
fn words_of(library: &str, name: &Name) -> String {
    let text = name.name.as_str();
    let bare = match library {
        "go" => text.strip_prefix("http.Status"),
        "java" => text.strip_prefix("HttpURLConnection.HTTP_"),
        "symfony" => text.strip_prefix("Response::HTTP_"),
        "nethttp" => text.strip_prefix("Net::HTTP"),
        "aspnetcore" => text
            .strip_prefix("StatusCodes.Status")
            .map(|rest| rest.trim_start_matches(|c: char| c.is_ascii_digit())),
        _ => None,
    }
    .or_else(|| text.rsplit(['.', ':']).next())
    .unwrap_or(text);
    bare.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}
