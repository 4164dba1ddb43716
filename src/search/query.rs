//! Reading a query: its words resolved against the vocabulary once (exact id, the range of words
//! it begins, and the words within typo distance), so that matching is integer comparisons.

use super::index::{char_mask, Index, MAX_FUZZY_CHARS};
use super::normalize::{for_each_query_word, stem};
use super::{to_u32, MAX_QUERY_CHARS};
use crate::catalog;
use std::ops::Range;

pub(super) fn cut(query: &str) -> (&str, bool) {
    match query.char_indices().nth(MAX_QUERY_CHARS) {
        Some((at, _)) => (query.get(..at).unwrap_or_default(), true),
        None => (query, false),
    }
}

/// How a query word matched a text word; the derived order is best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum WordHit {
    Exact,
    /// Another form of the same word (`redirects` for `redirect`): as good as exact for
    /// ranking, but the text's own spelling is preferred when both occur.
    Form,
    Prefix,
    Fuzzy(u8),
}

pub(super) struct QueryWord {
    pub(super) text: String,
    pub(super) chars: Vec<char>,
    /// The word as a three-digit number naming a code in the catalog.
    pub(super) code: Option<u16>,
    pub(super) exact: Option<u32>,
    /// Ids of the other vocabulary words with the same stem, sorted.
    pub(super) forms: Vec<u32>,
    /// Ids of the vocabulary words this word is a prefix of (including itself).
    pub(super) prefix: Range<u32>,
    /// Ids of other vocabulary words within the typo budget, sorted by id.
    pub(super) fuzzy: Vec<(u32, u8)>,
    /// The query was (in part) a name from code, such as `HttpStatusCode.Redirect`.
    pub(super) from_code: bool,
}

impl QueryWord {
    pub(super) fn hit(&self, id: u32) -> Option<WordHit> {
        if self.exact == Some(id) {
            Some(WordHit::Exact)
        } else if self.forms.binary_search(&id).is_ok() {
            Some(WordHit::Form)
        } else if self.prefix.contains(&id) {
            Some(WordHit::Prefix)
        } else if self.fuzzy.is_empty() {
            None
        } else {
            let at = self.fuzzy.binary_search_by_key(&id, |&(id, _)| id).ok()?;
            self.fuzzy.get(at).map(|&(_, edits)| WordHit::Fuzzy(edits))
        }
    }

    pub(super) fn is_number(&self) -> bool {
        self.chars.iter().all(char::is_ascii_digit)
    }
}

pub(super) enum Parsed {
    Empty,
    /// `4xx`, `4XX`, `4**`, `4..`: the class digit.
    Class(u8),
    /// One or two digits: codes whose number starts with them.
    CodePrefix(String),
    Words(Vec<QueryWord>),
}

pub(super) fn parse(query: &str, index: &Index) -> Parsed {
    if let Some(digit) = class_pattern(query) {
        return Parsed::Class(digit);
    }
    let mut texts: Vec<String> = Vec::new();
    let known = |word: &str| {
        index
            .vocab
            .binary_search_by(|probe| (**probe).cmp(word))
            .is_ok()
    };
    let from_code = for_each_query_word(query, known, |word, _| {
        // A repeated word adds no constraint; dropping it keeps pasted repetition cheap. The
        // last occurrence is kept so that the word being typed stays last.
        texts.retain(|seen| seen != word);
        texts.push(word.to_string());
    });
    match texts.as_slice() {
        [] => return Parsed::Empty,
        // `0`, `00` and `60` begin no code: they are numbers of their own.
        [only]
            if only.len() <= 2
                && only.bytes().all(|b| b.is_ascii_digit())
                && matches!(only.as_bytes().first(), Some(b'1'..=b'5')) =>
        {
            return Parsed::CodePrefix(only.clone());
        }
        _ => {}
    }
    let count = texts.len();
    let words = texts
        .into_iter()
        .enumerate()
        .map(|(at, text)| QueryWord {
            from_code,
            ..query_word(text, at + 1 == count, index)
        })
        .collect();
    Parsed::Words(words)
}

/// A class digit followed by one or two wildcards (`x`, `*`, `.`, `?`, `_`), ignoring case and
/// surrounding space.
fn class_pattern(query: &str) -> Option<u8> {
    let mut chars = query.trim().chars();
    let digit = chars.next()?.to_digit(10)?;
    let wildcards: Vec<char> = chars.collect();
    let all_wild = wildcards
        .iter()
        .all(|c| matches!(c, 'x' | 'X' | '*' | '.' | '?' | '_'));
    ((1..=2).contains(&wildcards.len()) && all_wild)
        .then(|| u8::try_from(digit).ok())
        .flatten()
}

fn query_word(text: String, last: bool, index: &Index) -> QueryWord {
    let chars: Vec<char> = text.chars().collect();
    let vocab = &index.vocab;
    let start = vocab.partition_point(|word| **word < *text);
    let len = vocab.get(start..).map_or(0, |rest| {
        rest.partition_point(|word| word.starts_with(text.as_str()))
    });
    let prefix = to_u32(start)..to_u32(start + len);
    let exact = vocab
        .get(start)
        .filter(|word| ***word == *text)
        .map(|_| to_u32(start));
    let code = match text.parse::<u16>() {
        Ok(code) if text.len() == 3 && catalog::exists(code) => Some(code),
        _ => None,
    };
    let mut forms = index.forms(&stem(&text));
    forms.retain(|&id| Some(id) != exact);
    let mut word = QueryWord {
        text,
        chars,
        code,
        exact,
        forms,
        prefix,
        fuzzy: Vec::new(),
        from_code: false,
    };
    // A word the catalog contains, in this form or another, is taken as meant, not as a typo of
    // a neighbour.
    let budget = typo_budget(word.chars.len());
    if budget > 0
        && word.exact.is_none()
        && word.forms.is_empty()
        && !word.chars.iter().any(char::is_ascii_digit)
    {
        word.fuzzy = near_words(&word, budget, last, index);
    }
    word
}

/// Edits forgiven in a word of `chars` characters: short words have too many neighbours.
fn typo_budget(chars: usize) -> u8 {
    match chars {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// A looser budget for suggestions, which are only offered when nothing matched.
pub(super) fn suggestion_budget(chars: usize) -> u8 {
    match chars {
        0..=2 => 0,
        3 => 1,
        4..=7 => 2,
        _ => 3,
    }
}

/// Vocabulary words (outside the word's prefix range) within `budget` edits, sorted by id. The
/// last query word is still being typed, so it is also compared with the starts of words.
pub(super) fn near_words(
    word: &QueryWord,
    budget: u8,
    last: bool,
    index: &Index,
) -> Vec<(u32, u8)> {
    let query = word.chars.as_slice();
    let n = query.len();
    if n > MAX_FUZZY_CHARS {
        return Vec::new();
    }
    let max = usize::from(budget);
    let mask = char_mask(query);
    // Each edit adds or removes at most one kind of character, so more than `max` kinds present
    // on one side only rules a pair out before the quadratic comparison.
    let close = |a: u64, b: u64| (a & !b).count_ones() as usize <= max;
    let mut near = Vec::new();
    for candidate in index.fuzzy.iter() {
        if word.prefix.contains(&candidate.id) {
            continue;
        }
        let m = candidate.chars.len();
        let whole = m.abs_diff(n) <= max
            && close(mask, candidate.mask_of_start(m))
            && close(candidate.mask_of_start(m), mask);
        let mut edits = if whole {
            osa_distance(query, &candidate.chars, max, false)
        } else {
            None
        };
        if edits.is_none()
            && last
            && m + max > n
            && close(mask, candidate.mask_of_start(n + max))
            && close(candidate.mask_of_start(n.saturating_sub(max)), mask)
        {
            edits = osa_distance(query, &candidate.chars, max, true);
        }
        if let Some(edits) = edits {
            near.push((candidate.id, u8::try_from(edits).unwrap_or(u8::MAX)));
        }
    }
    // `index.fuzzy` is built in vocabulary order, so ids are already sorted.
    near
}

/// Optimal string alignment distance (Levenshtein plus adjacent transpositions, the commonest
/// typing slip) when it is at most `max`. With `prefix`, the distance to the closest start of
/// `text`, for a word still being typed.
fn osa_distance(query: &[char], text: &[char], max: usize, prefix: bool) -> Option<usize> {
    const WIDTH: usize = MAX_FUZZY_CHARS + 4;
    let n = query.len();
    let text = if prefix {
        text.get(..text.len().min(n + max)).unwrap_or(text)
    } else {
        text
    };
    let m = text.len();
    if n + 1 > WIDTH || m + 1 > WIDTH {
        return None;
    }
    if !prefix && n.abs_diff(m) > max {
        return None;
    }
    if prefix && m + max < n {
        return None;
    }
    // Distances never exceed WIDTH, so bytes suffice and the three rows stay small.
    let mut before = [0u8; WIDTH];
    let mut previous = [0u8; WIDTH];
    let mut current = [0u8; WIDTH];
    for (j, cell) in previous.iter_mut().enumerate().take(m + 1) {
        *cell = u8::try_from(j).unwrap_or(u8::MAX);
    }
    for i in 1..=n {
        current[0] = u8::try_from(i).unwrap_or(u8::MAX);
        let mut row_min = current[0];
        for j in 1..=m {
            let same = query[i - 1] == text[j - 1];
            let mut cell = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + u8::from(!same));
            if i > 1 && j > 1 && query[i - 1] == text[j - 2] && query[i - 2] == text[j - 1] {
                cell = cell.min(before[j - 2] + 1);
            }
            current[j] = cell;
            row_min = row_min.min(cell);
        }
        if usize::from(row_min) > max {
            return None;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    let distance = if prefix {
        previous
            .iter()
            .take(m + 1)
            .copied()
            .min()
            .unwrap_or(u8::MAX)
    } else {
        previous[m]
    };
    let distance = usize::from(distance);
    (distance <= max).then_some(distance)
}
