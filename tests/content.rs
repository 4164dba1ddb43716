//! The registered entries, class texts, comparisons and decision leaves say what their sources
//! say, with their conditions, once and the same way (issue #15, kinds 2 to 8, and the
//! registered-code facts of issue #14 §4). Each test is one kind of fault; the review behind them
//! is docs/content-review.md.

use http_status_codes::catalog::{self, Cacheable, Entry, Requirement, RetryPolicy};
use http_status_codes::{compare, decide};

fn registered() -> impl Iterator<Item = &'static Entry> {
    catalog::entries()
        .iter()
        .filter(|entry| entry.is_registered())
}

fn entry(code: u16) -> &'static Entry {
    registered()
        .find(|entry| entry.code == code)
        .unwrap_or_else(|| panic!("{code} is registered"))
}

/// Every prose field of an entry, named for failure messages.
fn texts(entry: &'static Entry) -> Vec<(String, &'static str)> {
    let mut texts = vec![
        ("summary".to_string(), entry.summary.as_str()),
        ("meaning".to_string(), entry.explained().meaning.as_str()),
        (
            "when_to_send".to_string(),
            entry.explained().when_to_send.as_str(),
        ),
        (
            "client_action".to_string(),
            entry.explained().client_action.as_str(),
        ),
        (
            "received.browser".to_string(),
            entry.explained().received.browser.as_str(),
        ),
        (
            "received.api_client".to_string(),
            entry.explained().received.api_client.as_str(),
        ),
        (
            "received.operator".to_string(),
            entry.explained().received.operator.as_str(),
        ),
        ("retry.note".to_string(), entry.retry.note.as_str()),
    ];
    for header in &entry.headers {
        texts.push((format!("header {}", header.name), header.note.as_str()));
    }
    if let Some(redirect) = &entry.redirect {
        texts.push(("redirect.note".to_string(), redirect.note.as_str()));
    }
    texts
}

/// The prose of the comparisons and of the decision tree's leaves, named for failure messages.
fn other_texts() -> Vec<(String, String)> {
    let mut texts = Vec::new();
    for group in compare::groups() {
        texts.push((
            format!("comparison {} rule", group.slug),
            group.rule.clone(),
        ));
        texts.push((
            format!("comparison {} explanation", group.slug),
            group.explained().explanation.clone(),
        ));
    }
    for question in decide::tree().questions() {
        for answer in &question.answers {
            if let Some(outcome) = answer.outcome() {
                texts.push((format!("leaf {}", answer.next), outcome.reason.clone()));
            }
        }
    }
    for class in catalog::classes() {
        texts.push((
            format!("class {} meaning", class.label),
            class.meaning.clone(),
        ));
        texts.push((
            format!("class {} client_action", class.label),
            class.client_action.clone(),
        ));
    }
    texts
}

/// Sentences end at `.`, `!` or `?` followed by a space, so "§9.2.2" stays in one piece.
fn sentences(text: &str) -> Vec<&str> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (index, byte) in bytes.iter().enumerate() {
        let ends = matches!(byte, b'.' | b'!' | b'?') && bytes.get(index + 1) == Some(&b' ');
        if ends {
            sentences.push(text[start..=index].trim());
            start = index + 1;
        }
    }
    sentences.push(text[start..].trim());
    sentences
}

fn lower(text: &str) -> String {
    text.to_ascii_lowercase()
}

/// The three-digit numbers a sentence names.
fn codes_named(sentence: &str) -> Vec<u16> {
    sentence
        .split(|c: char| !c.is_ascii_digit())
        .filter(|word| word.len() == 3)
        .filter_map(|word| word.parse().ok())
        .collect()
}

// ---- Kind 2: examples (the framing rules are checked by the response checker) ----

#[test]
fn examples_of_registered_2xx_3xx_4xx_carry_a_date() {
    // RFC 9110 §6.6.1: an origin server with a clock must send Date in 2xx, 3xx and 4xx responses.
    for entry in registered().filter(|entry| (2..=4).contains(&entry.class_digit())) {
        let head = entry.example.split("\n\n").next().unwrap_or_default();
        assert!(
            head.lines().any(|line| line.starts_with("Date: ")),
            "{} example has no Date",
            entry.code
        );
    }
}

// ---- Kind 3: claims about the registry are the registry's ----

/// What the registry itself shows beside each code (`registry_note` in the CSV).
fn registry_note(code: u16) -> String {
    include_str!("data/iana-status-codes.csv")
        .lines()
        .skip(1)
        .map(|line| line.split(',').collect::<Vec<_>>())
        .find(|fields| fields.first().and_then(|c| c.parse::<u16>().ok()) == Some(code))
        .and_then(|fields| fields.get(6).map(|note| note.to_string()))
        .unwrap_or_default()
}

#[test]
fn what_the_catalog_says_of_the_registry_is_what_the_registry_shows() {
    // A sentence about the registry may call a code deprecated, obsolete or temporary only where
    // the registry marks it so; 102's deprecation is RFC 4918's doing, not the registry's.
    let marks = [
        ("deprecat", "DEPRECATED"),
        ("obsolet", "OBSOLETED"),
        ("temporar", "TEMPORARY"),
    ];
    for entry in registered() {
        let note = registry_note(entry.code);
        for (field, text) in texts(entry) {
            for sentence in sentences(text) {
                let sentence = lower(sentence);
                if !(sentence.contains("registry") || sentence.contains("iana")) {
                    continue;
                }
                for (word, mark) in marks {
                    let claimed = sentence
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|token| token.starts_with(word));
                    assert!(
                        !claimed || note.contains(mark),
                        "{} {field}: says the registry marks it {word}…, registry shows {note:?}: {sentence}",
                        entry.code
                    );
                }
            }
        }
    }
}

#[test]
fn the_schema_gives_the_source_of_every_status_that_is_not_standard() {
    let docs = include_str!("../docs/catalog.md");
    let table = docs
        .split("### Status: our classification and its sources")
        .nth(1)
        .expect("docs/catalog.md documents the status classification");
    for entry in registered().filter(|entry| entry.status != catalog::Status::Standard) {
        let row = table
            .lines()
            .find(|line| line.starts_with(&format!("| {} |", entry.code)))
            .unwrap_or_else(|| panic!("no status source for {}", entry.code));
        assert!(
            row.contains(&format!("`{}`", entry.status.token())),
            "{}: {row}",
            entry.code
        );
    }
}

// ---- Kind 4: conditions are not dropped ----

#[test]
fn cacheable_by_default_names_the_method_it_depends_on() {
    // Heuristic caching needs a cacheable method: responses to PUT and DELETE are never stored,
    // POST and PATCH only with explicit freshness (RFC 9110 §9.3, RFC 5789 §2).
    let claims = [
        "cacheable by default",
        "heuristically cacheable",
        "remembered by default",
        "cached by default",
        "cached without explicit",
        "cached even without",
    ];
    let mut all: Vec<(String, String)> = registered()
        .flat_map(|entry| {
            texts(entry)
                .into_iter()
                .map(move |(field, text)| (format!("{} {field}", entry.code), text.to_string()))
        })
        .collect();
    all.extend(other_texts());
    for (place, text) in all {
        for sentence in sentences(&text) {
            let low = lower(sentence);
            // "Not cacheable by default" (425) needs no method condition.
            if claims.iter().any(|claim| low.contains(claim)) && !low.contains("not cacheable") {
                assert!(
                    sentence.contains("GET") || low.contains("method"),
                    "{place}: caching claim without its method condition: {sentence}"
                );
            }
        }
    }
    assert!(Cacheable::Heuristic.describe().contains("GET"));
}

#[test]
fn two_hundred_and_204_say_which_methods_make_them_cacheable() {
    for code in [200, 204] {
        let advice = &entry(code).explained().client_action;
        for method in ["GET", "PUT", "DELETE", "POST"] {
            assert!(
                advice.contains(method),
                "{code} client_action omits {method}"
            );
        }
    }
}

#[test]
fn conditions_from_the_defining_documents_are_kept() {
    // (code, phrases that must appear somewhere in the entry, phrases that must not)
    let table: [(u16, &[&str], &[&str]); 4] = [
        // RFC 8470 §5.2: a gateway passes a 425 on only when the request already carried
        // Early-Data; otherwise it may retry by itself after the handshake.
        (
            425,
            &[
                "RFC 8470 §5.2",
                "must pass the 425 on",
                "retry it on its own",
            ],
            &[],
        ),
        // RFC 5842 §7.1: 208 only for a client that announced bind in its DAV header.
        (208, &["DAV request header", "508"], &[]),
        (508, &["DAV request header", "208"], &[]),
        // RFC 6585 §6: SHOULD NOT from an origin server, which is not "never".
        (511, &["should not"], &["never from"]),
    ];
    for (code, required, forbidden) in table {
        let all: String = texts(entry(code))
            .into_iter()
            .map(|(_, t)| t)
            .collect::<Vec<_>>()
            .join(" ");
        for phrase in required {
            assert!(all.contains(phrase), "{code} lacks {phrase:?}");
        }
        for phrase in forbidden {
            assert!(!all.contains(phrase), "{code} still says {phrase:?}");
        }
    }
}

// ---- Kind 5: one rule, stated once, stated the same way ----

#[test]
fn the_5xx_text_calls_only_502_and_504_gateway_codes() {
    // RFC 9110 §15.6.3 and §15.6.5 define 502 and 504 as a gateway's; 503 is the server itself.
    let class = catalog::class(5).expect("5xx");
    for text in [&class.meaning, &class.client_action, &class.summary] {
        for sentence in sentences(text) {
            if lower(sentence).contains("gateway") {
                for code in codes_named(sentence) {
                    assert!(
                        [502, 504].contains(&code),
                        "5xx text ties {code} to a gateway: {sentence}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_4xx_text_names_every_4xx_that_may_be_repeated() {
    let class = catalog::class(4).expect("4xx");
    let text = format!("{} {}", class.meaning, class.client_action);
    let named = codes_named(&text);
    for entry in registered().filter(|entry| entry.class_digit() == 4) {
        let repeatable = matches!(
            entry.retry.policy,
            RetryPolicy::Automatically
                | RetryPolicy::AfterRetryAfter
                | RetryPolicy::WithBackoff
                | RetryPolicy::WithCredentials
        );
        if repeatable {
            assert!(
                named.contains(&entry.code),
                "the 4xx class text does not name {} ({})",
                entry.code,
                entry.retry.policy.label()
            );
        }
    }
}

#[test]
fn codes_whose_rfc_allows_new_credentials_are_retried_with_credentials() {
    // RFC 9110 §15.5.2, §15.5.4 and §15.5.8: the client may repeat the request with new or
    // different credentials; RFC 6585 §6: after signing in to the network.
    for code in [401, 403, 407, 511] {
        assert_eq!(
            entry(code).retry.policy,
            RetryPolicy::WithCredentials,
            "{code}"
        );
    }
}

#[test]
fn a_do_not_retry_note_does_not_advise_retrying() {
    // A note that tells the client what to change or which credentials would work describes
    // another policy (after-fixing-the-request, with-credentials), as 403 and 508 once did.
    let advice = [
        "retry with",
        "then retry",
        "retry after",
        "repeat the request with",
        "try again",
        "different credentials",
        "new credentials",
        " first.",
    ];
    for entry in registered().filter(|entry| entry.retry.policy == RetryPolicy::No) {
        let note = lower(&entry.retry.note);
        for phrase in advice {
            assert!(
                !note.contains(phrase),
                "{} says no retry but: {}",
                entry.code,
                entry.retry.note
            );
        }
    }
}

#[test]
fn four_hundred_and_422_state_the_same_rule() {
    // RFC 9110 §15.5.1: 400 is "cannot or will not process"; §15.5.21: 422 is about content.
    let rule_of = |code: u16| {
        sentences(&entry(code).explained().meaning)
            .into_iter()
            .find(|sentence| sentence.starts_with("RFC 9110 lets 400 cover"))
            .map(str::to_string)
            .unwrap_or_else(|| panic!("{code} meaning lacks the shared 400/422 rule"))
    };
    assert_eq!(rule_of(400), rule_of(422));
    let group = compare::groups()
        .iter()
        .find(|group| group.slug == "400-vs-422")
        .expect("400-vs-422");
    for text in [
        &group.rule,
        &group.explained().explanation,
        &entry(400).explained().meaning,
        &entry(422).explained().meaning,
    ] {
        assert!(
            !lower(text).contains("cannot read"),
            "still says 400 is only for unreadable requests: {text}"
        );
    }
    assert!(group
        .explained()
        .explanation
        .contains("cannot or will not process"));
}

// ---- Kind 6: retry advice is safe ----

#[test]
fn every_automatic_retry_is_limited_to_idempotent_requests() {
    // RFC 9110 §9.2.2: only requests that are idempotent can be repeated automatically when the
    // client cannot tell whether the first attempt was applied.
    for entry in registered() {
        if matches!(
            entry.retry.policy,
            RetryPolicy::WithBackoff | RetryPolicy::Cautiously | RetryPolicy::AfterRetryAfter
        ) {
            assert!(
                lower(&entry.retry.note).contains("idempotent"),
                "{} retry note: {}",
                entry.code,
                entry.retry.note
            );
        }
    }
    let mut all: Vec<(String, String)> = registered()
        .flat_map(|entry| {
            texts(entry)
                .into_iter()
                .map(move |(field, text)| (format!("{} {field}", entry.code), text.to_string()))
        })
        .collect();
    all.extend(other_texts());
    for (place, text) in all {
        let low = lower(&text);
        let advises = [
            "back off",
            "backoff",
            "friendliest of these to retry",
            "can try again after waiting",
        ];
        if advises.iter().any(|phrase| low.contains(phrase)) {
            assert!(
                low.contains("idempotent"),
                "{place}: retry advice without the idempotent condition: {text}"
            );
        }
    }
}

// ---- Kind 8: nothing in the data contradicts its schema ----

#[test]
fn the_schema_names_exactly_the_codes_that_carry_a_redirect() {
    let docs = include_str!("../docs/catalog.md");
    let row = docs
        .lines()
        .find(|line| line.starts_with("| `redirect` |"))
        .expect("docs/catalog.md documents redirect");
    let present = row.split("Null for").next().unwrap_or_default();
    let mut documented: Vec<u16> = codes_named(present);
    documented.sort_unstable();
    documented.dedup();
    let mut with_redirect: Vec<u16> = registered()
        .filter(|entry| entry.redirect.is_some())
        .map(|entry| entry.code)
        .collect();
    with_redirect.sort_unstable();
    assert_eq!(documented, with_redirect);
}

#[test]
fn the_schema_documents_every_requirement_level() {
    let docs = include_str!("../docs/catalog.md");
    let levels = [
        Requirement::Must,
        Requirement::Should,
        Requirement::May,
        Requirement::Defining,
        Requirement::Customary,
    ];
    for level in levels {
        assert!(
            docs.contains(&format!("| `{}` | {} |", level.token(), level.label())),
            "docs/catalog.md lacks the level {}",
            level.token()
        );
    }
}

// ---- Issue #14 §4: prohibitions, common practice, what browsers do ----

#[test]
fn codes_that_forbid_content_length_say_so() {
    // RFC 9110 §8.6: a server must not send Content-Length in a 1xx or 204 response.
    for entry in registered().filter(|entry| entry.class_digit() == 1 || entry.code == 204) {
        assert!(
            entry.explained().when_to_send.contains("Content-Length")
                && entry.explained().when_to_send.contains("§8.6"),
            "{} does not state the Content-Length prohibition",
            entry.code
        );
    }
}

#[test]
fn other_prohibitions_are_stated_with_their_section() {
    // What the code's documents forbid, each with the section the entry must cite for it.
    let table: [(u16, &str); 6] = [
        (205, "must not send content"), // RFC 9110 §15.3.6
        (206, "§15.3.7.2"),             // no multipart for one range; no Content-Range
        (304, "§8.6"),                  // Content-Length only with the 200's length
        (201, "§9.3.4"),                // no validator after a transformed PUT
        (204, "§9.3.4"),
        (421, "a proxy must not"), // RFC 9110 §15.5.20
    ];
    for (code, phrase) in table {
        let all = texts(entry(code))
            .into_iter()
            .map(|(_, text)| text)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            lower(&all).contains(&lower(phrase)),
            "{code} does not state {phrase:?}"
        );
    }
}

#[test]
fn practice_that_departs_from_the_rfc_is_stated_beside_the_rule() {
    // GitHub's REST API signals rate limits with 403 as well as 429.
    let forbidden = &entry(403).explained().client_action;
    assert!(forbidden.contains("rate limit") && forbidden.contains("Retry-After"));
    // Browsers use 103 only over HTTP/2 and later; they may resend a request after a 408.
    assert!(
        entry(103).explained().when_to_send.contains("HTTP/1.1")
            && entry(103).explained().received.browser.contains("HTTP/2")
    );
    assert!(entry(408)
        .explained()
        .received
        .browser
        .contains("resent the request by itself"));
}
