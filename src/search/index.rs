//! The index: every searchable text of the catalog split into normalised words, each word an id
//! into one sorted vocabulary, with a bit set of entries per word.

use super::normalize::{for_each_name_part, for_each_word, stem};
use super::to_u32;
use crate::catalog::{self, Detail, Entry, NonStatus};
use crate::constants;
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
    /// The normalized chars of all its words.
    pub(super) chars: u32,
}

/// What a row of the index stands for: a catalog entry, or a number that is not a status code.
#[derive(Clone, Copy)]
pub(super) enum Subject {
    Entry(&'static Entry),
    NotStatus(&'static NonStatus),
}

pub(super) struct Indexed {
    pub(super) subject: Subject,
    /// Position in the index: entries in catalog order, then not-a-status numbers.
    pub(super) order: u16,
    /// The code, for ordering; not-a-status numbers sort after every code.
    pub(super) code: u16,
    /// A registered meaning (not a vendor's, not a number outside the registry).
    pub(super) registered: bool,
    /// The entry's phrase, or a not-a-status number's title.
    pub(super) phrase: Field,
    pub(super) former: Box<[Field]>,
    pub(super) keywords: Box<[Field]>,
    /// The names libraries give the code (`http.StatusNotFound`), read as words.
    pub(super) names: Box<[Field]>,
    /// The platform error codes that arrive with it: id, name and keywords of each.
    pub(super) details: Box<[Field]>,
    pub(super) vendor: Option<Field>,
    pub(super) summary: Field,
    /// Vocabulary ids of the vendor-name words that identify the vendor.
    pub(super) vendor_ids: Box<[u32]>,
}

/// How many field groups `Indexed::groups` returns.
pub(super) const FIELD_GROUPS: usize = 4;

/// A group of a row's fields that ranks as one kind of match.
#[derive(Clone, Copy)]
pub(super) enum FieldGroup {
    Former,
    Keywords,
    Names,
    Details,
}

impl Indexed {
    /// The fields of one group.
    pub(super) fn group(&self, group: FieldGroup) -> &[Field] {
        match group {
            FieldGroup::Former => &self.former,
            FieldGroup::Keywords => &self.keywords,
            FieldGroup::Names => &self.names,
            FieldGroup::Details => &self.details,
        }
    }

    /// The catalog entry, unless this is a not-a-status number.
    pub(super) fn entry(&self) -> Option<&'static Entry> {
        match self.subject {
            Subject::Entry(entry) => Some(entry),
            Subject::NotStatus(_) => None,
        }
    }

    /// Every field but the summary, strongest kind first.
    pub(super) fn named_fields(&self) -> impl Iterator<Item = &Field> {
        std::iter::once(&self.phrase)
            .chain(self.former.iter())
            .chain(self.keywords.iter())
            .chain(self.names.iter())
            .chain(self.details.iter())
            .chain(self.vendor.iter())
    }
}

/// A vocabulary word that typos may be matched against.
pub(super) struct FuzzyWord {
    pub(super) id: u32,
    /// The `char_mask` of the whole word, kept beside the id: most words are ruled out by it
    /// alone, before anything behind a pointer is read.
    pub(super) mask: u64,
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
    /// `(stem, id)` for every vocabulary word, sorted: the words sharing a query word's stem
    /// are one range (see `normalize::stem`).
    pub(super) stems: Box<[(Box<str>, u32)]>,
    /// Words of phrases, former phrases, keywords and vendor names without digits: typos in
    /// summaries would only add noise, and numbers are not misspelled, they are different.
    pub(super) fuzzy: Box<[FuzzyWord]>,
    pub(super) entries: Box<[Indexed]>,
    /// For each vocabulary id, the set of entries containing the word in any field, as
    /// `set_words` consecutive u64s: a query word's candidate entries are the union over the ids
    /// it matches, so most entries are ruled out before any field is scored.
    pub(super) postings: Box<[u64]>,
    /// The same without summaries: the rows a partial match can find a word in, which is what
    /// a word's weight counts.
    pub(super) named_postings: Box<[u64]>,
    /// The same per field group (former phrases, keywords, library names, platform error
    /// codes): a row whose group lacks some query word cannot hold them all in one of its fields,
    /// so full matches skip scoring that group.
    pub(super) group_postings: [Box<[u64]>; FIELD_GROUPS],
    pub(super) set_words: usize,
    /// One entry per registered number, in code order, for numeric suggestions.
    pub(super) registered: Box<[&'static Entry]>,
}

impl Index {
    /// The vocabulary ids whose stem is `stem`, sorted.
    pub(super) fn forms(&self, stem: &str) -> Vec<u32> {
        let start = self.stems.partition_point(|(seen, _)| **seen < *stem);
        let mut ids: Vec<u32> = self
            .stems
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(|(seen, _)| **seen == *stem)
            .map(|&(_, id)| id)
            .collect();
        ids.sort_unstable();
        ids
    }
}

pub(super) static INDEX: LazyLock<Index> = LazyLock::new(build_index);

/// Builds the index now rather than on the first query, so the first keystroke is as quick as
/// the rest (the search box calls this when it gains focus).
pub fn prepare() {
    LazyLock::force(&INDEX);
}

/// How a text is cut into words.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// Prose; typos in it are forgiven.
    Words,
    /// Prose where typos are not looked for (summaries).
    Exact,
    /// A constant's name from code.
    Name,
}

fn for_each_text_word(text: &str, reading: Reading, each: impl FnMut(&str, Range<usize>)) {
    match reading {
        Reading::Name => for_each_name_part(text, each),
        Reading::Words | Reading::Exact => for_each_word(text, each),
    }
}

/// The texts of one index row, before they become fields.
struct Texts {
    subject: Subject,
    phrase: &'static str,
    former: Vec<&'static str>,
    keywords: Vec<&'static str>,
    names: Vec<&'static str>,
    details: Vec<&'static str>,
    vendor: Option<&'static str>,
    summary: &'static str,
}

impl Texts {
    fn all(&self) -> impl Iterator<Item = (&'static str, Reading)> + '_ {
        std::iter::once(self.phrase)
            .chain(self.former.iter().copied())
            .chain(self.keywords.iter().copied())
            .chain(self.details.iter().copied())
            .chain(self.vendor)
            .map(|text| (text, Reading::Words))
            .chain(self.names.iter().map(|text| (*text, Reading::Name)))
            .chain(std::iter::once((self.summary, Reading::Exact)))
    }
}

fn detail_texts(details: &'static [Detail]) -> Vec<&'static str> {
    details
        .iter()
        .flat_map(|detail| {
            [detail.id.as_str(), detail.name.as_str()]
                .into_iter()
                .chain(detail.keywords.iter().map(String::as_str))
        })
        .collect()
}

/// Every row's texts: catalog entries with the names libraries give their code, then the
/// not-a-status numbers.
fn rows() -> Vec<Texts> {
    let entries = catalog::entries();
    let mut rows: Vec<Texts> = entries
        .iter()
        .map(|entry| Texts {
            subject: Subject::Entry(entry),
            phrase: &entry.phrase,
            former: entry.former_phrases.iter().map(String::as_str).collect(),
            keywords: entry.keywords.iter().map(String::as_str).collect(),
            names: Vec::new(),
            details: detail_texts(entry.details()),
            vendor: entry.vendor.as_deref(),
            summary: &entry.summary,
        })
        .collect();
    for (code, name) in constants::searchable_names() {
        if let Some(at) = owner_of_name(code, name, entries) {
            if let Some(row) = rows.get_mut(at) {
                row.names.push(name);
            }
        }
    }
    rows.extend(catalog::non_status_numbers().iter().map(|number| Texts {
        subject: Subject::NotStatus(number),
        phrase: &number.title,
        former: Vec::new(),
        keywords: number.keywords.iter().map(String::as_str).collect(),
        names: Vec::new(),
        details: detail_texts(&number.details),
        vendor: None,
        summary: &number.summary,
    }));
    rows
}

/// The position of the entry a library's name for `code` belongs to: among the meanings of the
/// number, the one whose phrase or former phrases share the most words with the name (Spring's
/// `METHOD_FAILURE` is Spring's 420, not Twitter's), else the first meaning.
fn owner_of_name(code: u16, name: &str, entries: &[Entry]) -> Option<usize> {
    let mut name_words = Vec::new();
    for_each_name_part(name, |word, _| name_words.push(word.to_string()));
    let shared = |entry: &Entry| {
        let mut count = 0;
        for text in std::iter::once(&entry.phrase).chain(&entry.former_phrases) {
            for_each_word(text, |word, _| {
                count += usize::from(name_words.iter().any(|seen| seen == word));
            });
        }
        count
    };
    let mut best: Option<(usize, usize)> = None;
    for (at, entry) in entries.iter().enumerate() {
        if entry.code != code {
            continue;
        }
        let count = shared(entry);
        if best.is_none_or(|(_, seen)| count > seen) {
            best = Some((at, count));
        }
    }
    best.map(|(at, _)| at)
}

fn build_index() -> Index {
    let rows = rows();
    let mut words = BTreeSet::new();
    let mut typo_words = BTreeSet::new();
    for row in &rows {
        for (text, reading) in row.all() {
            for_each_text_word(text, reading, |word, _| {
                if reading != Reading::Exact {
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
    let mut stems: Vec<(Box<str>, u32)> = vocab
        .iter()
        .enumerate()
        .map(|(id, word)| (stem(word).into_boxed_str(), to_u32(id)))
        .collect();
    stems.sort_unstable();
    let fuzzy = typo_words
        .iter()
        .filter(|word| !word.chars().any(|c| c.is_ascii_digit()))
        .filter(|word| word.chars().count() <= MAX_FUZZY_CHARS)
        .map(|word| {
            let chars: Box<[char]> = word.chars().collect();
            let prefix_masks: Box<[u64]> = chars
                .iter()
                .scan(0, |mask, &c| {
                    *mask |= char_bit(c);
                    Some(*mask)
                })
                .collect();
            let mask = prefix_masks.last().copied().unwrap_or(0);
            FuzzyWord {
                id: id_of(word),
                mask,
                chars,
                prefix_masks,
            }
        })
        .collect();
    let field = |text: &'static str, reading: Reading| -> Field {
        let mut words = Vec::new();
        for_each_text_word(text, reading, |word, span| {
            words.push(Word {
                id: id_of(word),
                chars: to_u32(word.chars().count()),
                span,
            });
        });
        Field {
            text,
            chars: words.iter().map(|word| word.chars).sum(),
            words: words.into_boxed_slice(),
        }
    };
    let fields = |texts: &[&'static str], reading: Reading| -> Box<[Field]> {
        texts.iter().map(|text| field(text, reading)).collect()
    };
    let indexed: Box<[Indexed]> = rows
        .iter()
        .enumerate()
        .map(|(order, row)| {
            let vendor = row.vendor.map(|text| field(text, Reading::Words));
            let vendor_ids = vendor
                .iter()
                .flat_map(|vendor| vendor.words.iter())
                .map(|word| word.id)
                .filter(|&id| {
                    let text = vocab.get(id as usize).map_or("", |word| &**word);
                    !GENERIC_VENDOR_WORDS.contains(&text)
                })
                .collect();
            let (code, registered) = match row.subject {
                Subject::Entry(entry) => (entry.code, entry.is_registered()),
                // After every code, in catalog order.
                Subject::NotStatus(_) => (u16::try_from(1000 + order).unwrap_or(u16::MAX), false),
            };
            // A name that reads the same as another of the code's names adds nothing.
            let mut names: Vec<Field> = Vec::new();
            for name in &row.names {
                let read = field(name, Reading::Name);
                let has_letters = read.words.iter().any(|word| {
                    !vocab
                        .get(word.id as usize)
                        .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
                });
                let ids =
                    |field: &Field| field.words.iter().map(|word| word.id).collect::<Vec<_>>();
                if has_letters && !names.iter().any(|seen| ids(seen) == ids(&read)) {
                    names.push(read);
                }
            }
            Indexed {
                subject: row.subject,
                order: u16::try_from(order).unwrap_or(u16::MAX),
                code,
                registered,
                phrase: field(row.phrase, Reading::Words),
                former: fields(&row.former, Reading::Words),
                keywords: fields(&row.keywords, Reading::Words),
                names: names.into_boxed_slice(),
                details: fields(&row.details, Reading::Words),
                vendor,
                summary: field(row.summary, Reading::Exact),
                vendor_ids,
            }
        })
        .collect();
    let registered = catalog::entries()
        .iter()
        .filter(|entry| entry.is_registered())
        .collect();
    let set_words = indexed.len().div_ceil(64).max(1);
    let mut postings = vec![0u64; vocab.len() * set_words];
    let mut named_postings = vec![0u64; vocab.len() * set_words];
    let mut group_postings: [Vec<u64>; FIELD_GROUPS] =
        std::array::from_fn(|_| vec![0u64; vocab.len() * set_words]);
    let groups = [
        FieldGroup::Former,
        FieldGroup::Keywords,
        FieldGroup::Names,
        FieldGroup::Details,
    ];
    for (at, row) in indexed.iter().enumerate() {
        for (postings, group) in group_postings.iter_mut().zip(groups) {
            for word in row.group(group).iter().flat_map(|field| field.words.iter()) {
                if let Some(set) = postings.get_mut(word.id as usize * set_words + at / 64) {
                    *set |= 1 << (at % 64);
                }
            }
        }
        let fields = row
            .named_fields()
            .map(|field| (field, true))
            .chain(std::iter::once((&row.summary, false)));
        for (field, named) in fields {
            for word in field.words.iter() {
                let slot = word.id as usize * set_words + at / 64;
                if let Some(set) = postings.get_mut(slot) {
                    *set |= 1 << (at % 64);
                }
                if let Some(set) = named_postings.get_mut(slot).filter(|_| named) {
                    *set |= 1 << (at % 64);
                }
            }
        }
    }
    Index {
        vocab,
        stems: stems.into_boxed_slice(),
        fuzzy,
        entries: indexed,
        postings: postings.into_boxed_slice(),
        named_postings: named_postings.into_boxed_slice(),
        group_postings: group_postings.map(Vec::into_boxed_slice),
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
    row_sets(groups, &index.postings, index.set_words)
}

/// [`entry_sets`] over one field group.
pub(super) fn group_sets<Group, Groups>(
    groups: Groups,
    group: FieldGroup,
    index: &Index,
) -> Vec<u64>
where
    Group: Iterator<Item = u32>,
    Groups: Iterator<Item = Group>,
{
    row_sets(
        groups,
        &index.group_postings[group as usize],
        index.set_words,
    )
}

/// [`entry_sets`] over the fields other than summaries.
pub(super) fn named_sets<Group, Groups>(groups: Groups, index: &Index) -> Vec<u64>
where
    Group: Iterator<Item = u32>,
    Groups: Iterator<Item = Group>,
{
    row_sets(groups, &index.named_postings, index.set_words)
}

fn row_sets<Group, Groups>(groups: Groups, postings: &[u64], set_words: usize) -> Vec<u64>
where
    Group: Iterator<Item = u32>,
    Groups: Iterator<Item = Group>,
{
    let mut all = vec![u64::MAX; set_words];
    let mut one = vec![0u64; set_words];
    for ids in groups {
        one.fill(0);
        for id in ids {
            let start = id as usize * set_words;
            if let Some(sets) = postings.get(start..start + set_words) {
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
