//! The catalog of status codes: the data model and the one embedded copy of the data.
//!
//! The data is authored in `assets/catalog.json` (schema in `docs/catalog.md`), embedded at
//! compile time and parsed once on first use. Everything else borrows `&'static` entries from
//! here; the catalog is never copied into reactive state.
//!
//! The app's copy leaves out each entry's long prose, its [`Explanation`], which loads on
//! demand: home, search and most views never show it.

// `Serialize` is for tests/data_files.rs, which writes what the app loaded back out to check that
// no authored field was dropped. The app never calls it, so it adds nothing to the wasm.
use crate::compare::{Group, GroupExplanation};
use miniserde::{Deserialize, Serialize};
use std::sync::{LazyLock, OnceLock};

/// The catalog as authored, minified by build.rs; the build also publishes the authored file as
/// `catalog.json`.
pub const CATALOG_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalog.json"));

#[derive(Debug, Deserialize, Serialize)]
pub struct Catalog {
    pub classes: Vec<Class>,
    pub codes: Vec<Entry>,
    /// Numbers people look up that are not HTTP status codes (`0`, `000`, …).
    pub non_status: Vec<NonStatus>,
    /// What RFC 9110 §15 says about a number outside 100–599.
    pub out_of_range: OutOfRange,
}

/// One of the five classes, `1xx` … `5xx`.
#[derive(Debug, Deserialize, Serialize)]
pub struct Class {
    /// `"1xx"` … `"5xx"`.
    #[serde(rename = "class")]
    pub label: String,
    pub name: String,
    pub summary: String,
    pub meaning: String,
    pub client_action: String,
}

impl Class {
    /// The first digit, 1 to 5.
    pub fn digit(&self) -> u8 {
        self.label
            .bytes()
            .next()
            .map_or(0, |first| first.wrapping_sub(b'0'))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Status {
    #[serde(rename = "standard")]
    Standard,
    #[serde(rename = "deprecated")]
    Deprecated,
    #[serde(rename = "unused")]
    Unused,
    #[serde(rename = "temporary")]
    Temporary,
    #[serde(rename = "obsolete")]
    Obsolete,
    #[serde(rename = "unofficial")]
    Unofficial,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Standard => "Standard",
            Status::Deprecated => "Deprecated",
            Status::Unused => "Unused",
            Status::Temporary => "Provisional",
            Status::Obsolete => "Obsolete",
            Status::Unofficial => "Unofficial",
        }
    }

    /// A stable token for styling and tests.
    pub fn token(self) -> &'static str {
        match self {
            Status::Standard => "standard",
            Status::Deprecated => "deprecated",
            Status::Unused => "unused",
            Status::Temporary => "temporary",
            Status::Obsolete => "obsolete",
            Status::Unofficial => "unofficial",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum SeenIn {
    #[serde(rename = "response")]
    Response,
    #[serde(rename = "logs")]
    Logs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Cacheable {
    #[serde(rename = "heuristic")]
    Heuristic,
    #[serde(rename = "explicit")]
    Explicit,
    #[serde(rename = "never")]
    Never,
}

impl Cacheable {
    pub fn describe(self) -> &'static str {
        match self {
            // Heuristic freshness applies only where the method allows caching at all: responses
            // to PUT and DELETE are never stored, POST and PATCH only with explicit freshness
            // (RFC 9110 §9.3, RFC 5789 §2).
            Cacheable::Heuristic => {
                "Cacheable by default in answer to GET or HEAD (heuristic freshness allowed)"
            }
            Cacheable::Explicit => "Only with explicit freshness (Cache-Control, Expires)",
            Cacheable::Never => "Never stored by caches",
        }
    }
}

/// How strongly a header field belongs with a status code, and on whose word.
///
/// `Must`, `Should` and `May` are used only where the cited section of the defining document
/// uses that BCP 14 keyword (RFC 2119, RFC 8174) for that field on that code; tests/requirements.rs
/// checks this against keywords derived from the RFC texts. The other two are this project's
/// own levels, for fields that belong with the code without such a keyword.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Requirement {
    #[serde(rename = "MUST")]
    Must,
    #[serde(rename = "SHOULD")]
    Should,
    #[serde(rename = "MAY")]
    May,
    /// The code is defined by the field, with no keyword: 303 means "see the URL in Location".
    #[serde(rename = "defining")]
    Defining,
    /// Good practice, not a requirement of the code's document (Cache-Control on a 404, say).
    #[serde(rename = "customary")]
    Customary,
}

impl Requirement {
    /// The label shown beside the field: the keyword itself, or a plain word for our own levels
    /// so that they never read as a keyword of the document.
    pub fn label(self) -> &'static str {
        match self {
            Requirement::Must => "MUST",
            Requirement::Should => "SHOULD",
            Requirement::May => "MAY",
            Requirement::Defining => "Defines the code",
            Requirement::Customary => "Good practice",
        }
    }

    /// The level as written in the data, a stable token for styling and tests.
    pub fn token(self) -> &'static str {
        match self {
            Requirement::Must => "MUST",
            Requirement::Should => "SHOULD",
            Requirement::May => "MAY",
            Requirement::Defining => "defining",
            Requirement::Customary => "customary",
        }
    }

    /// Whether the level is a BCP 14 keyword of the cited document, rather than our own.
    pub fn is_keyword(self) -> bool {
        matches!(
            self,
            Requirement::Must | Requirement::Should | Requirement::May
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum RetryPolicy {
    #[serde(rename = "n/a")]
    NotApplicable,
    #[serde(rename = "no")]
    No,
    #[serde(rename = "after-fixing-the-request")]
    AfterFixingTheRequest,
    #[serde(rename = "with-credentials")]
    WithCredentials,
    #[serde(rename = "automatically")]
    Automatically,
    #[serde(rename = "after-retry-after")]
    AfterRetryAfter,
    #[serde(rename = "with-backoff")]
    WithBackoff,
    #[serde(rename = "cautiously")]
    Cautiously,
}

impl RetryPolicy {
    pub fn label(self) -> &'static str {
        match self {
            RetryPolicy::NotApplicable => "Not an error",
            RetryPolicy::No => "Do not retry",
            RetryPolicy::AfterFixingTheRequest => "After fixing the request",
            RetryPolicy::WithCredentials => "With new credentials",
            RetryPolicy::Automatically => "Yes, as the spec allows",
            RetryPolicy::AfterRetryAfter => "After Retry-After",
            RetryPolicy::WithBackoff => "With backoff and jitter",
            RetryPolicy::Cautiously => "Cautiously",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Permanence {
    #[serde(rename = "permanent")]
    Permanent,
    #[serde(rename = "temporary")]
    Temporary,
    #[serde(rename = "none")]
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum MethodHandling {
    #[serde(rename = "may-become-get")]
    MayBecomeGet,
    #[serde(rename = "becomes-get")]
    BecomesGet,
    #[serde(rename = "kept")]
    Kept,
}

impl MethodHandling {
    pub fn describe(self) -> &'static str {
        match self {
            MethodHandling::MayBecomeGet => "May change POST to GET (browsers do)",
            MethodHandling::BecomesGet => "Follow-up is always GET (or HEAD)",
            MethodHandling::Kept => "Method and body kept",
        }
    }
}

#[derive(Debug, Deserialize, Serialize)]
pub struct Spec {
    pub document: String,
    pub section: String,
    pub url: String,
}

impl Spec {
    /// "RFC 9110 §15.5.5", or the document alone when it has no section.
    pub fn citation(&self) -> String {
        cite(&self.document, &self.section)
    }
}

fn cite(document: &str, section: &str) -> String {
    if section.is_empty() {
        document.to_string()
    } else {
        format!("{document} §{section}")
    }
}

#[derive(Debug, Deserialize, Serialize)]
pub struct Source {
    pub title: String,
    pub url: String,
}

/// A header field that belongs with a response of this code.
#[derive(Debug, Deserialize, Serialize)]
pub struct Header {
    pub name: String,
    pub requirement: Requirement,
    /// The case a MUST, SHOULD or defining requirement is limited to ("a 200 to the same request
    /// would carry it"), or `None` when it holds for every response with the code. The response
    /// checker checks only requirements without one: a single response cannot show the case.
    pub when: Option<String>,
    pub note: String,
    /// Where the level comes from: `"RFC 9110"`, or a vendor's document.
    pub document: String,
    /// The section of `document` (`"15.5.2"`); empty only for a customary field whose
    /// practice no one section states.
    pub section: String,
}

impl Header {
    /// Whether the requirement holds for every response with the code (no `when`).
    pub fn always_applies(&self) -> bool {
        self.when.is_none()
    }

    /// "RFC 9110 §15.5.2", or the document alone when no section is cited.
    pub fn citation(&self) -> String {
        cite(&self.document, &self.section)
    }
}

#[derive(Debug, Deserialize, Serialize)]
pub struct Redirect {
    pub permanence: Permanence,
    pub method: MethodHandling,
    pub note: String,
}

#[derive(Debug, Deserialize, Serialize)]
pub struct Retry {
    pub policy: RetryPolicy,
    pub note: String,
}

impl Retry {
    /// The policy's label and what follows it, so that the label is said once: many notes open
    /// with the label themselves ("Not an error: nothing to retry."). What follows keeps its own
    /// opening (`": nothing to retry."`, `" as a whole. …"`), or is `". "` and the note; it is
    /// empty when the note is.
    pub fn parts(&self) -> (&'static str, String) {
        let label = self.policy.label();
        let note = self.note.trim();
        let rest = match note.get(..label.len()) {
            _ if note.is_empty() => String::new(),
            Some(head) if head.eq_ignore_ascii_case(label) => note[label.len()..].to_string(),
            _ => format!(". {note}"),
        };
        (label, rest)
    }

    /// The label and the note in one line, the label said once.
    pub fn line(&self) -> String {
        let (label, rest) = self.parts();
        format!("{label}{rest}")
    }
}

/// The long prose of one [`Entry`], authored in the same object of `assets/catalog.json`.
///
/// The app (feature `csr`) does not embed it: its embedded catalog leaves these fields out
/// (build.rs), and it fetches [`EXPLANATIONS_FILE`] instead: about 60 % of the catalog's text
/// (gzip), shown only on a code's own page and in comparisons. The tests and the build-time
/// renderer read it from the embedded catalog.
#[derive(Debug, Deserialize, Serialize)]
pub struct Explanation {
    /// The entry's number and vendor, which tie the explanation to its entry.
    pub code: u16,
    pub vendor: Option<String>,
    pub meaning: String,
    pub when_to_send: String,
    pub client_action: String,
    pub received: Received,
}

/// Every entry's [`Explanation`], in catalog order, and every curated comparison's
/// [`GroupExplanation`], in authored order: the shape of [`EXPLANATIONS_FILE`].
#[derive(Debug, Deserialize, Serialize)]
pub struct Explanations {
    pub codes: Vec<Explanation>,
    pub groups: Vec<GroupExplanation>,
}

/// The file the app fetches the explanations from, beside `index.html`. The build writes it
/// from the catalog (`prerender --explanations`).
pub const EXPLANATIONS_FILE: &str = "explanations.json";

impl Explanations {
    /// Reads `text` (the contents of [`EXPLANATIONS_FILE`]), which must hold one explanation
    /// for each entry of the catalog, in the same order.
    ///
    /// # Errors
    ///
    /// A message when `text` is not that JSON, or when its explanations do not match the
    /// catalog's entries one for one (a file from another build).
    pub fn from_json(text: &str) -> Result<Explanations, String> {
        let explanations: Explanations = miniserde::json::from_str(text)
            .map_err(|_| format!("{EXPLANATIONS_FILE} is not valid"))?;
        explanations.matched()
    }

    /// The explanations, if they match the catalog's entries and the curated comparisons one
    /// for one, in order.
    fn matched(self) -> Result<Explanations, String> {
        let groups = crate::compare::groups();
        let matches = self.codes.len() == entries().len()
            && self
                .codes
                .iter()
                .zip(entries())
                .all(|(explanation, entry)| {
                    explanation.code == entry.code && explanation.vendor == entry.vendor
                })
            && self.groups.len() == groups.len()
            && self
                .groups
                .iter()
                .zip(groups)
                .all(|(explanation, group)| explanation.slug == group.slug);
        if matches {
            Ok(self)
        } else {
            Err(format!("{EXPLANATIONS_FILE} does not match the catalog"))
        }
    }

    /// The explanation of `group`, which must be one of `compare::groups()`; `None` for any
    /// other.
    pub fn of_group(&self, group: &Group) -> Option<&GroupExplanation> {
        let index = crate::compare::groups()
            .iter()
            .position(|candidate| std::ptr::eq(candidate, group))?;
        self.groups.get(index)
    }

    /// The explanation of `entry`, which must be one of [`entries`]; `None` for any other.
    pub fn of(&self, entry: &Entry) -> Option<&Explanation> {
        let index = entries()
            .iter()
            .position(|candidate| std::ptr::eq(candidate, entry))?;
        self.codes.get(index)
    }
}

static EXPLANATIONS: OnceLock<Explanations> = OnceLock::new();

/// Every entry's explanation, once they are at hand: always in the tests and the build-time
/// renderer, which embed them; in the app once [`install_explanations`] has kept them.
pub fn explanations() -> Option<&'static Explanations> {
    #[cfg(feature = "csr")]
    return EXPLANATIONS.get();
    #[cfg(not(feature = "csr"))]
    return Some(EXPLANATIONS.get_or_init(|| {
        // Embedded data, as for the catalog: the native tests read these same texts, each of
        // which holds one part of the explanations beside the rest of its objects.
        #[derive(Deserialize)]
        struct Codes {
            codes: Vec<Explanation>,
        }
        #[derive(Deserialize)]
        struct Groups {
            groups: Vec<GroupExplanation>,
        }
        let codes: Result<Codes, _> = miniserde::json::from_str(CATALOG_JSON);
        let groups: Result<Groups, _> = miniserde::json::from_str(crate::compare::COMPARISONS_JSON);
        let (Ok(codes), Ok(groups)) = (codes, groups) else {
            panic!("assets/catalog.json and assets/comparisons.json are valid (checked by tests)");
        };
        Explanations {
            codes: codes.codes,
            groups: groups.groups,
        }
        .matched()
        .expect("each entry and each curated group has its explanation (checked by tests)")
    }));
}

/// Reads `text` (the contents of [`EXPLANATIONS_FILE`]) and keeps the explanations for the rest
/// of the visit; ones already kept stay.
///
/// # Errors
///
/// As [`Explanations::from_json`].
pub fn install_explanations(text: &str) -> Result<&'static Explanations, String> {
    let explanations = Explanations::from_json(text)?;
    Ok(EXPLANATIONS.get_or_init(|| explanations))
}

/// "Received this?": what to do now, for each kind of person who meets the code.
#[derive(Debug, Deserialize, Serialize)]
pub struct Received {
    pub browser: String,
    pub api_client: String,
    pub operator: String,
}

/// One meaning of one status code: a registered code, or one vendor's use of a number.
///
/// Its long prose (what it means, when to send it, what a client should do, "Received this?")
/// is an [`Explanation`], kept apart so that the app can load it after its first paint.
#[derive(Debug, Deserialize, Serialize)]
pub struct Entry {
    pub code: u16,
    pub phrase: String,
    /// The name people know the code by, where `phrase` is a placeholder rather than a name: the
    /// IANA registry lists 418 as "(Unused)", but it is known as "I'm a teapot". Absent otherwise.
    pub common_name: Option<String>,
    pub status: Status,
    pub vendor: Option<String>,
    pub seen_in: SeenIn,
    pub summary: String,
    pub spec: Option<Spec>,
    pub source: Option<Source>,
    pub cacheable: Cacheable,
    pub body_allowed: bool,
    pub headers: Vec<Header>,
    pub redirect: Option<Redirect>,
    pub retry: Retry,
    pub former_phrases: Vec<String>,
    pub related: Vec<u16>,
    pub keywords: Vec<String>,
    pub example: String,
    /// Platform error codes that arrive with this status (Cloudflare's 1020 with 403, Heroku's
    /// H12 with 503, IIS's 404.3 with 404). Absent when there are none.
    pub details: Option<Vec<Detail>>,
}

/// A platform's own error code or message that stands in front of a status: what people see
/// on an error page, in a log line or in a browser's console, rather than the number itself.
#[derive(Debug, Deserialize, Serialize)]
pub struct Detail {
    /// As people see it: `"1020"`, `"H12"`, `"404.3"`, `"net::ERR_TOO_MANY_REDIRECTS"`,
    /// `"curl: (7)"`. Unique across the catalog.
    pub id: String,
    /// Who produces it: `Cloudflare`, `Heroku`, `Microsoft IIS`, `Chromium`, `curl`.
    pub vendor: String,
    /// The vendor's name for it, e.g. `Access denied`.
    pub name: String,
    /// One or two sentences: what it means and what to look at.
    pub description: String,
    /// What people type when they mean it, besides the id.
    pub keywords: Vec<String>,
    /// The vendor's own documentation.
    pub source: Source,
}

impl Detail {
    /// The id of the element that shows it, unique on its page. In-page `#id` links would be
    /// read as routes, so this only labels the element for tests and assistive technology.
    pub fn anchor(&self) -> String {
        let slug: String = self
            .id
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        format!("detail-{slug}")
    }
}

/// A number that tools report where a status code would be, but that no server sent as one:
/// `0` from a browser's fetch or XMLHttpRequest, `000` from curl. Keyed by its text, because
/// `0` and `000` are different things.
#[derive(Debug, Deserialize, Serialize)]
pub struct NonStatus {
    /// Exactly as people see it: `"0"`, `"000"`.
    pub number: String,
    /// A short name, e.g. `No response (browser)`.
    pub title: String,
    /// Which tools report it, e.g. `fetch and XMLHttpRequest in browsers`.
    pub reported_by: String,
    /// One line: what it means.
    pub summary: String,
    /// What it means, in plain words.
    pub meaning: String,
    /// What usually causes it, most common first.
    pub causes: Vec<String>,
    /// How to find the real cause, in order.
    pub find_cause: Vec<String>,
    /// Status codes worth reading next; each exists in the catalog.
    pub related: Vec<u16>,
    /// What people type when they mean it (`status 0`, `http 000`).
    pub keywords: Vec<String>,
    /// The documentation behind the facts above: the tools' own, or a standard.
    pub sources: Vec<Source>,
    /// The errors behind it that tools name: `net::ERR_CONNECTION_REFUSED`, `curl: (7)`.
    pub details: Vec<Detail>,
}

/// What a client does with a number outside 100–599 (RFC 9110 §15), for the view of any such
/// number that has no record of its own.
#[derive(Debug, Deserialize, Serialize)]
pub struct OutOfRange {
    pub summary: String,
    pub meaning: String,
    pub client_action: String,
    pub spec: Spec,
}

/// Where a platform error code lives: on a status entry, or on a not-a-status number.
#[derive(Debug, Clone, Copy)]
pub enum DetailHost {
    Entry(&'static Entry),
    NonStatus(&'static NonStatus),
}

impl DetailHost {
    /// The fragment (without `#`) of the page that shows it: `403`, `0`.
    pub fn fragment(self) -> String {
        match self {
            DetailHost::Entry(entry) => entry.code.to_string(),
            DetailHost::NonStatus(number) => number.number.clone(),
        }
    }

    /// How the page is named in a link: `403 Forbidden`, `0: No response (browser)`.
    pub fn label(self) -> String {
        match self {
            DetailHost::Entry(entry) => entry.title(),
            DetailHost::NonStatus(number) => format!("{}: {}", number.number, number.title),
        }
    }
}

impl Entry {
    /// Its explanation, from the embedded catalog (not in the app, which loads it on demand:
    /// see [`explanations`]).
    #[cfg(not(feature = "csr"))]
    pub fn explained(&self) -> &'static Explanation {
        explanations()
            .and_then(|all| all.of(self))
            .expect("each catalog entry has its explanation (checked by tests)")
    }

    /// Its platform error codes, possibly none.
    pub fn details(&self) -> &[Detail] {
        self.details.as_deref().unwrap_or_default()
    }

    /// The class digit, 1 to 5.
    pub fn class_digit(&self) -> u8 {
        class_digit(self.code)
    }

    pub fn is_registered(&self) -> bool {
        self.vendor.is_none()
    }

    /// Whether caching applies to it, for the facts table and comparisons.
    pub fn caching(&self) -> &'static str {
        match self.seen_in {
            SeenIn::Response => self.cacheable.describe(),
            SeenIn::Logs => NEVER_SENT,
        }
    }

    /// Whether its response may carry content, for the facts table and comparisons.
    pub fn body(&self) -> &'static str {
        match (self.seen_in, self.body_allowed) {
            (SeenIn::Logs, _) => NEVER_SENT,
            (SeenIn::Response, true) => "Allowed",
            (SeenIn::Response, false) => "None: the response has no content",
        }
    }

    /// What to call it: the common name where the phrase is a placeholder, else the phrase.
    pub fn name(&self) -> &str {
        self.common_name.as_deref().unwrap_or(&self.phrase)
    }

    /// Whether the name shown is not the registered (or vendor's) phrase, so that the phrase
    /// needs saying beside it.
    pub fn is_renamed(&self) -> bool {
        self.name() != self.phrase
    }

    /// "404 Not Found", "418 I'm a teapot": the code and its name, for headings, titles and links.
    pub fn label(&self) -> String {
        format!("{} {}", self.code, self.name())
    }

    /// The status line a server sends, `HTTP/1.1 404 Not Found`: the first line of the example,
    /// which shows what really crosses the wire. `None` when this meaning is never sent as this
    /// code: a code only ever logged (nginx's 499), or one a vendor puts in the body of another
    /// status (Esri's 498 inside a 200).
    pub fn status_line(&self) -> Option<&str> {
        let first = self.example.lines().next()?.trim_end();
        let rest = first.strip_prefix("HTTP/1.1 ")?;
        let code = self.code.to_string();
        (rest == code || rest.strip_prefix(&code)?.starts_with(' ')).then_some(first)
    }

    /// Whether the example is an excerpt of a log (a `#` comment line, then the log lines), as
    /// for codes that are never sent to the client.
    pub fn example_is_log(&self) -> bool {
        self.example.starts_with('#')
    }

    /// The name with the vendor, for places that list several meanings of one number.
    pub fn title(&self) -> String {
        match &self.vendor {
            Some(vendor) => format!("{} {} ({vendor})", self.code, self.name()),
            None => self.label(),
        }
    }

    /// A short, stable name for this meaning among the meanings of its number, used in links to
    /// its section (`#499/esri-arcgis`): the vendor in lower-case words joined by `-`, or
    /// `registered` for the registered meaning.
    pub fn meaning_slug(&self) -> String {
        let Some(vendor) = &self.vendor else {
            return "registered".to_string();
        };
        vendor
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(str::to_ascii_lowercase)
            .collect::<Vec<_>>()
            .join("-")
    }

    /// A short marker shown beside the code in lists: the registry status, or the vendor.
    pub fn marker(&self) -> String {
        match (&self.vendor, self.status) {
            (Some(vendor), _) => vendor.clone(),
            (None, Status::Standard) => String::new(),
            (None, status) => status.label().to_string(),
        }
    }
}

/// The caching and body facts of a code that only ever appears in a server's logs (nginx's 499,
/// say): there is no response for them to describe.
pub const NEVER_SENT: &str = "Does not apply: never sent to the client";

/// The first digit of a code, which names its class.
pub fn class_digit(code: u16) -> u8 {
    u8::try_from(code / 100).unwrap_or(u8::MAX)
}

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| {
    // The data is part of the binary, not input: a malformed catalog cannot ship because the
    // native tests parse this same file.
    miniserde::json::from_str(CATALOG_JSON)
        .expect("assets/catalog.json is valid (checked by tests)")
});

pub fn catalog() -> &'static Catalog {
    &CATALOG
}

pub fn classes() -> &'static [Class] {
    &catalog().classes
}

pub fn class(digit: u8) -> Option<&'static Class> {
    classes().iter().find(|class| class.digit() == digit)
}

/// Every entry, in catalog order: by code, the registered meaning before vendor meanings.
pub fn entries() -> &'static [Entry] {
    &catalog().codes
}

/// Every meaning of one number, the registered one first.
pub fn meanings(code: u16) -> impl Iterator<Item = &'static Entry> {
    entries().iter().filter(move |entry| entry.code == code)
}

/// The main entry for a number: the registered meaning, else the first vendor's.
pub fn primary(code: u16) -> Option<&'static Entry> {
    meanings(code).next()
}

pub fn exists(code: u16) -> bool {
    primary(code).is_some()
}

/// The distinct numbers of one class, registered codes first, then vendor-only numbers, each
/// represented by its primary entry.
pub fn codes_in_class(digit: u8) -> Vec<&'static Entry> {
    let (mut listed, vendor_only): (Vec<&'static Entry>, Vec<&'static Entry>) = entries()
        .iter()
        .filter(|entry| entry.class_digit() == digit && first_of_number(entry))
        .partition(|entry| entry.is_registered());
    listed.extend(vendor_only);
    listed
}

fn first_of_number(entry: &Entry) -> bool {
    primary(entry.code).is_some_and(|first| std::ptr::eq(first, entry))
}

/// The distinct numbers of the catalog in order, for previous/next navigation.
pub fn numbers() -> Vec<u16> {
    let mut numbers: Vec<u16> = entries().iter().map(|entry| entry.code).collect();
    numbers.dedup();
    numbers
}

/// Every not-a-status number, in catalog order.
pub fn non_status_numbers() -> &'static [NonStatus] {
    &catalog().non_status
}

/// The record for a number exactly as written: `"0"` and `"000"` are different records, and
/// `"00"` has none.
pub fn non_status(text: &str) -> Option<&'static NonStatus> {
    non_status_numbers()
        .iter()
        .find(|number| number.number == text)
}

/// RFC 9110 §15 on numbers outside 100–599.
pub fn out_of_range() -> &'static OutOfRange {
    &catalog().out_of_range
}

/// Every platform error code with the page it is shown on, in catalog order: status entries
/// first, then not-a-status numbers.
pub fn details() -> impl Iterator<Item = (DetailHost, &'static Detail)> {
    let on_entries = entries().iter().flat_map(|entry| {
        entry
            .details()
            .iter()
            .map(move |detail| (DetailHost::Entry(entry), detail))
    });
    let on_numbers = non_status_numbers().iter().flat_map(|number| {
        number
            .details
            .iter()
            .map(move |detail| (DetailHost::NonStatus(number), detail))
    });
    on_entries.chain(on_numbers)
}

/// The platform error code with this id, compared without regard to ASCII case (`h12` finds
/// Heroku's `H12`).
pub fn detail(id: &str) -> Option<(DetailHost, &'static Detail)> {
    let id = id.trim();
    details().find(|(_, detail)| detail.id.eq_ignore_ascii_case(id))
}
