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
    /// [`QueryWord::hit`] for every vocabulary id, as `NO_HIT`, `EXACT_HIT` … `FUZZY_HIT + edits`:
    /// matching runs over thousands of text words per keystroke, and one load beats four lookups.
    hits: Box<[u8]>,
}

impl QueryWord {
    // Called for every text word scanned: a call each would cost more than the lookup.
    #[inline(always)]
    pub(super) fn hit(&self, id: u32) -> Option<WordHit> {
        match self.hits.get(id as usize).copied().unwrap_or(NO_HIT) {
            NO_HIT => None,
            EXACT_HIT => Some(WordHit::Exact),
            FORM_HIT => Some(WordHit::Form),
            PREFIX_HIT => Some(WordHit::Prefix),
            fuzzy => Some(WordHit::Fuzzy(fuzzy - FUZZY_HIT)),
        }
    }

    /// The table behind [`QueryWord::hit`], from the word's exact id, forms, prefix range and
    /// typo neighbours, in that order of preference.
    fn hit_table(&self, vocabulary: usize) -> Box<[u8]> {
        let mut table = vec![NO_HIT; vocabulary];
        let mut set = |id: u32, code: u8| {
            if let Some(slot) = table.get_mut(id as usize) {
                *slot = code;
            }
        };
        for &(id, edits) in &self.fuzzy {
            set(id, FUZZY_HIT.saturating_add(edits));
        }
        for id in self.prefix.clone() {
            set(id, PREFIX_HIT);
        }
        for &id in &self.forms {
            set(id, FORM_HIT);
        }
        if let Some(id) = self.exact {
            set(id, EXACT_HIT);
        }
        table.into_boxed_slice()
    }

    /// What the word's own lists say about `id`; the table must give the same (tested).
    #[cfg(test)]
    fn hit_by_lookup(&self, id: u32) -> Option<WordHit> {
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

const NO_HIT: u8 = 0;
const EXACT_HIT: u8 = 1;
const FORM_HIT: u8 = 2;
const PREFIX_HIT: u8 = 3;
/// `FUZZY_HIT + edits`.
const FUZZY_HIT: u8 = 4;

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
        hits: Box::default(),
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
    word.hits = word.hit_table(index.vocab.len());
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
        // Every start of the word has a subset of its characters, so a word too far by its
        // whole set is too far by every test below.
        if !close(mask, candidate.mask) || word.prefix.contains(&candidate.id) {
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
    // Only cells within `max` of the diagonal can stay within `max` edits, so each row is
    // computed in that band, and every value above `max` is held as `cap`: the result is exact
    // whenever it is at most `max`. Three rows (for transpositions) of bytes, rotated in place.
    let cap = u8::try_from(max.min(WIDTH)).unwrap_or(u8::MAX) + 1;
    let clamp = |value: usize| u8::try_from(value).unwrap_or(u8::MAX).min(cap);
    let mut rows = [[cap; WIDTH]; 3];
    for (j, cell) in rows[0].iter_mut().enumerate().take(m + 1) {
        *cell = clamp(j);
    }
    for i in 1..=n {
        let (current, previous, before) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[current] = [cap; WIDTH];
        rows[current][0] = clamp(i);
        let mut row_min = rows[current][0];
        let mut j = i.saturating_sub(max).max(1);
        let last = m.min(i + max);
        while j <= last {
            let same = query[i - 1] == text[j - 1];
            let mut cell = (rows[previous][j] + 1)
                .min(rows[current][j - 1] + 1)
                .min(rows[previous][j - 1] + u8::from(!same));
            if i > 1 && j > 1 && query[i - 1] == text[j - 2] && query[i - 2] == text[j - 1] {
                cell = cell.min(rows[before][j - 2] + 1);
            }
            let cell = cell.min(cap);
            rows[current][j] = cell;
            row_min = row_min.min(cell);
            j += 1;
        }
        if row_min >= cap {
            return None;
        }
    }
    let last_row = &rows[n % 3];
    let distance = if prefix {
        last_row
            .iter()
            .take(m + 1)
            .copied()
            .min()
            .unwrap_or(u8::MAX)
    } else {
        last_row[m]
    };
    let distance = usize::from(distance);
    (distance <= max).then_some(distance)
}

#[cfg(test)]
mod tests {
    use super::{osa_distance, parse, Parsed};
    use crate::search::index::INDEX;

    /// The banded distance is the full table's whenever it is within the limit.
    #[test]
    fn banded_distance_agrees_with_the_full_table() {
        fn full(query: &[char], text: &[char], prefix: bool, max: usize) -> usize {
            let text = if prefix {
                &text[..text.len().min(query.len() + max)]
            } else {
                text
            };
            let (n, m) = (query.len(), text.len());
            let mut d = vec![vec![0usize; m + 1]; n + 1];
            for (i, row) in d.iter_mut().enumerate() {
                row[0] = i;
            }
            for (j, cell) in d[0].iter_mut().enumerate() {
                *cell = j;
            }
            for i in 1..=n {
                for j in 1..=m {
                    let cost = usize::from(query[i - 1] != text[j - 1]);
                    let mut cell = (d[i - 1][j] + 1)
                        .min(d[i][j - 1] + 1)
                        .min(d[i - 1][j - 1] + cost);
                    if i > 1 && j > 1 && query[i - 1] == text[j - 2] && query[i - 2] == text[j - 1]
                    {
                        cell = cell.min(d[i - 2][j - 2] + 1);
                    }
                    d[i][j] = cell;
                }
            }
            if prefix {
                d[n].iter().copied().min().unwrap_or(usize::MAX)
            } else {
                d[n][m]
            }
        }
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "forbidden",
            "forbiden",
            "frobidden",
            "gateway",
            "gatway",
            "timeout",
            "timout",
            "teapot",
            "teapto",
            "tea",
            "plorf",
            "proxy",
            "for",
            "qwzxv",
            "request",
            "reqeust",
            "unavailable",
            "unavailble",
            "conflict",
            "confict",
            "redirect",
            "redirct",
        ];
        for query in words {
            let query: Vec<char> = query.chars().collect();
            for text in words {
                let text: Vec<char> = text.chars().collect();
                for prefix in [false, true] {
                    for max in 0..=3 {
                        let expected = full(&query, &text, prefix, max);
                        let in_reach = if prefix {
                            text.len().min(query.len() + max) + max >= query.len()
                        } else {
                            query.len().abs_diff(text.len()) <= max
                        };
                        let expected = (in_reach && expected <= max).then_some(expected);
                        assert_eq!(
                            osa_distance(&query, &text, max, prefix),
                            expected,
                            "{query:?} {text:?} {prefix} {max}"
                        );
                    }
                }
            }
        }
    }

    /// The table gives, for every vocabulary word, what the word's own lists say.
    #[test]
    fn hit_table_agrees_with_the_lists() {
        let index = &*INDEX;
        for query in [
            "e",
            "request",
            "redirects",
            "forbiden",
            "gatway timout",
            "qwzxv",
            "auth",
        ] {
            let Parsed::Words(words) = parse(query, index) else {
                panic!("{query} is read as words");
            };
            for word in &words {
                for id in 0..super::to_u32(index.vocab.len()) {
                    assert_eq!(word.hit(id), word.hit_by_lookup(id), "{query}: id {id}");
                }
            }
        }
    }
}
