//! Search over the catalog: query parsing, matching and ranking.
//!
//! Pure (no leptos, no web-sys), so `tests/search.rs` covers it natively. The catalog is small
//! (about a hundred entries), so instead of a general full-text engine this keeps one precomputed
//! index: every searchable text split into normalized words, each word an id into one sorted
//! vocabulary. A query word is resolved against the vocabulary once (exact id, the contiguous id
//! range of words it is a prefix of, and a short list of ids within typo distance), after which
//! matching an entry is integer comparisons only.
//!
//! # Stages
//!
//! One file per stage, in the order a query passes through them:
//!
//! - `normalize`: the folding of text into words that index and query share;
//! - `index`: the vocabulary, each entry's fields as word ids, and the entry sets per word;
//! - `query`: reading a query (class pattern, code prefix, or words resolved to vocabulary ids);
//! - `rank`: scoring the candidate entries' fields and the sort key below;
//! - `suggest`: what to offer when nothing matched.
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

mod index;
mod normalize;
mod query;
mod rank;
mod suggest;

pub use index::prepare;
pub use normalize::normalize;

use crate::catalog::Entry;
use index::{contains, Indexed, INDEX};
use query::{cut, parse};
use rank::{candidates, hit, names_code, rank_entry, Rank, Source};
use std::ops::Range;
use suggest::suggest;

/// Longer queries are cut to this many characters (the view says so). Nothing in the catalog
/// needs more, and the cap bounds the work a pasted essay can cause.
pub const MAX_QUERY_CHARS: usize = 200;

/// At most this many suggestions when nothing matched.
pub const MAX_SUGGESTIONS: usize = 5;

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

fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}
