//! The decision tree: its shape as authored, every path through it, and bad paths.

use http_status_codes::catalog;
use http_status_codes::compare;
use http_status_codes::decide::{self, Outcome, Tree, Walk, DECISIONS_JSON};
use http_status_codes::route::Route;
use proptest::prelude::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// The authored nodes as plain JSON, so the shape checks below do not rely on the loader that
/// they are meant to back up.
fn raw_nodes() -> (String, BTreeMap<String, Value>) {
    let value: Value = serde_json::from_str(DECISIONS_JSON).expect("decisions.json parses");
    let start = value["start"]
        .as_str()
        .expect("start is a string")
        .to_string();
    let nodes = value["nodes"]
        .as_object()
        .expect("nodes is an object")
        .iter()
        .map(|(id, node)| (id.clone(), node.clone()))
        .collect();
    (start, nodes)
}

fn raw_next(node: &Value) -> Vec<String> {
    node["answers"]
        .as_array()
        .map(|answers| {
            answers
                .iter()
                .map(|answer| {
                    answer["next"]
                        .as_str()
                        .expect("next is a string")
                        .to_string()
                })
                .collect()
        })
        .unwrap_or_default()
}

fn path(text: &str) -> Vec<String> {
    text.split('/')
        .filter(|segment| !segment.is_empty())
        .map(str::to_string)
        .collect()
}

/// The path the router hands over for a fragment, which is what a person actually produces.
fn routed(fragment: &str) -> Vec<String> {
    match Route::parse(fragment) {
        Route::Decide(path) => path,
        other => panic!("{fragment} routes to {other:?}"),
    }
}

fn slugs(walk: &Walk) -> Vec<&str> {
    walk.trail()
        .iter()
        .map(|step| step.answer.slug.as_str())
        .collect()
}

#[test]
fn the_embedded_tree_loads() {
    assert!(Tree::from_json(DECISIONS_JSON).is_ok());
    assert_eq!(decide::tree().root().id, raw_nodes().0);
}

#[test]
fn every_next_names_a_node() {
    let (start, nodes) = raw_nodes();
    assert!(nodes.contains_key(&start));
    for (id, node) in &nodes {
        for next in raw_next(node) {
            assert!(nodes.contains_key(&next), "{id} leads to missing {next}");
        }
    }
}

#[test]
fn every_node_is_reachable_and_has_one_way_in() {
    let (start, nodes) = raw_nodes();
    let mut parents: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (id, node) in &nodes {
        for next in raw_next(node) {
            let next = nodes
                .get_key_value(&next)
                .map_or("?", |(key, _)| key.as_str());
            parents.entry(next).or_default().push(id);
        }
    }
    for id in nodes.keys() {
        let ways_in = parents.get(id.as_str()).map_or(0, Vec::len);
        let expected = usize::from(*id != start);
        // One way into every node means one path to every leaf: a fragment names one place.
        assert_eq!(
            ways_in,
            expected,
            "{id} is reached from {:?}",
            parents.get(id.as_str())
        );
    }
}

#[test]
fn there_are_no_cycles() {
    let (start, nodes) = raw_nodes();
    // Depth-first with the current branch on a stack: meeting an ancestor again is a cycle.
    fn visit(id: &str, nodes: &BTreeMap<String, Value>, branch: &mut Vec<String>) {
        assert!(!branch.iter().any(|seen| seen == id), "cycle through {id}");
        branch.push(id.to_string());
        if let Some(node) = nodes.get(id) {
            for next in raw_next(node) {
                visit(&next, nodes, branch);
            }
        }
        branch.pop();
    }
    visit(&start, &nodes, &mut Vec::new());
}

#[test]
fn every_question_has_two_to_five_distinct_answers() {
    for question in decide::tree().questions() {
        let id = &question.id;
        assert!(!question.question.trim().is_empty(), "{id}: question");
        let count = question.answers.len();
        assert!((2..=5).contains(&count), "{id}: {count} answers");
        let mut seen = HashSet::new();
        for answer in &question.answers {
            assert!(!answer.label.trim().is_empty(), "{id}: label");
            assert!(
                answer
                    .hint
                    .as_ref()
                    .is_none_or(|hint| !hint.trim().is_empty()),
                "{id}: empty hint"
            );
            // Slugs are URL segments: keep them readable and free of anything to encode.
            assert!(
                !answer.slug.is_empty()
                    && answer.slug.bytes().all(|byte| byte.is_ascii_lowercase()
                        || byte.is_ascii_digit()
                        || byte == b'-'),
                "{id}: slug {:?}",
                answer.slug
            );
            assert!(seen.insert(&answer.slug), "{id}: {} repeats", answer.slug);
        }
    }
}

#[test]
fn every_node_is_in_the_loaded_tree() {
    let (_, nodes) = raw_nodes();
    let questions = decide::tree().questions().len();
    let leaves = decide::leaf_paths().len();
    assert_eq!(questions + leaves, nodes.len());
    let results = nodes
        .values()
        .filter(|node| node.get("result").is_some())
        .count();
    assert_eq!(leaves, results);
}

#[test]
fn every_leaf_is_well_formed() {
    for (path, outcome) in decide::leaf_paths() {
        let at = path.join("/");
        assert!(!outcome.codes.is_empty(), "{at}: no codes");
        for code in &outcome.codes {
            assert!(catalog::exists(*code), "{at}: {code} is unknown");
        }
        assert!(!outcome.reason.trim().is_empty(), "{at}: reason");
        for header in &outcome.headers {
            assert!(
                !header.name.trim().is_empty()
                    && !header.value.trim().is_empty()
                    && !header.why.trim().is_empty(),
                "{at}: header {header:?}"
            );
        }
        if let Some(slug) = &outcome.compare {
            let group = compare::groups()
                .iter()
                .find(|group| group.slug == *slug)
                .unwrap_or_else(|| panic!("{at}: no comparison {slug}"));
            assert!(
                outcome.codes.iter().any(|code| group.codes.contains(code)),
                "{at}: {slug} does not compare {:?}",
                outcome.codes
            );
        }
    }
}

#[test]
fn every_leaf_is_reached_by_its_path_and_only_that_one() {
    let leaves = decide::leaf_paths();
    let mut paths = HashSet::new();
    for (path, outcome) in &leaves {
        assert!(paths.insert(path.clone()), "{path:?} twice");
        match decide::walk(path) {
            Walk::Answered {
                outcome: reached,
                trail,
            } => {
                assert!(std::ptr::eq(reached, *outcome), "{path:?}");
                assert_eq!(trail.len(), path.len());
                for (index, step) in trail.iter().enumerate() {
                    assert_eq!(step.path, path[..=index], "{path:?}");
                }
            }
            other => panic!("{path:?} gives {other:?}"),
        }
    }
    let distinct: HashSet<*const Outcome> = leaves
        .iter()
        .map(|(_, outcome)| *outcome as *const Outcome)
        .collect();
    assert_eq!(distinct.len(), leaves.len());
}

#[test]
fn every_leaf_path_round_trips_through_the_router() {
    for (path, _) in decide::leaf_paths() {
        let route = Route::Decide(path.clone());
        let fragment = format!("#{route}");
        assert_eq!(fragment, format!("#decide/{}", path.join("/")));
        assert_eq!(Route::parse(&fragment), route);
        assert!(matches!(
            decide::walk(&routed(&fragment)),
            Walk::Answered { .. }
        ));
    }
}

#[test]
fn the_tree_covers_the_everyday_codes() {
    let covered: BTreeSet<u16> = decide::leaf_paths()
        .iter()
        .flat_map(|(_, outcome)| outcome.codes.iter().copied())
        .collect();
    for code in [
        200, 201, 202, 204, 206, 304, 301, 302, 303, 307, 308, 400, 401, 403, 404, 405, 409, 410,
        412, 413, 414, 415, 416, 422, 428, 429, 431, 451, 500, 501, 502, 503, 504,
    ] {
        assert!(covered.contains(&code), "no path recommends {code}");
    }
}

/// Situations people bring to the helper, each with the path that answers it, the codes it
/// recommends, a header it must advise and a phrase its reason must give (the RFC section
/// behind it, or the fact that decides it).
#[test]
fn everyday_situations_reach_the_code_their_rfc_gives() {
    let cases: [(&str, &[u16], Option<&str>, &str); 6] = [
        // RFC 9110 §15.5.17: no requested range is satisfiable; Content-Range SHOULD be sent.
        (
            "client/state/range",
            &[416],
            Some("Content-Range"),
            "RFC 9110 \u{a7}15.5.17",
        ),
        // RFC 6585 §3: the origin requires the request to be conditional.
        (
            "client/state/unconditional-write",
            &[428],
            None,
            "RFC 6585 \u{a7}3",
        ),
        // nginx answers an upstream connection error with 502 (ngx_http_upstream_next).
        ("server/upstream/unreachable", &[502], None, "nginx"),
        // A page in a browser: a redirect to the sign-in page, not a 401 without a challenge.
        (
            "client/auth/logged-out/browser-page",
            &[302, 303],
            Some("Location"),
            "RFC 9110 \u{a7}15.5.2",
        ),
        // An API call: 401 with WWW-Authenticate, which RFC 9110 §15.5.2 requires.
        (
            "client/auth/logged-out/api-call",
            &[401],
            Some("WWW-Authenticate"),
            "WWW-Authenticate",
        ),
        // The existing answer for a bad response from upstream is unchanged.
        (
            "server/upstream/bad-response",
            &[502],
            None,
            "invalid response",
        ),
    ];
    for (at, codes, header, phrase) in cases {
        let walk = decide::walk(&routed(&format!("#decide/{at}")));
        let Walk::Answered { outcome, .. } = &walk else {
            panic!("{at}: {walk:?}");
        };
        assert_eq!(outcome.codes, codes, "{at}");
        if let Some(header) = header {
            assert!(
                outcome.headers.iter().any(|advice| advice.name == header),
                "{at} advises {header}"
            );
        }
        assert!(outcome.reason.contains(phrase), "{at} says {phrase:?}");
    }
}

#[test]
fn a_known_caller_without_permission_gets_403() {
    let walk = decide::walk(&routed("#decide/client/auth/logged-in"));
    let Walk::Answered { outcome, trail } = &walk else {
        panic!("{walk:?}");
    };
    assert_eq!(outcome.codes, [403]);
    assert_eq!(slugs(&walk), ["client", "auth", "logged-in"]);
    assert_eq!(trail[0].question.id, decide::tree().root().id);
    assert_eq!(trail[1].path, ["client", "auth"]);
}

#[test]
fn slugs_ignore_case() {
    let walk = decide::walk(&path("CLIENT/Auth/Logged-In"));
    let Walk::Answered { outcome, trail } = &walk else {
        panic!("{walk:?}");
    };
    assert_eq!(outcome.codes, [403]);
    // Breadcrumbs link to the canonical spelling, not to what was typed.
    assert_eq!(trail[2].path, ["client", "auth", "logged-in"]);
}

#[test]
fn a_short_path_asks_the_next_question() {
    match decide::walk(&[]) {
        Walk::Asking { question, trail } => {
            assert!(std::ptr::eq(question, decide::tree().root()));
            assert!(trail.is_empty());
        }
        other => panic!("{other:?}"),
    }
    match decide::walk(&routed("#decide/client")) {
        Walk::Asking { question, trail } => {
            assert_eq!(question.id, "client");
            assert_eq!(trail.len(), 1);
            assert_eq!(trail[0].path, ["client"]);
        }
        other => panic!("{other:?}"),
    }
    // The router drops empty segments; a direct caller gets the same treatment.
    let walk = decide::walk(&["".into(), "client".into(), " ".into(), "auth".into()]);
    assert!(matches!(walk, Walk::Asking { question, .. } if question.id == "client-auth"));
}

#[test]
fn an_unknown_first_answer_is_invalid_at_the_root() {
    match decide::walk(&routed("#decide/nope")) {
        Walk::Invalid {
            question,
            trail,
            bad,
            nearest,
        } => {
            assert!(std::ptr::eq(question, decide::tree().root()));
            assert!(trail.is_empty());
            assert_eq!(bad, "nope");
            assert!(nearest.is_none(), "{nearest:?}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_unknown_later_answer_keeps_the_valid_part() {
    match decide::walk(&routed("#decide/client/nope")) {
        Walk::Invalid {
            question,
            trail,
            bad,
            nearest,
        } => {
            assert_eq!(question.id, "client");
            assert_eq!(trail.len(), 1);
            assert_eq!(trail[0].answer.slug, "client");
            assert_eq!(bad, "nope");
            assert!(nearest.is_none(), "{nearest:?}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_typo_suggests_the_nearest_answer() {
    for typo in ["auht", "AUHT", "aut", "autth"] {
        match decide::walk(&routed(&format!("#decide/client/{typo}"))) {
            Walk::Invalid { nearest, bad, .. } => {
                assert_eq!(
                    nearest.map(|answer| answer.slug.as_str()),
                    Some("auth"),
                    "{typo}"
                );
                assert_eq!(bad, typo);
            }
            other => panic!("{typo}: {other:?}"),
        }
    }
    match decide::walk(&path("client/rate-limt")) {
        Walk::Invalid { nearest, .. } => {
            assert_eq!(
                nearest.map(|answer| answer.slug.as_str()),
                Some("rate-limit")
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_huge_segment_is_invalid_without_a_suggestion() {
    let huge = "a".repeat(5_000);
    match decide::walk(&routed(&format!("#decide/client/auth/{huge}"))) {
        Walk::Invalid {
            question,
            trail,
            bad,
            nearest,
        } => {
            assert_eq!(question.id, "client-auth");
            let taken: Vec<&str> = trail.iter().map(|step| step.answer.slug.as_str()).collect();
            assert_eq!(taken, ["client", "auth"]);
            assert_eq!(bad.len(), 5_000);
            assert!(nearest.is_none());
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn markup_is_just_a_bad_segment() {
    for markup in ["<img src=x onerror=alert(1)>", "%3Cb%3Ehi%3C%2Fb%3E"] {
        let walk = decide::walk(&routed(&format!("#decide/server/{markup}")));
        match walk {
            Walk::Invalid { question, bad, .. } => {
                assert_eq!(question.id, "server");
                assert!(bad.starts_with('<'), "{bad}");
            }
            other => panic!("{markup}: {other:?}"),
        }
    }
    let walk = decide::walk(&path("<script>alert(1)<"));
    assert!(matches!(walk, Walk::Invalid { ref trail, .. } if trail.is_empty()));
}

#[test]
fn a_path_past_a_leaf_is_too_long() {
    match decide::walk(&routed("#decide/client/auth/logged-in/extra/more")) {
        Walk::TooLong {
            outcome,
            trail,
            extra,
        } => {
            assert_eq!(outcome.codes, [403]);
            assert_eq!(trail.len(), 3);
            assert_eq!(extra, ["extra", "more"]);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_loader_rejects_broken_trees() {
    let question = |next: &str| {
        format!(
            r#"{{"question": "Q?", "answers": [{{"slug": "a", "label": "A", "next": "{next}"}}]}}"#
        )
    };
    let result = r#"{"result": {"codes": [200], "reason": "R", "headers": [], "compare": null}}"#;
    let tree = |start: &str, nodes: &[(&str, String)]| {
        let nodes = nodes
            .iter()
            .map(|(id, node)| format!(r#""{id}": {node}"#))
            .collect::<Vec<_>>()
            .join(", ");
        format!(r#"{{"start": "{start}", "nodes": {{{nodes}}}}}"#)
    };

    let good = tree("q", &[("q", question("r")), ("r", result.to_string())]);
    let loaded = Tree::from_json(&good).expect("a minimal tree loads");
    assert_eq!(
        loaded.root().answers[0].outcome().map(|o| &o.codes),
        Some(&vec![200])
    );

    let broken = [
        ("missing next", tree("q", &[("q", question("gone"))])),
        (
            "missing start",
            tree("x", &[("q", question("r")), ("r", result.to_string())]),
        ),
        ("start is a result", tree("r", &[("r", result.to_string())])),
        (
            "cycle",
            tree("q", &[("q", question("p")), ("p", question("q"))]),
        ),
        ("self loop", tree("q", &[("q", question("q"))])),
        (
            "unknown field",
            tree(
                "q",
                &[
                    ("q", question("r")),
                    ("r", result.replace("\"reason\"", "\"reasn\"")),
                ],
            ),
        ),
        ("not JSON", "{".to_string()),
    ];
    for (problem, json) in broken {
        assert!(Tree::from_json(&json).is_err(), "{problem} was accepted");
    }
}

/// Segments that are sometimes real slugs, so generated paths also get deep into the tree.
fn segment() -> impl Strategy<Value = String> {
    let mut real: Vec<String> = decide::tree()
        .questions()
        .iter()
        .flat_map(|question| question.answers.iter().map(|answer| answer.slug.clone()))
        .collect();
    real.sort();
    real.dedup();
    prop_oneof![proptest::sample::select(real), any::<String>()]
}

proptest! {
    #[test]
    fn any_path_gives_a_consistent_walk(path in proptest::collection::vec(segment(), 0..8)) {
        let walk = decide::walk(&path);
        for (index, step) in walk.trail().iter().enumerate() {
            prop_assert_eq!(step.path.len(), index + 1);
            prop_assert_eq!(step.path.last(), Some(&step.answer.slug));
            prop_assert!(step.question.answers.iter().any(|answer| std::ptr::eq(answer, step.answer)));
        }
        prop_assert!(walk.trail().len() <= path.len());
    }

    #[test]
    fn any_text_never_panics(path in proptest::collection::vec(".*", 0..4)) {
        let _ = decide::walk(&path);
    }
}
