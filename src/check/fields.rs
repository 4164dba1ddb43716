//! The grammar of the fields the rules look at (RFC 9110 §5.6 and each field's section).

/// `token` (RFC 9110 §5.6.2): one or more tchar.
pub(super) fn is_token(text: &str) -> bool {
    !text.is_empty()
        && text.bytes().all(|b| {
            b.is_ascii_alphanumeric()
                || matches!(
                    b,
                    b'!' | b'#'
                        | b'$'
                        | b'%'
                        | b'&'
                        | b'\''
                        | b'*'
                        | b'+'
                        | b'-'
                        | b'.'
                        | b'^'
                        | b'_'
                        | b'`'
                        | b'|'
                        | b'~'
                )
        })
}

/// 1*DIGIT.
pub(super) fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// How an HTTP-date is written (RFC 9110 §5.6.7).
#[derive(Debug, PartialEq, Eq)]
pub(super) enum DateForm {
    /// `Sun, 06 Nov 1994 08:49:37 GMT`: the only form a sender may generate.
    Fixdate,
    /// The RFC 850 or asctime form: recipients accept it, senders must not generate it.
    Obsolete,
    Invalid,
}

pub(super) fn date_form(text: &str) -> DateForm {
    match text.parse::<httpdate::HttpDate>() {
        // httpdate writes IMF-fixdate, so a date that reads back identically was written in it.
        Ok(date) if date.to_string() == text => DateForm::Fixdate,
        Ok(_) if looks_like_fixdate(text) => DateForm::Invalid,
        Ok(_) => DateForm::Obsolete,
        Err(_) => DateForm::Invalid,
    }
}

/// A date with the fixdate's commas and `GMT` that still did not read back identically has a
/// wrong detail (a day name that does not match the date, a missing leading zero).
fn looks_like_fixdate(text: &str) -> bool {
    text.len() == 29 && text.as_bytes().get(3) == Some(&b',') && text.ends_with(" GMT")
}

/// A URI reference (RFC 3986 §4.1), as Location and Content-Location take.
pub(super) fn is_uri_reference(text: &str) -> bool {
    fluent_uri::UriRef::parse(text).is_ok()
}

/// Resolves a URI reference against an absolute base URI (RFC 3986 §5); `None` if either does
/// not parse or the base is not absolute.
pub(super) fn resolve(reference: &str, base: &str) -> Option<String> {
    let base = fluent_uri::Uri::parse(base).ok()?;
    let reference = fluent_uri::UriRef::parse(reference).ok()?;
    let resolved = reference.resolve_against(&base).ok()?;
    Some(resolved.normalize().as_str().to_string())
}

/// The scheme of an absolute URI, in lower case.
pub(super) fn scheme(uri: &str) -> Option<String> {
    let (scheme, _) = uri.split_once(':')?;
    let valid = scheme
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic())
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

/// Splits a list-based field value (RFC 9110 §5.6.1) into its trimmed members, empty members
/// left out as recipients must.
pub(super) fn list(value: &str) -> impl Iterator<Item = &str> {
    value
        .split(',')
        .map(str::trim)
        .filter(|member| !member.is_empty())
}

/// Cache-Control directives (RFC 9111 §5.2): lower-cased names with their arguments, quotes
/// removed. A quoted argument containing a comma is rare in responses and is split here; the
/// rules only read `max-age`, `s-maxage`, `no-store` and `immutable`.
pub(super) fn cache_directives(value: &str) -> Vec<(String, Option<String>)> {
    list(value)
        .map(|member| match member.split_once('=') {
            Some((name, argument)) => (
                name.trim().to_ascii_lowercase(),
                Some(argument.trim().trim_matches('"').to_string()),
            ),
            None => (member.to_ascii_lowercase(), None),
        })
        .collect()
}

/// What a Content-Range value says (RFC 9110 §14.4).
#[derive(Debug, PartialEq, Eq)]
pub(super) enum ContentRange {
    /// `bytes 0-499/1234` or `bytes 0-499/*`.
    Satisfied,
    /// `bytes */1234`: what a 416 sends.
    Unsatisfied,
    Invalid,
}

pub(super) fn content_range(value: &str) -> ContentRange {
    let Some((unit, range)) = value.trim().split_once(' ') else {
        return ContentRange::Invalid;
    };
    if !is_token(unit) {
        return ContentRange::Invalid;
    }
    let Some((span, length)) = range.trim().split_once('/') else {
        return ContentRange::Invalid;
    };
    if span == "*" {
        return if is_digits(length) {
            ContentRange::Unsatisfied
        } else {
            ContentRange::Invalid
        };
    }
    let Some((first, last)) = span.split_once('-') else {
        return ContentRange::Invalid;
    };
    let ordered = match (first.parse::<u64>(), last.parse::<u64>()) {
        (Ok(first), Ok(last)) => first <= last,
        _ => false,
    };
    let length_ok = length == "*"
        || (is_digits(length)
            && length
                .parse::<u64>()
                .is_ok_and(|length| last.parse::<u64>().is_ok_and(|last| last < length)));
    if ordered && is_digits(first) && is_digits(last) && length_ok {
        ContentRange::Satisfied
    } else {
        ContentRange::Invalid
    }
}
