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
