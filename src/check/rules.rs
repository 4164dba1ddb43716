//! The rules for one response. Each rule is a [`Rule`] (id, severity, the section it enforces)
//! and a few lines in one of the `check_*` functions below that push a [`Finding`] for it.

use super::fields::{self, ContentRange, DateForm};
use super::{Citation, Finding, Response, Rule, Severity};
use crate::catalog::{self, Cacheable, Entry, Requirement};

macro_rules! rules {
    ($($name:ident = $id:literal, $severity:ident, $document:literal, $section:literal, $summary:literal;)*) => {
        $(
            #[doc = $summary]
            pub static $name: Rule = Rule {
                id: $id,
                severity: Severity::$severity,
                document: $document,
                section: $section,
                summary: $summary,
            };
        )*
        /// Every rule, in the order `docs/checker.md` lists them.
        pub static RULES: &[&Rule] = &[$(&$name),*];
    };
}

rules! {
    STATUS_UNREADABLE = "status-unreadable", Error, "RFC 9110", "15",
        "The status code is not a three-digit number.";
    STATUS_OUT_OF_RANGE = "status-out-of-range", Error, "RFC 9110", "15",
        "The status code is outside 100–599; clients treat it as a 5xx.";
    NO_RESPONSE = "no-response", Note, "Fetch Standard", "concept-network-error",
        "Status 0 in a HAR file: the browser got no response at all.";
    STATUS_UNREGISTERED = "status-unregistered", Warning, "RFC 9110", "15",
        "The status code is not registered and no known vendor uses it; clients treat it as the x00 of its class.";
    STATUS_VENDOR = "status-vendor", Note, "RFC 9110", "15",
        "The status code is not registered, but a vendor uses it; other clients treat it as the x00 of its class.";
    REASON_FORMER = "reason-former-phrase", Note, "RFC 9110", "15.1",
        "The reason phrase is an earlier name of the code.";
    REASON_OTHER_CODE = "reason-other-code", Note, "RFC 9110", "15.1",
        "The reason phrase is the registered phrase of a different code.";
    HEADER_MUST = "header-must", Error, "RFC 9110", "",
        "A field the code's defining document says MUST be sent is missing.";
    HEADER_SHOULD = "header-should", Warning, "RFC 9110", "",
        "A field the code's defining document says SHOULD be sent is missing.";
    HEADER_DEFINING = "header-defining", Warning, "RFC 9110", "",
        "A field the code is defined by (303's Location) is missing.";
    FIELD_LINE_INVALID = "field-line-invalid", Error, "RFC 9110", "5.1",
        "A line of the head is not a valid field line (name: value).";
    FIELD_OBS_FOLD = "field-obs-fold", Error, "RFC 9112", "5.2",
        "A field value continues on a line that starts with whitespace (obsolete line folding).";
    FIELDS_CUT = "fields-cut", Note, "RFC 9110", "5",
        "More field lines than the checker reads; only the first ones were checked.";
    CONTENT_LENGTH_SYNTAX = "content-length-syntax", Error, "RFC 9110", "8.6",
        "Content-Length is not a decimal number of octets.";
    CONTENT_LENGTH_CONFLICT = "content-length-conflict", Error, "RFC 9112", "6.3",
        "Several Content-Length values that differ: the message framing is invalid.";
    CONTENT_LENGTH_WITH_TRANSFER_ENCODING = "content-length-with-transfer-encoding", Error, "RFC 9112", "6.1",
        "Content-Length together with Transfer-Encoding.";
    CONTENT_LENGTH_FORBIDDEN = "content-length-forbidden", Error, "RFC 9110", "8.6",
        "Content-Length on a 1xx or 204 response.";
    TRANSFER_ENCODING_FORBIDDEN = "transfer-encoding-forbidden", Error, "RFC 9112", "6.1",
        "Transfer-Encoding on a 1xx or 204 response.";
    CONTENT_LENGTH_MISMATCH = "content-length-mismatch", Error, "RFC 9112", "6.3",
        "Content-Length does not match the content that follows the head.";
    CONTENT_FORBIDDEN = "content-forbidden", Error, "RFC 9110", "6.4.1",
        "Content on a response that cannot have any (1xx, 204, 205, 304).";
    CONTENT_UNFRAMED = "content-unframed", Warning, "RFC 9112", "6.3",
        "An HTTP/1.x response that may have content, with neither Content-Length nor Transfer-Encoding: it ends only when the connection closes.";
    DATE_MISSING = "date-missing", Warning, "RFC 9110", "6.6.1",
        "A 2xx, 3xx or 4xx response without Date (an origin server with a clock MUST send it).";
    DATE_SYNTAX = "date-syntax", Error, "RFC 9110", "5.6.7",
        "Date or Last-Modified is not an HTTP-date.";
    DATE_OBSOLETE = "date-obsolete-format", Error, "RFC 9110", "5.6.7",
        "A date in the RFC 850 or asctime form, which senders must not generate.";
    RETRY_AFTER_SYNTAX = "retry-after-syntax", Error, "RFC 9110", "10.2.3",
        "Retry-After is neither a number of seconds nor an HTTP-date.";
    LOCATION_SYNTAX = "location-syntax", Error, "RFC 9110", "10.2.2",
        "Location is not a URI reference.";
    ALLOW_SYNTAX = "allow-syntax", Error, "RFC 9110", "10.2.1",
        "Allow is not a comma-separated list of method names.";
    CONTENT_RANGE_SYNTAX = "content-range-syntax", Error, "RFC 9110", "14.4",
        "Content-Range is not `unit first-last/length` or `unit */length`.";
    CONTENT_RANGE_416 = "content-range-416", Warning, "RFC 9110", "15.5.17",
        "A 416's Content-Range should give the current length as `bytes */length`.";
    CACHE_ERROR_LONG_LIVED = "cache-error-long-lived", Warning, "RFC 9111", "5.2.2.1",
        "An error response that caches may keep for a day or more (max-age, s-maxage or immutable).";
    CACHE_ERROR_HEURISTIC = "cache-error-heuristic", Note, "RFC 9111", "4.2.2",
        "An error response that caches may store without being told to (heuristically cacheable, no Cache-Control or Expires).";
    CACHE_NOT_STORABLE = "cache-not-storable", Warning, "RFC 9111", "3",
        "Explicit freshness on a code that caches must not store.";
    REDIRECT_LOOP = "redirect-loop", Warning, "RFC 9110", "15.4",
        "A redirect leads back to a URL already visited in the chain.";
    REDIRECT_TOO_MANY = "redirect-too-many", Warning, "Fetch Standard", "http-redirect-fetch",
        "More than 20 redirects in a row: browsers stop following at 20.";
    REDIRECT_METHOD_CHANGED = "redirect-method-changed", Warning, "RFC 9110", "15.4",
        "A 301 or 302 after a request other than GET or HEAD was followed with GET; 307 or 308 keep the method.";
    REDIRECT_DOWNGRADE = "redirect-downgrade", Warning, "RFC 9110", "4.2.2",
        "A redirect from an https URL to an http one.";
    REDIRECT_TEMPORARY_FIRST = "redirect-temporary-first", Note, "RFC 9110", "15.4",
        "A temporary redirect in front of a permanent one: clients will not remember the permanent move.";
    INTERIM_ONLY = "interim-only", Note, "RFC 9110", "15",
        "The paste ends with an interim (1xx) response: the final response is missing.";
}

/// A finding for `rule` with the rule's own severity and section.
pub(super) fn finding(rule: &'static Rule, message: String) -> Finding {
    Finding {
        rule,
        severity: rule.severity,
        message,
        citation: Citation {
            document: rule.document.into(),
            section: rule.section.into(),
        },
    }
}

/// A finding for `rule` that cites another section than the rule's default.
fn finding_at(rule: &'static Rule, message: String, document: &str, section: &str) -> Finding {
    Finding {
        citation: Citation {
            document: document.into(),
            section: section.into(),
        },
        ..finding(rule, message)
    }
}

/// Checks one response on its own.
pub(super) fn check_response(response: &Response) -> Vec<Finding> {
    let mut findings = Vec::new();
    let status = check_status_line(response, &mut findings);
    check_field_lines(response, &mut findings);
    if let Some(code) = status {
        let entry = requirements_of(code);
        if let Some(entry) = entry {
            check_required_fields(response, entry, &mut findings);
        }
        check_framing(response, code, &mut findings);
        check_dates(response, code, &mut findings);
        check_field_syntax(response, code, &mut findings);
        check_caching(response, code, entry, &mut findings);
    }
    findings
}

/// The meaning whose header requirements a response with this code must meet: the registered
/// one, or a vendor's when it is the only meaning of the number. A number that several vendors
/// use differently (449: IIS and Exchange) carries no requirements a response could be held to.
fn requirements_of(code: u16) -> Option<&'static Entry> {
    let mut meanings = catalog::meanings(code);
    let first = meanings.next()?;
    if first.is_registered() || meanings.next().is_none() {
        Some(first)
    } else {
        None
    }
}

/// The status line. Returns the code when it is valid (100–599), for the other rules.
fn check_status_line(response: &Response, findings: &mut Vec<Finding>) -> Option<u16> {
    let Some(status) = response.status else {
        findings.push(finding(
            &STATUS_UNREADABLE,
            format!(
                "\u{201c}{}\u{201d} is not a status code: a status code is three digits, such as 200 or 404. Nothing else about this response was checked.",
                response.status_text
            ),
        ));
        return None;
    };
    if status == 0 && response.recorded {
        findings.push(finding(
            &NO_RESPONSE,
            "The browser recorded status 0: no HTTP response arrived (blocked by CORS or an extension, a network or TLS failure, or a cancelled request). The real cause is in the browser's console and the request's timing, not in a status code.".into(),
        ));
        return None;
    }
    let Some(code) = u16::try_from(status)
        .ok()
        .filter(|code| (100..=599).contains(code))
    else {
        findings.push(finding(
            &STATUS_OUT_OF_RANGE,
            format!(
                "{status} is outside 100–599, so it is not a valid status code; a client SHOULD treat the response as a 5xx (Server Error). Send a registered code instead."
            ),
        ));
        return None;
    };
    if response.status_text.len() != 3 && !response.status_text.is_empty() {
        findings.push(finding(
            &STATUS_UNREADABLE,
            format!(
                "\u{201c}{}\u{201d} is not written as three digits; send {code}.",
                response.status_text
            ),
        ));
    }
    let registered = catalog::meanings(code).find(|entry| entry.is_registered());
    match (registered, catalog::primary(code)) {
        (Some(entry), _) => check_reason(response, entry, findings),
        (None, Some(vendor)) => findings.push(finding(
            &STATUS_VENDOR,
            format!(
                "{code} is not registered. {} uses it for \u{201c}{}\u{201d}; any other client treats it as {}00.",
                vendor.vendor.as_deref().unwrap_or("A vendor"),
                vendor.phrase,
                code / 100
            ),
        )),
        (None, None) => findings.push(finding(
            &STATUS_UNREGISTERED,
            format!(
                "{code} is not a registered status code, so clients treat it as {}00; use a registered code that says what happened.",
                code / 100
            ),
        )),
    }
    Some(code)
}

fn check_reason(response: &Response, entry: &Entry, findings: &mut Vec<Finding>) {
    let reason = response.reason.trim();
    if reason.is_empty() || reason.eq_ignore_ascii_case(&entry.phrase) {
        return;
    }
    if entry
        .former_phrases
        .iter()
        .any(|former| former.eq_ignore_ascii_case(reason))
    {
        findings.push(finding(
            &REASON_FORMER,
            format!(
                "\u{201c}{reason}\u{201d} is an earlier name of {}; it is now \u{201c}{}\u{201d}. Clients ignore the reason phrase, so nothing breaks.",
                entry.code, entry.phrase
            ),
        ));
        return;
    }
    if let Some(other) = catalog::entries().iter().find(|other| {
        other.is_registered()
            && other.code != entry.code
            && other.phrase.eq_ignore_ascii_case(reason)
    }) {
        findings.push(finding(
            &REASON_OTHER_CODE,
            format!(
                "\u{201c}{reason}\u{201d} is the phrase of {}, but the code is {}. Clients act on the code and ignore the phrase: check which one you meant.",
                other.code, entry.code
            ),
        ));
    }
}

/// The catalog's header requirements for the code: the same data the code's page shows.
fn check_required_fields(response: &Response, entry: &Entry, findings: &mut Vec<Finding>) {
    for header in &entry.headers {
        if response.has(&header.name) || !header.always_applies() {
            continue;
        }
        // HTTP/2 and HTTP/3 forbid connection-specific fields (RFC 9113 §8.2.2, RFC 9114
        // §4.2), so Connection's MUST on 101 and 426 is an HTTP/1.1 one.
        if header.name.eq_ignore_ascii_case("connection")
            && !response.version.starts_with("HTTP/1.")
            && !response.version.is_empty()
        {
            continue;
        }
        let (rule, level) = match header.requirement {
            Requirement::Must => (&HEADER_MUST, "MUST"),
            Requirement::Should => (&HEADER_SHOULD, "SHOULD"),
            Requirement::Defining => (&HEADER_DEFINING, "is defined by"),
            _ => continue,
        };
        let message = if header.requirement == Requirement::Defining {
            format!(
                "No {} field: a {} {level} it. {}",
                header.name, entry.code, header.note
            )
        } else {
            format!(
                "No {} field: a {} response {level} carry one. {}",
                header.name, entry.code, header.note
            )
        };
        findings.push(finding_at(rule, message, &header.document, &header.section));
    }
}

fn check_field_lines(response: &Response, findings: &mut Vec<Finding>) {
    for line in &response.bad_lines {
        findings.push(finding(
            &FIELD_LINE_INVALID,
            format!(
                "\u{201c}{line}\u{201d} is not a field line (a token name, a colon, then the value); recipients reject or drop it."
            ),
        ));
    }
    if response.folded {
        findings.push(finding(
            &FIELD_OBS_FOLD,
            "A field value continues on a line that starts with a space or tab. Senders must not fold lines; put each field value on one line.".into(),
        ));
    }
    if response.fields_cut {
        findings.push(finding(
            &FIELDS_CUT,
            format!(
                "Only the first {} field lines were read.",
                super::MAX_FIELDS
            ),
        ));
    }
}

/// Whether the code forbids content, and the section that says so.
fn content_forbidden_by(code: u16) -> Option<&'static str> {
    match code {
        100..=199 => Some("15.2"),
        204 => Some("15.3.5"),
        205 => Some("15.3.6"),
        304 => Some("15.4.5"),
        _ => None,
    }
}

fn check_framing(response: &Response, code: u16, findings: &mut Vec<Finding>) {
    let lengths: Vec<&str> = response.values("content-length").collect();
    let transfer_encoding = response.has("transfer-encoding");
    let no_length_allowed = code < 200 || code == 204;
    // Content-Length: 42, 42 is one value repeated (RFC 9110 §8.6); split lists first.
    let mut values: Vec<&str> = lengths
        .iter()
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .collect();
    if values.iter().any(|value| !fields::is_digits(value)) {
        findings.push(finding(
            &CONTENT_LENGTH_SYNTAX,
            format!(
                "Content-Length: {} is not a number of bytes; recipients cannot tell where the message ends.",
                lengths.join(", ")
            ),
        ));
        values.clear();
    }
    values.sort_unstable_by_key(|value| value.trim_start_matches('0').to_string());
    values.dedup_by_key(|value| value.trim_start_matches('0').to_string());
    if values.len() > 1 {
        findings.push(finding(
            &CONTENT_LENGTH_CONFLICT,
            format!(
                "Content-Length has differing values ({}): recipients must treat the framing as invalid, and proxies that pick different ones are open to response splitting. Send one value.",
                values.join(", ")
            ),
        ));
    }
    if !lengths.is_empty() && transfer_encoding {
        findings.push(finding(
            &CONTENT_LENGTH_WITH_TRANSFER_ENCODING,
            "Content-Length and Transfer-Encoding together: a sender must not send both, and recipients ignore Content-Length (a classic request smuggling ingredient). Drop Content-Length.".into(),
        ));
    }
    if no_length_allowed && !lengths.is_empty() {
        findings.push(finding(
            &CONTENT_LENGTH_FORBIDDEN,
            format!(
                "A {code} response must not carry Content-Length; some clients fail the request when it does. Remove it."
            ),
        ));
    }
    if no_length_allowed && transfer_encoding {
        findings.push(finding(
            &TRANSFER_ENCODING_FORBIDDEN,
            format!("A {code} response must not carry Transfer-Encoding. Remove it."),
        ));
    }
    let content = response.content.as_deref().unwrap_or_default();
    let has_content = !content.trim().is_empty();
    if let (true, Some(section)) = (has_content, content_forbidden_by(code)) {
        findings.push(finding_at(
            &CONTENT_FORBIDDEN,
            format!(
                "A {code} response has no content, but {} bytes follow its head; a client reads them as the start of the next response. Send nothing after the head.",
                content.len()
            ),
            "RFC 9110",
            section,
        ));
        return;
    }
    if !response.counted || transfer_encoding {
        return;
    }
    match values.as_slice() {
        [length] if has_content => {
            let Ok(length) = length.parse::<usize>() else {
                return;
            };
            if !length_matches(content, length) {
                findings.push(finding(
                    &CONTENT_LENGTH_MISMATCH,
                    format!(
                        "Content-Length says {length} bytes, but {} bytes of content follow the head. A client stops reading at Content-Length (or waits for the rest); send the exact byte count. If you pasted only part of the content, this can be ignored.",
                        content.len()
                    ),
                ));
            }
        }
        // Even with no content, an HTTP/1.x response that may have some (not 1xx, 204 or 304)
        // ends only when the connection closes unless its length is given.
        // (A 205 has no content either, but only 1xx, 204 and 304 end at their head by
        // definition, RFC 9112 §6.3; a 205 still needs Content-Length: 0.)
        [] if response.version.starts_with("HTTP/1.")
            && !(code < 200 || code == 204 || code == 304) =>
        {
            let what = if has_content {
                "The content has"
            } else {
                "The response has"
            };
            findings.push(finding(
                &CONTENT_UNFRAMED,
                format!("{what} neither Content-Length nor Transfer-Encoding: chunked, so a client can tell where it ends only when the server closes the connection, and the connection cannot be reused. Send Content-Length (0 when there is no content)."),
            ));
        }
        _ => {}
    }
}

/// Whether `length` is the pasted content's length, allowing for what copying does to it: a
/// line end added at the end, and CRLF turned into LF by the terminal.
fn length_matches(content: &str, length: usize) -> bool {
    let trimmed = content.trim_end_matches(['\r', '\n']);
    let bare_lf = |text: &str| text.matches('\n').count() - text.matches("\r\n").count();
    [content, trimmed]
        .iter()
        .any(|text| text.len() == length || text.len() + bare_lf(text) == length)
}

fn check_dates(response: &Response, code: u16, findings: &mut Vec<Finding>) {
    if (200..500).contains(&code) && !response.has("date") {
        findings.push(finding(
            &DATE_MISSING,
            format!(
                "No Date field: an origin server with a clock MUST send one on a {code}, and caches use it to compute the response's age."
            ),
        ));
    }
    for name in ["Date", "Last-Modified", "Expires"] {
        for value in response.values(name) {
            match fields::date_form(value) {
                DateForm::Fixdate => {}
                DateForm::Obsolete => findings.push(finding(
                    &DATE_OBSOLETE,
                    format!(
                        "{name}: {value} uses an obsolete date form; senders must write dates as IMF-fixdate, such as Sun, 06 Nov 1994 08:49:37 GMT."
                    ),
                )),
                // Expires: 0 (and any invalid Expires) is a documented way of saying "already
                // expired" (RFC 9111 §5.3), so it is not reported.
                DateForm::Invalid if name == "Expires" => {}
                DateForm::Invalid => findings.push(finding(
                    &DATE_SYNTAX,
                    format!(
                        "{name}: {value} is not an HTTP-date; write it as IMF-fixdate, such as Sun, 06 Nov 1994 08:49:37 GMT."
                    ),
                )),
            }
        }
    }
}

fn check_field_syntax(response: &Response, code: u16, findings: &mut Vec<Finding>) {
    for value in response.values("retry-after") {
        let valid = fields::is_digits(value) || fields::date_form(value) != DateForm::Invalid;
        if !valid {
            findings.push(finding(
                &RETRY_AFTER_SYNTAX,
                format!(
                    "Retry-After: {value} is neither a number of seconds (120) nor an HTTP-date; clients will ignore it and retry on their own schedule."
                ),
            ));
        }
    }
    for value in response.values("location") {
        if !fields::is_uri_reference(value) {
            findings.push(finding(
                &LOCATION_SYNTAX,
                format!(
                    "Location: {value} is not a URI reference; percent-encode spaces, non-ASCII characters and other characters a URI cannot hold."
                ),
            ));
        }
    }
    for value in response.values("allow") {
        if let Some(bad) = fields::list(value).find(|method| !fields::is_token(method)) {
            findings.push(finding(
                &ALLOW_SYNTAX,
                format!(
                    "Allow: {value} is not a list of method names (\u{201c}{bad}\u{201d} is not one); write it as GET, HEAD, POST."
                ),
            ));
        }
    }
    if matches!(code, 206 | 416) {
        for value in response.values("content-range") {
            match fields::content_range(value) {
                ContentRange::Invalid => findings.push(finding(
                    &CONTENT_RANGE_SYNTAX,
                    format!(
                        "Content-Range: {value} is not valid; it is bytes first-last/length (bytes 0-499/1234), or bytes */length on a 416."
                    ),
                )),
                ContentRange::Satisfied if code == 416 => findings.push(finding(
                    &CONTENT_RANGE_416,
                    format!(
                        "Content-Range: {value} describes a range that was sent; a 416 says none was, with the current length: bytes */length."
                    ),
                )),
                _ => {}
            }
        }
    }
}

/// Whether the response carries explicit freshness (RFC 9111 §4.2.1), and the longest lifetime it
/// allows, in seconds (`immutable` counts as a year, as browsers treat it).
fn freshness(response: &Response) -> (bool, u64, bool) {
    let mut explicit = response.has("expires");
    let mut longest = 0;
    let mut immutable = false;
    for value in response.values("cache-control") {
        for (name, argument) in fields::cache_directives(value) {
            match name.as_str() {
                "max-age" | "s-maxage" => {
                    explicit = true;
                    longest = longest.max(argument.and_then(|a| a.parse().ok()).unwrap_or(0));
                }
                "public" => explicit = true,
                "immutable" => immutable = true,
                _ => {}
            }
        }
    }
    (explicit, longest, immutable)
}

const ONE_DAY: u64 = 86_400;

fn check_caching(
    response: &Response,
    code: u16,
    entry: Option<&Entry>,
    findings: &mut Vec<Finding>,
) {
    if code < 200 {
        return;
    }
    let no_store = response
        .values("cache-control")
        .flat_map(fields::cache_directives)
        .any(|(name, _)| name == "no-store");
    let (explicit, longest, immutable) = freshness(response);
    if code >= 400 && !no_store && (longest >= ONE_DAY || immutable) {
        let how = if immutable {
            "marks it immutable".to_string()
        } else {
            format!("lets caches keep it for {}", lifetime(longest))
        };
        findings.push(finding(
            &CACHE_ERROR_LONG_LIVED,
            format!(
                "This {code} {how}: once the problem is fixed, browsers and CDNs keep serving the error. Give errors a short max-age, or no-store."
            ),
        ));
    }
    let Some(entry) = entry else {
        return;
    };
    if code >= 400
        && entry.cacheable == Cacheable::Heuristic
        && !explicit
        && !no_store
        && !response.has("cache-control")
    {
        findings.push(finding(
            &CACHE_ERROR_HEURISTIC,
            format!(
                "A {code} is heuristically cacheable: with no Cache-Control or Expires, caches may store it and keep answering {code} for a while after the resource appears. Send Cache-Control (max-age=60, or no-store) to decide."
            ),
        ));
    }
    if entry.cacheable == Cacheable::Never && explicit && !no_store {
        let (document, section) = entry.spec.as_ref().map_or(("RFC 9111", "3"), |spec| {
            (spec.document.as_str(), spec.section.as_str())
        });
        findings.push(finding_at(
            &CACHE_NOT_STORABLE,
            format!(
                "A {code} must not be stored by caches, so its explicit freshness (max-age, s-maxage, public or Expires) is misleading; a cache that honours it anyway would repeat a stale {code}. Drop it, or send no-store."
            ),
            document,
            section,
        ));
    }
}

/// "2 days", "1 year": a lifetime in words.
fn lifetime(seconds: u64) -> String {
    let (count, unit) = if seconds >= 365 * ONE_DAY {
        (seconds / (365 * ONE_DAY), "year")
    } else {
        (seconds / ONE_DAY, "day")
    };
    format!("{count} {unit}{}", if count == 1 { "" } else { "s" })
}
