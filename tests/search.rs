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

/// What a hit leads to, as `label` writes an entry: `404`, `420 Twitter`, or the fragment of a
/// number or comparison (`#000`, `#401-vs-403`).
fn hit_label(hit: &Hit) -> String {
    match hit.entry() {
        Some(entry) => label(entry),
        None => format!("#{}", hit.target.fragment()),
    }
}

fn labels(outcome: &Outcome) -> Vec<String> {
    outcome.hits.iter().map(hit_label).collect()
}

/// The entry a hit leads to; the hit must lead to one.
fn entry_of(hit: &Hit) -> &'static Entry {
    hit.entry()
        .unwrap_or_else(|| panic!("{} is not a catalog entry", hit_label(hit)))
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
    // A request blocked by CORS reaches scripts as status 0, which is what people see.
    ("cors", Keyword, &["#0", "204", "403"]),
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
            // Then registered codes by how much of them is about nginx: 502's keyword and its
            // error-log lines before 413's one keyword.
            "502",
        ],
    ),
    ("twitter", Keyword, &["420 Twitter"]),
    ("laravel", Keyword, &["419 Laravel"]),
    ("apache", Keyword, &["218 Apache"]),
    ("pantheon", Keyword, &["530 Pantheon"]),
    ("ssl handshake", Phrase, &["525 Cloudflare"]),
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

/// (query, the first hits in order), for one kind of lookup each table. Hits are labelled as
/// in `EXPECTED`; `#…` is a number's or a comparison's page.
type Table = &'static [(&'static str, &'static [&'static str])];

fn check_table(kind: &str, table: Table) {
    let mut failures = Vec::new();
    for &(query, expected) in table {
        let found = labels(&search(query));
        if found.len() < expected.len() || found[..expected.len()] != *expected {
            failures.push(format!(
                "{kind}: {query:?}: expected {expected:?}, got {:?}",
                &found[..found.len().min(expected.len() + 3)]
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Issue #14 §3: plurals and verb endings find what the base word finds.
const WORD_FORMS: Table = &[
    ("too many redirects", &["302"]),
    ("redirects", &["307", "308"]),
    ("redirected", &["307", "308"]),
    ("limiting", &["429"]),
    ("timed out", &["408", "504"]),
    // Our own.
    ("redirecting", &["307", "308"]),
    ("timeouts", &["408", "504"]),
    ("rate limits", &["429", "420 Twitter"]),
    ("rate limiting", &["429", "420 Twitter"]),
    ("blocking", &["403"]),
    ("caching", &["304"]),
    ("uploads", &["104", "413"]),
    ("deleting", &["204", "410"]),
];

#[test]
fn word_forms_find_what_the_base_word_finds() {
    check_table("word forms", WORD_FORMS);
    // The redirect codes follow the loop advice for `too many redirects`, not "Too Many
    // Requests", which shares only the common words.
    let found = labels(&search("too many redirects"));
    for code in ["301", "307", "308"] {
        let at = found.iter().position(|label| label == code);
        let requests = found.iter().position(|label| label == "429");
        assert!(
            at.is_some_and(|at| requests.is_none_or(|requests| at < requests)),
            "{code} in {found:?}"
        );
    }
}

/// Issue #14 §3: a word the catalog does not know, or one no field holds with the others, no
/// longer empties the results.
const EXTRA_WORDS: Table = &[
    ("too many redirects please", &["302", "307", "308"]),
    ("why am i getting too many redirects", &["302"]),
    ("page not found error", &["404"]),
    ("bad gateway cloudflare", &["502"]),
    ("service unavailable heroku", &["503"]),
    ("gateway timeout upstream nginx", &["504"]),
    ("my api says rate limit exceeded", &["420 Twitter", "429"]),
    ("nginx timeout", &["504"]),
];

#[test]
fn extra_words_still_rank_what_the_other_words_match() {
    check_table("extra words", EXTRA_WORDS);
    // All words in one field stays the strongest: a full match before every partial one.
    let outcome = search("too many redirects");
    assert!(!outcome.hits[0].partial);
    assert!(outcome.hits[1..].iter().all(|hit| hit.partial));
    let please = search("too many redirects please");
    assert!(please.hits.iter().all(|hit| hit.partial));
    // A nonsense word alone still finds nothing, and suggestions stay for typos.
    assert!(search("qwzxv plorf").hits.is_empty());
}

/// Issue #14 §3 and #17 §3: names of constants as programmers paste them.
const CODE_NAMES: Table = &[
    ("http.StatusRequestEntityTooLarge", &["413"]),
    ("HTTPStatus.REQUEST_ENTITY_TOO_LARGE", &["413"]),
    ("StatusCode::PAYLOAD_TOO_LARGE", &["413"]),
    ("HttpStatusCode.RequestEntityTooLarge", &["413"]),
    ("StatusTeapot", &["418"]),
    ("HTTP_NOT_FOUND", &["404"]),
    ("Status404NotFound", &["404"]),
    ("unprocessable_entity", &["422"]),
    ("Net::HTTPPayloadTooLarge", &["413"]),
    // Our own.
    ("HttpStatus.I_AM_A_TEAPOT", &["418"]),
    (":too_many_requests", &["429"]),
    ("HttpURLConnection.HTTP_UNAVAILABLE", &["503"]),
    ("StatusCodes.Status503ServiceUnavailable", &["503"]),
    ("Response::HTTP_UNAUTHORIZED", &["401"]),
    ("http.StatusMovedPermanently", &["301"]),
    ("HttpServletResponse.SC_FORBIDDEN", &["403"]),
    ("HttpURLConnection.HTTP_MOVED_TEMP", &["302"]),
    ("HttpStatus.METHOD_FAILURE", &["420 Spring"]),
    ("status.HTTP_429_TOO_MANY_REQUESTS", &["429"]),
];

#[test]
fn names_from_code_find_their_code_first() {
    check_table("names from code", CODE_NAMES);
    // Every library's name for every code finds that code first.
    let mut failures = Vec::new();
    for (code, name) in http_status_codes::constants::searchable_names() {
        let first = search(name).hits.into_iter().next();
        let found = first.as_ref().and_then(Hit::entry).map(|entry| entry.code);
        if found != Some(code) {
            failures.push(format!("{name}: expected {code}, got {found:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    // Words that only look like names stay words.
    for (query, code) in [("WebSocket", 101), ("web.config error", 500), ("ETag", 304)] {
        assert_eq!(labels(&search(query))[0], code.to_string(), "{query}");
    }
}

/// Issue #14 §1: numbers that are not status codes lead to their own page and never to a
/// code they only resemble.
const ODD_NUMBERS: Table = &[
    ("0", &["#0"]),
    ("000", &["#000"]),
    ("status 0", &["#0"]),
    ("http 0", &["#0"]),
    // Our own.
    ("http 000", &["#000"]),
    ("curl 000", &["#000"]),
    ("xhr status 0", &["#0"]),
    ("600", &["#600"]),
    ("99", &["#99"]),
    ("status 1234", &["#1234"]),
    ("4044", &["#4044"]),
];

#[test]
fn numbers_that_are_not_status_codes_find_their_own_page() {
    check_table("odd numbers", ODD_NUMBERS);
    for query in [
        "0", "000", "status 0", "http 0", "1020", "1015", "00", "4044",
    ] {
        let outcome = search(query);
        let codes: Vec<u16> = outcome
            .hits
            .iter()
            .filter_map(Hit::entry)
            .chain(outcome.suggestions.iter().copied())
            .map(|entry| entry.code)
            .collect();
        for near in [100, 101, 102, 103, 404] {
            assert!(!codes.contains(&near), "{query} offers {near}: {codes:?}");
        }
    }
    // The hit says what it is.
    let zero = &search("0").hits[0];
    assert_eq!(zero.kind, MatchKind::Number);
    assert_eq!(zero.target.fragment(), "0");
}

/// Issue #14 §2: platform error codes and plain descriptions find the status they arrive with.
const PLATFORM_CODES: Table = &[
    ("error 1020", &["403"]),
    ("1020", &["403"]),
    ("ERR_TOO_MANY_REDIRECTS", &["302"]),
    ("H12", &["503"]),
    ("404.3", &["404"]),
    ("connection refused", &["502", "521 Cloudflare"]),
    // Our own.
    ("1015", &["429"]),
    ("H10", &["503"]),
    ("500.19", &["500"]),
    ("502.5", &["502"]),
    ("net::ERR_CONNECTION_REFUSED", &["#0"]),
    ("curl: (7)", &["#000"]),
    ("error 1016", &["530 Cloudflare"]),
    ("no live upstreams", &["502"]),
    ("app crashed", &["503"]),
];

#[test]
fn platform_codes_and_descriptions_find_their_status() {
    check_table("platform codes", PLATFORM_CODES);
    let error = &search("error 1020").hits[0];
    assert_eq!(error.kind, MatchKind::Detail);
    assert_eq!(marked(error), "[error] [1020]");
}

/// Issue #14, done when: each of these ranks the right page within the first three.
#[test]
fn issue_examples_rank_the_right_page_in_the_first_three() {
    let cases: &[(&str, &[&str])] = &[
        ("000", &["#000"]),
        ("status 0", &["#0"]),
        ("error 1020", &["403"]),
        ("too many redirects", &["302"]),
        ("connection refused", &["502", "521 Cloudflare"]),
        ("http.StatusRequestEntityTooLarge", &["413"]),
        ("HTTPStatus.REQUEST_ENTITY_TOO_LARGE", &["413"]),
        ("StatusCode::PAYLOAD_TOO_LARGE", &["413"]),
        ("HttpStatusCode.RequestEntityTooLarge", &["413"]),
        ("ERR_TOO_MANY_REDIRECTS", &["302"]),
        ("H12", &["503"]),
        ("404.3", &["404"]),
    ];
    for &(query, wanted) in cases {
        let found = labels(&search(query));
        let top: Vec<&String> = found.iter().take(3).collect();
        for label in wanted {
            assert!(
                top.iter().any(|seen| seen == label),
                "{query}: {label} not in {top:?}"
            );
        }
    }
}

/// Issue #19 item 8: comparisons, and no odd first result.
#[test]
fn search_offers_comparisons_and_stays_sensible() {
    let comparisons: Table = &[
        ("401 vs 403", &["#401-vs-403", "401", "403"]),
        ("401 403", &["#401-vs-403", "401", "403"]),
        ("403 or 401", &["#401-vs-403"]),
        ("compare 404 410", &["#404-vs-410"]),
        ("500 vs 502 vs 503", &["#500-vs-502-vs-503"]),
        ("difference between 301 and 308", &["#301-vs-308"]),
    ];
    check_table("comparisons", comparisons);
    let curated = &search("401 vs 403").hits[0];
    assert_eq!(curated.kind, MatchKind::Comparison);
    assert_eq!(curated.matched_text, "401 Unauthorized vs 403 Forbidden");
    // One code, or a code with words, is no comparison.
    for query in ["401", "404 not found", "401 403 404 405 406"] {
        assert!(
            search(query)
                .hits
                .iter()
                .all(|hit| hit.kind != MatchKind::Comparison),
            "{query}"
        );
    }
    // `ssl`: the SSL errors, not a scanner's overload code, come first.
    let ssl = search("ssl");
    let first = entry_of(&ssl.hits[0]);
    assert!(
        !first.phrase.to_lowercase().contains("overload"),
        "{}",
        label(first)
    );
    assert_eq!(label(first), "495 nginx");
    // `timeout`: the timeout codes before 102 Processing.
    let found = labels(&search("timeout"));
    let processing = found.iter().position(|label| label == "102");
    for code in ["408", "504", "524 Cloudflare", "522 Cloudflare"] {
        let at = found.iter().position(|label| label == code);
        assert!(
            at.is_some_and(|at| processing.is_none_or(|processing| at < processing)),
            "{code} in {found:?}"
        );
    }
}

#[test]
fn every_code_phrase_former_phrase_and_keyword_finds_its_entry() {
    for entry in catalog::entries() {
        let by_code = search(&entry.code.to_string());
        assert!(
            by_code.hits.iter().any(|hit| hit
                .entry()
                .is_some_and(|found| std::ptr::eq(found, entry))
                && hit.kind == ExactCode),
            "{}",
            label(entry)
        );
        let by_phrase = search(&entry.phrase);
        assert!(
            by_phrase.hits.iter().any(|hit| hit
                .entry()
                .is_some_and(|found| std::ptr::eq(found, entry))
                && hit.kind == Phrase),
            "phrase of {}",
            label(entry)
        );
        for text in entry.former_phrases.iter().chain(&entry.keywords) {
            let outcome = search(text);
            assert!(
                outcome.hits.iter().any(|hit| hit
                    .entry()
                    .is_some_and(|found| std::ptr::eq(found, entry))
                    && hit.kind <= Keyword),
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
    assert!(five.hits.iter().all(|hit| entry_of(hit).class_digit() == 5));
    let codes: Vec<u16> = five.hits.iter().map(|hit| entry_of(hit).code).collect();
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    assert_eq!(codes, sorted);
}

#[test]
fn hits_are_ordered_by_kind_within_full_then_partial_matches() {
    // Where no vendor's phrase is only partly matched (it ranks among keywords but is labelled
    // by its phrase), hits keep kind order; every hit that matched all words comes before any
    // that matched only some.
    for query in ["redirect", "nginx", "404", "4xx", "0"] {
        let kinds: Vec<MatchKind> = search(query).hits.iter().map(|hit| hit.kind).collect();
        assert!(
            kinds.windows(2).all(|pair| pair[0] <= pair[1]),
            "{query}: {kinds:?}"
        );
    }
    for query in [
        "too many redirects",
        "nginx timeout",
        "page not found error",
    ] {
        let outcome = search(query);
        let partial: Vec<bool> = outcome.hits.iter().map(|hit| hit.partial).collect();
        assert!(
            partial.windows(2).all(|pair| !pair[0] || pair[1]),
            "{query}: {partial:?}"
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
        .map(|hit| (entry_of(hit).code, hit.kind))
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
    assert_eq!(hit.matched_text, entry_of(hit).summary);
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
    assert_eq!(entry_of(&fastly).code, 462);
    assert_eq!(MatchKind::Vendor.label(), "vendor");
}

#[test]
fn labels_and_order_of_kinds() {
    let kinds = [
        (Comparison, "comparison"),
        (ExactCode, "code"),
        (CodePrefix, "code prefix"),
        (Class, "class"),
        (Number, "not a status code"),
        (Phrase, "phrase"),
        (FormerPhrase, "formerly"),
        (Keyword, "keyword"),
        (Name, "name in code"),
        (Detail, "error code"),
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

    // A longer number is not a mistyped code: it leads to its own page, which explains it.
    let long = search("4044");
    assert_eq!(labels(&long), ["#4044"]);
    assert!(long.suggestions.is_empty());
}

#[test]
fn words_that_match_nothing_suggest_similar_entries() {
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
            .entry()
            .map(|e| e.code),
        Some(404)
    );
    // Tag names are words no field holds together with the others, so markup finds only
    // partial matches, led by the words inside it.
    let markup = search("<b>not</b> <i>found</i>");
    assert!(markup.hits.iter().all(|hit| hit.partial));
    assert_eq!(labels(&markup).first().map(String::as_str), Some("404"));
    assert_eq!(
        search("مرحبا بالعالم 404").hits[0].entry().map(|e| e.code),
        Some(404)
    );
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
    assert_eq!(outcome.hits[0].entry().map(|e| e.code), Some(429));
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
    // Two vendors may share a number and a first word (Microsoft's two 449s): tell entries
    // apart by identity, other targets by their fragment.
    let mut seen: Vec<(Option<*const Entry>, String)> = Vec::new();
    for hit in &outcome.hits {
        let led_to = (
            hit.entry().map(|entry| entry as *const Entry),
            hit.target.fragment(),
        );
        assert!(!seen.contains(&led_to), "{} twice", hit_label(hit));
        seen.push(led_to);
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
        assert!(
            !pair[0].partial || pair[1].partial,
            "a partial hit before a full one"
        );
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
                hit.entry().map_or(0, |entry| entry.code),
                hit.entry().and_then(|entry| entry.vendor.as_deref()),
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
