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
//! Every row (a catalog entry, or a number that is not a status code) gets at most one hit, its
//! best match, and hits sort by this key, field by field:
//!
//! 1. Full before partial: a hit where one field holds every query word comes before any where
//!    none does. Partial hits (only when no code was named and fewer than three rows matched
//!    in full) must match at least half the
//!    weight of the query's words, and sort by the weight they missed; rarer words weigh more,
//!    and words that say little (`too`, `many`, `why`, `error`) almost nothing, so that
//!    `too many redirects please` finds the redirect codes, not "Too Many Requests".
//! 2. [`MatchKind`], in declaration order: exact code > code prefix > class > not-a-status
//!    number > phrase words > former phrase > keyword > library name > platform code > vendor >
//!    similar spelling > summary text. A former phrase, keyword, library name or platform code
//!    the query spells out in full, word for word, ranks among phrase matches: after phrases
//!    whose words the query matched whole, before phrases it only begins (`auth`: 401's keyword
//!    "auth" before 203 "Non-Authoritative"); a library name comes first when the query itself
//!    was written as a name from code (`HttpStatusCode.Redirect`: .NET's 302). A vendor's
//!    phrase the query covers only in part ranks among keywords, so that `login` finds 401
//!    (keyword `login`) before IIS's 440 "Login Time-out". A row ranks by its strongest match
//!    and is labelled by its first in kind order among its fields that miss fewest words.
//! 3. Rows whose vendor the query names first (`nginx` puts nginx's own 444, 494…499 before
//!    registered codes that merely list "nginx 413" among their keywords).
//! 4. Outside the phrase tier, when the query does not name the vendor: rows with more fields
//!    holding every query word whole first (`timeout`: Cloudflare's 524 and 522, whose texts are
//!    about timeouts, before 102 Processing, which mentions one once; `ssl`: the SSL errors
//!    before a scanner's "overloaded").
//! 5. Registered meanings before vendor meanings and not-a-status numbers: most people mean
//!    the standard code (`rate limit`: 429 before Twitter's 420; `redirect`: 307 and 308 before
//!    Exchange's 451).
//! 6. Fewer typo edits, then the field the typo matched (phrase, former phrase, keyword, …).
//! 7. How much of the text matched: fewer query words matched only as a prefix or in another
//!    form, then fewer characters of the matched text left uncovered (`found`: 302 "Found"
//!    before 404 "Not Found"; an exact keyword before a longer keyword that contains the query).
//! 8. Code, then index order (which puts a number's registered meaning before vendor meanings,
//!    and not-a-status numbers after every code).
//!
//! Code, prefix, class and number hits skip steps 3–7 so that they stay in plain code order; an
//! exact code hit uses step 7 for the other words of the query (`420 twitter`). Two hits stand
//! outside the key: a comparison of the two to four codes a query names (`401 vs 403`) comes
//! first, and a number outside the registry's range that the catalog has no record of (`600`)
//! comes last among the full matches, leading to its own page.
//!
//! Index and query read words the same way (`normalize`): case, accents and punctuation fold
//! away, word forms share a stem (`redirects` finds "Redirect"), and a query piece written as a
//! name from code is read as the words of the name (`http.StatusRequestEntityTooLarge`).

mod index;
mod normalize;
mod query;
mod rank;
mod suggest;

pub use index::prepare;
pub use normalize::normalize;

use crate::catalog::{self, Entry, NonStatus};
use crate::compare::{self, Group};
use crate::route;
use index::INDEX;
use query::{cut, parse, Parsed, QueryWord};
use rank::{hit, rank_all, word_weights};
use std::ops::Range;
use suggest::suggest;

/// Longer queries are cut to this many characters (the view says so). Nothing in the catalog
/// needs more, and the cap bounds the work a pasted essay can cause.
pub const MAX_QUERY_CHARS: usize = 200;

/// At most this many suggestions when nothing matched.
pub const MAX_SUGGESTIONS: usize = 5;

/// Why a hit matched, in rank order (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    /// The query names two to four codes to compare (`401 vs 403`, `401 403`).
    Comparison,
    ExactCode,
    CodePrefix,
    Class,
    /// A number that is not a status code (`0`, `000`, `1020`).
    Number,
    Phrase,
    FormerPhrase,
    Keyword,
    /// A library's name for the code (`http.StatusTeapot`, `:not_found`).
    Name,
    /// A platform's error code that arrives with the status (Cloudflare's `1020`, Heroku's
    /// `H12`, IIS's `404.3`, `net::ERR_TOO_MANY_REDIRECTS`), its name or one of its keywords.
    Detail,
    Vendor,
    Fuzzy,
    Summary,
}

impl MatchKind {
    /// A short label shown beside the matched text.
    pub fn label(self) -> &'static str {
        match self {
            MatchKind::Comparison => "comparison",
            MatchKind::ExactCode => "code",
            MatchKind::CodePrefix => "code prefix",
            MatchKind::Class => "class",
            MatchKind::Number => "not a status code",
            MatchKind::Phrase => "phrase",
            MatchKind::FormerPhrase => "formerly",
            MatchKind::Keyword => "keyword",
            MatchKind::Name => "name in code",
            MatchKind::Detail => "error code",
            MatchKind::Vendor => "vendor",
            MatchKind::Fuzzy => "similar spelling",
            MatchKind::Summary => "summary",
        }
    }
}

/// What a hit leads to.
#[derive(Debug, Clone)]
pub enum Target {
    /// One meaning of a status code (its page is `#404`).
    Entry(&'static Entry),
    /// A number the catalog describes that is not a status code (`#0`, `#000`).
    NotStatus(&'static NonStatus),
    /// Any other number outside the registry's range, as typed (`#1020`, `#600`): its page says
    /// what RFC 9110 §15 tells a client to do with it.
    Number(String),
    /// Codes side by side, in the order named (`#401-vs-403`), or the curated comparison of
    /// exactly those codes.
    Comparison {
        codes: Vec<u16>,
        curated: Option<&'static Group>,
    },
}

impl Target {
    /// The URL fragment of the page it leads to, without `#`.
    pub fn fragment(&self) -> String {
        match self {
            Target::Entry(entry) => entry.code.to_string(),
            Target::NotStatus(number) => number.number.clone(),
            Target::Number(number) => number.clone(),
            Target::Comparison {
                curated: Some(group),
                ..
            } => group.slug.clone(),
            Target::Comparison { codes, .. } => route::comparison_slug(codes),
        }
    }
}

/// One search result.
#[derive(Debug, Clone)]
pub struct Hit {
    pub target: Target,
    pub kind: MatchKind,
    /// The text shown as the reason it matched: the phrase for code/class/phrase matches, else
    /// the former phrase, keyword, library name, platform code, vendor name or summary that
    /// matched; a not-a-status number's title; a comparison's title.
    pub matched_text: &'static str,
    /// Byte ranges of `matched_text` to highlight, sorted, non-overlapping, on char boundaries.
    pub highlights: Vec<Range<usize>>,
    /// No field held every word of the query: the hit matched only some of them, and ranks
    /// after every hit that matched them all.
    pub partial: bool,
}

impl Hit {
    /// The catalog entry it leads to, if it leads to one.
    pub fn entry(&self) -> Option<&'static Entry> {
        match self.target {
            Target::Entry(entry) => Some(entry),
            _ => None,
        }
    }

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
    /// Only when `hits` is empty: for a number that could be a status code, the registered
    /// codes nearest to it (same class first); for words, entries whose words are spelled like
    /// the query's within a looser distance. Empty for an empty query.
    pub suggestions: Vec<&'static Entry>,
}

/// A partial match must match at least this share (in percent) of the weight of the query's
/// words the catalog knows: `too many redirects` may drop `too`, not `redirects`.
const PARTIAL_MIN_PERCENT: u32 = 50;

/// Partial matches are looked for only when full matches are fewer than this.
const PARTIAL_BELOW_HITS: usize = 3;

/// How many results a results list draws before "Show all": one letter can match a hundred
/// codes, and drawing them all would take longer than a frame on every keystroke.
pub const FIRST_RESULTS: usize = 30;

/// Searches the catalog. Never panics, whatever the input; the same query always gives the same
/// outcome.
pub fn search(query: &str) -> Outcome {
    search_showing(query, usize::MAX)
}

/// [`search`] for a list that draws only the first `shown` hits: the hits after them come
/// without highlights (empty `highlights`), since finding them means matching the field again.
/// Everything else is as [`search`] gives it.
pub fn search_showing(query: &str, shown: usize) -> Outcome {
    let (query, query_was_cut) = cut(query);
    let index = &*INDEX;
    let parsed = parse(query, index);
    let mut scratch = Vec::new();
    let mut ranked = rank_all(&parsed, index, &[], None, &mut scratch);
    if let Parsed::Words(words) = &parsed {
        // Partial matches fill in where full ones are few; where there are enough, they would
        // only lengthen the list (and cost time on every keystroke).
        let few_text_hits = ranked.len() < PARTIAL_BELOW_HITS
            && ranked
                .iter()
                .all(|(rank, ..)| rank.kind >= MatchKind::Phrase);
        if words.len() > 1 && few_text_hits {
            let weights = word_weights(words, index);
            let known: u32 = weights.iter().sum();
            let most_missed = known * (100 - PARTIAL_MIN_PERCENT) / 100;
            let seen: Vec<u16> = ranked.iter().map(|(_, row, _)| row.order).collect();
            ranked.extend(
                rank_all(&parsed, index, &weights, Some(most_missed), &mut scratch)
                    .into_iter()
                    .filter(|(rank, row, _)| {
                        rank.missed() <= most_missed && !seen.contains(&row.order)
                    }),
            );
        }
    }
    // Ranks are unique (they end with the index position), so the order is total.
    ranked.sort_by_cached_key(|(rank, _, _)| rank.key());
    let mut hits: Vec<Hit> = Vec::with_capacity(ranked.len() + 1);
    if let Some(comparison) = comparison(&parsed) {
        hits.push(comparison);
    }
    let before = hits.len();
    hits.extend(
        ranked
            .into_iter()
            .enumerate()
            .map(|(at, (rank, indexed, source))| {
                let drawn = before + at < shown;
                hit(indexed, &rank, source, &parsed, drawn, &mut scratch)
            }),
    );
    if let Some(number) = other_number(&parsed) {
        // Last among the hits that matched the whole query.
        let at = hits
            .iter()
            .position(|hit| hit.partial)
            .unwrap_or(hits.len());
        hits.insert(at, number);
    }
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

/// Words that join the codes of a comparison: `401 vs 403`, `401 or 403`,
/// `difference between 401 and 403`.
const COMPARISON_WORDS: &[&str] = &[
    "v",
    "vs",
    "versus",
    "or",
    "and",
    "compare",
    "comparison",
    "difference",
    "between",
    "with",
    "against",
];

/// A comparison when the query names two to four different codes and nothing else but words
/// that join them.
fn comparison(parsed: &Parsed) -> Option<Hit> {
    let Parsed::Words(words) = parsed else {
        return None;
    };
    let mut codes: Vec<u16> = Vec::new();
    for word in words {
        match word.code {
            Some(code) if !codes.contains(&code) => codes.push(code),
            Some(_) => {}
            None if COMPARISON_WORDS.contains(&word.text.as_str()) => {}
            None => return None,
        }
    }
    if !(2..=route::MAX_COMPARED).contains(&codes.len()) {
        return None;
    }
    let curated = compare::curated_for(&codes);
    Some(Hit {
        matched_text: curated.map_or("side by side", |group| group.title.as_str()),
        target: Target::Comparison { codes, curated },
        kind: MatchKind::Comparison,
        highlights: Vec::new(),
        partial: false,
    })
}

/// Words that may stand beside a number that is looked up as a status: `error 1020`,
/// `status 600`, `http code 99`.
const NUMBER_WORDS: &[&str] = &[
    "code",
    "error",
    "http",
    "https",
    "response",
    "returned",
    "status",
    "statuscode",
];

/// A number that is no status code and that the catalog has no record of (`600`, `1020`,
/// `99`): its own page explains it (RFC 9110 §15). Only for a query of that one number and
/// [`NUMBER_WORDS`].
fn other_number(parsed: &Parsed) -> Option<Hit> {
    let Parsed::Words(words) = parsed else {
        return None;
    };
    let mut numbers = words.iter().filter(|word| word.is_number());
    let number: &QueryWord = numbers.next()?;
    let only_number_words = words
        .iter()
        .all(|word| word.is_number() || NUMBER_WORDS.contains(&word.text.as_str()));
    // `curl: (7)` is curl's exit code 7, found by its own words; no page about a number 7.
    if numbers.next().is_some() || number.code.is_some() || !only_number_words {
        return None;
    }
    let text = number.text.as_str();
    let value: u64 = text.parse().ok()?;
    let could_be_code = text.len() == 3 && (100..=599).contains(&value);
    if could_be_code || catalog::non_status(text).is_some() || route::parse_number(text).is_none() {
        return None;
    }
    Some(Hit {
        target: Target::Number(text.to_string()),
        kind: MatchKind::Number,
        matched_text: &catalog::out_of_range().summary,
        highlights: Vec::new(),
        partial: false,
    })
}

fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}
