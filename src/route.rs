//! Views and the URL fragment that names them.
//!
//! `Route::parse` is total: any fragment, however long or hostile, yields a route (unknown input
//! becomes `NotFound`, carrying the input as plain text). `Display` writes the canonical fragment,
//! and parsing that fragment gives the same route back.

use crate::catalog;
use std::fmt;

/// At most this many codes side by side: more columns stop being readable.
pub const MAX_COMPARED: usize = 4;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    /// A class view, `#1xx` … `#5xx`.
    Class(u8),
    /// A code that the catalog knows, `#404`.
    Code(u16),
    /// A search, `#q=rate%20limit`.
    Search(String),
    /// The list of curated comparisons, `#compare`.
    CompareIndex,
    /// What each library calls every code, side by side, `#constants`.
    Constants,
    /// Codes side by side, `#401-vs-403`.
    Compare(Vec<u16>),
    /// A comparison fragment that cannot be shown, with what was wrong.
    CompareInvalid {
        input: String,
        problem: CompareProblem,
    },
    /// The decision helper, `#decide/client/auth`: the answers chosen so far.
    Decide(Vec<String>),
    /// Anything else, kept as the decoded text the person typed.
    NotFound(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompareProblem {
    /// `#vs`, `#-vs-`: fewer than two codes named.
    TooFew,
    /// Five or more codes.
    TooMany(usize),
    /// The same code named twice.
    Repeated(u16),
    /// Parts that are not codes in the catalog.
    Unknown(Vec<String>),
}

impl CompareProblem {
    pub fn describe(&self) -> String {
        match self {
            CompareProblem::TooFew => {
                "A comparison needs at least two codes, such as 401-vs-403.".into()
            }
            CompareProblem::TooMany(count) => format!(
                "{count} codes is too many to read side by side: compare {MAX_COMPARED} at most."
            ),
            CompareProblem::Repeated(code) => {
                format!("{code} appears more than once: compare it with a different code.")
            }
            CompareProblem::Unknown(parts) => {
                let listed = parts
                    .iter()
                    .map(|part| format!("\u{201c}{}\u{201d}", truncate_for_display(part, 40)))
                    .collect::<Vec<_>>()
                    .join(", ");
                if parts.len() == 1 {
                    format!("{listed} is not a status code in this reference.")
                } else {
                    format!("{listed} are not status codes in this reference.")
                }
            }
        }
    }
}

impl Route {
    /// Reads a fragment, with or without its leading `#`. Never fails.
    pub fn parse(fragment: &str) -> Route {
        let raw = fragment.strip_prefix('#').unwrap_or(fragment);
        if let Some(query) = raw.strip_prefix("q=") {
            return Route::Search(percent_decode(query));
        }
        let text = percent_decode(raw);
        let trimmed = text.trim();
        // `#main` is where the skip link points. Followed before the app has started (or without
        // JavaScript) it lands in the address bar, and it means the page, not a view.
        if trimmed.is_empty() || trimmed == "/" || trimmed == "main" {
            return Route::Home;
        }
        if let Some(digit) = parse_class(trimmed) {
            return Route::Class(digit);
        }
        if let Some(code) = parse_code(trimmed).filter(|code| catalog::exists(*code)) {
            return Route::Code(code);
        }
        if trimmed.eq_ignore_ascii_case("compare") {
            return Route::CompareIndex;
        }
        if trimmed.eq_ignore_ascii_case("constants") {
            return Route::Constants;
        }
        if let Some(path) = parse_decide(trimmed) {
            return Route::Decide(path);
        }
        if let Some(route) = parse_comparison(trimmed) {
            return route;
        }
        Route::NotFound(text)
    }

    /// Whether this view is one of the app's pages, as opposed to a message about bad input.
    pub fn is_valid(&self) -> bool {
        !matches!(self, Route::NotFound(_) | Route::CompareInvalid { .. })
    }
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Route::Home => Ok(()),
            Route::Class(digit) => write!(f, "{digit}xx"),
            Route::Code(code) => write!(f, "{code}"),
            Route::Search(query) => write!(f, "q={}", percent_encode(query)),
            Route::CompareIndex => f.write_str("compare"),
            Route::Constants => f.write_str("constants"),
            Route::Compare(codes) => f.write_str(&comparison_slug(codes)),
            Route::CompareInvalid { input, .. } | Route::NotFound(input) => {
                f.write_str(&percent_encode(input))
            }
            Route::Decide(path) => {
                f.write_str("decide")?;
                for step in path {
                    write!(f, "/{}", percent_encode(step))?;
                }
                Ok(())
            }
        }
    }
}

/// `401-vs-403`: the fragment (without `#`) of a comparison, in the order given.
pub fn comparison_slug(codes: &[u16]) -> String {
    codes
        .iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join("-vs-")
}

/// `4xx`, `4XX` → 4. Only the five defined classes.
fn parse_class(text: &str) -> Option<u8> {
    let bytes = text.as_bytes();
    match bytes {
        [digit @ b'1'..=b'5', x1, x2]
            if x1.eq_ignore_ascii_case(&b'x') && x2.eq_ignore_ascii_case(&b'x') =>
        {
            Some(digit - b'0')
        }
        _ => None,
    }
}

/// Exactly three ASCII digits.
pub fn parse_code(text: &str) -> Option<u16> {
    if text.len() == 3 && text.bytes().all(|byte| byte.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

fn parse_decide(text: &str) -> Option<Vec<String>> {
    let mut segments = text.split('/');
    let head = segments.next()?;
    if !head.eq_ignore_ascii_case("decide") {
        return None;
    }
    Some(
        segments
            .filter(|segment| !segment.is_empty())
            .map(str::to_string)
            .collect(),
    )
}

/// A fragment with `vs` as a separate word (`401-vs-403`, `vs`, `-vs-`) is meant as a
/// comparison, valid or not; `canvas` is not.
fn parse_comparison(text: &str) -> Option<Route> {
    let lowered = text.to_ascii_lowercase();
    let tokens: Vec<&str> = lowered
        .split(|c: char| c == '-' || c.is_whitespace())
        .collect();
    if !tokens.contains(&"vs") {
        return None;
    }
    let named: Vec<String> = tokens
        .split(|token| *token == "vs")
        .map(|words| {
            words
                .iter()
                .filter(|word| !word.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join("-")
        })
        .filter(|part| !part.is_empty())
        .collect();
    let invalid = |problem| {
        Some(Route::CompareInvalid {
            input: text.to_string(),
            problem,
        })
    };
    if named.len() > MAX_COMPARED {
        return invalid(CompareProblem::TooMany(named.len()));
    }
    let unknown: Vec<String> = named
        .iter()
        .filter(|part| !parse_code(part).is_some_and(catalog::exists))
        .cloned()
        .collect();
    if !unknown.is_empty() {
        return invalid(CompareProblem::Unknown(unknown));
    }
    if named.len() < 2 {
        return invalid(CompareProblem::TooFew);
    }
    let codes: Vec<u16> = named.iter().filter_map(|part| parse_code(part)).collect();
    if let Some(repeated) = codes
        .iter()
        .enumerate()
        .find_map(|(index, code)| codes[..index].contains(code).then_some(*code))
    {
        return invalid(CompareProblem::Repeated(repeated));
    }
    Some(Route::Compare(codes))
}

/// Decodes `%XX` sequences; malformed sequences stay as typed and invalid UTF-8 becomes U+FFFD.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let byte = bytes[index];
        if byte == b'%' && index + 2 < bytes.len() {
            if let (Some(high), Some(low)) =
                (hex_value(bytes[index + 1]), hex_value(bytes[index + 2]))
            {
                decoded.push(high << 4 | low);
                index += 3;
                continue;
            }
        }
        decoded.push(byte);
        index += 1;
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

fn hex_value(byte: u8) -> Option<u8> {
    char::from(byte)
        .to_digit(16)
        .and_then(|value| u8::try_from(value).ok())
}

/// Encodes like `encodeURIComponent`, so the fragment survives copy and paste anywhere.
pub fn percent_encode(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

/// Cuts text to at most `max_chars` characters for display, marking the cut.
pub fn truncate_for_display(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}\u{2026}", &text[..cut]),
        None => text.to_string(),
    }
}

pub const SITE_NAME: &str = "HTTP Status Codes";

/// The document title for a view, e.g. "404 Not Found · HTTP Status Codes".
pub fn document_title(route: &Route) -> String {
    let page = match route {
        Route::Home => return SITE_NAME.to_string(),
        Route::Class(digit) => match catalog::class(*digit) {
            Some(class) => format!("{} {}", class.label, class.name),
            None => format!("{digit}xx"),
        },
        Route::Code(code) => match catalog::primary(*code) {
            Some(entry) => entry.status_line(),
            None => code.to_string(),
        },
        Route::Search(query) if query.trim().is_empty() => "Search".to_string(),
        Route::Search(query) => format!(
            "\u{201c}{}\u{201d}: search",
            truncate_for_display(query.trim(), 40)
        ),
        Route::CompareIndex => "Commonly confused codes".to_string(),
        Route::Constants => "Status codes in your code".to_string(),
        Route::Compare(codes) => codes
            .iter()
            .map(|code| {
                catalog::primary(*code)
                    .map_or_else(|| code.to_string(), |entry| entry.status_line())
            })
            .collect::<Vec<_>>()
            .join(" vs "),
        Route::CompareInvalid { .. } => "Cannot compare".to_string(),
        Route::Decide(_) => "Which status code should I send?".to_string(),
        Route::NotFound(_) => "Not found".to_string(),
    };
    format!("{page} \u{b7} {SITE_NAME}")
}
