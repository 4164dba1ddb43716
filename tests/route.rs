//! The fragment parser: every valid route round-trips, and bad input always lands somewhere safe.

use http_status_codes::catalog;
use http_status_codes::route::{document_title, CompareProblem, Route};

fn every_valid_route() -> Vec<Route> {
    let mut routes = vec![
        Route::Home,
        Route::CompareIndex,
        Route::Constants,
        Route::Check(None),
        Route::Decide(vec![]),
    ];
    routes.extend(
        catalog::numbers()
            .into_iter()
            .map(|code| Route::Check(Some(code))),
    );
    routes.extend((1..=5).map(Route::Class));
    routes.extend(catalog::numbers().into_iter().map(Route::Code));
    routes.extend(
        catalog::non_status_numbers()
            .iter()
            .map(|record| Route::Number(record.number.clone())),
    );
    for number in [
        "00",
        "0000",
        "600",
        "999",
        "1020",
        "471",
        "42",
        "000000000000",
    ] {
        routes.push(Route::Number(number.into()));
    }
    routes.push(Route::Compare(vec![401, 403]));
    routes.push(Route::Compare(vec![301, 302, 307, 308]));
    routes.push(Route::Decide(vec![
        "client".into(),
        "auth".into(),
        "logged-in".into(),
    ]));
    for query in [
        "rate limit",
        "404",
        "a&b=c#d",
        "<script>",
        "naïve ünïcode",
        "100%",
        "q=q",
    ] {
        routes.push(Route::Search(query.into()));
    }
    routes
}

#[test]
fn every_route_round_trips_through_its_fragment() {
    for route in every_valid_route() {
        let fragment = route.to_string();
        assert_eq!(Route::parse(&fragment), route, "fragment {fragment:?}");
        assert_eq!(
            Route::parse(&format!("#{fragment}")),
            route,
            "with # {fragment:?}"
        );
    }
}

#[test]
fn every_code_in_the_catalog_has_a_route() {
    for code in catalog::numbers() {
        assert_eq!(Route::parse(&format!("#{code}")), Route::Code(code));
    }
}

#[test]
fn home_and_classes() {
    assert_eq!(Route::parse(""), Route::Home);
    assert_eq!(Route::parse("#"), Route::Home);
    assert_eq!(Route::parse("#/"), Route::Home);
    // The skip link's target, followed before the app started.
    assert_eq!(Route::parse("#main"), Route::Home);
    assert_eq!(Route::parse("#4xx"), Route::Class(4));
    assert_eq!(Route::parse("#4XX"), Route::Class(4));
    assert_eq!(Route::parse("#6xx"), Route::NotFound("6xx".into()));
    assert_eq!(Route::parse("#0xx"), Route::NotFound("0xx".into()));
}

#[test]
fn bad_fragments_become_not_found_with_the_input_as_text() {
    let cases = [
        ("#abc", "abc"),
        ("#%%", "%%"),
        ("#%zz", "%zz"),
        ("#%", "%"),
        (
            "#<img src=x onerror=alert(1)>",
            "<img src=x onerror=alert(1)>",
        ),
        ("#%3Cscript%3E", "<script>"),
        ("#%FF%FE", "\u{fffd}\u{fffd}"),
        ("#-1", "-1"),
        ("#4.04", "4.04"),
        ("#1e3", "1e3"),
        ("#0x1F", "0x1F"),
        ("#4040404040404", "4040404040404"),
    ];
    for (fragment, text) in cases {
        assert_eq!(
            Route::parse(fragment),
            Route::NotFound(text.into()),
            "{fragment}"
        );
    }
}

/// Any other run of digits names a number's view, kept exactly as written: `0` and `000` are
/// different things, and a number never becomes a code by losing its leading zeros.
#[test]
fn numbers_outside_the_catalog_keep_their_text() {
    let cases = [
        ("#0", "0"),
        ("#000", "000"),
        ("#00", "00"),
        ("#%20000%20", "000"),
        ("#600", "600"),
        ("#999", "999"),
        ("#1020", "1020"),
        ("#471", "471"),
        ("#40", "40"),
        ("#4044", "4044"),
        ("#0404", "0404"),
        ("#123456789012", "123456789012"),
    ];
    for (fragment, number) in cases {
        assert_eq!(
            Route::parse(fragment),
            Route::Number(number.into()),
            "{fragment}"
        );
    }
    assert_eq!(Route::parse("#404"), Route::Code(404));
    assert_eq!(
        Route::parse("#1234567890123"),
        Route::NotFound("1234567890123".into())
    );
}

#[test]
fn a_huge_fragment_is_not_found_and_does_not_panic() {
    let huge = format!("#{}", "x".repeat(5_000));
    assert_eq!(Route::parse(&huge), Route::NotFound("x".repeat(5_000)));
    let huge_escapes = format!("#{}", "%".repeat(10_000));
    assert!(matches!(Route::parse(&huge_escapes), Route::NotFound(_)));
}

#[test]
fn not_found_input_round_trips_too() {
    for input in ["abc", "<b>hi</b>", "a b", "%%", "ümlaut"] {
        let route = Route::NotFound(input.into());
        assert_eq!(Route::parse(&route.to_string()), route);
    }
}

#[test]
fn comparisons_parse_in_the_order_given() {
    assert_eq!(Route::parse("#403-vs-401"), Route::Compare(vec![403, 401]));
    assert_eq!(Route::parse("#401-VS-403"), Route::Compare(vec![401, 403]));
    assert_eq!(
        Route::parse("#401%20vs%20403"),
        Route::Compare(vec![401, 403])
    );
}

#[test]
fn bad_comparisons_say_what_was_wrong() {
    let problem = |fragment: &str| match Route::parse(fragment) {
        Route::CompareInvalid { problem, .. } => problem,
        other => panic!("{fragment} parsed as {other:?}"),
    };
    assert_eq!(problem("#401-vs-401"), CompareProblem::Repeated(401));
    assert_eq!(
        problem("#401-vs-999"),
        CompareProblem::Unknown(vec!["999".into()])
    );
    assert_eq!(problem("#-vs-"), CompareProblem::TooFew);
    assert_eq!(problem("#vs"), CompareProblem::TooFew);
    assert_eq!(problem("#401-vs"), CompareProblem::TooFew);
    assert_eq!(
        problem("#400-vs-401-vs-403-vs-404-vs-405"),
        CompareProblem::TooMany(5)
    );
    assert!(matches!(problem("#<b>-vs-401"), CompareProblem::Unknown(_)));
    assert!(!problem("#401-vs-999").describe().is_empty());
    assert_eq!(Route::parse("#canvas"), Route::NotFound("canvas".into()));
}

#[test]
fn decide_paths() {
    assert_eq!(Route::parse("#decide"), Route::Decide(vec![]));
    assert_eq!(Route::parse("#decide/"), Route::Decide(vec![]));
    assert_eq!(
        Route::parse("#decide/client/auth"),
        Route::Decide(vec!["client".into(), "auth".into()])
    );
}

#[test]
fn search_fragments_decode_the_query() {
    assert_eq!(
        Route::parse("#q=rate%20limit"),
        Route::Search("rate limit".into())
    );
    assert_eq!(Route::parse("#q="), Route::Search(String::new()));
    assert_eq!(
        Route::parse("#q=%E2%9C%93"),
        Route::Search("\u{2713}".into())
    );
}

#[test]
fn titles_follow_the_view() {
    assert_eq!(document_title(&Route::Home), "HTTP Status Codes");
    assert_eq!(
        document_title(&Route::Code(404)),
        "404 Not Found \u{b7} HTTP Status Codes"
    );
    assert_eq!(
        document_title(&Route::Class(4)),
        "4xx Client Error \u{b7} HTTP Status Codes"
    );
    assert_eq!(
        document_title(&Route::Number("000".into())),
        "000: No response (curl) \u{b7} HTTP Status Codes"
    );
    assert_eq!(
        document_title(&Route::Number("0".into())),
        "0: No response (browser scripts) \u{b7} HTTP Status Codes"
    );
    assert_eq!(
        document_title(&Route::Number("1020".into())),
        "1020: not an HTTP status code \u{b7} HTTP Status Codes"
    );
    assert_eq!(
        document_title(&Route::Number("471".into())),
        "471: unassigned status code \u{b7} HTTP Status Codes"
    );
    assert_eq!(
        document_title(&Route::NotFound("x".into())),
        "Not found \u{b7} HTTP Status Codes"
    );
}

#[test]
fn the_checker_takes_at_most_a_known_code_from_the_fragment() {
    assert_eq!(Route::parse("#check"), Route::Check(None));
    assert_eq!(Route::parse("#CHECK"), Route::Check(None));
    assert_eq!(Route::parse("#check/404"), Route::Check(Some(404)));
    assert_eq!(Route::Check(Some(404)).to_string(), "check/404");
    // Only a code whose example the catalog holds; anything else is not a page.
    for fragment in ["#check/471", "#check/HTTP%2F1.1%20200%20OK", "#check/404/x"] {
        assert!(
            matches!(Route::parse(fragment), Route::NotFound(_)),
            "{fragment}"
        );
    }
    assert_eq!(
        document_title(&Route::Check(None)),
        "Check a response \u{b7} HTTP Status Codes"
    );
}
