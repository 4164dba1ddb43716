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
    /// Any other number, kept exactly as written (`#0`, `#000`, `#600`, `#1020`, `#471`): not an
    /// HTTP status code, or one that nothing in the catalog uses. Its view explains it with RFC
    /// 9110 §15 and whatever the catalog knows about that number.
    Number(String),
    /// A search, `#q=rate%20limit`.
    Search(String),
    /// The list of curated comparisons, `#compare`.
    CompareIndex,
    /// What each library calls every code, side by side, `#constants`.
    Constants,
    /// The response checker, `#check`; `#check/404` starts it with the catalog's example of 404
    /// (the only text a fragment may carry into it: what a person pastes never enters the URL).
    Check(Option<u16>),
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
    /// Whether the view shows the codes' explanations (`catalog::Explanation`), which the app
    /// loads on demand: a code's page and a comparison.
    pub fn shows_explanations(&self) -> bool {
        matches!(self, Route::Code(_) | Route::Compare(_))
    }

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
        if let Some((code, _)) = code_and_meaning(trimmed) {
            return Route::Code(code);
        }
        if let Some(number) = parse_number(trimmed) {
            return Route::Number(number.to_string());
        }
        if trimmed.eq_ignore_ascii_case("compare") {
            return Route::CompareIndex;
        }
        if trimmed.eq_ignore_ascii_case("constants") {
            return Route::Constants;
        }
        if let Some(route) = parse_check(trimmed) {
            return route;
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
            Route::Number(number) => f.write_str(number),
            Route::Search(query) => write!(f, "q={}", percent_encode(query)),
            Route::CompareIndex => f.write_str("compare"),
            Route::Constants => f.write_str("constants"),
            Route::Check(None) => f.write_str("check"),
            Route::Check(Some(code)) => write!(f, "check/{code}"),
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

/// `499/esri-arcgis`: a link to one meaning's section on the page of its number. It opens that
/// page (`Route::Code`), scrolled to the section; the page stays the same route.
pub fn meaning_fragment(entry: &catalog::Entry) -> String {
    format!("{}/{}", entry.code, entry.meaning_slug())
}

/// The meaning a fragment points at (`esri-arcgis` in `#499/esri-arcgis`), as written by
/// `meaning_fragment`; `None` for any other fragment.
pub fn meaning_in(fragment: &str) -> Option<String> {
    let raw = fragment.strip_prefix('#').unwrap_or(fragment);
    code_and_meaning(percent_decode(raw).trim()).map(|(_, slug)| slug.to_ascii_lowercase())
}

/// A known code, a `/` and a non-empty name of one of its meanings (checked by the view, which
/// shows the page from the top when no section has that name).
fn code_and_meaning(text: &str) -> Option<(u16, &str)> {
    let (number, slug) = text.split_once('/')?;
    let code = parse_code(number).filter(|code| catalog::exists(*code))?;
    let slug = slug.trim();
    let plain = !slug.is_empty()
        && slug
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-');
    plain.then_some((code, slug))
}

/// The fragment of the header navigation entry a view belongs to (`4xx` for `#404` and `#4xx`,
/// `compare` for `#401-vs-403`), so the navigation can show where the reader is. A view with an
/// entry of its own (`#constants`, `#check/404`) is in the section of its first path segment;
/// home, searches and bad input are in none.
pub fn nav_section(route: &Route) -> Option<String> {
    match route {
        Route::Class(digit) => Some(format!("{digit}xx")),
        Route::Code(code) => Some(format!("{}xx", catalog::class_digit(*code))),
        Route::CompareIndex | Route::Compare(_) | Route::CompareInvalid { .. } => {
            Some("compare".to_string())
        }
        Route::Decide(_) => Some("decide".to_string()),
        Route::Home | Route::Search(_) | Route::NotFound(_) => None,
        #[allow(unreachable_patterns)]
        other => {
            let fragment = other.to_string();
            let section = fragment.split('/').next().unwrap_or_default();
            (!section.is_empty()).then(|| section.to_string())
        }
    }
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

/// The longest number a fragment may name and still get a number's view: longer runs of digits
/// are no number anyone looks up.
pub const MAX_NUMBER_DIGITS: usize = 12;

/// One to `MAX_NUMBER_DIGITS` ASCII digits, as written: `"000"` stays `"000"`.
pub fn parse_number(text: &str) -> Option<&str> {
    let digits = (1..=MAX_NUMBER_DIGITS).contains(&text.len())
        && text.bytes().all(|byte| byte.is_ascii_digit());
    digits.then_some(text)
}

/// Exactly three ASCII digits.
pub fn parse_code(text: &str) -> Option<u16> {
    if text.len() == 3 && text.bytes().all(|byte| byte.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

/// `check`, or `check/404` for a code the catalog has (its example is the starting text).
fn parse_check(text: &str) -> Option<Route> {
    let (head, rest) = text.split_once('/').unwrap_or((text, ""));
    if !head.eq_ignore_ascii_case("check") {
        return None;
    }
    if rest.is_empty() {
        return Some(Route::Check(None));
    }
    parse_code(rest)
        .filter(|code| catalog::exists(*code))
        .map(|code| Route::Check(Some(code)))
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
            Some(entry) => entry.label(),
            None => code.to_string(),
        },
        Route::Number(number) => match catalog::non_status(number) {
            Some(record) => format!("{number}: {}", record.title),
            None if is_unassigned_code(number) => format!("{number}: unassigned status code"),
            None => format!("{number}: not an HTTP status code"),
        },
        Route::Search(query) if query.trim().is_empty() => "Search".to_string(),
        Route::Search(query) => format!(
            "\u{201c}{}\u{201d}: search",
            truncate_for_display(query.trim(), 40)
        ),
        Route::CompareIndex => "Commonly confused codes".to_string(),
        Route::Constants => "Status codes in your code".to_string(),
        Route::Check(_) => "Check a response".to_string(),
        Route::Compare(codes) => codes
            .iter()
            .map(|code| {
                catalog::primary(*code).map_or_else(|| code.to_string(), |entry| entry.label())
            })
            .collect::<Vec<_>>()
            .join(" vs "),
        Route::CompareInvalid { .. } => "Cannot compare".to_string(),
        Route::Decide(_) => "Which status code should I send?".to_string(),
        Route::NotFound(_) => "Not found".to_string(),
    };
    format!("{page} \u{b7} {SITE_NAME}")
}

/// A three-digit number from 100 to 599 that the catalog has no entry for (471): a status code
/// nobody is known to use, which a client treats as the x00 of its class (RFC 9110 §15).
pub fn is_unassigned_code(number: &str) -> bool {
    parse_code(number).is_some_and(|code| (100..=599).contains(&code) && !catalog::exists(code))
}
