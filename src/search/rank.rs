//! Ranking: scoring each candidate entry's fields against the query and building its sort key.
//! The order itself is documented once, in the module docs of `search`.

use super::index::{entry_sets, Field, Index, Indexed};
use super::normalize::prefix_end;
use super::query::{Parsed, QueryWord, WordHit};
use super::{to_u32, Hit, MatchKind};
use crate::catalog;

/// The sort key of a hit; see "Ranking" in the module docs. Field order is significant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Rank {
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
    pub(super) kind: MatchKind,
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
pub(super) enum Source {
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
pub(super) fn candidates(parsed: &Parsed, index: &Index) -> Vec<u64> {
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

/// Whether a word of the query is this entry's number (checked apart from the candidates, since
/// the number need not appear in the entry's text).
pub(super) fn names_code(parsed: &Parsed, indexed: &Indexed) -> bool {
    match parsed {
        Parsed::Words(words) => words
            .iter()
            .any(|word| word.code == Some(indexed.entry.code)),
        _ => false,
    }
}

pub(super) fn rank_entry(
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

pub(super) fn hit(
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
