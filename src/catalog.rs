//! The catalog of status codes: the data model and the one embedded copy of the data.
//!
//! The data is authored in `assets/catalog.json` (schema in `docs/catalog.md`), embedded at
//! compile time and parsed once on first use. Everything else borrows `&'static` entries from
//! here; the catalog is never copied into reactive state.

// `Serialize` is for tests/data_files.rs, which writes what the app loaded back out to check that
// no authored field was dropped. The app never calls it, so it adds nothing to the wasm.
use miniserde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// The catalog as authored, minified by build.rs; the build also publishes the authored file as
/// `catalog.json`.
pub const CATALOG_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalog.json"));

#[derive(Debug, Deserialize, Serialize)]
pub struct Catalog {
    pub classes: Vec<Class>,
    pub codes: Vec<Entry>,
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
            Cacheable::Heuristic => "Cacheable by default (heuristic freshness allowed)",
            Cacheable::Explicit => "Only with explicit freshness (Cache-Control, Expires)",
            Cacheable::Never => "Never stored by caches",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Requirement {
    #[serde(rename = "MUST")]
    Must,
    #[serde(rename = "SHOULD")]
    Should,
    #[serde(rename = "MAY")]
    May,
}

impl Requirement {
    pub fn label(self) -> &'static str {
        match self {
            Requirement::Must => "MUST",
            Requirement::Should => "SHOULD",
            Requirement::May => "MAY",
        }
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
        if self.section.is_empty() {
            self.document.clone()
        } else {
            format!("{} §{}", self.document, self.section)
        }
    }
}

#[derive(Debug, Deserialize, Serialize)]
pub struct Source {
    pub title: String,
    pub url: String,
}

#[derive(Debug, Deserialize, Serialize)]
pub struct Header {
    pub name: String,
    pub requirement: Requirement,
    pub note: String,
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

/// "Received this?": what to do now, for each kind of person who meets the code.
#[derive(Debug, Deserialize, Serialize)]
pub struct Received {
    pub browser: String,
    pub api_client: String,
    pub operator: String,
}

/// One meaning of one status code: a registered code, or one vendor's use of a number.
#[derive(Debug, Deserialize, Serialize)]
pub struct Entry {
    pub code: u16,
    pub phrase: String,
    pub status: Status,
    pub vendor: Option<String>,
    pub seen_in: SeenIn,
    pub summary: String,
    pub meaning: String,
    pub when_to_send: String,
    pub client_action: String,
    pub received: Received,
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
}

impl Entry {
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

    /// "404 Not Found", the way it appears on the wire.
    pub fn status_line(&self) -> String {
        format!("{} {}", self.code, self.phrase)
    }

    /// The phrase with the vendor, for places that list several meanings of one number.
    pub fn title(&self) -> String {
        match &self.vendor {
            Some(vendor) => format!("{} {} ({vendor})", self.code, self.phrase),
            None => self.status_line(),
        }
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
