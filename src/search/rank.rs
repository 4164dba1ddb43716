//! Ranking: scoring each candidate row's fields against the query and building its sort key.
//! The order itself is documented once, in the module docs of `search`.

use super::index::{
    contains, entry_sets, group_sets, named_sets, Field, FieldGroup as Group, Index, Indexed,
    Subject, FIELD_GROUPS,
};
use super::normalize::prefix_end;
use super::query::{Parsed, QueryWord, WordHit};
use super::{to_u32, Hit, MatchKind, Target};
use crate::catalog;

/// The sort key of a hit; see "Ranking" in the module docs. Field order is significant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Rank {
    /// 0 when one field matched every word of the query; else the weight of the words the best
    /// field missed (a partial match), so that every full match comes first.
    missed: u32,
    /// Some query word matched in no field of the row (one the catalog only has in summaries
    /// weighs nothing, yet still makes the match partial).
    partial: bool,
    /// The match kind, except that a former phrase, keyword, name or platform code the query
    /// spells out whole ranks among phrases, and a vendor's phrase the query only partly covers
    /// ranks among keywords.
    tier: MatchKind,
    step: PhraseStep,
    vendor_not_named: bool,
    /// Outside the phrase tier: how many fewer of the row's fields hold every query word than
    /// the most any row has (`u32::MAX - count`), so that a row about the query comes before one
    /// that mentions it once.
    fewer_fields: u32,
    vendor_entry: bool,
    typo_edits: u32,
    typo_source: Source,
    prefix_words: u32,
    uncovered: u32,
    code: u16,
    order: u16,
    /// What is shown; `tier` and `step` already order by it.
    pub(super) kind: MatchKind,
}

/// The order within the phrase tier, which texts the query spells out in full join: `auth`
/// finds 401 by its keyword "auth" before 203 "Non-Authoritative Information", whose phrase it
/// only begins, yet `page expired` still finds Laravel's 419 "Page Expired" before 410's keyword
/// "page expired".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum PhraseStep {
    /// A library's name for the code, spelled out in full by a query written as a name from
    /// code: `HttpStatusCode.Redirect` is .NET's 302, before 307 "Temporary Redirect".
    WholeNameFromCode,
    /// A phrase every query word matched whole, or any hit outside the phrase tier.
    WholeWords,
    /// A former phrase the query spells out in full.
    WholeFormerPhrase,
    /// A library's name for the code, spelled out in full.
    WholeName,
    /// A keyword the query spells out in full.
    WholeKeyword,
    /// A platform error code, its name or one of its keywords, spelled out in full.
    WholeDetail,
    /// A phrase some query word matched only as a prefix.
    PrefixWords,
}

/// The field a match came from; the derived order is the preference among typo matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Source {
    Phrase,
    Former(usize),
    Keyword(usize),
    Name(usize),
    Detail(usize),
    Vendor,
    Summary,
}

impl Rank {
    pub(super) fn plain(kind: MatchKind, indexed: &Indexed) -> Rank {
        Rank {
            missed: 0,
            partial: false,
            tier: kind,
            step: PhraseStep::WholeWords,
            kind,
            vendor_not_named: false,
            fewer_fields: 0,
            vendor_entry: false,
            typo_edits: 0,
            typo_source: Source::Phrase,
            prefix_words: 0,
            uncovered: 0,
            code: indexed.code,
            order: indexed.order,
        }
    }

    /// Whether this is a partial match (some query word matched in no field of the row).
    pub(super) fn is_partial(&self) -> bool {
        self.partial
    }

    /// The weight of the query words a partial match missed; 0 for a full match.
    pub(super) fn missed(&self) -> u32 {
        self.missed
    }

    /// The rank packed into two integers that order as the rank does, so that sorting a
    /// one-letter query's hundred hits compares integers. Counts are clamped to their part's
    /// width; no query within [`super::MAX_QUERY_CHARS`] comes near the limits (a field's
    /// uncovered characters, for one, are at most its length, a few hundred).
    pub(super) fn key(&self) -> (u64, u64) {
        let clamp = |value: u32, bits: u32| u64::from(value.min((1 << bits) - 1));
        let (source, at) = match self.typo_source {
            Source::Phrase => (0, 0),
            Source::Former(at) => (1, at),
            Source::Keyword(at) => (2, at),
            Source::Name(at) => (3, at),
            Source::Detail(at) => (4, at),
            Source::Vendor => (5, 0),
            Source::Summary => (6, 0),
        };
        // `fewer_fields` is 0 or `u32::MAX - fields`: keep the order in 9 bits.
        let fewer_fields = match self.fewer_fields {
            0 => 0,
            fewer => 0x100 - clamp(u32::MAX - fewer, 8),
        };
        // 32 + 1 + 4 + 3 + 1 + 9 + 1 + 8 = 59 bits.
        let high = u64::from(self.missed) << 27
            | u64::from(self.partial) << 26
            | (self.tier as u64) << 22
            | (self.step as u64) << 19
            | u64::from(self.vendor_not_named) << 18
            | fewer_fields << 9
            | u64::from(self.vendor_entry) << 8
            | clamp(self.typo_edits, 8);
        // 3 + 8 + 8 + 13 + 16 + 16 = 64 bits.
        let low = source << 61
            | clamp(to_u32(at), 8) << 53
            | clamp(self.prefix_words, 8) << 45
            | clamp(self.uncovered, 13) << 32
            | u64::from(self.code) << 16
            | u64::from(self.order);
        (high, low)
    }
}

/// How the query's words matched one field.
#[derive(Default)]
struct FieldScore {
    typo_edits: u32,
    prefix_words: u32,
    /// Normalized characters of the field not covered by any query word.
    uncovered: u32,
    /// The weight of the query words the field did not match (only without `require_all`).
    missed: u32,
    /// How many query words the field did not match.
    missed_words: u32,
    /// How many query words matched only another form of a field word (`timed` for `time`).
    form_words: u32,
}

impl FieldScore {
    /// Counts a query word's match against a text word of `full` normalized chars, and returns
    /// how many of those chars it covers.
    fn count(&mut self, hit: WordHit, word: &QueryWord, full: u32) -> u32 {
        match hit {
            WordHit::Exact => full,
            WordHit::Form => {
                self.form_words += 1;
                full
            }
            WordHit::Prefix => {
                self.prefix_words += 1;
                to_u32(word.chars.len()).min(full)
            }
            WordHit::Fuzzy(edits) => {
                self.typo_edits += u32::from(edits);
                full
            }
        }
    }
}

/// How to match the query's words against one field.
#[derive(Clone, Copy)]
struct Matching {
    /// Accept typo matches.
    typos: bool,
    /// Fail as soon as one word matches nothing (else skip that word: for partial matches and
    /// for highlighting, where the words of an exact code hit need not all appear in its phrase).
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

const SOME_WORDS: Matching = Matching {
    typos: true,
    require_all: false,
    skip_code: None,
};

/// Matches `words` against `field`. `cover` receives, per field word, how many of its normalized
/// chars were matched. `weights` (one per query word) price the words a partial match misses.
fn score_field(
    field: &Field,
    words: &[QueryWord],
    weights: &[u32],
    how: Matching,
    cover: &mut Vec<u32>,
) -> Option<FieldScore> {
    if let ([word], None) = (words, how.skip_code) {
        return score_field_one(field, word, how.typos);
    }
    cover.clear();
    cover.resize(field.words.len(), 0);
    let mut score = FieldScore::default();
    let mut matched_any = false;
    for (index, word) in words.iter().enumerate() {
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
            score.missed += weights.get(index).copied().unwrap_or(1);
            score.missed_words += 1;
            continue;
        };
        matched_any = true;
        let full = field.words.get(at).map_or(0, |w| w.chars);
        let covered = score.count(hit, word, full);
        if let Some(slot) = cover.get_mut(at) {
            *slot = (*slot).max(covered);
        }
    }
    if !matched_any && !how.require_all && how.skip_code.is_none() {
        return None;
    }
    score.uncovered = field
        .words
        .iter()
        .zip(cover.iter())
        .map(|(word, covered)| word.chars.saturating_sub(*covered))
        .sum();
    Some(score)
}

/// [`score_field`] for a query of one word, the commonest kind (every first keystroke): the
/// field's uncovered chars are its chars less what the word covers, with no per-word tally.
/// `cover` is left as it was, which only highlighting reads, and highlighting names a code to
/// skip, so it never comes here.
fn score_field_one(field: &Field, word: &QueryWord, typos: bool) -> Option<FieldScore> {
    let mut best: Option<(WordHit, u32)> = None;
    for text_word in field.words.iter() {
        let Some(hit) = word.hit(text_word.id) else {
            continue;
        };
        if matches!(hit, WordHit::Fuzzy(_)) && !typos {
            continue;
        }
        if best.is_none_or(|(seen, _)| hit < seen) {
            best = Some((hit, text_word.chars));
            if hit == WordHit::Exact {
                break;
            }
        }
    }
    let (hit, full) = best?;
    let mut score = FieldScore::default();
    let covered = score.count(hit, word, full);
    score.uncovered = field.chars.saturating_sub(covered);
    Some(score)
}

/// The rows that contain, for every query word, some word it matches: a superset of the rows a
/// text match is possible in. For code and class queries, every row.
pub(super) fn candidates(parsed: &Parsed, index: &Index) -> Vec<u64> {
    match parsed {
        Parsed::Words(words) => entry_sets(words.iter().map(word_ids), index),
        _ => vec![u64::MAX; index.set_words],
    }
}

/// Per field group, the rows whose group holds every query word in some way (`any`), and as
/// the word itself or one of its forms (`whole`).
pub(super) struct GroupRows {
    any: [Vec<u64>; FIELD_GROUPS],
    whole: [Vec<u64>; FIELD_GROUPS],
}

/// The vocabulary ids a query word matches whole: itself and its forms.
fn whole_ids(word: &QueryWord) -> impl Iterator<Item = u32> + '_ {
    word.exact.into_iter().chain(word.forms.iter().copied())
}

/// Every vocabulary id a query word matches in some way.
fn word_ids(word: &QueryWord) -> impl Iterator<Item = u32> + '_ {
    (word.prefix.start..word.prefix.end)
        .chain(word.forms.iter().copied())
        .chain(word.fuzzy.iter().map(|&(id, _)| id))
}

/// Words that say little about which status is meant (`why am I getting too many redirects`):
/// a partial match may miss them at almost no cost.
const LIGHT_WORDS: &[&str] = &[
    "a", "am", "an", "and", "are", "at", "by", "code", "do", "does", "error", "for", "from", "get",
    "getting", "got", "help", "how", "http", "i", "im", "in", "is", "it", "many", "me", "much",
    "my", "not", "of", "on", "or", "please", "status", "the", "this", "to", "too", "very", "what",
    "when", "why", "with", "you", "your",
];

/// What each query word is worth when a partial match misses it: rarer words weigh more
/// (inverse document frequency over every field but summaries, ×100), and [`LIGHT_WORDS`] weigh
/// 1, so that `too many redirects` prefers rows about redirects to rows that only say "too
/// many". A word no such field contains weighs nothing: every row misses it alike.
pub(super) fn word_weights(words: &[QueryWord], index: &Index) -> Vec<u32> {
    let rows = index.entries.len().max(1) as f64;
    words
        .iter()
        .map(|word| {
            if LIGHT_WORDS.contains(&word.text.as_str()) {
                return 1;
            }
            let set = named_sets(std::iter::once(word_ids(word)), index);
            let count: u32 = set.iter().map(|bits| bits.count_ones()).sum();
            if count == 0 {
                0
            } else {
                // At least 1, so that missing a word that every row has still counts.
                ((rows / f64::from(count)).ln() * 100.0).max(1.0) as u32
            }
        })
        .collect()
}

/// The rows a partial match may come from: those where the query words some field holds could
/// weigh enough, so that no field of the others is scored (`not found` scores no row that only
/// says "not").
fn partial_candidates(
    words: &[QueryWord],
    weights: &[u32],
    most_missed: u32,
    index: &Index,
) -> Vec<u64> {
    let known: u32 = weights.iter().sum();
    let sets: Vec<Vec<u64>> = words
        .iter()
        .map(|word| named_sets(std::iter::once(word_ids(word)), index))
        .collect();
    let mut rows = vec![0u64; index.set_words];
    for at in 0..index.entries.len() {
        let held: u32 = sets
            .iter()
            .zip(weights)
            .filter(|(set, _)| contains(set, at))
            .map(|(_, weight)| *weight)
            .sum();
        if held > 0 && known - held.min(known) <= most_missed {
            if let Some(bits) = rows.get_mut(at / 64) {
                *bits |= 1 << (at % 64);
            }
        }
    }
    rows
}

/// Whether a word of the query is this row's number: its code (checked apart from the
/// candidates, since the number need not appear in the entry's text), or a not-a-status number
/// exactly as written (`000` is not `0`).
pub(super) fn names_number(parsed: &Parsed, indexed: &Indexed) -> bool {
    let Parsed::Words(words) = parsed else {
        return false;
    };
    words.iter().any(|word| matches_number(word, indexed))
}

fn matches_number(word: &QueryWord, indexed: &Indexed) -> bool {
    match indexed.subject {
        Subject::Entry(entry) => word.code == Some(entry.code),
        Subject::NotStatus(number) => word.text == number.number,
    }
}

/// Ranks one row for the query; with `partial`, for a partial match (the words no field holds
/// are priced by `weights`).
pub(super) fn rank_entry(
    indexed: &Indexed,
    parsed: &Parsed,
    weights: &[u32],
    partial: bool,
    group_rows: Option<&GroupRows>,
    scratch: &mut Vec<u32>,
) -> Option<(Rank, Source)> {
    let code = indexed.code;
    let words = match (parsed, indexed.subject) {
        (Parsed::Empty, _) => return None,
        (Parsed::Class(digit), Subject::Entry(_)) => {
            return (catalog::class_digit(code) == *digit)
                .then(|| (Rank::plain(MatchKind::Class, indexed), Source::Phrase));
        }
        (Parsed::CodePrefix(digits), Subject::Entry(_)) => {
            let starts = match digits.parse::<u16>() {
                Ok(number) if digits.len() == 1 => code / 100 == number,
                Ok(number) => code / 10 == number,
                Err(_) => false,
            };
            return starts.then(|| (Rank::plain(MatchKind::CodePrefix, indexed), Source::Phrase));
        }
        (Parsed::Class(_) | Parsed::CodePrefix(_), Subject::NotStatus(_)) => return None,
        (Parsed::Words(words), _) => words,
    };
    let named = names_vendor(indexed, words);
    if !partial && words.iter().any(|word| matches_number(word, indexed)) {
        let missed = words
            .iter()
            .filter(|word| !matches_number(word, indexed) && !mentions(indexed, word))
            .count();
        let kind = match indexed.subject {
            Subject::Entry(_) => MatchKind::ExactCode,
            Subject::NotStatus(_) => MatchKind::Number,
        };
        let rank = Rank {
            vendor_not_named: !named,
            uncovered: to_u32(missed),
            ..Rank::plain(kind, indexed)
        };
        return Some((rank, Source::Phrase));
    }
    let how = if partial { SOME_WORDS } else { ALL_WORDS };
    let from_code = words.iter().any(|word| word.from_code);
    // One- and two-digit queries were handled above; numbers here are codes, three-digit
    // numbers that only appear in text ("soft 404") or longer ones (Cloudflare's "error 1016").
    let rank_of = |kind: MatchKind, source: Source, score: &FieldScore| {
        let kind = if score.typo_edits > 0 {
            MatchKind::Fuzzy
        } else {
            kind
        };
        // Spelled out as written: `time out` is the former phrase "Gateway Time-out" before it
        // is the keyword "timed out".
        let spelled_out = score.prefix_words == 0 && score.uncovered == 0 && score.form_words == 0;
        let (tier, step) = match kind {
            MatchKind::FormerPhrase if spelled_out => {
                (MatchKind::Phrase, PhraseStep::WholeFormerPhrase)
            }
            MatchKind::Name if spelled_out && from_code => {
                (MatchKind::Phrase, PhraseStep::WholeNameFromCode)
            }
            MatchKind::Name if spelled_out => (MatchKind::Phrase, PhraseStep::WholeName),
            MatchKind::Keyword if spelled_out => (MatchKind::Phrase, PhraseStep::WholeKeyword),
            MatchKind::Detail if spelled_out => (MatchKind::Phrase, PhraseStep::WholeDetail),
            // A vendor's phrase the query covers only in part ranks with keywords, so that
            // `login` finds 401 (keyword `login`) before IIS's 440 "Login Time-out".
            MatchKind::Phrase if !indexed.registered && !spelled_out => {
                (MatchKind::Keyword, PhraseStep::WholeWords)
            }
            MatchKind::Phrase if score.prefix_words > 0 => (kind, PhraseStep::PrefixWords),
            _ => (kind, PhraseStep::WholeWords),
        };
        Rank {
            missed: score.missed,
            partial: score.missed_words > 0,
            tier,
            step,
            kind,
            vendor_not_named: !named,
            fewer_fields: 0,
            vendor_entry: !indexed.registered,
            typo_edits: score.typo_edits,
            typo_source: if score.typo_edits > 0 {
                source
            } else {
                Source::Phrase
            },
            // A word matched in another form is as loose as one matched by its start.
            prefix_words: score.prefix_words + score.form_words,
            uncovered: score.uncovered,
            code,
            order: indexed.order,
        }
    };
    let mut best = EntryBest::default();
    if let Some(score) = score_field(&indexed.phrase, words, weights, how, scratch) {
        let rank = rank_of(MatchKind::Phrase, Source::Phrase, &score);
        best.offer(rank, Source::Phrase);
        if rank.tier == MatchKind::Phrase
            && rank.step == PhraseStep::WholeWords
            && !partial
            && !from_code
        {
            // Nothing ranks higher, and the count of fields only orders lower tiers.
            return best.hit(0);
        }
    }
    let groups: [FieldGroup; 4] = [
        (MatchKind::FormerPhrase, &indexed.former, Source::Former),
        (MatchKind::Keyword, &indexed.keywords, Source::Keyword),
        (MatchKind::Name, &indexed.names, Source::Name),
        (MatchKind::Detail, &indexed.details, Source::Detail),
    ];
    let mut fields_with_all = u32::from(
        best.ranked
            .is_some_and(|rank| rank.prefix_words == 0 && rank.typo_edits == 0 && !rank.partial),
    );
    for (group, (kind, fields, source)) in groups.into_iter().enumerate() {
        let order = usize::from(indexed.order);
        if let Some(rows) = group_rows {
            // A full match needs every query word in one field, so in the group at least.
            if rows.any.get(group).is_some_and(|set| !contains(set, order)) {
                continue;
            }
            // A field that holds the query words only by their start can neither join the
            // phrase tier nor count among the fields holding every word whole (both need exact
            // words or their forms); so once the row has a stronger match, shown and ranked, the
            // group cannot change the row's rank or label.
            let stronger = best.ranked.is_some_and(|seen| seen.tier < kind)
                && best.shown.is_some_and(|(seen, _)| seen.kind < kind);
            if stronger
                && rows
                    .whole
                    .get(group)
                    .is_some_and(|set| !contains(set, order))
            {
                continue;
            }
        }
        // A group that cannot beat a phrase-tier hit need not be scored: the count of fields
        // only orders hits outside that tier.
        let best_step = match kind {
            MatchKind::FormerPhrase => PhraseStep::WholeFormerPhrase,
            MatchKind::Name if from_code => PhraseStep::WholeNameFromCode,
            MatchKind::Name => PhraseStep::WholeName,
            MatchKind::Keyword => PhraseStep::WholeKeyword,
            _ => PhraseStep::WholeDetail,
        };
        if !partial
            && best
                .ranked
                .is_some_and(|seen| seen.tier == MatchKind::Phrase && seen.step <= best_step)
        {
            continue;
        }
        for (at, field) in fields.iter().enumerate() {
            if let Some(score) = score_field(field, words, weights, how, scratch) {
                // Only fields that hold every word whole count: a row about the query, not
                // one whose words merely begin like it.
                fields_with_all += u32::from(
                    score.missed_words == 0 && score.typo_edits == 0 && score.prefix_words == 0,
                );
                best.offer(rank_of(kind, source(at), &score), source(at));
            }
        }
    }
    if best.ranked.is_none() {
        if let Some(vendor) = &indexed.vendor {
            if let Some(score) = score_field(vendor, words, weights, how, scratch) {
                best.offer(
                    rank_of(MatchKind::Vendor, Source::Vendor, &score),
                    Source::Vendor,
                );
            }
        }
    }
    if best.ranked.is_some() {
        return best.hit(fields_with_all);
    }
    if partial {
        return None;
    }
    let exact_only = Matching {
        typos: false,
        ..ALL_WORDS
    };
    score_field(&indexed.summary, words, weights, exact_only, scratch).map(|score| {
        (
            rank_of(MatchKind::Summary, Source::Summary, &score),
            Source::Summary,
        )
    })
}

/// A kind of match, the indexed texts it searches, and how to name the text that matched.
type FieldGroup<'a> = (MatchKind, &'a [Field], fn(usize) -> Source);

/// A row ranks by its strongest match but is labelled by its most telling one, the first in
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
        // Among the fields that miss the fewest query words, the first in kind order.
        let key = |rank: Rank| (rank.missed, rank.partial, rank.kind, rank);
        if self.shown.is_none_or(|(seen, _)| key(rank) < key(seen)) {
            self.shown = Some((rank, source));
        }
    }

    /// The hit, with `fields` (how many fields hold every query word) ordering it outside the
    /// phrase tier.
    fn hit(&self, fields: u32) -> Option<(Rank, Source)> {
        let ranked = self.ranked?;
        let (shown, source) = self.shown?;
        // A query that names the vendor lists the vendor's codes in plain code order.
        let fewer_fields = if ranked.tier == MatchKind::Phrase || !ranked.vendor_not_named {
            0
        } else {
            u32::MAX - fields
        };
        Some((
            Rank {
                kind: shown.kind,
                fewer_fields,
                ..ranked
            },
            source,
        ))
    }
}

/// Whether some word of the query identifies this row's vendor (`nginx`, `cloudflare`, `aws`),
/// exactly or as a prefix of four or more letters.
fn names_vendor(indexed: &Indexed, words: &[QueryWord]) -> bool {
    indexed.vendor_ids.iter().any(|&id| {
        words.iter().any(|word| match word.hit(id) {
            Some(WordHit::Exact | WordHit::Form) => true,
            Some(WordHit::Prefix) => word.chars.len() >= 4,
            _ => false,
        })
    })
}

/// Whether `word` appears (exactly, in another form or as a prefix) in the row's phrase, former
/// phrases, keywords, names, platform codes or vendor name.
fn mentions(indexed: &Indexed, word: &QueryWord) -> bool {
    indexed.named_fields().any(|field| {
        field.words.iter().any(|text_word| {
            matches!(
                word.hit(text_word.id),
                Some(WordHit::Exact | WordHit::Form | WordHit::Prefix)
            )
        })
    })
}

/// The hit shown for a ranked row, with the matched words of its field highlighted when
/// `highlight`.
pub(super) fn hit(
    indexed: &Indexed,
    rank: &Rank,
    source: Source,
    parsed: &Parsed,
    highlight: bool,
    scratch: &mut Vec<u32>,
) -> Hit {
    let field = match source {
        Source::Phrase => Some(&indexed.phrase),
        Source::Former(at) => indexed.former.get(at),
        Source::Keyword(at) => indexed.keywords.get(at),
        Source::Name(at) => indexed.names.get(at),
        Source::Detail(at) => indexed.details.get(at),
        Source::Vendor => indexed.vendor.as_ref(),
        Source::Summary => Some(&indexed.summary),
    }
    .unwrap_or(&indexed.phrase);
    let mut highlights = Vec::new();
    let mut folded = String::new();
    if let (Parsed::Words(words), true) = (parsed, highlight) {
        let how = Matching {
            typos: rank.kind == MatchKind::Fuzzy,
            require_all: false,
            skip_code: match indexed.subject {
                Subject::Entry(entry) => Some(entry.code),
                // Never a code: an impossible one keeps every word in play.
                Subject::NotStatus(_) => Some(u16::MAX),
            },
        };
        // Re-run the match to learn which words it covered; only hits pay for this.
        if score_field(field, words, &[], how, scratch).is_some() {
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
    let target = match indexed.subject {
        Subject::Entry(entry) => Target::Entry(entry),
        Subject::NotStatus(number) => Target::NotStatus(number),
    };
    Hit {
        target,
        kind: rank.kind,
        matched_text: field.text,
        highlights,
        partial: rank.is_partial(),
    }
}

/// Ranks every candidate row: rows holding every query word in one field, or, when `partial`,
/// rows where some field holds part of them.
///
/// `partial` is the most weight of query words a partial match may miss; `None` for full
/// matches.
pub(super) fn rank_all<'a>(
    parsed: &Parsed,
    index: &'a Index,
    weights: &[u32],
    partial: Option<u32>,
    scratch: &mut Vec<u32>,
) -> Vec<(Rank, &'a Indexed, Source)> {
    let candidates = match (parsed, partial) {
        (Parsed::Words(words), Some(most_missed)) => {
            partial_candidates(words, weights, most_missed, index)
        }
        _ => candidates(parsed, index),
    };
    let partial = partial.is_some();
    // For full matches, the rows whose field groups hold every query word (computed once here,
    // so each row skips the groups that cannot match).
    let group_rows = match parsed {
        Parsed::Words(words) if !partial => {
            let groups = [Group::Former, Group::Keywords, Group::Names, Group::Details];
            Some(GroupRows {
                any: groups.map(|group| group_sets(words.iter().map(word_ids), group, index)),
                whole: groups.map(|group| group_sets(words.iter().map(whole_ids), group, index)),
            })
        }
        _ => None,
    };
    let mut ranked = Vec::new();
    for (at, indexed) in index.entries.iter().enumerate() {
        if !contains(&candidates, at) && (partial || !names_number(parsed, indexed)) {
            continue;
        }
        if let Some((rank, source)) = rank_entry(
            indexed,
            parsed,
            weights,
            partial,
            group_rows.as_ref(),
            scratch,
        ) {
            ranked.push((rank, indexed, source));
        }
    }
    ranked
}

#[cfg(test)]
mod tests {
    use super::{rank_all, word_weights};
    use crate::search::index::INDEX;
    use crate::search::query::{parse, Parsed};

    /// The catalog stays within the widths `Rank::key` packs its counts into, so the clamps
    /// never change an order: a field's chars in 13 bits, a field's position in 8.
    #[test]
    fn catalog_fits_the_packed_key() {
        for indexed in INDEX.entries.iter() {
            for field in indexed
                .named_fields()
                .chain(std::iter::once(&indexed.summary))
            {
                assert!(field.chars < 1 << 13, "{}", field.text);
            }
            for group in [
                &indexed.former,
                &indexed.keywords,
                &indexed.names,
                &indexed.details,
            ] {
                assert!(group.len() < 1 << 8, "{} fields in one group", group.len());
            }
        }
    }

    /// The packed key sorts every query's hits, full and partial, exactly as the rank does.
    #[test]
    fn key_orders_as_the_rank() {
        let index = &*INDEX;
        let queries = [
            "e",
            "request",
            "timeout",
            "not found",
            "too many redirects please",
            "nginx 499",
            "auth",
            "forbiden",
            "HttpStatusCode.Redirect",
            "login",
            "ssl",
            "420 twitter",
            "gatway timout",
            "connection refused",
            "error 1020",
            "5",
            "4xx",
            "redirect",
        ];
        for query in queries {
            let parsed = parse(query, index);
            let mut scratch = Vec::new();
            let mut ranked = rank_all(&parsed, index, &[], None, &mut scratch);
            if let Parsed::Words(words) = &parsed {
                let weights = word_weights(words, index);
                ranked.extend(rank_all(
                    &parsed,
                    index,
                    &weights,
                    Some(u32::MAX),
                    &mut scratch,
                ));
            }
            assert!(ranked.len() > 1, "{query} has hits to order");
            for pair in ranked.windows(2) {
                let [(a, ..), (b, ..)] = pair else { continue };
                assert_eq!(
                    a.cmp(b),
                    a.key().cmp(&b.key()),
                    "{query}: {a:?} against {b:?}"
                );
            }
            let mut by_rank: Vec<_> = ranked.iter().map(|(rank, ..)| *rank).collect();
            let mut by_key = by_rank.clone();
            by_rank.sort_unstable();
            by_key.sort_by_cached_key(super::Rank::key);
            assert_eq!(by_rank, by_key, "{query}");
        }
    }
}
