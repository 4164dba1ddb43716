//! Suggestions, offered only when nothing matched: nearby registered codes for a number, entries
//! spelled like the query within a looser distance for words.

use super::index::{contains, entry_sets, Index};
use super::query::{near_words, suggestion_budget, Parsed, QueryWord};
use super::MAX_SUGGESTIONS;
use crate::catalog::Entry;

/// Nearby registered codes offered for a number that matches nothing.
const MAX_NUMBER_SUGGESTIONS: usize = 4;

pub(super) fn suggest(parsed: &Parsed, index: &Index) -> Vec<&'static Entry> {
    match parsed {
        Parsed::Empty => Vec::new(),
        Parsed::Class(digit) => nearest_registered(u32::from(*digit) * 100, index),
        Parsed::CodePrefix(digits) => match digits.parse::<u32>() {
            Ok(number) if digits.len() == 1 => nearest_registered(number * 100, index),
            Ok(number) => nearest_registered(number * 10, index),
            Err(_) => Vec::new(),
        },
        Parsed::Words(words) => match words.iter().find(|word| word.is_number()) {
            // Only a number that could be a status code is a misremembered one: `1020` is
            // Cloudflare's, `0` a browser's, not a mistyped `102` or `100`.
            Some(number) => match number.text.parse::<u32>() {
                Ok(target) if number.text.len() == 3 && (100..=599).contains(&target) => {
                    nearest_registered(target, index)
                }
                _ => Vec::new(),
            },
            None => similar_entries(words, index),
        },
    }
}

/// Registered codes only: a number that matched nothing is most likely a misremembered
/// standard code, and vendor codes are still one exact number away. Codes of the same class
/// come first, since the first digit is the part people get right (470 suggests 451 and 431,
/// not 500).
fn nearest_registered(target: u32, index: &Index) -> Vec<&'static Entry> {
    let mut nearest: Vec<&'static Entry> = index.registered.to_vec();
    nearest.sort_by_key(|entry| {
        let code = u32::from(entry.code);
        (code / 100 != target / 100, code.abs_diff(target), code)
    });
    nearest.truncate(MAX_NUMBER_SUGGESTIONS);
    nearest
}

/// Entries in which every query word of three or more letters has a word within the looser
/// suggestion budget, anywhere in its phrase, former phrases, keywords or vendor name; fewest
/// total edits first.
fn similar_entries(words: &[QueryWord], index: &Index) -> Vec<&'static Entry> {
    let count = words.len();
    let mut near: Vec<Vec<(u32, u8)>> = Vec::new();
    for (at, word) in words.iter().enumerate() {
        let budget = suggestion_budget(word.chars.len());
        if budget == 0 || word.is_number() {
            continue;
        }
        let mut close = near_words(word, budget, at + 1 == count, index);
        // Exact, other-form and prefix matches are distance 0; near_words skips them.
        close.extend((word.prefix.start..word.prefix.end).map(|id| (id, 0)));
        close.extend(word.forms.iter().map(|&id| (id, 0)));
        // An entry must come near every word: one that comes near nothing rules out all of
        // them, and comparing the other words with the vocabulary would be wasted.
        if close.is_empty() {
            return Vec::new();
        }
        close.sort_unstable();
        near.push(close);
    }
    if near.is_empty() {
        return Vec::new();
    }
    let ids = near
        .iter()
        .map(|candidates| candidates.iter().map(|&(id, _)| id));
    let possible = entry_sets(ids, index);
    let mut scored: Vec<(u32, bool, u16, u16, &'static Entry)> = Vec::new();
    for (at, indexed) in index.entries.iter().enumerate() {
        // Suggestions are status codes; a not-a-status number is found by its own words.
        let Some(entry) = indexed.entry().filter(|_| contains(&possible, at)) else {
            continue;
        };
        let fields = indexed.named_fields();
        let mut best: Vec<Option<u8>> = vec![None; near.len()];
        for field in fields {
            for text_word in field.words.iter() {
                for (slot, candidates) in best.iter_mut().zip(near.iter()) {
                    if let Ok(at) = candidates.binary_search_by_key(&text_word.id, |&(id, _)| id) {
                        let edits = candidates.get(at).map_or(u8::MAX, |&(_, edits)| edits);
                        *slot = Some(slot.map_or(edits, |seen| seen.min(edits)));
                    }
                }
            }
        }
        if best.iter().all(Option::is_some) {
            let total = best.iter().flatten().map(|&edits| u32::from(edits)).sum();
            scored.push((
                total,
                !entry.is_registered(),
                entry.code,
                indexed.order,
                entry,
            ));
        }
    }
    scored.sort_unstable_by_key(|&(total, vendor, code, order, _)| (total, vendor, code, order));
    scored
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(.., entry)| entry)
        .collect()
}
