//! Identifiers inside prose, set as code. The authored text stays plain text; one small rule
//! finds what a reader would expect in a code font:
//!
//! - a header field name the catalog knows (from the `headers` lists and the examples' header
//!   lines) that has a hyphen, such as `Retry-After`; a name without one (`Location`, `Allow`)
//!   only when the next word is "header" or "field", since those are also plain English words;
//! - a word starting with `X-` (in either case) that has another hyphen, such as `X-CSRF-TOKEN`
//!   or `x-ratelimit-remaining`, the usual shape of a field name outside any registry;
//! - a word with an underscore, such as `proxy_ignore_client_abort`, `NGX_HTTP_CLOSE` or
//!   `HttpStatus.METHOD_FAILURE`: no English word has one.
//!
//! Punctuation around a word (brackets, quotes, a full stop or comma after it) stays text.

use std::sync::LazyLock;

/// A piece of prose: plain text, or an identifier to set as code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Run<'a> {
    Text(&'a str),
    Code(&'a str),
}

/// Splits `text` into runs of plain text and code, by the rule in the module's documentation.
/// `fields` are the header field names to recognise, spelled as in the catalog. The runs, put
/// back together, are exactly `text`; no two text runs are adjacent.
pub fn runs<'a>(text: &'a str, fields: &[&str]) -> Vec<Run<'a>> {
    let words = words(text);
    let mut runs = Vec::new();
    let mut at = 0;
    for (index, &(start, end)) in words.iter().enumerate() {
        let (core_start, core_end) = core(text, start, end);
        let Some(core) = text.get(core_start..core_end) else {
            continue;
        };
        let next = words
            .get(index + 1)
            .and_then(|&(next_start, next_end)| text.get(next_start..next_end));
        if !is_identifier(core, next, fields) {
            continue;
        }
        if let Some(before) = text.get(at..core_start).filter(|before| !before.is_empty()) {
            runs.push(Run::Text(before));
        }
        runs.push(Run::Code(core));
        at = core_end;
    }
    if let Some(rest) = text.get(at..).filter(|rest| !rest.is_empty()) {
        runs.push(Run::Text(rest));
    }
    runs
}

/// Byte ranges of the whitespace-separated words of `text`.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut start = None;
    for (index, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(begun)) => {
                words.push((begun, index));
                start = None;
            }
            (false, None) => start = Some(index),
            _ => {}
        }
    }
    if let Some(begun) = start {
        words.push((begun, text.len()));
    }
    words
}

/// The word without the punctuation around it.
fn core(text: &str, start: usize, end: usize) -> (usize, usize) {
    const OPENING: &[char] = &['(', '[', '"', '\'', '\u{201c}', '\u{2018}'];
    const CLOSING: &[char] = &[
        ')', ']', '"', '\'', '\u{201d}', '\u{2019}', '.', ',', ';', ':', '!', '?',
    ];
    let word = &text[start..end];
    let trimmed_start = word.trim_start_matches(OPENING);
    let core_start = start + (word.len() - trimmed_start.len());
    let core_end = core_start + trimmed_start.trim_end_matches(CLOSING).len();
    (core_start, core_end)
}

fn is_identifier(word: &str, next: Option<&str>, fields: &[&str]) -> bool {
    let identifier_chars = word
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':' | '/'));
    if word.is_empty() || !identifier_chars || !word.chars().any(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    if word.contains('_') {
        return true;
    }
    let x_field = word
        .get(..2)
        .is_some_and(|prefix| prefix.eq_ignore_ascii_case("x-"));
    if x_field && word[2..].contains('-') {
        return true;
    }
    if !fields.contains(&word) {
        return false;
    }
    word.contains('-')
        || next.is_some_and(|next| {
            let next = next.to_ascii_lowercase();
            next.starts_with("header") || next.starts_with("field")
        })
}

/// Every header field name the catalog names: in the entries' `headers` lists and in the header
/// lines of their example responses. Sorted, each once.
pub fn field_names() -> &'static [&'static str] {
    static NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        let mut names: Vec<&'static str> = Vec::new();
        for entry in crate::catalog::entries() {
            names.extend(entry.headers.iter().map(|header| header.name.as_str()));
            if entry.example_is_log() {
                continue;
            }
            let header_lines = entry
                .example
                .lines()
                .skip(1)
                .take_while(|line| !line.is_empty());
            names.extend(header_lines.filter_map(|line| {
                let (name, _) = line.split_once(':')?;
                let token = !name.is_empty()
                    && name
                        .bytes()
                        .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-');
                token.then_some(name)
            }));
        }
        names.sort_unstable();
        names.dedup();
        names
    });
    &NAMES
}
