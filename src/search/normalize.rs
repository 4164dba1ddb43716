//! Normalising text: the one folding that index and query share, so that case, accents,
//! apostrophes and punctuation never decide whether a word matches.

use std::ops::Range;

/// Lowercase, Latin diacritics folded (é→e, ß→ss, œ→oe), apostrophes dropped (`I'm` → `im`, so
/// the apostrophe may be typed or not), any other punctuation, symbol or space → one space;
/// trimmed.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for_each_word(text, |word, _| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    });
    out
}

enum Fold {
    /// Ends the current word.
    Separator,
    /// Part of a word; its folded letters were pushed.
    Letters,
    /// Inside a word but adds nothing: a combining accent (kept inside highlights so a
    /// decomposed "é" is not split from its accent) or an apostrophe (which is not).
    Mark,
    Apostrophe,
}

fn fold_char(c: char, out: &mut String) -> Fold {
    if c.is_ascii_alphanumeric() {
        out.push(c.to_ascii_lowercase());
        return Fold::Letters;
    }
    if matches!(c, '\'' | '\u{2019}' | '\u{02bc}') {
        return Fold::Apostrophe;
    }
    if c.is_ascii() {
        return Fold::Separator;
    }
    if is_combining(c) {
        return Fold::Mark;
    }
    if !c.is_alphanumeric() {
        return Fold::Separator;
    }
    for lower in c.to_lowercase() {
        if !is_combining(lower) {
            push_folded(lower, out);
        }
    }
    Fold::Letters
}

fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036f}'
        | '\u{1ab0}'..='\u{1aff}'
        | '\u{1dc0}'..='\u{1dff}'
        | '\u{20d0}'..='\u{20ff}'
        | '\u{fe20}'..='\u{fe2f}')
}

/// Base letters for U+00E0..=U+00FF (lowercase Latin-1); `*` marks letters folded to two
/// letters by `push_folded`, `?` the one non-letter (÷).
const LATIN_1: &[u8; 32] = b"aaaaaa*ceeeeiiiidnooooo?ouuuuy*y";
/// Base letters for U+0100..=U+017F (Latin Extended-A, both cases).
const LATIN_EXTENDED_A: &[u8; 128] = b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkkllllllllllnnnnnnnnnoooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

fn push_folded(c: char, out: &mut String) {
    let two = match c {
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        'ĳ' => "ij",
        _ => "",
    };
    if !two.is_empty() {
        out.push_str(two);
        return;
    }
    let code = c as usize;
    let base = match code {
        0xe0..=0xff => LATIN_1.get(code - 0xe0),
        0x100..=0x17f => LATIN_EXTENDED_A.get(code - 0x100),
        _ => None,
    };
    match base {
        Some(&letter) if letter.is_ascii_lowercase() => out.push(char::from(letter)),
        _ => out.push(c),
    }
}

/// Calls `each(word, span)` for every normalized word of `text`, where `span` is the byte range
/// of the word in `text` (from its first letter to its last letter or accent).
pub(super) fn for_each_word(text: &str, mut each: impl FnMut(&str, Range<usize>)) {
    let mut word = String::new();
    let mut span: Option<Range<usize>> = None;
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        match fold_char(c, &mut word) {
            Fold::Separator => {
                if let Some(range) = span.take() {
                    each(&word, range);
                }
                word.clear();
            }
            Fold::Letters => match &mut span {
                Some(range) => range.end = end,
                None => span = Some(at..end),
            },
            Fold::Mark => {
                if let Some(range) = &mut span {
                    range.end = end;
                }
            }
            Fold::Apostrophe => {}
        }
    }
    if let Some(range) = span {
        each(&word, range);
    }
}

/// The end of the shortest start of `text[span]` whose normalized form has `chars` characters,
/// for highlighting the part of a word that a prefix matched.
pub(super) fn prefix_end(
    text: &str,
    span: Range<usize>,
    chars: usize,
    folded: &mut String,
) -> usize {
    let Some(word) = text.get(span.clone()) else {
        return span.start;
    };
    let mut count = 0;
    let mut end = span.start;
    for (at, c) in word.char_indices() {
        if count >= chars && !is_combining(c) {
            break;
        }
        folded.clear();
        fold_char(c, folded);
        count += folded.chars().count();
        end = span.start + at + c.len_utf8();
    }
    end
}

// ---------------------------------------------------------------------------------------------
// Word forms

/// The stem that word forms share, so that `redirects`, `redirected` and `redirect`, or
/// `limiting`, `limited` and `limit`, find each other. Index and query words are compared by
/// stem as well as by their own spelling; the words themselves stay as written.
///
/// A light suffix rule set for English status texts (after Porter's first step, much reduced),
/// one suffix rule and then the tidying:
///
/// 1. Plurals: `-sses` → `-ss`; a final `-s` goes unless the word ends in `ss`, `us` or `is`
///    (`access`, `status`, `this`) or fewer than four letters would remain (`cors`).
/// 2. Verb endings, when at least three letters with a vowel remain: `-ing` and `-ed`
///    (`limiting`, `timed`), except `-eed` (`exceed`).
/// 3. A final silent `e` goes (`time`, `timed` and `timing` all become `tim`), a doubled final
///    consonant left by step 2 is made single (`running` → `run`), and a final `y` becomes `i`
///    (`proxy` and `proxies` both become `proxi`, `retry` and `retried` `retri`).
///
/// Words of three letters or fewer, words with digits or other letters than a–z, and a few
/// words the rules would merge with another meaning (`https` with `http`) are their own stem.
pub(super) fn stem(word: &str) -> String {
    if word.len() <= 3
        || !word.bytes().all(|byte| byte.is_ascii_lowercase())
        || KEEP_WHOLE.contains(&word)
    {
        return word.to_string();
    }
    // Every slice below cuts after an ASCII letter, so it stays on a char boundary.
    let plural = if word.ends_with("sses") {
        &word[..word.len() - 2]
    } else if word.ends_with("ss") || word.ends_with("us") || word.ends_with("is") {
        word
    } else {
        // `cors` is not a plural of `cor` (which `core` would become).
        word.strip_suffix('s')
            .filter(|base| base.len() >= 4)
            .unwrap_or(word)
    };
    let stripped = if plural.ends_with("eed") {
        None
    } else {
        plural
            .strip_suffix("ing")
            .or_else(|| plural.strip_suffix("ed"))
            .filter(|base| base.len() >= 3 && base.bytes().any(|b| b"aeiouy".contains(&b)))
    };
    let base = stripped.unwrap_or(plural);
    let mut out = match base.as_bytes() {
        [.., b'e'] if base.len() > 3 => base[..base.len() - 1].to_string(),
        [.., a, b] if stripped.is_some() && a == b && !b"aeioulsz".contains(a) => {
            base[..base.len() - 1].to_string()
        }
        _ => base.to_string(),
    };
    if out.len() > 3 && out.ends_with('y') {
        out.pop();
        out.push('i');
    }
    out
}

/// Words that stay whole: `https` is not a plural of `http`, nor `news` of `new`.
const KEEP_WHOLE: &[&str] = &["https", "news", "always", "perhaps", "series"];

// ---------------------------------------------------------------------------------------------
// Names from code

/// Leading words of a constant's name that say only "this is a status code": `Status` in Go's
/// `StatusNotFound`, `HTTP_` in PHP's and Java's, `SC_` in the servlet API's, `Code`/`Codes` in
/// `STATUS_CODES`.
const NAME_PREFIXES: &[&str] = &["http", "status", "statuses", "code", "codes", "sc"];

/// Calls `each(word, span)` for the words of `text` as [`for_each_word`] does, except that a
/// whitespace-separated piece written like a name from code is read as one:
///
/// - a qualifier is dropped: everything up to the last `.`, `::`, `:` or `\` before a name
///   (`http.`, `HTTPStatus.`, `StatusCode::`, `Net::`, Ruby's and Elixir's leading `:`);
/// - the name is split at `_` and at case changes and digits (`RequestEntityTooLarge`,
///   `REQUEST_ENTITY_TOO_LARGE`, `Status404NotFound`, `HTTPPayloadTooLarge`), except where a
///   part as a whole is a word `known` accepts and its pieces are not (`WebDAV`, `ETag`);
/// - leading words that only say "status code" are dropped while a word with a letter remains
///   (`Status`, `HTTP_`, `HTTP`, `SC_`; `HTTP/1.1` keeps its `http`), unless the piece is lower-case snake case with no qualifier
///   (`http_code` stays two words).
///
/// A piece is read as a name when it has a qualifier followed by a letter, an `_`, or a capital
/// letter after its first letter. Plain words (`Forbidden`, `web.config`, `404.3`) are not.
///
/// Returns whether some piece was read as a name.
pub(super) fn for_each_query_word(
    text: &str,
    known: impl Fn(&str) -> bool,
    mut each: impl FnMut(&str, Range<usize>),
) -> bool {
    let mut start = None;
    let bytes_end = text.len();
    let mut names = false;
    let mut piece = |from: usize, to: usize, each: &mut dyn FnMut(&str, Range<usize>)| {
        let Some(chunk) = text.get(from..to) else {
            return;
        };
        if for_each_name_word(chunk, from, &known, each) {
            names = true;
        } else {
            for_each_word(chunk, |word, span| {
                each(word, span.start + from..span.end + from)
            });
        }
    };
    for (at, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(from) = start.take() {
                piece(from, at, &mut each);
            }
        } else if start.is_none() {
            start = Some(at);
        }
    }
    if let Some(from) = start {
        piece(from, bytes_end, &mut each);
    }
    names
}

/// The words of one constant's name, for the index: always read as a name (see
/// [`for_each_query_word`]), with no word kept whole.
pub(super) fn for_each_name_part(name: &str, mut each: impl FnMut(&str, Range<usize>)) {
    if !for_each_name_word(name, 0, &|_| false, &mut each) {
        for_each_word(name, each);
    }
}

/// Reads `chunk` (at byte `offset` of the text) as a name from code, if it looks like one;
/// returns whether it did.
fn for_each_name_word(
    chunk: &str,
    offset: usize,
    known: &dyn Fn(&str) -> bool,
    each: &mut dyn FnMut(&str, Range<usize>),
) -> bool {
    if !chunk.is_ascii() {
        return false;
    }
    let bytes = chunk.as_bytes();
    // The name starts after the last qualifier separator that is followed by a letter or `_`.
    let mut name_start = 0;
    let mut qualified = false;
    for (at, &byte) in bytes.iter().enumerate() {
        let next = bytes.get(at + 1).copied().unwrap_or(b' ');
        if matches!(byte, b'.' | b':' | b'\\') && (next.is_ascii_alphabetic() || next == b'_') {
            name_start = at + 1;
            qualified = true;
        }
    }
    let name = &bytes[name_start..];
    let has_inner_capital = name
        .iter()
        .skip_while(|byte| !byte.is_ascii_alphabetic())
        .skip(1)
        .any(u8::is_ascii_uppercase);
    let snake = name.contains(&b'_');
    let qualified_name = qualified && name.first().is_some_and(u8::is_ascii_alphabetic);
    if !(qualified_name || snake || has_inner_capital) {
        return false;
    }
    let strip_prefixes = qualified || has_inner_capital;
    let mut words: Vec<(String, Range<usize>)> = Vec::new();
    let base = offset + name_start;
    // Parts between separators, each split further at case changes unless known whole.
    let mut at = 0;
    while at < name.len() {
        if !name[at].is_ascii_alphanumeric() {
            at += 1;
            continue;
        }
        let end = name[at..]
            .iter()
            .position(|byte| !byte.is_ascii_alphanumeric())
            .map_or(name.len(), |length| at + length);
        let part = &name[at..end];
        let lower = part.to_ascii_lowercase();
        // Only ASCII alphanumerics: always valid UTF-8.
        let lower = String::from_utf8(lower).unwrap_or_default();
        let mut pieces = Vec::new();
        let mut from = 0;
        for cut in 1..=part.len() {
            if cut == part.len() || is_case_boundary(part, cut) {
                let piece =
                    String::from_utf8(part[from..cut].to_ascii_lowercase()).unwrap_or_default();
                pieces.push((piece, base + at + from..base + at + cut));
                from = cut;
            }
        }
        // Split where every piece is a known word (`MultiStatus`, `RateLimit`), else keep a
        // known whole (`WebDAV`, `ETag`), else split anyway (`StatusTeapot`).
        let split_known = pieces.len() > 1 && pieces.iter().all(|(piece, _)| known(piece));
        if !split_known && known(&lower) {
            words.push((lower, base + at..base + end));
        } else {
            words.extend(pieces);
        }
        at = end;
    }
    let keep_from = words
        .iter()
        .position(|(word, _)| !NAME_PREFIXES.contains(&word.as_str()))
        .unwrap_or(0);
    // `HTTP/1.1` is a protocol version, not a name whose prefix can go.
    let named = words
        .iter()
        .skip(keep_from)
        .any(|(word, _)| word.bytes().any(|byte| byte.is_ascii_alphabetic()));
    if strip_prefixes && named {
        words.drain(..keep_from);
    }
    for (word, span) in &words {
        each(word, span.clone());
    }
    !words.is_empty()
}

/// Whether a name part splits before byte `at`: `aB`, `ABc` (before the `B`), and between
/// letters and digits.
fn is_case_boundary(part: &[u8], at: usize) -> bool {
    let (Some(&before), Some(&here)) = (part.get(at.wrapping_sub(1)), part.get(at)) else {
        return false;
    };
    let after = part.get(at + 1).copied();
    (before.is_ascii_lowercase() && here.is_ascii_uppercase())
        || (before.is_ascii_uppercase()
            && here.is_ascii_uppercase()
            && after.is_some_and(|c| c.is_ascii_lowercase()))
        || (before.is_ascii_digit() != here.is_ascii_digit())
}
