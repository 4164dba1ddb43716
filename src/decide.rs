//! "Which status code should I send?": a tree of questions whose leaves recommend codes.
//!
//! The tree is authored in `assets/decisions.json` as a flat map of nodes linked by id, which is
//! easy to edit. On first use it is parsed and resolved into nested questions, so that walking a
//! path is plain traversal: no lookup can fail and any path, however hostile, gives a `Walk`.
//!
//! The app (feature `csr`) does not embed it: `#decide` fetches [`TREE_FILE`] the first time it
//! opens (`browser::on_demand`) and [`install`]s it, which keeps it out of the first load. The
//! tests and the build-time renderer embed the same file.

// `Serialize`: for tests/data_files.rs only, as in the catalog.
use miniserde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The decision tree as authored, minified by build.rs; not in the app's wasm, which fetches
/// [`TREE_FILE`] instead.
#[cfg(not(feature = "csr"))]
pub const DECISIONS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/decisions.json"));

/// The file the app fetches the tree from, beside `index.html` (a copy of
/// `assets/decisions.json`).
pub const TREE_FILE: &str = "decisions.json";

/// The decision tree, resolved from its authored form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tree {
    root: Question,
}

/// A node that asks something; each answer leads to another question or to an outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// The node's id in `decisions.json`.
    pub id: String,
    pub question: String,
    pub answers: Vec<Answer>,
}

/// One choice, named in the URL by its slug: `#decide/client/auth`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub slug: String,
    pub label: String,
    /// A short example or clarification shown under the label.
    pub hint: Option<String>,
    /// The id of the node this answer leads to.
    pub next: String,
    leads_to: Next,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Next {
    Question(Question),
    Outcome(Outcome),
}

/// A leaf: the recommended code (or codes) and how to send it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Outcome {
    pub codes: Vec<u16>,
    /// Why this code fits, in plain language.
    pub reason: String,
    /// Header fields worth sending with the response.
    pub headers: Vec<HeaderAdvice>,
    /// The slug of the curated comparison that covers this choice, if any.
    pub compare: Option<String>,
}

/// A header field to send with the recommended code, with an example value.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct HeaderAdvice {
    pub name: String,
    pub value: String,
    pub why: String,
}

/// One answered question on the way to where the walk stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub question: &'static Question,
    pub answer: &'static Answer,
    /// The canonical slugs up to and including this answer, for breadcrumb links.
    pub path: Vec<String>,
}

/// Where a path through the tree leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Walk {
    /// The path is valid and stops at a question (the empty path stops at the first one).
    Asking {
        question: &'static Question,
        trail: Vec<Step>,
    },
    /// The path reaches an outcome.
    Answered {
        outcome: &'static Outcome,
        trail: Vec<Step>,
    },
    /// The path went wrong at `bad`: `trail` is the valid part; `question` is where it went
    /// wrong, so the view can offer its answers (the nearest valid steps); `nearest` is the
    /// answer slug closest to `bad` by edit distance if any is close.
    ///
    /// `bad` is the segment exactly as given, which may be very long: truncate it for display.
    Invalid {
        question: &'static Question,
        trail: Vec<Step>,
        bad: String,
        nearest: Option<&'static Answer>,
    },
    /// The path continued after a result was reached: show the result and say the rest was ignored.
    TooLong {
        outcome: &'static Outcome,
        trail: Vec<Step>,
        extra: Vec<String>,
    },
}

impl Walk {
    /// The valid steps taken, whichever way the walk ended.
    pub fn trail(&self) -> &[Step] {
        match self {
            Walk::Asking { trail, .. }
            | Walk::Answered { trail, .. }
            | Walk::Invalid { trail, .. }
            | Walk::TooLong { trail, .. } => trail,
        }
    }
}

impl Tree {
    /// Parses and resolves an authored tree.
    ///
    /// # Errors
    ///
    /// A description of the first problem found: invalid JSON, a missing field, a node that is
    /// not clearly a question or a result, a start that
    /// is missing or is a result, a `next` that names no node, or a cycle. Those are what would
    /// make walking the tree fail; unreachable nodes and two ways into one node still load, and
    /// the tests reject them.
    pub fn from_json(text: &str) -> Result<Tree, String> {
        let raw: RawTree = miniserde::json::from_str(text).map_err(|_| {
            "not a decision tree: invalid JSON, or a field missing or of the wrong type".to_string()
        })?;
        let mut nodes = BTreeMap::new();
        for (id, node) in raw.nodes {
            let node = RawNode::from_authored(node).ok_or_else(|| {
                format!("node \u{201c}{id}\u{201d} is neither a question with answers nor a result")
            })?;
            nodes.insert(id, node);
        }
        match nodes.get(&raw.start) {
            Some(RawNode::Question(_)) => {}
            Some(RawNode::Result(_)) => {
                return Err(format!("start \u{201c}{}\u{201d} is a result", raw.start))
            }
            None => return Err(format!("start \u{201c}{}\u{201d} is not a node", raw.start)),
        }
        let root = resolve(&raw.start, &nodes, &mut Vec::new())?;
        Ok(Tree { root })
    }

    /// The first question.
    pub fn root(&self) -> &Question {
        &self.root
    }

    /// Every question, depth first in answer order, starting with the root.
    pub fn questions(&self) -> Vec<&Question> {
        let mut found = Vec::new();
        let mut pending = vec![&self.root];
        while let Some(question) = pending.pop() {
            found.push(question);
            // Reversed so the stack pops them in answer order.
            pending.extend(question.answers.iter().rev().filter_map(Answer::question));
        }
        found
    }
}

impl Question {
    /// The answer a path segment names: slugs match ignoring ASCII case and surrounding spaces.
    pub fn answer(&self, segment: &str) -> Option<&Answer> {
        let segment = segment.trim();
        self.answers
            .iter()
            .find(|answer| answer.slug.eq_ignore_ascii_case(segment))
    }
}

impl Answer {
    /// The question this answer leads to, if it does not end the walk.
    pub fn question(&self) -> Option<&Question> {
        match &self.leads_to {
            Next::Question(question) => Some(question),
            Next::Outcome(_) => None,
        }
    }

    /// The outcome this answer leads to, if it ends the walk.
    pub fn outcome(&self) -> Option<&Outcome> {
        match &self.leads_to {
            Next::Question(_) => None,
            Next::Outcome(outcome) => Some(outcome),
        }
    }
}

#[derive(Deserialize)]
struct RawTree {
    start: String,
    nodes: BTreeMap<String, AuthoredNode>,
}

/// A node as authored: a question with its answers, or a result. miniserde has no tagged enums,
/// so every field is optional here and `RawNode::from_authored` tells the two apart.
#[derive(Deserialize)]
struct AuthoredNode {
    question: Option<String>,
    answers: Option<Vec<RawAnswer>>,
    result: Option<Outcome>,
}

struct RawQuestion {
    question: String,
    answers: Vec<RawAnswer>,
}

#[derive(Deserialize)]
struct RawAnswer {
    slug: String,
    label: String,
    hint: Option<String>,
    next: String,
}

enum RawNode {
    Question(RawQuestion),
    Result(Outcome),
}

impl RawNode {
    /// The node an authored one is, if its fields make it exactly one kind.
    fn from_authored(node: AuthoredNode) -> Option<RawNode> {
        match node {
            AuthoredNode {
                question: Some(question),
                answers: Some(answers),
                result: None,
            } => Some(RawNode::Question(RawQuestion { question, answers })),
            AuthoredNode {
                question: None,
                answers: None,
                result: Some(outcome),
            } => Some(RawNode::Result(outcome)),
            _ => None,
        }
    }
}

/// Builds the question `id` and everything below it; `ancestors` holds the ids on the way down,
/// which is how a cycle is caught before it recurses forever.
fn resolve(
    id: &str,
    nodes: &BTreeMap<String, RawNode>,
    ancestors: &mut Vec<String>,
) -> Result<Question, String> {
    let Some(RawNode::Question(raw)) = nodes.get(id) else {
        return Err(format!("\u{201c}{id}\u{201d} is not a question"));
    };
    ancestors.push(id.to_string());
    let mut answers = Vec::with_capacity(raw.answers.len());
    for answer in &raw.answers {
        if ancestors.contains(&answer.next) {
            return Err(format!(
                "cycle: \u{201c}{id}\u{201d} leads back to \u{201c}{}\u{201d}",
                answer.next
            ));
        }
        let leads_to = match nodes.get(&answer.next) {
            Some(RawNode::Question(_)) => Next::Question(resolve(&answer.next, nodes, ancestors)?),
            Some(RawNode::Result(outcome)) => Next::Outcome(outcome.clone()),
            None => {
                return Err(format!(
                    "\u{201c}{id}\u{201d} answer \u{201c}{}\u{201d} leads to \u{201c}{}\u{201d}, which is not a node",
                    answer.slug, answer.next
                ))
            }
        };
        answers.push(Answer {
            slug: answer.slug.clone(),
            label: answer.label.clone(),
            hint: answer.hint.clone(),
            next: answer.next.clone(),
            leads_to,
        });
    }
    ancestors.pop();
    Ok(Question {
        id: id.to_string(),
        question: raw.question.clone(),
        answers,
    })
}

static TREE: OnceLock<Tree> = OnceLock::new();

/// The embedded decision tree.
#[cfg(not(feature = "csr"))]
pub fn tree() -> &'static Tree {
    TREE.get_or_init(|| {
        // The data is part of the binary, not input: a broken tree cannot ship because the
        // native tests load this same file and walk every path in it.
        Tree::from_json(DECISIONS_JSON)
            .expect("assets/decisions.json is a valid tree (checked by tests)")
    })
}

/// The tree, if it is at hand: in the app, once [`install`] has run; elsewhere, always.
pub fn loaded() -> Option<&'static Tree> {
    #[cfg(feature = "csr")]
    return TREE.get();
    #[cfg(not(feature = "csr"))]
    return Some(tree());
}

/// Reads `text` (the contents of [`TREE_FILE`]) and keeps the tree for the rest of the visit; a
/// tree already kept stays.
///
/// # Errors
///
/// As [`Tree::from_json`].
pub fn install(text: &str) -> Result<&'static Tree, String> {
    let tree = Tree::from_json(text)?;
    Ok(TREE.get_or_init(|| tree))
}

/// [`Tree::walk`] in the embedded tree.
#[cfg(not(feature = "csr"))]
pub fn walk(path: &[String]) -> Walk {
    tree().walk(path)
}

impl Tree {
    /// Follows answer slugs from the first question. Total: any input gives a `Walk`.
    ///
    /// Empty segments are skipped, as the route parser skips them in `#decide//client`.
    pub fn walk(&'static self, path: &[String]) -> Walk {
        walk_from(self.root(), path)
    }

    /// Every outcome with the canonical path that reaches it, depth first in answer order.
    pub fn leaf_paths(&'static self) -> Vec<(Vec<String>, &'static Outcome)> {
        let mut leaves = Vec::new();
        collect_leaves(self.root(), &mut Vec::new(), &mut leaves);
        leaves
    }
}

fn walk_from(root: &'static Question, path: &[String]) -> Walk {
    let mut question = root;
    let mut trail: Vec<Step> = Vec::new();
    let mut segments = path.iter().filter(|segment| !segment.trim().is_empty());
    while let Some(segment) = segments.next() {
        let Some(answer) = question.answer(segment) else {
            return Walk::Invalid {
                question,
                nearest: nearest(question, segment),
                bad: segment.clone(),
                trail,
            };
        };
        let mut step_path = trail
            .last()
            .map(|step| step.path.clone())
            .unwrap_or_default();
        step_path.push(answer.slug.clone());
        trail.push(Step {
            question,
            answer,
            path: step_path,
        });
        match &answer.leads_to {
            Next::Question(next) => question = next,
            Next::Outcome(outcome) => {
                let extra: Vec<String> = segments.cloned().collect();
                return if extra.is_empty() {
                    Walk::Answered { outcome, trail }
                } else {
                    Walk::TooLong {
                        outcome,
                        trail,
                        extra,
                    }
                };
            }
        }
    }
    Walk::Asking { question, trail }
}

/// [`Tree::leaf_paths`] of the embedded tree.
#[cfg(not(feature = "csr"))]
pub fn leaf_paths() -> Vec<(Vec<String>, &'static Outcome)> {
    tree().leaf_paths()
}

fn collect_leaves(
    question: &'static Question,
    path: &mut Vec<String>,
    leaves: &mut Vec<(Vec<String>, &'static Outcome)>,
) {
    for answer in &question.answers {
        path.push(answer.slug.clone());
        match &answer.leads_to {
            Next::Question(next) => collect_leaves(next, path, leaves),
            Next::Outcome(outcome) => leaves.push((path.clone(), outcome)),
        }
        path.pop();
    }
}

/// The answer a mistyped segment most likely meant, if one is close enough to suggest.
fn nearest(question: &'static Question, segment: &str) -> Option<&'static Answer> {
    // Character by character, as search folds case (`search::normalize`): `str::to_lowercase`
    // would add its own code and tables to the wasm for the one letter it treats differently
    // (a final capital sigma), which no slug has.
    let lowercase =
        |text: &str| -> Vec<char> { text.chars().flat_map(char::to_lowercase).collect() };
    let typed = lowercase(segment.trim());
    question
        .answers
        .iter()
        .filter_map(|answer| {
            let slug = lowercase(&answer.slug);
            // One slip in a short slug, more in a long one: a looser limit suggests unrelated words.
            let limit = (slug.len() / 4).clamp(1, 3);
            edit_distance(&typed, &slug, limit).map(|distance| (distance, answer))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, answer)| answer)
}

/// The optimal string alignment distance (Levenshtein plus swapping two neighbours, the most
/// common typo) between `a` and `b`, or `None` when it exceeds `limit`.
fn edit_distance(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    // Each edit changes the length by at most one, so this bound is exact enough to skip the
    // table for long input, such as a pasted paragraph.
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let width = b.len() + 1;
    let mut table = vec![0usize; (a.len() + 1) * width];
    for (j, cell) in table.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        table[i * width] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (table[(i - 1) * width + j] + 1)
                .min(table[i * width + j - 1] + 1)
                .min(table[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(table[(i - 2) * width + j - 2] + 1);
            }
            table[i * width + j] = best;
        }
    }
    let distance = table[a.len() * width + b.len()];
    (distance <= limit).then_some(distance)
}
