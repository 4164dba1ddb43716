//! The response checker: every rule with an input that triggers it and a close one that must
//! not, every input format, hostile input, and the catalog's own examples.

use http_status_codes::catalog;
use http_status_codes::check::{self, Format, Report, Severity, RULES};
use proptest::prelude::*;

const DATE: &str = "Date: Sun, 06 Nov 1994 08:49:37 GMT";

/// The ids of every finding on every response of a paste.
fn ids(text: &str) -> Vec<&'static str> {
    match check::check(text, None) {
        Report::Checked { responses, .. } => responses
            .iter()
            .flat_map(|checked| checked.findings.iter().map(|finding| finding.rule.id))
            .collect(),
        other => panic!("expected responses for {text:?}, got {other:?}"),
    }
}

fn checked(text: &str) -> (Format, Vec<check::Checked>, Vec<String>) {
    match check::check(text, None) {
        Report::Checked {
            format,
            responses,
            notices,
        } => (format, responses, notices),
        other => panic!("expected responses for {text:?}, got {other:?}"),
    }
}

/// A response head with a Date, then `rest` (more fields, a blank line, content).
fn with_date(status_line: &str, rest: &str) -> String {
    format!("{status_line}\r\n{DATE}\r\n{rest}")
}

/// One HAR entry: request method, URL, response status and response fields.
type HarEntry<'a> = (&'a str, &'a str, u32, &'a [(&'a str, &'a str)]);

fn har(entries: &[HarEntry]) -> String {
    let entries: Vec<String> = entries
        .iter()
        .map(|(method, url, status, headers)| {
            let headers: Vec<String> = headers
                .iter()
                .map(|(name, value)| format!(r#"{{"name":"{name}","value":"{value}"}}"#))
                .collect();
            format!(
                r#"{{"request":{{"method":"{method}","url":"{url}","httpVersion":"HTTP/1.1","headers":[]}},"response":{{"status":{status},"statusText":"","httpVersion":"HTTP/1.1","headers":[{}],"content":{{"size":0,"mimeType":"text/html"}},"redirectURL":"","headersSize":-1,"bodySize":-1}},"timings":{{"send":0,"wait":1,"receive":0}}}}"#,
                headers.join(",")
            )
        })
        .collect();
    format!(
        r#"{{"log":{{"version":"1.2","creator":{{"name":"WebInspector","version":"537.36"}},"pages":[],"entries":[{}]}}}}"#,
        entries.join(",")
    )
}

fn redirect_chain(hops: &[(u32, &str)], last: &str) -> String {
    let mut text = String::new();
    for (status, location) in hops {
        text.push_str(&format!(
            "HTTP/1.1 {status} Redirect\r\n{DATE}\r\nLocation: {location}\r\nContent-Length: 0\r\n\r\n"
        ));
    }
    text.push_str(&format!("{last}\r\n{DATE}\r\nContent-Length: 2\r\n\r\nok"));
    text
}

/// Each rule: an input that triggers it, and a close input that must not.
fn rule_cases() -> Vec<(&'static str, String, String)> {
    let ok = "Content-Length: 2\r\n\r\nok";
    let twenty_one: Vec<(u32, String)> = (0..21)
        .map(|hop| (301, format!("https://example.com/{}", hop + 1)))
        .collect();
    let twenty: Vec<(u32, String)> = twenty_one[..20].to_vec();
    let hops = |list: &[(u32, String)]| -> String {
        let borrowed: Vec<(u32, &str)> = list.iter().map(|(s, l)| (*s, l.as_str())).collect();
        redirect_chain(&borrowed, "HTTP/1.1 200 OK")
    };
    vec![
        ("status-unreadable", with_date("HTTP/1.1 4O4 Not Found", ok), with_date("HTTP/1.1 404 Not Found", ok)),
        ("status-out-of-range", with_date("HTTP/1.1 600 Bad", ok), with_date("HTTP/1.1 500 Internal Server Error", ok)),
        ("status-out-of-range", with_date("HTTP/1.1 1020 Blocked", ok), with_date("HTTP/1.1 403 Forbidden", ok)),
        ("no-response", har(&[("GET", "https://api.example.com/", 0, &[])]), har(&[("GET", "https://api.example.com/", 200, &[("Date", "Sun, 06 Nov 1994 08:49:37 GMT")])])),
        ("status-unregistered", with_date("HTTP/1.1 432 Odd", ok), with_date("HTTP/1.1 431 Request Header Fields Too Large", ok)),
        ("status-vendor", "HTTP/1.1 520 \r\nContent-Length: 2\r\n\r\nok".into(), "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 2\r\n\r\nok".into()),
        ("reason-former-phrase", with_date("HTTP/1.1 413 Payload Too Large", ok), with_date("HTTP/1.1 413 Content Too Large", ok)),
        ("reason-other-code", with_date("HTTP/1.1 200 Not Found", ok), with_date("HTTP/1.1 200 OK", ok)),
        ("header-must", with_date("HTTP/1.1 401 Unauthorized", ok), with_date("HTTP/1.1 401 Unauthorized", &format!("WWW-Authenticate: Bearer realm=\"api\"\r\n{ok}"))),
        ("header-must", with_date("HTTP/1.1 405 Method Not Allowed", ok), with_date("HTTP/1.1 405 Method Not Allowed", &format!("Allow: GET, HEAD\r\n{ok}"))),
        ("header-should", with_date("HTTP/1.1 301 Moved Permanently", ok), with_date("HTTP/1.1 301 Moved Permanently", &format!("Location: /new\r\n{ok}"))),
        ("header-defining", with_date("HTTP/1.1 303 See Other", ok), with_date("HTTP/1.1 303 See Other", &format!("Location: /result\r\n{ok}"))),
        ("field-line-invalid", with_date("HTTP/1.1 200 OK", &format!("Content Type: text/plain\r\n{ok}")), with_date("HTTP/1.1 200 OK", &format!("Content-Type: text/plain\r\n{ok}"))),
        ("field-obs-fold", with_date("HTTP/1.1 200 OK", &format!("X-Note: one\r\n two\r\n{ok}")), with_date("HTTP/1.1 200 OK", &format!("X-Note: one two\r\n{ok}"))),
        ("fields-cut", with_date("HTTP/1.1 200 OK", &format!("{}{ok}", "X-A: 1\r\n".repeat(600))), with_date("HTTP/1.1 200 OK", &format!("{}{ok}", "X-A: 1\r\n".repeat(100)))),
        ("content-length-syntax", with_date("HTTP/1.1 200 OK", "Content-Length: two\r\n\r\nok"), with_date("HTTP/1.1 200 OK", ok)),
        ("content-length-conflict", with_date("HTTP/1.1 200 OK", "Content-Length: 2\r\nContent-Length: 3\r\n\r\nok"), with_date("HTTP/1.1 200 OK", "Content-Length: 2\r\nContent-Length: 2\r\n\r\nok")),
        ("content-length-with-transfer-encoding", with_date("HTTP/1.1 200 OK", "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n"), with_date("HTTP/1.1 200 OK", "Transfer-Encoding: chunked\r\n\r\n")),
        ("content-length-forbidden", with_date("HTTP/1.1 204 No Content", "Content-Length: 0\r\n\r\n"), with_date("HTTP/1.1 204 No Content", "\r\n")),
        ("transfer-encoding-forbidden", with_date("HTTP/1.1 204 No Content", "Transfer-Encoding: chunked\r\n\r\n"), with_date("HTTP/1.1 200 OK", "Transfer-Encoding: chunked\r\n\r\n")),
        ("content-length-mismatch", with_date("HTTP/1.1 200 OK", "Content-Length: 10\r\n\r\nhello"), with_date("HTTP/1.1 200 OK", "Content-Length: 5\r\n\r\nhello")),
        ("content-forbidden", with_date("HTTP/1.1 304 Not Modified", "ETag: \"a\"\r\n\r\n<html>changed</html>"), with_date("HTTP/1.1 304 Not Modified", "ETag: \"a\"\r\n\r\n")),
        ("content-forbidden", with_date("HTTP/1.1 204 No Content", "\r\n{}"), with_date("HTTP/1.1 200 OK", "Content-Length: 2\r\n\r\n{}")),
        ("content-unframed", with_date("HTTP/1.1 200 OK", "Content-Type: text/plain\r\n\r\nhello"), "HTTP/2 200\r\ndate: Sun, 06 Nov 1994 08:49:37 GMT\r\ncontent-type: text/plain\r\n\r\nhello".into()),
        ("content-unframed", with_date("HTTP/1.1 205 Reset Content", "\r\n"), with_date("HTTP/1.1 205 Reset Content", "Content-Length: 0\r\n\r\n")),
        ("date-missing", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".into(), "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 2\r\n\r\nok".into()),
        ("date-syntax", "HTTP/1.1 200 OK\r\nDate: yesterday\r\nContent-Length: 2\r\n\r\nok".into(), with_date("HTTP/1.1 200 OK", ok)),
        ("date-syntax", "HTTP/1.1 200 OK\r\nDate: Mon, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 2\r\n\r\nok".into(), with_date("HTTP/1.1 200 OK", ok)),
        ("date-obsolete-format", "HTTP/1.1 200 OK\r\nDate: Sunday, 06-Nov-94 08:49:37 GMT\r\nContent-Length: 2\r\n\r\nok".into(), with_date("HTTP/1.1 200 OK", ok)),
        ("retry-after-syntax", with_date("HTTP/1.1 503 Service Unavailable", &format!("Retry-After: soon\r\n{ok}")), with_date("HTTP/1.1 503 Service Unavailable", &format!("Retry-After: 120\r\n{ok}"))),
        ("location-syntax", with_date("HTTP/1.1 302 Found", &format!("Location: /a b\r\n{ok}")), with_date("HTTP/1.1 302 Found", &format!("Location: /a%20b\r\n{ok}"))),
        ("allow-syntax", with_date("HTTP/1.1 405 Method Not Allowed", &format!("Allow: GET; POST\r\n{ok}")), with_date("HTTP/1.1 405 Method Not Allowed", &format!("Allow: GET, POST\r\n{ok}"))),
        ("content-range-syntax", with_date("HTTP/1.1 206 Partial Content", &format!("Content-Range: bytes 0-1\r\n{ok}")), with_date("HTTP/1.1 206 Partial Content", &format!("Content-Range: bytes 0-1/10\r\n{ok}"))),
        ("content-range-416", with_date("HTTP/1.1 416 Range Not Satisfiable", &format!("Content-Range: bytes 0-1/10\r\n{ok}")), with_date("HTTP/1.1 416 Range Not Satisfiable", &format!("Content-Range: bytes */10\r\n{ok}"))),
        ("cache-error-long-lived", with_date("HTTP/1.1 404 Not Found", &format!("Cache-Control: max-age=31536000\r\n{ok}")), with_date("HTTP/1.1 404 Not Found", &format!("Cache-Control: max-age=60\r\n{ok}"))),
        ("cache-error-long-lived", with_date("HTTP/1.1 500 Internal Server Error", &format!("Cache-Control: public, max-age=60, immutable\r\n{ok}")), with_date("HTTP/1.1 200 OK", &format!("Cache-Control: public, max-age=31536000, immutable\r\n{ok}"))),
        ("cache-error-heuristic", with_date("HTTP/1.1 404 Not Found", ok), with_date("HTTP/1.1 404 Not Found", &format!("Cache-Control: no-store\r\n{ok}"))),
        ("cache-not-storable", with_date("HTTP/1.1 429 Too Many Requests", &format!("Cache-Control: max-age=3600\r\n{ok}")), with_date("HTTP/1.1 429 Too Many Requests", &format!("Cache-Control: no-store\r\n{ok}"))),
        ("redirect-loop", redirect_chain(&[(301, "https://example.com/b"), (301, "https://example.com/a"), (301, "https://example.com/b")], "HTTP/1.1 200 OK"), redirect_chain(&[(301, "https://example.com/b"), (301, "https://example.com/c")], "HTTP/1.1 200 OK")),
        ("redirect-too-many", hops(&twenty_one), hops(&twenty)),
        ("redirect-method-changed", format!("> POST /form HTTP/1.1\n> Host: example.com\n>\n< HTTP/1.1 302 Found\n< {DATE}\n< Location: /done\n< Content-Length: 0\n<\n> GET /done HTTP/1.1\n> Host: example.com\n>\n< HTTP/1.1 200 OK\n< {DATE}\n< Content-Length: 2\n<\nok"), format!("> POST /form HTTP/1.1\n> Host: example.com\n>\n< HTTP/1.1 307 Temporary Redirect\n< {DATE}\n< Location: /done\n< Content-Length: 0\n<\n> POST /done HTTP/1.1\n> Host: example.com\n>\n< HTTP/1.1 200 OK\n< {DATE}\n< Content-Length: 2\n<\nok")),
        ("redirect-downgrade", redirect_chain(&[(301, "https://example.com/a"), (302, "http://example.com/b")], "HTTP/1.1 200 OK"), redirect_chain(&[(301, "http://example.com/a"), (302, "https://example.com/b")], "HTTP/1.1 200 OK")),
        ("redirect-temporary-first", redirect_chain(&[(302, "https://example.com/a"), (301, "https://example.com/b")], "HTTP/1.1 200 OK"), redirect_chain(&[(301, "https://example.com/a"), (302, "https://example.com/b")], "HTTP/1.1 200 OK")),
        ("interim-only", "HTTP/1.1 100 Continue\r\n\r\n".into(), format!("HTTP/1.1 100 Continue\r\n\r\n{}", with_date("HTTP/1.1 200 OK", ok))),
    ]
}

#[test]
fn each_rule_fires_on_its_input_and_not_on_the_close_one() {
    for (id, triggers, close) in rule_cases() {
        assert!(check::rule(id).is_some(), "{id} is a rule");
        assert!(
            ids(&triggers).contains(&id),
            "{id} should fire on {triggers:?}: {:?}",
            ids(&triggers)
        );
        assert!(
            !ids(&close).contains(&id),
            "{id} should not fire on {close:?}: {:?}",
            ids(&close)
        );
    }
}

#[test]
fn every_rule_has_a_case_and_a_line_in_the_docs() {
    let cases = rule_cases();
    let docs = include_str!("../docs/checker.md");
    for rule in RULES {
        assert!(
            cases.iter().any(|(id, _, _)| *id == rule.id),
            "{} has no test case",
            rule.id
        );
        let row = format!("| `{}` | {} |", rule.id, rule.severity.token());
        assert!(
            docs.contains(&row),
            "docs/checker.md lacks the row starting {row}"
        );
        assert!(!rule.summary.is_empty());
    }
}

#[test]
fn a_curl_i_response_is_read_with_crlf_or_lf() {
    for text in [
        "HTTP/1.1 404 Not Found\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 5\r\n\r\nnope\n",
        "HTTP/1.1 404 Not Found\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Length: 5\n\nnope\n",
    ] {
        let (format, responses, _) = checked(text);
        assert_eq!(format, Format::Raw);
        assert_eq!(responses.len(), 1);
        let response = &responses[0].response;
        assert_eq!(response.status, Some(404));
        assert_eq!(response.reason, "Not Found");
        assert_eq!(response.value("content-length"), Some("5"));
        assert!(!ids(text).contains(&"content-length-mismatch"), "{:?}", ids(text));
    }
}

#[test]
fn http2_status_lines_have_no_phrase() {
    let (_, responses, _) =
        checked("HTTP/2 404\ndate: Sun, 06 Nov 1994 08:49:37 GMT\ncontent-length: 0\n\n");
    assert_eq!(responses[0].response.version, "HTTP/2");
    assert_eq!(responses[0].response.status, Some(404));
    assert_eq!(responses[0].response.reason, "");
}

#[test]
fn interim_responses_come_before_the_final_one() {
    let text = format!(
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </app.css>; rel=preload; as=style\r\n\r\n{}",
        with_date("HTTP/1.1 201 Created", "Location: /orders/7\r\nContent-Length: 0\r\n\r\n")
    );
    let (_, responses, _) = checked(&text);
    let statuses: Vec<Option<u32>> = responses.iter().map(|r| r.response.status).collect();
    assert_eq!(statuses, vec![Some(100), Some(103), Some(201)]);
    assert!(
        !ids(&text).iter().any(|id| id.starts_with("content")),
        "{:?}",
        ids(&text)
    );
}

#[test]
fn curl_verbose_keeps_the_method_and_ignores_notes() {
    let text = format!(
        "*   Trying 93.184.215.14:443...\n* Connected to example.com (93.184.215.14) port 443\n* SSL connection using TLSv1.3\n> POST /login HTTP/1.1\n> Host: example.com\n> User-Agent: curl/8.5.0\n>\n{{ [5 bytes data]\n< HTTP/1.1 303 See Other\n< {DATE}\n< Location: /home\n< Content-Length: 0\n<\n* Connection #0 to host example.com left intact\n"
    );
    let (format, responses, _) = checked(&text);
    assert_eq!(format, Format::CurlVerbose);
    assert_eq!(responses.len(), 1);
    let request = responses[0].response.request.clone().expect("request kept");
    assert_eq!(request.method, "POST");
    assert_eq!(request.url, "https://example.com/login");
    assert_eq!(responses[0].response.status, Some(303));
    assert!(ids(&text).is_empty(), "{:?}", ids(&text));
}

#[test]
fn a_curl_il_chain_is_one_response_per_hop() {
    let text = redirect_chain(
        &[(301, "https://example.com/"), (302, "/login")],
        "HTTP/2 200",
    );
    let (format, responses, _) = checked(&text);
    assert_eq!(format, Format::Raw);
    assert_eq!(responses.len(), 3);
}

#[test]
fn a_har_file_gives_one_response_per_entry_with_its_request() {
    let text = har(&[
        (
            "POST",
            "https://shop.example/cart",
            302,
            &[
                ("Location", "/checkout"),
                ("Date", "Sun, 06 Nov 1994 08:49:37 GMT"),
            ],
        ),
        (
            "GET",
            "https://shop.example/checkout",
            200,
            &[("Date", "Sun, 06 Nov 1994 08:49:37 GMT")],
        ),
    ]);
    let (format, responses, _) = checked(&text);
    assert_eq!(format, Format::Har);
    assert_eq!(responses.len(), 2);
    let request = responses[0].response.request.clone().expect("request");
    assert_eq!(
        (request.method.as_str(), request.url.as_str()),
        ("POST", "https://shop.example/cart")
    );
    // The POST's 302 was followed with GET: the chain is linked by Location.
    assert!(
        ids(&text).contains(&"redirect-method-changed"),
        "{:?}",
        ids(&text)
    );
}

#[test]
fn a_header_block_reads_its_status_or_asks_for_one() {
    let block =
        "content-type: application/json\ncontent-length: 2\ndate: Sun, 06 Nov 1994 08:49:37 GMT\n";
    assert_eq!(check::check(block, None), Report::NeedsStatus);
    match check::check(block, Some(401)) {
        Report::Checked {
            format, responses, ..
        } => {
            assert_eq!(format, Format::HeaderBlock);
            assert_eq!(responses[0].response.status, Some(401));
            assert!(responses[0]
                .findings
                .iter()
                .any(|f| f.rule.id == "header-must"));
        }
        other => panic!("{other:?}"),
    }
    let with_pseudo = format!(":status: 405\n{block}");
    let (format, responses, _) = checked(&with_pseudo);
    assert_eq!(format, Format::HeaderBlock);
    assert_eq!(responses[0].response.status, Some(405));
    assert!(!responses[0]
        .response
        .fields
        .iter()
        .any(|f| f.name.starts_with(':')));
}

#[test]
fn findings_cite_sections_with_links() {
    let text = with_date("HTTP/1.1 401 Unauthorized", "Content-Length: 2\r\n\r\nok");
    let (_, responses, _) = checked(&text);
    let finding = responses[0]
        .findings
        .iter()
        .find(|f| f.rule.id == "header-must")
        .expect("401 without WWW-Authenticate");
    assert_eq!(finding.severity, Severity::Error);
    assert_eq!(finding.citation.label(), "RFC 9110 §15.5.2");
    assert_eq!(
        finding.citation.url(),
        "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2"
    );
    assert!(finding.message.contains("WWW-Authenticate"));
}

#[test]
fn bad_input_gets_a_message() {
    assert_eq!(check::check("", None), Report::Empty);
    assert_eq!(check::check("  \n\t ", None), Report::Empty);
    for text in [
        "Why does my server return 404 when the file exists? I checked everything.",
        "\u{0}\u{1}\u{2}\u{fffd}\u{fffd}PK\u{3}\u{4}",
        r#"{"log":{"version":"1.2","entries":[{"request":{"method":"GET","url":"https://a"#,
        r#"{"just": "json"}"#,
    ] {
        match check::check(text, None) {
            Report::Unreadable(message) => assert!(!message.is_empty()),
            other => panic!("{text:?} gave {other:?}"),
        }
    }
    let (_, responses, _) = checked("HTTP/1.1 abc Broken\r\n\r\n");
    assert_eq!(responses[0].findings[0].rule.id, "status-unreadable");
}

#[test]
fn huge_input_is_cut_and_said_so() {
    let mut text = with_date("HTTP/1.1 200 OK", "Content-Type: text/plain\r\n\r\n");
    text.push_str(&"x".repeat(5 << 20));
    let (_, responses, notices) = checked(&text);
    assert_eq!(responses.len(), 1);
    assert!(
        notices.iter().any(|n| n.contains("first 1 MB")),
        "{notices:?}"
    );
    let many = format!(
        "HTTP/1.1 200 OK\r\n{}\r\n",
        (0..10_000)
            .map(|i| format!("X-F{i}: v\r\n"))
            .collect::<String>()
    );
    assert!(ids(&many).contains(&"fields-cut"));
}

#[test]
fn every_catalog_example_passes_the_checker_without_an_error() {
    let mut failures = Vec::new();
    // A log-only code's example is the log line it appears in, not a response.
    for entry in catalog::entries()
        .iter()
        .filter(|entry| entry.seen_in == catalog::SeenIn::Response)
    {
        let who = format!(
            "{} {}",
            entry.code,
            entry.vendor.as_deref().unwrap_or("(registered)")
        );
        let report = check::check(&entry.example, None);
        let Report::Checked { responses, .. } = report else {
            failures.push(format!(
                "{who}: the example is not read as a response: {report:?}"
            ));
            continue;
        };
        for response in responses {
            // Errors, and the two warnings an example must not earn either: framing that only
            // a closed connection ends, and a registered code's 2xx–4xx without Date.
            failures.extend(
                response
                    .findings
                    .iter()
                    .filter(|f| {
                        f.severity == Severity::Error
                            || f.rule.id == "content-unframed"
                            || (f.rule.id == "date-missing" && entry.is_registered())
                    })
                    .map(|f| format!("{who}: {}: {}", f.rule.id, f.message)),
            );
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// What the page shows of a report: each response without its field lines, content or flags,
/// which stay in the checker's worker (`check::wire`).
fn as_shown(report: Report) -> Report {
    match report {
        Report::Checked {
            format,
            responses,
            notices,
        } => Report::Checked {
            format,
            notices,
            responses: responses
                .into_iter()
                .map(|checked| check::Checked {
                    response: check::Response {
                        version: checked.response.version,
                        status: checked.response.status,
                        status_text: checked.response.status_text,
                        reason: checked.response.reason,
                        request: checked.response.request,
                        ..check::Response::default()
                    },
                    findings: checked.findings,
                })
                .collect(),
        },
        other => other,
    }
}

/// Reports cross from the worker to the page as text: every kind, format, severity and rule
/// comes back as the page would have drawn it had it checked the paste itself.
#[test]
fn a_report_crosses_from_the_worker_intact() {
    let mut texts: Vec<String> = rule_cases()
        .into_iter()
        .flat_map(|(_, fires, quiet)| [fires, quiet])
        .collect();
    texts.extend(catalog::entries().iter().map(|entry| entry.example.clone()));
    texts.extend(
        [
            "",
            "Why does my server return 404?",
            "content-type: text/html\nretry-after: soon\n",
            "> POST /a HTTP/1.1\n> Host: x\n>\n< HTTP/1.1 302 Found\n< Location: /b\n<\n",
        ]
        .map(String::from),
    );
    let mut kinds = std::collections::HashSet::new();
    for text in &texts {
        for status in [None, Some(503)] {
            let report = check::check(text, status);
            kinds.insert(std::mem::discriminant(&report));
            let decoded = check::wire::decode(&check::wire::encode(&report));
            assert_eq!(decoded, Some(as_shown(report)), "{text:.80}");
        }
    }
    assert_eq!(kinds.len(), 4, "every kind of report was tried");
}

#[test]
fn a_reply_the_worker_cannot_have_sent_is_refused() {
    let good = check::wire::encode(&check::check(
        "HTTP/1.1 204 No Content\r\nContent-Length: 2\r\n\r\n{}",
        None,
    ));
    assert!(check::wire::decode(&good).is_some());
    for bad in [
        String::new(),
        "null".into(),
        "{\"kind\":\"checked\"}".into(),
        good.replace("\"checked\"", "\"other\""),
        good.replace("\"raw\"", "\"gopher\""),
        good.replace("\"error\"", "\"fatal\""),
        good.replace(
            "\"rule\":\"content-length-forbidden\"",
            "\"rule\":\"no-such-rule\"",
        ),
        good.replace("\"status\":204", "\"status\":\"x\""),
    ] {
        assert_ne!(bad, good, "each case changes the reply");
        assert_eq!(check::wire::decode(&bad), None, "{bad}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn no_input_panics(text in "\\PC{0,400}") {
        let _ = check::check(&text, None);
        let _ = check::check(&text, Some(999));
        let _ = check::wire::decode(&text);
    }

    #[test]
    fn no_response_shaped_input_panics(
        status in "[0-9a-zA-Z ]{0,6}",
        fields in proptest::collection::vec("[ -~\t]{0,40}", 0..12),
        content in "\\PC{0,80}",
        prefix in prop::sample::select(vec!["HTTP/1.1 ", "HTTP/2 ", "< HTTP/1.1 ", "> GET / HTTP/1.1\n< HTTP/1.1 ", ":status: ", ""]),
    ) {
        let text = format!("{prefix}{status}\r\n{}\r\n\r\n{content}", fields.join("\r\n"));
        let _ = check::check(&text, None);
    }
}
