//! The response checker: pasted text in, responses and findings out.
//!
//! Pure (no leptos, no web-sys), so `tests/check.rs` covers it natively. The work runs in stages,
//! one file each:
//!
//! 1. [`read`] finds out what was pasted (a raw response as `curl -i` prints it, `curl -v`
//!    output, a HAR file, or a header block with no status line) and reads it into
//!    [`Response`]s. Message heads are parsed with `httparse`; HAR files with miniserde.
//! 2. [`rules`] checks each response on its own: the status line, the header requirements the
//!    catalog records for its code (so the catalog and the checker cannot disagree), message
//!    framing, the syntax of the fields the codes rely on, and caching pitfalls.
//! 3. [`chain`] checks responses that follow one another: redirect loops, too many hops, a
//!    method turned into GET, a move from HTTPS to HTTP, a temporary redirect before a
//!    permanent one.
//!
//! Every finding names its [`Rule`], which carries an id, a severity and the section of the
//! document it enforces; `docs/checker.md` lists them all and a test keeps that list complete.
//! Nothing here panics on any input (a property test in `tests/check.rs` holds it to that), and
//! the input is cut to [`MAX_TEXT_BYTES`] or [`MAX_HAR_BYTES`] so that a huge paste stays cheap.

mod chain;
mod fields;
mod har;
mod read;
mod rules;
pub mod wire;

pub use rules::RULES;

/// Text that is not a HAR file is cut to this many bytes (1 MiB) before it is read. A response
/// head is rarely more than a few kilobytes; the cap bounds the work a pasted log file can cause.
pub const MAX_TEXT_BYTES: usize = 1 << 20;

/// A HAR file is read up to this many bytes (8 MiB): it cannot be cut and still parse, and
/// browsers' exports carry response bodies, so they are larger than a pasted head.
pub const MAX_HAR_BYTES: usize = 8 << 20;

/// At most this many responses are checked from one paste.
pub const MAX_RESPONSES: usize = 200;

/// At most this many header fields are read from one response head (browsers and servers limit
/// heads to a few hundred fields; 10,000 pasted ones are cut here).
pub const MAX_FIELDS: usize = 500;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Breaks a MUST of the specification, or the message framing.
    Error,
    /// Breaks a SHOULD, or falls into a well-known pitfall.
    Warning,
    /// Worth knowing; nothing is wrong as such.
    Note,
}

impl Severity {
    /// `error`, `warning` or `note`: the stable token for styling and tests.
    pub fn token(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// One check the checker makes. Its section is the default citation of its findings; a finding
/// about a header requirement cites the section the catalog records for that header instead.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable, kebab-case (`content-length-mismatch`); `docs/checker.md` lists every one.
    pub id: &'static str,
    pub severity: Severity,
    /// `RFC 9110`, or `Fetch Standard` for what browsers do.
    pub document: &'static str,
    /// The section within `document` (`8.6`), or the anchor for a non-RFC document.
    pub section: &'static str,
    /// What the rule checks, in one line.
    pub summary: &'static str,
}

/// Where a finding comes from: a document and a section in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub document: String,
    pub section: String,
}

impl Citation {
    /// "RFC 9110 §8.6", or the document alone when no section is known.
    pub fn label(&self) -> String {
        if self.section.is_empty() {
            self.document.clone()
        } else if self.document.starts_with("RFC ") {
            format!("{} §{}", self.document, self.section)
        } else {
            format!("{}, {}", self.document, self.section)
        }
    }

    /// A link to the section: the RFC Editor's page for RFCs, the living standard for Fetch.
    /// Empty when the document has no known address.
    pub fn url(&self) -> String {
        if let Some(number) = self.document.strip_prefix("RFC ") {
            let mut url = format!("https://www.rfc-editor.org/rfc/rfc{number}");
            if !self.section.is_empty() {
                url.push_str("#section-");
                url.push_str(&self.section);
            }
            url
        } else if self.document == "Fetch Standard" {
            format!("https://fetch.spec.whatwg.org/#{}", self.section)
        } else {
            String::new()
        }
    }
}

/// One problem (or fact worth knowing) about one response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static Rule,
    /// The rule's severity, except for header requirements, whose severity follows the level the
    /// catalog records (MUST: error, SHOULD or defining: warning).
    pub severity: Severity,
    /// One or two sentences: what is wrong and what to do.
    pub message: String,
    pub citation: Citation,
}

/// The request a response answered, where the paste shows it (`curl -v`, HAR).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Request {
    /// `GET`, `POST` …; empty when unknown.
    pub method: String,
    /// The absolute URL when known, else the request target as written (`/path`); may be empty.
    pub url: String,
}

/// One header field line as received: the name as written, the value trimmed of surrounding
/// whitespace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub value: String,
}

/// One response read from the paste.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Response {
    /// `HTTP/1.1`, `HTTP/2`, `HTTP/3`; empty for a header block without a status line.
    pub version: String,
    /// The status code, when the status line had digits that fit; codes outside 100–599 are kept
    /// so the rules can say so.
    pub status: Option<u32>,
    /// The status as written, for messages about a status that could not be read.
    pub status_text: String,
    /// The reason phrase, empty when absent (HTTP/2 and HTTP/3 have none).
    pub reason: String,
    pub fields: Vec<Field>,
    /// The content as pasted, or `None` when the paste does not include it (curl -I, a header
    /// block, a HAR export without bodies).
    pub content: Option<String>,
    /// The request it answered, when the paste shows it.
    pub request: Option<Request>,
    /// Line folding (a field line starting with whitespace) was seen in its head.
    pub folded: bool,
    /// Lines of its head that are not field lines, as written (cut to 80 characters).
    pub bad_lines: Vec<String>,
    /// More than [`MAX_FIELDS`] field lines were pasted; only the first ones were read.
    pub fields_cut: bool,
    /// Whether framing rules that count the content apply: only to a raw response whose
    /// content was pasted as it came, not to HAR exports (which hold decoded content).
    pub counted: bool,
    /// Recorded by a browser (a HAR entry), where status 0 means that no response arrived.
    pub recorded: bool,
}

impl Response {
    /// Every value of a field, by case-insensitive name, in order.
    pub fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.fields
            .iter()
            .filter(move |field| field.name.eq_ignore_ascii_case(name))
            .map(|field| field.value.as_str())
    }

    /// The first value of a field.
    pub fn value<'a>(&'a self, name: &'a str) -> Option<&'a str> {
        self.values(name).next()
    }

    pub fn has(&self, name: &str) -> bool {
        self.value(name).is_some()
    }

    /// Whether the status is a valid interim (1xx) code.
    pub fn is_interim(&self) -> bool {
        matches!(self.status, Some(100..=199))
    }
}

/// A response with what the rules found, in severity order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub response: Response,
    pub findings: Vec<Finding>,
}

/// What the paste looked like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One or more responses as `curl -i` (or `curl -iL`) prints them.
    Raw,
    /// `curl -v` output: `<` response lines, `>` request lines, `*` notes.
    CurlVerbose,
    /// A HAR file exported from a browser's network panel.
    Har,
    /// Header fields with no status line, as copied from a browser's network panel.
    HeaderBlock,
}

impl Format {
    pub fn describe(self) -> &'static str {
        match self {
            Format::Raw => "a raw response",
            Format::CurlVerbose => "curl -v output",
            Format::Har => "a HAR file",
            Format::HeaderBlock => "header fields without a status line",
        }
    }
}

/// The result of checking a paste.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Report {
    /// Nothing was pasted.
    Empty,
    /// Nothing readable was found; the message says what the checker accepts.
    Unreadable(String),
    /// Header fields without a status: the checker needs to be told the status code (or given a
    /// `:status` field) before it can check them.
    NeedsStatus,
    /// Responses, in the order they were sent, each with its findings.
    Checked {
        format: Format,
        responses: Vec<Checked>,
        /// Things the reader left out, to show above the results (the input was cut, …).
        notices: Vec<String>,
    },
}

/// Reads and checks a paste. `status` is the code the person gave for a header block without a
/// status line (ignored when the paste has its own). Never panics; see the module docs for the
/// stages.
pub fn check(text: &str, status: Option<u32>) -> Report {
    let read = match read::read(text, status) {
        Ok(read) => read,
        Err(report) => return report,
    };
    let mut checked: Vec<Checked> = read
        .responses
        .into_iter()
        .map(|response| {
            let findings = rules::check_response(&response);
            Checked { response, findings }
        })
        .collect();
    chain::check_chain(&mut checked, read.format);
    for response in &mut checked {
        response.findings.sort_by_key(|finding| finding.severity);
    }
    Report::Checked {
        format: read.format,
        responses: checked,
        notices: read.notices,
    }
}

/// `"s"` after a count other than one, for the messages and the view ("2 responses").
pub fn plural(count: usize) -> &'static str {
    if count == 1 {
        ""
    } else {
        "s"
    }
}

/// The rule with this id, for tests and the documentation.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|rule| rule.id == id)
}
