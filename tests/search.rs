//! Search: what people type finds what they mean, in a stable order, and no input breaks it.

use http_status_codes::catalog::{self, Entry};
use http_status_codes::search::{self, normalize, search, Hit, MatchKind, Outcome};
use proptest::prelude::*;

/// "404", or "420 Twitter" for a vendor's meaning (the vendor's first word is enough).
fn label(entry: &Entry) -> String {
    match entry.vendor.as_deref() {
        Some(vendor) => format!(
            "{} {}",
            entry.code,
            vendor.split_whitespace().next().unwrap_or_default()
        ),
        None => entry.code.to_string(),
    }
}

fn labels(outcome: &Outcome) -> Vec<String> {
    outcome.hits.iter().map(|hit| label(hit.entry)).collect()
}

/// `matched_text` with the highlighted parts in brackets: `[Not] [Fou]nd`.
fn marked(hit: &Hit) -> String {
    hit.segments()
        .into_iter()
        .map(|(text, lit)| {
            if lit {
                format!("[{text}]")
            } else {
                text.to_string()
            }
        })
        .collect()
}

use MatchKind::*;

/// (query, kind of the first hit, the first hits in order). Where a query has several
/// reasonable answers, the expectation is the one a person typing it most likely wants.
const EXPECTED: &[(&str, MatchKind, &[&str])] = &[
    // Codes, prefixes and classes.
    ("404", ExactCode, &["404"]),
    ("420", ExactCode, &["420 Twitter", "420 Spring"]),
    ("451", ExactCode, &["451", "451 Microsoft"]),
    (
        "40",
        CodePrefix,
        &[
            "400", "401", "402", "403", "404", "405", "406", "407", "408", "409",
        ],
    ),
    ("5", CodePrefix, &["500", "501", "502", "503", "504"]),
    ("1", CodePrefix, &["100", "101", "102", "103", "104"]),
    ("45", CodePrefix, &["450 Microsoft", "451", "451 Microsoft"]),
    ("4xx", Class, &["400", "401", "402", "403", "404"]),
    ("4XX", Class, &["400", "401", "402"]),
    ("4**", Class, &["400", "401"]),
    ("4..", Class, &["400", "401"]),
    (" 2xx ", Class, &["200", "201", "202"]),
    ("5xx", Class, &["500", "501"]),
    // A number with words: the number decides, the words order its meanings.
    ("404 not found", ExactCode, &["404"]),
    ("http 404", ExactCode, &["404"]),
    ("error 500", ExactCode, &["500"]),
    ("420 spring", ExactCode, &["420 Spring", "420 Twitter"]),
    ("451 exchange", ExactCode, &["451 Microsoft", "451"]),
    ("499 arcgis", ExactCode, &["499 Esri", "499 nginx"]),
    ("nginx 413", ExactCode, &["413"]),
    // Words of the current phrase, any order, prefixes.
    ("not fou", Phrase, &["404"]),
    ("not found", Phrase, &["404"]),
    ("found not", Phrase, &["404"]),
    ("too many", Phrase, &["429"]),
    ("too many requests", Phrase, &["429"]),
    ("ok", Phrase, &["200"]),
    ("created", Phrase, &["201"]),
    ("accepted", Phrase, &["202"]),
    ("no content", Phrase, &["204"]),
    ("partial content", Phrase, &["206"]),
    ("moved permanently", Phrase, &["301"]),
    ("found", Phrase, &["302", "404"]),
    ("see other", Phrase, &["303"]),
    ("not modified", Phrase, &["304"]),
    ("temporary redirect", Phrase, &["307"]),
    ("permanent redirect", Phrase, &["308"]),
    ("redirect", Phrase, &["307", "308", "451 Microsoft"]),
    ("bad request", Phrase, &["400"]),
    ("unauthorized", Phrase, &["401", "561 AWS"]),
    ("payment required", Phrase, &["402"]),
    ("forbidd", Phrase, &["403"]),
    ("method not allowed", Phrase, &["405"]),
    ("not allowed", Phrase, &["405", "462 Fastly"]),
    ("conflict", Phrase, &["409"]),
    ("gone", Phrase, &["410"]),
    ("too early", Phrase, &["425"]),
    ("internal server error", Phrase, &["500"]),
    ("server error", Phrase, &["500"]),
    ("bad gateway", Phrase, &["502"]),
    ("gateway", Phrase, &["502", "504"]),
    ("service unavailable", Phrase, &["503"]),
    ("gateway timeout", Phrase, &["504"]),
    ("timeout", Phrase, &["408", "504"]),
    ("early hints", Phrase, &["103"]),
    ("switching protocols", Phrase, &["101"]),
    ("legal", Phrase, &["451"]),
    ("upload", Phrase, &["104", "413"]),
    ("enhance your calm", Phrase, &["420 Twitter"]),
    ("this is fine", Phrase, &["218 Apache"]),
    ("page expired", Phrase, &["419 Laravel"]),
    ("invalid token", Phrase, &["498 Esri", "401"]),
    // Case, spacing, punctuation and accents do not matter.
    ("NOT FOUND", Phrase, &["404"]),
    ("  not   found  ", Phrase, &["404"]),
    ("not-found!", Phrase, &["404"]),
    ("Forbídden", Phrase, &["403"]),
    ("FORBIDDEN.", Phrase, &["403"]),
    ("«Bad Gateway»", Phrase, &["502"]),
    // Former phrases.
    ("payload too large", FormerPhrase, &["413"]),
    ("request entity too large", FormerPhrase, &["413"]),
    ("unprocessable entity", FormerPhrase, &["422"]),
    ("Ünprocessable Éntity", FormerPhrase, &["422"]),
    ("moved temporarily", FormerPhrase, &["302"]),
    ("switch proxy", FormerPhrase, &["306"]),
    ("gateway time-out", FormerPhrase, &["504"]),
    ("time out", FormerPhrase, &["504", "408"]),
    ("request-uri too long", FormerPhrase, &["414"]),
    ("requested range not satisfiable", FormerPhrase, &["416"]),
    ("teapot", FormerPhrase, &["418"]),
    ("I'm a teapot", FormerPhrase, &["418"]),
    ("im a teapot", FormerPhrase, &["418"]),
    ("i’m a teapot", FormerPhrase, &["418"]),
    // Curated keywords.
    ("rate limit", Keyword, &["429", "420 Twitter"]),
    ("throttled", Keyword, &["429", "420 Twitter"]),
    ("slow down", Keyword, &["429"]),
    ("login", Keyword, &["401"]),
    ("auth", Keyword, &["401", "203", "407", "511"]),
    ("token expired", Keyword, &["401", "498 Esri"]),
    ("jwt expired", Keyword, &["401"]),
    ("session expired", Keyword, &["401"]),
    ("permission", Keyword, &["403"]),
    ("access denied", Keyword, &["403"]),
    ("maintenance", Keyword, &["503"]),
    // Anthropic's 529 is named "Overloaded", so its phrase outranks the keyword on 503.
    ("overloaded", Phrase, &["529 Anthropic", "503"]),
    ("server down", Keyword, &["503"]),
    ("websocket", Keyword, &["101", "426"]),
    ("web socket", Keyword, &["101"]),
    ("validation", Keyword, &["422"]),
    ("cors", Keyword, &["204", "403"]),
    ("options", Keyword, &["204"]),
    ("etag", Keyword, &["304", "412"]),
    ("cache", Keyword, &["304"]),
    ("retry-after", Keyword, &["429", "503"]),
    ("captive portal", Keyword, &["511"]),
    ("disk full", Keyword, &["507"]),
    ("url too long", Keyword, &["414"]),
    ("cookie too large", Keyword, &["431"]),
    ("csrf", Keyword, &["419 Laravel"]),
    ("error 1016", Keyword, &["530 Cloudflare"]),
    ("tls 1.3", Keyword, &["425"]),
    // Vendors: the vendor's own codes first, even when registered codes mention it.
    (
        "cloudflare",
        Keyword,
        &[
            "520 Cloudflare",
            "521 Cloudflare",
            "522 Cloudflare",
            "523 Cloudflare",
            "524 Cloudflare",
        ],
    ),
    (
        "nginx",
        Keyword,
        &[
            "444 nginx",
            "494 nginx",
            "495 nginx",
            "496 nginx",
            "497 nginx",
            "499 nginx",
            "413",
        ],
    ),
    ("twitter", Keyword, &["420 Twitter"]),
    ("laravel", Keyword, &["419 Laravel"]),
    ("apache", Keyword, &["218 Apache"]),
    ("pantheon", Keyword, &["530 Pantheon"]),
    ("ssl handshake", Vendor, &["525 Cloudflare"]),
    ("enterprise application access", Keyword, &["561 Akamai"]),
    // Typos.
    ("unauthorised", Fuzzy, &["401", "561 AWS"]),
    ("unathorized", Fuzzy, &["401"]),
    ("unauthoris", Fuzzy, &["401"]),
    ("forbiden", Fuzzy, &["403"]),
    ("forbdiden", Fuzzy, &["403"]),
    ("gatway timout", Fuzzy, &["504"]),
    ("servcie unavailable", Fuzzy, &["503"]),
    ("too mnay requests", Fuzzy, &["429"]),
    ("internal sever error", Fuzzy, &["500"]),
    ("maintenence", Fuzzy, &["503"]),
    // Text only in a summary.
    ("bigger", Summary, &["413"]),
];

#[test]
fn what_people_type_finds_what_they_mean() {
    assert!(EXPECTED.len() >= 80, "{} queries", EXPECTED.len());
    let mut failures = Vec::new();
    for &(query, kind, expected) in EXPECTED {
        let outcome = search(query);
        let found = labels(&outcome);
        let first_kind = outcome.hits.first().map(|hit| hit.kind);
        if found.len() < expected.len()
            || found[..expected.len()] != *expected
            || first_kind != Some(kind)
        {
            failures.push(format!(
                "{query:?}: expected {kind:?} {expected:?}, got {first_kind:?} {:?}",
                &found[..found.len().min(expected.len() + 3)]
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_code_phrase_former_phrase_and_keyword_finds_its_entry() {
    for entry in catalog::entries() {
        let by_code = search(&entry.code.to_string());
        assert!(
            by_code
                .hits
                .iter()
                .any(|hit| std::ptr::eq(hit.entry, entry) && hit.kind == ExactCode),
            "{}",
            label(entry)
        );
        let by_phrase = search(&entry.phrase);
        assert!(
            by_phrase
                .hits
                .iter()
                .any(|hit| std::ptr::eq(hit.entry, entry) && hit.kind == Phrase),
            "phrase of {}",
            label(entry)
        );
        for text in entry.former_phrases.iter().chain(&entry.keywords) {
            let outcome = search(text);
            assert!(
                outcome
                    .hits
                    .iter()
                    .any(|hit| std::ptr::eq(hit.entry, entry) && hit.kind <= Keyword),
                "{text:?} should find {}",
                label(entry)
            );
        }
    }
}

#[test]
fn a_class_lists_every_code_of_the_class_in_code_order() {
    for digit in 1..=5u8 {
        let outcome = search(&format!("{digit}xx"));
        let expected: Vec<String> = catalog::entries()
            .iter()
            .filter(|entry| entry.class_digit() == digit)
            .map(label)
            .collect();
        assert_eq!(labels(&outcome), expected, "{digit}xx");
        assert!(outcome.hits.iter().all(|hit| hit.kind == Class));
    }
    for pattern in ["4x", "4X*", "4?x", "4__"] {
        assert_eq!(
            search(pattern).hits.len(),
            search("4xx").hits.len(),
            "{pattern}"
        );
    }
}

#[test]
fn a_prefix_lists_its_codes_in_code_order_then_nothing_else() {
    let outcome = search("40");
    assert!(outcome.hits.iter().all(|hit| hit.kind == CodePrefix));
    assert_eq!(outcome.hits.len(), 10);
    let five = search("5");
    assert!(five.hits.iter().all(|hit| hit.entry.class_digit() == 5));
    let codes: Vec<u16> = five.hits.iter().map(|hit| hit.entry.code).collect();
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    assert_eq!(codes, sorted);
}

#[test]
fn hits_are_ordered_by_kind() {
    for query in ["redirect", "request", "timeout", "nginx", "e", "404"] {
        let kinds: Vec<MatchKind> = search(query).hits.iter().map(|hit| hit.kind).collect();
        assert!(
            kinds.windows(2).all(|pair| pair[0] <= pair[1]),
            "{query}: {kinds:?}"
        );
    }
}

#[test]
fn a_keyword_spelled_out_whole_outranks_a_phrase_the_query_only_begins() {
    // 203 "Non-Authoritative", 407 and 511 "…Authentication…" begin with `auth`; 401 has the
    // keyword itself, and it is what people mean.
    let auth = search("auth");
    let first: Vec<(u16, MatchKind)> = auth
        .hits
        .iter()
        .take(4)
        .map(|hit| (hit.entry.code, hit.kind))
        .collect();
    assert_eq!(
        first,
        [
            (401, MatchKind::Keyword),
            (203, MatchKind::Phrase),
            (407, MatchKind::Phrase),
            (511, MatchKind::Phrase)
        ]
    );
    // A phrase the query spells out whole still comes first, even a vendor's.
    assert_eq!(labels(&search("page expired"))[..2], ["419 Laravel", "410"]);
    assert_eq!(labels(&search("forbidden"))[0], "403");
}

#[test]
fn highlights_mark_the_matched_words() {
    let cases: &[(&str, &str)] = &[
        ("not fou", "[Not] [Fou]nd"),
        ("found not", "[Not] [Found]"),
        ("NOT-FOUND", "[Not] [Found]"),
        ("Forbídden", "[Forbidden]"),
        ("forb", "[Forb]idden"),
        ("forbiden", "[Forbidden]"),
        ("gatway timout", "[Gateway] [Timeout]"),
        ("gateway time-out", "[Gateway] [Time]-[out]"),
        ("im a teapot", "[I'm] [a] [teapot]"),
        ("payload too large", "[Payload] [Too] [Large]"),
        ("rate limit", "[rate] [limit]"),
        ("cloudflare", "[cloudflare] 520"),
        ("404", "Not Found"),
        ("404 not found", "[Not] [Found]"),
        ("420 enhance", "[Enhance] Your Calm"),
        ("too many", "[Too] [Many] Requests"),
        ("reque too", "[Too] Many [Reque]sts"),
    ];
    for &(query, expected) in cases {
        let outcome = search(query);
        let first = outcome
            .hits
            .first()
            .unwrap_or_else(|| panic!("{query}: no hit"));
        assert_eq!(marked(first), expected, "{query}");
    }
    let summary = search("bigger");
    let hit = &summary.hits[0];
    assert_eq!(hit.kind, Summary);
    assert_eq!(hit.matched_text, hit.entry.summary);
    assert_eq!(&hit.matched_text[hit.highlights[0].clone()], "bigger");
}

#[test]
fn matched_text_says_why() {
    let first = |query: &str| search(query).hits.into_iter().next().expect(query);
    assert_eq!(first("404").matched_text, "Not Found");
    assert_eq!(first("4xx").matched_text, "Bad Request");
    assert_eq!(first("payload too large").matched_text, "Payload Too Large");
    assert_eq!(first("throttled").matched_text, "throttled");
    assert_eq!(first("unauthorised").matched_text, "Unauthorized");
    let pantheon = first("pantheon");
    assert_eq!(pantheon.matched_text, "pantheon");
    let fastly = search("fastly")
        .hits
        .into_iter()
        .find(|hit| hit.kind == Vendor || hit.kind == Keyword)
        .expect("fastly");
    assert_eq!(fastly.entry.code, 462);
    assert_eq!(MatchKind::Vendor.label(), "vendor");
}

#[test]
fn labels_and_order_of_kinds() {
    let kinds = [
        (ExactCode, "code"),
        (CodePrefix, "code prefix"),
        (Class, "class"),
        (Phrase, "phrase"),
        (FormerPhrase, "formerly"),
        (Keyword, "keyword"),
        (Vendor, "vendor"),
        (Fuzzy, "similar spelling"),
        (Summary, "summary"),
    ];
    for pair in kinds.windows(2) {
        assert!(pair[0].0 < pair[1].0);
    }
    for (kind, label) in kinds {
        assert_eq!(kind.label(), label);
    }
}

#[test]
fn a_number_that_matches_nothing_suggests_nearby_registered_codes() {
    let outcome = search("470");
    assert!(outcome.hits.is_empty());
    let codes: Vec<u16> = outcome.suggestions.iter().map(|e| e.code).collect();
    assert_eq!(codes, [451, 431, 429, 428]);
    assert!(outcome
        .suggestions
        .iter()
        .all(|entry| entry.is_registered()));

    let six = search("6xx");
    assert!(six.hits.is_empty());
    assert_eq!(six.suggestions.first().map(|e| e.code), Some(511));

    let typo = search("4044");
    assert!(typo.hits.is_empty());
    assert_eq!(typo.suggestions.first().map(|e| e.code), Some(404));

    let zero = search("0");
    assert_eq!(zero.suggestions.first().map(|e| e.code), Some(100));
}

#[test]
fn words_that_match_nothing_suggest_similar_entries() {
    // Each word is known, but no single text holds both.
    let outcome = search("nginx timeout");
    assert!(outcome.hits.is_empty());
    let suggested: Vec<String> = outcome.suggestions.iter().map(|e| label(e)).collect();
    assert!(
        suggested.contains(&"499 nginx".to_string()),
        "{suggested:?}"
    );

    // Three edits: beyond the typo budget of a hit, within that of a suggestion.
    let far = search("unauthorizzzedd");
    assert!(far.hits.is_empty());
    assert_eq!(far.suggestions.first().map(|e| e.code), Some(401));

    for nonsense in ["qwzxv", "zzzzzzzzzzzz", "qq", "кот", "猫"] {
        let outcome = search(nonsense);
        assert!(outcome.hits.is_empty(), "{nonsense}");
        assert!(outcome.suggestions.len() <= search::MAX_SUGGESTIONS);
    }
}

#[test]
fn suggestions_only_when_nothing_matched() {
    for query in ["404", "not found", "cloudflare", "forbiden", "bigger"] {
        let outcome = search(query);
        assert!(!outcome.hits.is_empty(), "{query}");
        assert!(outcome.suggestions.is_empty(), "{query}");
    }
}

#[test]
fn empty_and_punctuation_only_queries_give_nothing() {
    for query in [
        "", " ", "\t\n", "%", "!!!", "---", "…", "\u{200b}", "'", "´", "🙂", "\u{0301}",
    ] {
        let outcome = search(query);
        assert!(outcome.hits.is_empty(), "{query:?}");
        assert!(outcome.suggestions.is_empty(), "{query:?}");
        assert!(!outcome.query_was_cut);
    }
}

#[test]
fn hostile_input_is_handled() {
    let repeated = [
        "a".repeat(10_000),
        "🙂".repeat(10_000),
        "not found ".repeat(1_000),
        "9".repeat(300),
    ];
    let inputs = [
        "مرحبا بالعالم 404",
        "\u{202e}dnuof ton\u{202c}",
        "\u{0}\u{1}\u{7f}\u{1b}[31m 404\u{1b}[0m",
        "<script>alert('404')</script>",
        "<b>not</b> <i>found</i>",
        "%00%2e%2e%2f",
        "e\u{0301}\u{0301}\u{0301}",
        "\u{fffd}\u{feff}\u{d7ff}",
        "44444",
        "Ǆ ǅ ǆ İ ẞ ﬁ",
    ];
    for input in repeated.iter().map(String::as_str).chain(inputs) {
        check(input);
    }
    assert_eq!(
        search("\u{0}\u{1}\u{7f}\u{1b}[31m 404\u{1b}[0m").hits[0]
            .entry
            .code,
        404
    );
    // Every word must match, tag names included, so markup finds nothing, but the words
    // inside it are what is suggested.
    let markup = search("<b>not</b> <i>found</i>");
    assert!(markup.hits.is_empty());
    assert_eq!(markup.suggestions.first().map(|e| e.code), Some(404));
    assert_eq!(search("مرحبا بالعالم 404").hits[0].entry.code, 404);
}

#[test]
fn long_queries_are_cut_at_the_limit_on_a_char_boundary() {
    let long = "x".repeat(10_000);
    assert!(search(&long).query_was_cut);
    let exact = "é".repeat(search::MAX_QUERY_CHARS);
    assert!(!search(&exact).query_was_cut);
    let over = "é".repeat(search::MAX_QUERY_CHARS + 1);
    assert!(search(&over).query_was_cut);
    // What fits before the cut is still searched.
    let padded = format!("too many requests{}", " ".repeat(10_000));
    let outcome = search(&padded);
    assert!(outcome.query_was_cut);
    assert_eq!(outcome.hits[0].entry.code, 429);
}

#[test]
fn normalize_folds_case_accents_and_punctuation() {
    let cases = [
        ("Not Found", "not found"),
        ("  Not-Found! ", "not found"),
        ("Forbídden", "forbidden"),
        ("Straße", "strasse"),
        ("Ærøskøbing", "aeroskobing"),
        ("Œuvre", "oeuvre"),
        ("Łódź", "lodz"),
        ("İstanbul", "istanbul"),
        ("Crème brûlée", "creme brulee"),
        ("Sm\u{00f8}rrebr\u{00f8}d", "smorrebrod"),
        ("e\u{0301}te\u{0301}", "ete"),
        ("I'm a teapot", "im a teapot"),
        ("I’m a teapot", "im a teapot"),
        ("Request-URI Too Long", "request uri too long"),
        ("4xx", "4xx"),
        ("post/redirect/get", "post redirect get"),
        ("tls 1.3", "tls 1 3"),
        ("🙂 ok 🙂", "ok"),
        ("a\u{0}b\tc\nd", "a b c d"),
        ("%", ""),
        ("", ""),
    ];
    for (text, expected) in cases {
        assert_eq!(normalize(text), expected, "{text:?}");
    }
}

#[test]
fn segments_rebuild_the_matched_text() {
    for query in ["not fou", "gateway time-out", "forbiden", "bigger", "404"] {
        for hit in search(query).hits {
            let rebuilt: String = hit.segments().into_iter().map(|(text, _)| text).collect();
            assert_eq!(rebuilt, hit.matched_text, "{query}");
        }
    }
}

/// What must hold for any query.
fn check_invariants(query: &str, outcome: &Outcome) {
    assert_eq!(
        outcome.query_was_cut,
        query.chars().count() > search::MAX_QUERY_CHARS,
        "cut flag for {} chars",
        query.chars().count()
    );
    let mut seen: Vec<*const Entry> = Vec::new();
    for hit in &outcome.hits {
        let pointer: *const Entry = hit.entry;
        assert!(!seen.contains(&pointer), "{} twice", label(hit.entry));
        seen.push(pointer);
        let text = hit.matched_text;
        let mut end = 0;
        for range in &hit.highlights {
            assert!(range.start < range.end, "empty highlight {range:?}");
            assert!(
                range.start >= end,
                "overlapping or unsorted {:?}",
                hit.highlights
            );
            assert!(range.end <= text.len(), "{range:?} outside {text:?}");
            assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
            end = range.end;
        }
    }
    for pair in outcome.hits.windows(2) {
        assert!(pair[0].kind <= pair[1].kind);
    }
    if !outcome.hits.is_empty() {
        assert!(outcome.suggestions.is_empty());
    }
    assert!(outcome.suggestions.len() <= search::MAX_SUGGESTIONS);
}

/// One hit reduced to what determinism compares: code, vendor, kind, matched text, highlights.
type HitSummary<'a> = (
    u16,
    Option<&'a str>,
    MatchKind,
    &'a str,
    Vec<std::ops::Range<usize>>,
);

fn summary(outcome: &Outcome) -> Vec<HitSummary<'_>> {
    outcome
        .hits
        .iter()
        .map(|hit| {
            (
                hit.entry.code,
                hit.entry.vendor.as_deref(),
                hit.kind,
                hit.matched_text,
                hit.highlights.clone(),
            )
        })
        .collect()
}

fn check(query: &str) {
    let first = search(query);
    check_invariants(query, &first);
    let second = search(query);
    assert_eq!(summary(&first), summary(&second), "not deterministic");
    let codes = |outcome: &Outcome| -> Vec<u16> {
        outcome.suggestions.iter().map(|entry| entry.code).collect()
    };
    assert_eq!(codes(&first), codes(&second));
}

/// Words and pieces that reach the deeper paths (codes, classes, prefixes, typos).
fn query_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("not".to_string()),
        Just("found".to_string()),
        Just("4xx".to_string()),
        Just("404".to_string()),
        Just("nginx".to_string()),
        Just("timout".to_string()),
        Just("I'm".to_string()),
        "[0-9]{1,4}",
        "[a-zA-Zéü]{1,12}",
        "[ .*xX%'’\u{301}-]{1,3}",
    ];
    proptest::collection::vec(piece, 0..8).prop_map(|pieces| pieces.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_string_is_safe_and_deterministic(query in any::<String>()) {
        check(&query);
    }

    #[test]
    fn long_strings_of_any_chars_are_safe(chars in proptest::collection::vec(any::<char>(), 0..1_200)) {
        let query: String = chars.into_iter().collect();
        check(&query);
    }

    #[test]
    fn query_like_strings_are_safe_and_deterministic(query in query_like()) {
        check(&query);
    }

    #[test]
    fn normalize_is_idempotent_and_plain(text in any::<String>()) {
        let once = normalize(&text);
        prop_assert_eq!(normalize(&once), once.clone());
        prop_assert!(!once.starts_with(' ') && !once.ends_with(' ') && !once.contains("  "));
        prop_assert!(once.chars().all(|c| c == ' ' || c.is_alphanumeric()));
    }
}
