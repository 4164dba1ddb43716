//! Search over the catalog: query parsing, matching and ranking.
//!
//! Pure (no leptos, no web-sys), so `tests/search.rs` covers it natively. The catalog is small
//! (about a hundred entries), so instead of a general full-text engine this keeps one precomputed
//! index: every searchable text split into normalized words, each word an id into one sorted
//! vocabulary. A query word is resolved against the vocabulary once (exact id, the contiguous id
//! range of words it is a prefix of, and a short list of ids within typo distance), after which
//! matching an entry is integer comparisons only.
//!
//! # Ranking
//!
//! Every entry gets at most one hit, its best match, and hits sort by this key, field by field:
//!
//! 1. [`MatchKind`], in declaration order: exact code > code prefix > class > phrase words >
//!    former phrase > keyword > vendor > similar spelling > summary text. A phrase match on a
//!    vendor's code counts as a phrase match only when the query covers that whole phrase;
//!    a partial one ranks with vendor matches, so that `login` finds 401 (keyword `login`)
//!    before IIS's 440 "Login Time-out". A former phrase or keyword the query spells out in
//!    full ranks among phrase matches: after phrases whose words the query matched whole, before
//!    phrases it only begins (`auth`: 401's keyword "auth" before 203 "Non-Authoritative").
//!    An entry ranks by its strongest match and is labelled by its first in kind order.
//! 2. Entries whose vendor the query names first (`nginx` puts nginx's own 444, 494…499 before
//!    registered codes that merely list "nginx 413" among their keywords).
//! 3. Registered meanings before vendor meanings: most people mean the standard code
//!    (`rate limit`: 429 before Twitter's 420; `redirect`: 307 and 308 before Exchange's 451).
//! 4. Fewer typo edits, then the field the typo matched (phrase, former phrase, keyword, vendor).
//! 5. How much of the text matched: fewer query words matched only as a prefix, then fewer
//!    characters of the matched text left uncovered (`found`: 302 "Found" before 404 "Not Found";
//!    an exact keyword before a longer keyword that contains the query).
//! 6. Code, then catalog order (which puts a number's registered meaning before vendor meanings).
//!
//! Code, prefix and class hits skip steps 2–5 so that they stay in plain code order; an exact
//! code hit uses step 5 for the other words of the query (`420 twitter`).

use crate::catalog::{self, Entry};
use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::LazyLock;

/// Longer queries are cut to this many characters (the view says so). Nothing in the catalog
/// needs more, and the cap bounds the work a pasted essay can cause.
pub const MAX_QUERY_CHARS: usize = 200;

/// At most this many suggestions when nothing matched.
pub const MAX_SUGGESTIONS: usize = 5;

/// Nearby registered codes offered for a number that matches nothing.
const MAX_NUMBER_SUGGESTIONS: usize = 4;

/// Words longer than this are never compared for typos (no status text has such words, and it
/// keeps the edit-distance rows on the stack).
const MAX_FUZZY_CHARS: usize = 32;

/// Vendor-name words too generic to mean "this vendor" (`http`, `load`, `ssl` are ordinary
/// words in queries about registered codes).
const GENERIC_VENDOR_WORDS: &[&str] = &[
    "access",
    "application",
    "balancing",
    "elastic",
    "enterprise",
    "framework",
    "http",
    "httpd",
    "labs",
    "load",
    "proxies",
    "some",
    "ssl",
];

/// Why an entry matched, in rank order (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    ExactCode,
    CodePrefix,
    Class,
    Phrase,
    FormerPhrase,
    Keyword,
    Vendor,
    Fuzzy,
    Summary,
}

impl MatchKind {
    /// A short label shown beside the matched text.
    pub fn label(self) -> &'static str {
        match self {
            MatchKind::ExactCode => "code",
            MatchKind::CodePrefix => "code prefix",
            MatchKind::Class => "class",
            MatchKind::Phrase => "phrase",
            MatchKind::FormerPhrase => "formerly",
            MatchKind::Keyword => "keyword",
            MatchKind::Vendor => "vendor",
            MatchKind::Fuzzy => "similar spelling",
            MatchKind::Summary => "summary",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Hit {
    pub entry: &'static Entry,
    pub kind: MatchKind,
    /// The text shown as the reason it matched: the phrase for code/class/phrase matches, else
    /// the former phrase, keyword, vendor name or summary that matched.
    pub matched_text: &'static str,
    /// Byte ranges of `matched_text` to highlight, sorted, non-overlapping, on char boundaries.
    pub highlights: Vec<Range<usize>>,
}

impl Hit {
    /// `matched_text` cut into consecutive pieces, each flagged when it is highlighted; the
    /// pieces concatenate back to `matched_text`.
    pub fn segments(&self) -> Vec<(&'static str, bool)> {
        let text = self.matched_text;
        let mut pieces = Vec::with_capacity(self.highlights.len() * 2 + 1);
        let mut at = 0;
        for range in &self.highlights {
            if let Some(before) = text.get(at..range.start).filter(|s| !s.is_empty()) {
                pieces.push((before, false));
            }
            if let Some(marked) = text.get(range.clone()) {
                pieces.push((marked, true));
                at = range.end;
            }
        }
        if let Some(rest) = text.get(at..).filter(|s| !s.is_empty()) {
            pieces.push((rest, false));
        }
        pieces
    }
}

#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub hits: Vec<Hit>,
    /// The query was longer than [`MAX_QUERY_CHARS`] and only its start was searched.
    pub query_was_cut: bool,
    /// Only when `hits` is empty: for a number, the registered codes nearest to it (same class
    /// first); for words, entries whose words are spelled like the query's within a looser
    /// distance. Empty for an empty query.
    pub suggestions: Vec<&'static Entry>,
}

/// Searches the catalog. Never panics, whatever the input; the same query always gives the same
/// outcome.
pub fn search(query: &str) -> Outcome {
    let (query, query_was_cut) = cut(query);
    let index = &*INDEX;
    let parsed = parse(query, index);
    let candidates = candidates(&parsed, index);
    let mut ranked: Vec<(Rank, &Indexed, Source)> = Vec::new();
    let mut scratch = Vec::new();
    for (at, indexed) in index.entries.iter().enumerate() {
        if !contains(&candidates, at) && !names_code(&parsed, indexed) {
            continue;
        }
        if let Some((rank, source)) = rank_entry(indexed, &parsed, &mut scratch) {
            ranked.push((rank, indexed, source));
        }
    }
    // Ranks are unique (they end with the catalog position), so the order is total.
    ranked.sort_unstable_by_key(|(rank, _, _)| *rank);
    let hits: Vec<Hit> = ranked
        .into_iter()
        .map(|(rank, indexed, source)| hit(indexed, rank.kind, source, &parsed, &mut scratch))
        .collect();
    let suggestions = if hits.is_empty() {
        suggest(&parsed, index)
    } else {
        Vec::new()
    };
    Outcome {
        hits,
        query_was_cut,
        suggestions,
    }
}

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

fn cut(query: &str) -> (&str, bool) {
    match query.char_indices().nth(MAX_QUERY_CHARS) {
        Some((at, _)) => (query.get(..at).unwrap_or_default(), true),
        None => (query, false),
    }
}

// ---------------------------------------------------------------------------------------------
// Normalization

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
fn for_each_word(text: &str, mut each: impl FnMut(&str, Range<usize>)) {
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
fn prefix_end(text: &str, span: Range<usize>, chars: usize, folded: &mut String) -> usize {
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
// The index

struct Word {
    id: u32,
    /// Normalized length in chars.
    chars: u32,
    /// Where the word is in the field's original text.
    span: Range<usize>,
}

struct Field {
    text: &'static str,
    words: Box<[Word]>,
}

struct Indexed {
    entry: &'static Entry,
    order: u16,
    phrase: Field,
    former: Box<[Field]>,
    keywords: Box<[Field]>,
    vendor: Option<Field>,
    summary: Field,
    /// Vocabulary ids of the vendor-name words that identify the vendor.
    vendor_ids: Box<[u32]>,
}

/// A vocabulary word that typos may be matched against.
struct FuzzyWord {
    id: u32,
    chars: Box<[char]>,
    /// `prefix_masks[i]` is the `char_mask` of the first `i + 1` chars; the last is the word's.
    prefix_masks: Box<[u64]>,
}

impl FuzzyWord {
    /// The mask of the first `len` chars (all of them when `len` is longer).
    fn mask_of_start(&self, len: usize) -> u64 {
        match len.min(self.prefix_masks.len()) {
            0 => 0,
            len => self.prefix_masks.get(len - 1).copied().unwrap_or(0),
        }
    }
}

struct Index {
    /// Every distinct normalized word of every searchable text, sorted, so that the words a
    /// query word is a prefix of have consecutive ids.
    vocab: Box<[Box<str>]>,
    /// Words of phrases, former phrases, keywords and vendor names without digits: typos in
    /// summaries would only add noise, and numbers are not misspelled, they are different.
    fuzzy: Box<[FuzzyWord]>,
    entries: Box<[Indexed]>,
    /// For each vocabulary id, the set of entries containing the word in any field, as
    /// `set_words` consecutive u64s: a query word's candidate entries are the union over the ids
    /// it matches, so most entries are ruled out before any field is scored.
    postings: Box<[u64]>,
    set_words: usize,
    /// One entry per registered number, in code order, for numeric suggestions.
    registered: Box<[&'static Entry]>,
}

static INDEX: LazyLock<Index> = LazyLock::new(build_index);

/// Builds the index now rather than on the first query, so the first keystroke is as quick as
/// the rest (the search box calls this when it gains focus).
pub fn prepare() {
    LazyLock::force(&INDEX);
}

fn searchable_texts(entry: &'static Entry) -> impl Iterator<Item = (&'static str, bool)> {
    std::iter::once((entry.phrase.as_str(), true))
        .chain(entry.former_phrases.iter().map(|s| (s.as_str(), true)))
        .chain(entry.keywords.iter().map(|s| (s.as_str(), true)))
        .chain(entry.vendor.iter().map(|s| (s.as_str(), true)))
        .chain(std::iter::once((entry.summary.as_str(), false)))
}

fn build_index() -> Index {
    let entries = catalog::entries();
    let mut words = BTreeSet::new();
    let mut typo_words = BTreeSet::new();
    for entry in entries {
        for (text, typos) in searchable_texts(entry) {
            for_each_word(text, |word, _| {
                if typos {
                    typo_words.insert(word.to_string());
                }
                words.insert(word.to_string());
            });
        }
    }
    let vocab: Box<[Box<str>]> = words.into_iter().map(String::into_boxed_str).collect();
    let id_of = |word: &str| -> u32 {
        let at = vocab.binary_search_by(|probe| (**probe).cmp(word));
        u32::try_from(at.unwrap_or_default()).unwrap_or_default()
    };
    let fuzzy = typo_words
        .iter()
        .filter(|word| !word.chars().any(|c| c.is_ascii_digit()))
        .filter(|word| word.chars().count() <= MAX_FUZZY_CHARS)
        .map(|word| {
            let chars: Box<[char]> = word.chars().collect();
            let prefix_masks = chars
                .iter()
                .scan(0, |mask, &c| {
                    *mask |= char_bit(c);
                    Some(*mask)
                })
                .collect();
            FuzzyWord {
                id: id_of(word),
                chars,
                prefix_masks,
            }
        })
        .collect();
    let field = |text: &'static str| -> Field {
        let mut words = Vec::new();
        for_each_word(text, |word, span| {
            words.push(Word {
                id: id_of(word),
                chars: u32::try_from(word.chars().count()).unwrap_or(u32::MAX),
                span,
            });
        });
        Field {
            text,
            words: words.into_boxed_slice(),
        }
    };
    let indexed: Box<[Indexed]> = entries
        .iter()
        .enumerate()
        .map(|(order, entry)| {
            let vendor = entry.vendor.as_deref().map(field);
            let vendor_ids = vendor
                .iter()
                .flat_map(|vendor| vendor.words.iter())
                .map(|word| word.id)
                .filter(|&id| {
                    let text = vocab.get(id as usize).map_or("", |word| &**word);
                    !GENERIC_VENDOR_WORDS.contains(&text)
                })
                .collect();
            Indexed {
                entry,
                order: u16::try_from(order).unwrap_or(u16::MAX),
                phrase: field(&entry.phrase),
                former: entry.former_phrases.iter().map(|s| field(s)).collect(),
                keywords: entry.keywords.iter().map(|s| field(s)).collect(),
                vendor,
                summary: field(&entry.summary),
                vendor_ids,
            }
        })
        .collect();
    let registered = entries
        .iter()
        .filter(|entry| entry.is_registered())
        .collect();
    let set_words = entries.len().div_ceil(64).max(1);
    let mut postings = vec![0u64; vocab.len() * set_words];
    for (at, entry) in indexed.iter().enumerate() {
        let fields = std::iter::once(&entry.phrase)
            .chain(entry.former.iter())
            .chain(entry.keywords.iter())
            .chain(entry.vendor.iter())
            .chain(std::iter::once(&entry.summary));
        for word in fields.flat_map(|field| field.words.iter()) {
            if let Some(set) = postings.get_mut(word.id as usize * set_words + at / 64) {
                *set |= 1 << (at % 64);
            }
        }
    }
    Index {
        vocab,
        fuzzy,
        entries: indexed,
        postings: postings.into_boxed_slice(),
        set_words,
        registered,
    }
}

/// One bit per letter or digit present (other characters share hashed bits): a cheap lower bound
/// on edit distance, since each edit adds or removes at most one kind of character.
fn char_mask(chars: &[char]) -> u64 {
    chars.iter().fold(0, |mask, &c| mask | char_bit(c))
}

fn char_bit(c: char) -> u64 {
    let bit = match c {
        'a'..='z' => c as u32 - 'a' as u32,
        '0'..='9' => 26 + c as u32 - '0' as u32,
        _ => 36 + c as u32 % 28,
    };
    1 << bit
}

// ---------------------------------------------------------------------------------------------
// Query parsing

/// How a query word matched a text word; the derived order is best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum WordHit {
    Exact,
    Prefix,
    Fuzzy(u8),
}

struct QueryWord {
    text: String,
    chars: Vec<char>,
    /// The word as a three-digit number naming a code in the catalog.
    code: Option<u16>,
    exact: Option<u32>,
    /// Ids of the vocabulary words this word is a prefix of (including itself).
    prefix: Range<u32>,
    /// Ids of other vocabulary words within the typo budget, sorted by id.
    fuzzy: Vec<(u32, u8)>,
}

impl QueryWord {
    fn hit(&self, id: u32) -> Option<WordHit> {
        if self.exact == Some(id) {
            Some(WordHit::Exact)
        } else if self.prefix.contains(&id) {
            Some(WordHit::Prefix)
        } else if self.fuzzy.is_empty() {
            None
        } else {
            let at = self.fuzzy.binary_search_by_key(&id, |&(id, _)| id).ok()?;
            self.fuzzy.get(at).map(|&(_, edits)| WordHit::Fuzzy(edits))
        }
    }

    fn is_number(&self) -> bool {
        self.chars.iter().all(char::is_ascii_digit)
    }
}

enum Parsed {
    Empty,
    /// `4xx`, `4XX`, `4**`, `4..`: the class digit.
    Class(u8),
    /// One or two digits: codes whose number starts with them.
    CodePrefix(String),
    Words(Vec<QueryWord>),
}

fn parse(query: &str, index: &Index) -> Parsed {
    if let Some(digit) = class_pattern(query) {
        return Parsed::Class(digit);
    }
    let mut texts: Vec<String> = Vec::new();
    for_each_word(query, |word, _| {
        // A repeated word adds no constraint; dropping it keeps pasted repetition cheap. The
        // last occurrence is kept so that the word being typed stays last.
        texts.retain(|seen| seen != word);
        texts.push(word.to_string());
    });
    match texts.as_slice() {
        [] => return Parsed::Empty,
        [only] if only.len() <= 2 && only.bytes().all(|b| b.is_ascii_digit()) => {
            return Parsed::CodePrefix(only.clone());
        }
        _ => {}
    }
    let count = texts.len();
    let words = texts
        .into_iter()
        .enumerate()
        .map(|(at, text)| query_word(text, at + 1 == count, index))
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
    let mut word = QueryWord {
        text,
        chars,
        code,
        exact,
        prefix,
        fuzzy: Vec::new(),
    };
    // A word the catalog contains is taken as meant, not as a typo of a neighbour.
    let budget = typo_budget(word.chars.len());
    if budget > 0 && word.exact.is_none() && !word.chars.iter().any(char::is_ascii_digit) {
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
fn suggestion_budget(chars: usize) -> u8 {
    match chars {
        0..=2 => 0,
        3 => 1,
        4..=7 => 2,
        _ => 3,
    }
}

/// Vocabulary words (outside the word's prefix range) within `budget` edits, sorted by id. The
/// last query word is still being typed, so it is also compared with the starts of words.
fn near_words(word: &QueryWord, budget: u8, last: bool, index: &Index) -> Vec<(u32, u8)> {
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

fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

// ---------------------------------------------------------------------------------------------
// Matching and ranking

/// The sort key of a hit; see "Ranking" in the module docs. Field order is significant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Rank {
    /// The match kind, except that a former phrase or keyword the query spells out whole ranks
    /// among phrases.
    tier: MatchKind,
    step: PhraseStep,
    vendor_not_named: bool,
    vendor_entry: bool,
    typo_edits: u32,
    typo_source: Source,
    prefix_words: u32,
    uncovered: u32,
    code: u16,
    order: u16,
    /// What is shown; `tier` and `step` already order by it.
    kind: MatchKind,
}

/// The order within the phrase tier, which former phrases and keywords the query spells out in
/// full join: `auth` finds 401 by its keyword "auth" before 203
/// "Non-Authoritative Information", whose phrase it only begins, yet `page expired` still finds
/// Laravel's 419 "Page Expired" before 410's keyword "page expired".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum PhraseStep {
    /// A phrase every query word matched whole, or any hit outside the phrase tier.
    WholeWords,
    /// A former phrase the query spells out in full.
    WholeFormerPhrase,
    /// A keyword the query spells out in full.
    WholeKeyword,
    /// A phrase some query word matched only as a prefix.
    PrefixWords,
}

/// The field a match came from; the derived order is the preference among typo matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Source {
    Phrase,
    Former(usize),
    Keyword(usize),
    Vendor,
    Summary,
}

/// A kind of match, the indexed texts it searches, and how to name the text that matched.
type FieldGroup<'a> = (MatchKind, &'a [Field], fn(usize) -> Source);

impl Rank {
    fn plain(kind: MatchKind, indexed: &Indexed) -> Rank {
        Rank {
            tier: kind,
            step: PhraseStep::WholeWords,
            kind,
            vendor_not_named: false,
            vendor_entry: false,
            typo_edits: 0,
            typo_source: Source::Phrase,
            prefix_words: 0,
            uncovered: 0,
            code: indexed.entry.code,
            order: indexed.order,
        }
    }
}

/// How the query's words matched one field.
struct FieldScore {
    typo_edits: u32,
    prefix_words: u32,
    /// Normalized characters of the field not covered by any query word.
    uncovered: u32,
}

/// How to match the query's words against one field.
#[derive(Clone, Copy)]
struct Matching {
    /// Accept typo matches.
    typos: bool,
    /// Fail as soon as one word matches nothing (else skip that word: for highlighting, where
    /// the words of an exact code hit need not all appear in its phrase).
    require_all: bool,
    /// Leave out the words naming this code: for an exact code hit, the number matched the
    /// code, not the text.
    skip_code: Option<u16>,
}

const ALL_WORDS: Matching = Matching {
    typos: true,
    require_all: true,
    skip_code: None,
};

/// Matches `words` against `field`. `cover` receives, per field word, how many of its normalized
/// chars were matched.
fn score_field(
    field: &Field,
    words: &[QueryWord],
    how: Matching,
    cover: &mut Vec<u32>,
) -> Option<FieldScore> {
    cover.clear();
    cover.resize(field.words.len(), 0);
    let mut score = FieldScore {
        typo_edits: 0,
        prefix_words: 0,
        uncovered: 0,
    };
    for word in words {
        if how.skip_code.is_some() && word.code == how.skip_code {
            continue;
        }
        let mut best: Option<(WordHit, usize)> = None;
        for (at, text_word) in field.words.iter().enumerate() {
            let Some(hit) = word.hit(text_word.id) else {
                continue;
            };
            if matches!(hit, WordHit::Fuzzy(_)) && !how.typos {
                continue;
            }
            if best.is_none_or(|(seen, _)| hit < seen) {
                best = Some((hit, at));
                if hit == WordHit::Exact {
                    break;
                }
            }
        }
        let Some((hit, at)) = best else {
            if how.require_all {
                return None;
            }
            continue;
        };
        let full = field.words.get(at).map_or(0, |w| w.chars);
        let covered = match hit {
            WordHit::Exact => full,
            WordHit::Prefix => {
                score.prefix_words += 1;
                to_u32(word.chars.len()).min(full)
            }
            WordHit::Fuzzy(edits) => {
                score.typo_edits += u32::from(edits);
                full
            }
        };
        if let Some(slot) = cover.get_mut(at) {
            *slot = (*slot).max(covered);
        }
    }
    score.uncovered = field
        .words
        .iter()
        .zip(cover.iter())
        .map(|(word, covered)| word.chars.saturating_sub(*covered))
        .sum();
    Some(score)
}

/// The entries that contain, for every query word, some word it matches: a superset of the
/// entries a text match is possible in. For code and class queries, every entry.
fn candidates(parsed: &Parsed, index: &Index) -> Vec<u64> {
    match parsed {
        Parsed::Words(words) => entry_sets(
            words.iter().map(|word| {
                (word.prefix.start..word.prefix.end).chain(word.fuzzy.iter().map(|&(id, _)| id))
            }),
            index,
        ),
        _ => vec![u64::MAX; index.set_words],
    }
}

/// The set of entries that contain, for every group of vocabulary ids, at least one of them.
fn entry_sets<Group, Groups>(groups: Groups, index: &Index) -> Vec<u64>
where
    Group: Iterator<Item = u32>,
    Groups: Iterator<Item = Group>,
{
    let mut all = vec![u64::MAX; index.set_words];
    let mut one = vec![0u64; index.set_words];
    for ids in groups {
        one.fill(0);
        for id in ids {
            let start = id as usize * index.set_words;
            if let Some(sets) = index.postings.get(start..start + index.set_words) {
                for (into, set) in one.iter_mut().zip(sets) {
                    *into |= set;
                }
            }
        }
        for (into, set) in all.iter_mut().zip(&one) {
            *into &= set;
        }
    }
    all
}

fn contains(set: &[u64], at: usize) -> bool {
    set.get(at / 64)
        .is_some_and(|bits| bits & (1 << (at % 64)) != 0)
}

/// Whether a word of the query is this entry's number (checked apart from the candidates, since
/// the number need not appear in the entry's text).
fn names_code(parsed: &Parsed, indexed: &Indexed) -> bool {
    match parsed {
        Parsed::Words(words) => words
            .iter()
            .any(|word| word.code == Some(indexed.entry.code)),
        _ => false,
    }
}

fn rank_entry(
    indexed: &Indexed,
    parsed: &Parsed,
    scratch: &mut Vec<u32>,
) -> Option<(Rank, Source)> {
    let code = indexed.entry.code;
    let words = match parsed {
        Parsed::Empty => return None,
        Parsed::Class(digit) => {
            return (catalog::class_digit(code) == *digit)
                .then(|| (Rank::plain(MatchKind::Class, indexed), Source::Phrase));
        }
        Parsed::CodePrefix(digits) => {
            let starts = match digits.parse::<u16>() {
                Ok(number) if digits.len() == 1 => code / 100 == number,
                Ok(number) => code / 10 == number,
                Err(_) => false,
            };
            return starts.then(|| (Rank::plain(MatchKind::CodePrefix, indexed), Source::Phrase));
        }
        Parsed::Words(words) => words,
    };
    let named = names_vendor(indexed, words);
    if words.iter().any(|word| word.code == Some(code)) {
        let missed = words
            .iter()
            .filter(|word| word.code != Some(code) && !mentions(indexed, word))
            .count();
        let rank = Rank {
            vendor_not_named: !named,
            uncovered: to_u32(missed),
            ..Rank::plain(MatchKind::ExactCode, indexed)
        };
        return Some((rank, Source::Phrase));
    }
    // One- and two-digit queries were handled above; numbers here are codes, three-digit
    // numbers that only appear in text ("soft 404") or longer ones (Cloudflare's "error 1016").
    let rank_of = |kind: MatchKind, source: Source, score: &FieldScore| {
        let kind = if score.typo_edits > 0 {
            MatchKind::Fuzzy
        } else {
            kind
        };
        let spelled_out = score.prefix_words == 0 && score.uncovered == 0;
        let (tier, step) = match kind {
            MatchKind::FormerPhrase if spelled_out => {
                (MatchKind::Phrase, PhraseStep::WholeFormerPhrase)
            }
            MatchKind::Keyword if spelled_out => (MatchKind::Phrase, PhraseStep::WholeKeyword),
            MatchKind::Phrase if score.prefix_words > 0 => (kind, PhraseStep::PrefixWords),
            _ => (kind, PhraseStep::WholeWords),
        };
        Rank {
            tier,
            step,
            kind,
            vendor_not_named: !named,
            vendor_entry: !indexed.entry.is_registered(),
            typo_edits: score.typo_edits,
            typo_source: if score.typo_edits > 0 {
                source
            } else {
                Source::Phrase
            },
            prefix_words: score.prefix_words,
            uncovered: score.uncovered,
            code,
            order: indexed.order,
        }
    };
    let mut best = EntryBest::default();
    if let Some(score) = score_field(&indexed.phrase, words, ALL_WORDS, scratch) {
        let kind = if indexed.entry.is_registered() || score.uncovered == 0 {
            MatchKind::Phrase
        } else {
            MatchKind::Vendor
        };
        best.offer(rank_of(kind, Source::Phrase, &score), Source::Phrase);
    }
    let groups: [FieldGroup; 2] = [
        (MatchKind::FormerPhrase, &indexed.former, Source::Former),
        (MatchKind::Keyword, &indexed.keywords, Source::Keyword),
    ];
    for (kind, fields, source) in groups {
        if best.ranked.is_some_and(|seen| outranks_group(&seen, kind)) {
            continue;
        }
        for (at, field) in fields.iter().enumerate() {
            if let Some(score) = score_field(field, words, ALL_WORDS, scratch) {
                best.offer(rank_of(kind, source(at), &score), source(at));
            }
        }
    }
    if best
        .ranked
        .is_some_and(|seen| outranks_group(&seen, MatchKind::Vendor))
    {
        return best.hit();
    }
    if let Some(vendor) = &indexed.vendor {
        if let Some(score) = score_field(vendor, words, ALL_WORDS, scratch) {
            best.offer(
                rank_of(MatchKind::Vendor, Source::Vendor, &score),
                Source::Vendor,
            );
        }
    }
    if best.ranked.is_some() {
        return best.hit();
    }
    let exact_only = Matching {
        typos: false,
        ..ALL_WORDS
    };
    score_field(&indexed.summary, words, exact_only, scratch).map(|score| {
        (
            rank_of(MatchKind::Summary, Source::Summary, &score),
            Source::Summary,
        )
    })
}

/// An entry ranks by its strongest match but is labelled by its most telling one, the first in
/// kind order: for `moved temporarily`, 302 shows its former phrase rather than the keyword that
/// repeats it.
#[derive(Default)]
struct EntryBest {
    ranked: Option<Rank>,
    shown: Option<(Rank, Source)>,
}

impl EntryBest {
    fn offer(&mut self, rank: Rank, source: Source) {
        if self.ranked.is_none_or(|seen| rank < seen) {
            self.ranked = Some(rank);
        }
        if self
            .shown
            .is_none_or(|(seen, _)| (rank.kind, rank) < (seen.kind, seen))
        {
            self.shown = Some((rank, source));
        }
    }

    fn hit(&self) -> Option<(Rank, Source)> {
        let ranked = self.ranked?;
        let (shown, source) = self.shown?;
        Some((
            Rank {
                kind: shown.kind,
                ..ranked
            },
            source,
        ))
    }
}

/// Whether a hit already found beats anything the entry's fields of `kind` could give, so they
/// need not be scored.
fn outranks_group(seen: &Rank, kind: MatchKind) -> bool {
    let best_possible = match kind {
        MatchKind::FormerPhrase => (MatchKind::Phrase, PhraseStep::WholeFormerPhrase),
        MatchKind::Keyword => (MatchKind::Phrase, PhraseStep::WholeKeyword),
        _ => (kind, PhraseStep::WholeWords),
    };
    (seen.tier, seen.step) < best_possible
}

/// Whether some word of the query identifies this entry's vendor (`nginx`, `cloudflare`, `aws`),
/// exactly or as a prefix of four or more letters.
fn names_vendor(indexed: &Indexed, words: &[QueryWord]) -> bool {
    indexed.vendor_ids.iter().any(|&id| {
        words.iter().any(|word| match word.hit(id) {
            Some(WordHit::Exact) => true,
            Some(WordHit::Prefix) => word.chars.len() >= 4,
            _ => false,
        })
    })
}

/// Whether `word` appears (exactly or as a prefix) in the entry's phrase, former phrases,
/// keywords or vendor name.
fn mentions(indexed: &Indexed, word: &QueryWord) -> bool {
    let found = |field: &Field| {
        field.words.iter().any(|text_word| {
            matches!(
                word.hit(text_word.id),
                Some(WordHit::Exact | WordHit::Prefix)
            )
        })
    };
    found(&indexed.phrase)
        || indexed.former.iter().any(found)
        || indexed.keywords.iter().any(found)
        || indexed.vendor.as_ref().is_some_and(found)
}

fn hit(
    indexed: &Indexed,
    kind: MatchKind,
    source: Source,
    parsed: &Parsed,
    scratch: &mut Vec<u32>,
) -> Hit {
    let field = match source {
        Source::Phrase => Some(&indexed.phrase),
        Source::Former(at) => indexed.former.get(at),
        Source::Keyword(at) => indexed.keywords.get(at),
        Source::Vendor => indexed.vendor.as_ref(),
        Source::Summary => Some(&indexed.summary),
    }
    .unwrap_or(&indexed.phrase);
    let mut highlights = Vec::new();
    let mut folded = String::new();
    if let Parsed::Words(words) = parsed {
        let how = Matching {
            typos: kind == MatchKind::Fuzzy,
            require_all: false,
            skip_code: Some(indexed.entry.code),
        };
        // Re-run the match to learn which words it covered; only hits pay for this.
        if score_field(field, words, how, scratch).is_some() {
            for (word, &covered) in field.words.iter().zip(scratch.iter()) {
                if covered == 0 {
                    continue;
                }
                let end = if covered >= word.chars {
                    word.span.end
                } else {
                    prefix_end(field.text, word.span.clone(), covered as usize, &mut folded)
                };
                highlights.push(word.span.start..end);
            }
        }
    }
    Hit {
        entry: indexed.entry,
        kind,
        matched_text: field.text,
        highlights,
    }
}

// ---------------------------------------------------------------------------------------------
// Suggestions

fn suggest(parsed: &Parsed, index: &Index) -> Vec<&'static Entry> {
    match parsed {
        Parsed::Empty => Vec::new(),
        Parsed::Class(digit) => nearest_registered(u32::from(*digit) * 100, index),
        Parsed::CodePrefix(digits) => match digits.parse::<u32>() {
            Ok(number) if digits.len() == 1 => nearest_registered(number * 100, index),
            Ok(number) => nearest_registered(number * 10, index),
            Err(_) => Vec::new(),
        },
        Parsed::Words(words) => match words.iter().find(|word| word.is_number()) {
            // A number with more than three digits is read as a code with stray keystrokes.
            Some(number) => number
                .text
                .get(..number.text.len().min(3))
                .and_then(|digits| digits.parse::<u32>().ok())
                .map(|target| nearest_registered(target, index))
                .unwrap_or_default(),
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
    let near: Vec<Vec<(u32, u8)>> = words
        .iter()
        .enumerate()
        .filter(|(_, word)| suggestion_budget(word.chars.len()) > 0 && !word.is_number())
        .map(|(at, word)| {
            let budget = suggestion_budget(word.chars.len());
            let mut near = near_words(word, budget, at + 1 == count, index);
            // Exact and prefix matches are distance 0; near_words skips them.
            near.extend((word.prefix.start..word.prefix.end).map(|id| (id, 0)));
            near.sort_unstable();
            near
        })
        .collect();
    if near.is_empty() {
        return Vec::new();
    }
    let ids = near
        .iter()
        .map(|candidates| candidates.iter().map(|&(id, _)| id));
    let possible = entry_sets(ids, index);
    let mut scored: Vec<(u32, bool, u16, u16, &'static Entry)> = Vec::new();
    for (at, indexed) in index.entries.iter().enumerate() {
        if !contains(&possible, at) {
            continue;
        }
        let fields = std::iter::once(&indexed.phrase)
            .chain(indexed.former.iter())
            .chain(indexed.keywords.iter())
            .chain(indexed.vendor.iter());
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
                !indexed.entry.is_registered(),
                indexed.entry.code,
                indexed.order,
                indexed.entry,
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
