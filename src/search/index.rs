//! The index: every searchable text of the catalog split into normalised words, each word an id
//! into one sorted vocabulary, with a bit set of entries per word.

use super::normalize::for_each_word;
use crate::catalog::{self, Entry};
use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::LazyLock;

/// Words longer than this are never compared for typos (no status text has such words, and it
/// keeps the edit-distance rows on the stack).
pub(super) const MAX_FUZZY_CHARS: usize = 32;

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

pub(super) struct Word {
    pub(super) id: u32,
    /// Normalized length in chars.
    pub(super) chars: u32,
    /// Where the word is in the field's original text.
    pub(super) span: Range<usize>,
}

pub(super) struct Field {
    pub(super) text: &'static str,
    pub(super) words: Box<[Word]>,
}

pub(super) struct Indexed {
    pub(super) entry: &'static Entry,
    pub(super) order: u16,
    pub(super) phrase: Field,
    pub(super) former: Box<[Field]>,
    pub(super) keywords: Box<[Field]>,
    pub(super) vendor: Option<Field>,
    pub(super) summary: Field,
    /// Vocabulary ids of the vendor-name words that identify the vendor.
    pub(super) vendor_ids: Box<[u32]>,
}

/// A vocabulary word that typos may be matched against.
pub(super) struct FuzzyWord {
    pub(super) id: u32,
    pub(super) chars: Box<[char]>,
    /// `prefix_masks[i]` is the `char_mask` of the first `i + 1` chars; the last is the word's.
    pub(super) prefix_masks: Box<[u64]>,
}

impl FuzzyWord {
    /// The mask of the first `len` chars (all of them when `len` is longer).
    pub(super) fn mask_of_start(&self, len: usize) -> u64 {
        match len.min(self.prefix_masks.len()) {
            0 => 0,
            len => self.prefix_masks.get(len - 1).copied().unwrap_or(0),
        }
    }
}

pub(super) struct Index {
    /// Every distinct normalized word of every searchable text, sorted, so that the words a
    /// query word is a prefix of have consecutive ids.
    pub(super) vocab: Box<[Box<str>]>,
    /// Words of phrases, former phrases, keywords and vendor names without digits: typos in
    /// summaries would only add noise, and numbers are not misspelled, they are different.
    pub(super) fuzzy: Box<[FuzzyWord]>,
    pub(super) entries: Box<[Indexed]>,
    /// For each vocabulary id, the set of entries containing the word in any field, as
    /// `set_words` consecutive u64s: a query word's candidate entries are the union over the ids
    /// it matches, so most entries are ruled out before any field is scored.
    pub(super) postings: Box<[u64]>,
    pub(super) set_words: usize,
    /// One entry per registered number, in code order, for numeric suggestions.
    pub(super) registered: Box<[&'static Entry]>,
}

pub(super) static INDEX: LazyLock<Index> = LazyLock::new(build_index);

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
pub(super) fn char_mask(chars: &[char]) -> u64 {
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

/// The set of entries that contain, for every group of vocabulary ids, at least one of them.
pub(super) fn entry_sets<Group, Groups>(groups: Groups, index: &Index) -> Vec<u64>
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

pub(super) fn contains(set: &[u64], at: usize) -> bool {
    set.get(at / 64)
        .is_some_and(|bits| bits & (1 << (at % 64)) != 0)
}
