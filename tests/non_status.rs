//! Numbers that are not status codes (`0`, `000`), RFC 9110 §15's rules for any other number, and
//! the platform error codes (`details`) attached to the statuses they arrive with.

use http_status_codes::catalog::{self, DetailHost, Source};
use std::collections::HashSet;

fn well_formed_https(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '#', '?']).next().unwrap_or_default();
    host.contains('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c == '"' || c == '<' || c == '>')
}

fn assert_source(source: &Source, owner: &str) {
    assert!(!source.title.trim().is_empty(), "{owner}: source title");
    assert!(well_formed_https(&source.url), "{owner}: {}", source.url);
}

#[test]
fn zero_and_triple_zero_are_different_records() {
    let zero = catalog::non_status("0").expect("0 has a record");
    let triple = catalog::non_status("000").expect("000 has a record");
    assert!(!std::ptr::eq(zero, triple));
    assert!(zero.reported_by.contains("XMLHttpRequest"));
    assert!(triple.reported_by.contains("http_code"));
    // Only the text as written finds a record: "00" is neither.
    assert!(catalog::non_status("00").is_none());
    assert!(catalog::non_status(" 0").is_none());
    assert!(catalog::non_status("404").is_none());
}

#[test]
fn not_a_status_numbers_are_complete_and_never_status_codes() {
    let mut seen = HashSet::new();
    for number in catalog::non_status_numbers() {
        let label = &number.number;
        assert!(seen.insert(label.clone()), "{label} appears twice");
        assert!(
            !label.is_empty() && label.bytes().all(|byte| byte.is_ascii_digit()),
            "{label} is a number"
        );
        let value: u64 = label.parse().expect("digits");
        assert!(
            !(100..=599).contains(&value) || label.len() != 3,
            "{label} would be a status code"
        );
        for (field, text) in [
            ("title", &number.title),
            ("reported_by", &number.reported_by),
            ("summary", &number.summary),
            ("meaning", &number.meaning),
        ] {
            assert!(!text.trim().is_empty(), "{label} {field}");
        }
        assert!(number.causes.len() >= 3, "{label} lists its usual causes");
        assert!(
            number.find_cause.len() >= 2,
            "{label} says how to find the cause"
        );
        assert!(number.keywords.len() >= 5, "{label} keywords");
        assert!(!number.sources.is_empty(), "{label} cites its sources");
        for source in &number.sources {
            assert_source(source, label);
        }
        for related in &number.related {
            assert!(
                catalog::exists(*related),
                "{label} relates to unknown {related}"
            );
        }
    }
}

#[test]
fn out_of_range_states_rfc_9110_section_15() {
    let rules = catalog::out_of_range();
    assert_eq!(rules.spec.document, "RFC 9110");
    assert_eq!(rules.spec.section, "15");
    assert_eq!(
        rules.spec.url,
        "https://www.rfc-editor.org/rfc/rfc9110#section-15"
    );
    assert!(rules.summary.contains("100") && rules.summary.contains("599"));
    // §15: a client SHOULD process a response with an invalid status code as a 5xx.
    assert!(rules.client_action.contains("5xx"));
}

#[test]
fn detail_ids_are_unique_and_every_detail_cites_its_vendor() {
    let mut seen = HashSet::new();
    let mut count = 0;
    for (host, detail) in catalog::details() {
        count += 1;
        let owner = format!("{} on {}", detail.id, host.fragment());
        assert!(
            seen.insert(detail.id.to_ascii_lowercase()),
            "{owner}: id used twice"
        );
        assert_eq!(
            detail.id.trim(),
            detail.id,
            "{owner}: id has spaces around it"
        );
        for (field, text) in [
            ("id", &detail.id),
            ("vendor", &detail.vendor),
            ("name", &detail.name),
            ("description", &detail.description),
        ] {
            assert!(!text.trim().is_empty(), "{owner}: {field}");
        }
        assert!(!detail.keywords.is_empty(), "{owner}: keywords");
        assert_source(&detail.source, &owner);
    }
    assert!(count >= 30, "only {count} details");
}

#[test]
fn anchors_are_unique_on_each_page() {
    let mut seen = HashSet::new();
    for (host, detail) in catalog::details() {
        let anchor = detail.anchor();
        assert!(
            anchor.starts_with("detail-")
                && anchor[7..]
                    .bytes()
                    .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-'),
            "{anchor}"
        );
        assert!(
            seen.insert((host.fragment(), anchor.clone())),
            "{anchor} twice on {}",
            host.fragment()
        );
    }
    let (_, redirects) = catalog::detail("net::ERR_TOO_MANY_REDIRECTS").expect("listed");
    assert_eq!(redirects.anchor(), "detail-net--err-too-many-redirects");
}

fn status_of(id: &str) -> String {
    let (host, _) = catalog::detail(id).unwrap_or_else(|| panic!("{id} is listed"));
    host.fragment()
}

/// Each platform code hangs on the status it arrives with, per its vendor's documentation.
#[test]
fn platform_codes_hang_on_the_status_they_arrive_with() {
    let cases = [
        // Cloudflare: error-403 ("most 1xxx errors"), error-409 (1001), error-1015 / error-429,
        // error-530 (origin hostname resolution, with the 1xxx code in the body).
        ("1020", "403"),
        ("1010", "403"),
        ("1006", "403"),
        ("1009", "403"),
        ("1005", "403"),
        ("1001", "409"),
        ("1015", "429"),
        ("1016", "530"),
        ("1033", "530"),
        // IIS sub-status codes: only the three-digit status goes on the wire.
        ("404.3", "404"),
        ("403.14", "403"),
        ("500.19", "500"),
        ("500.30", "500"),
        ("502.5", "502"),
        // Heroku's router logs these with status=503.
        ("H10", "503"),
        ("H11", "503"),
        ("H12", "503"),
        ("H13", "503"),
        ("H14", "503"),
        // nginx: an upstream error becomes 502, an upstream timeout 504.
        (
            "connect() failed (111: Connection refused) while connecting to upstream",
            "502",
        ),
        (
            "upstream timed out (110: Connection timed out) while reading response header from upstream",
            "504",
        ),
        // Browsers: a redirect loop is a status problem; a refused connection has no status.
        ("net::ERR_TOO_MANY_REDIRECTS", "302"),
        ("net::ERR_CONNECTION_REFUSED", "0"),
        ("net::ERR_NAME_NOT_RESOLVED", "0"),
        // curl's exit codes explain its 000.
        ("curl: (6)", "000"),
        ("curl: (7)", "000"),
        ("curl: (28)", "000"),
    ];
    for (id, status) in cases {
        assert_eq!(status_of(id), status, "{id}");
    }
    // Ids are matched without regard to case, as people type them.
    assert_eq!(status_of("h12"), "503");
    assert_eq!(status_of("NET::err_too_many_redirects"), "302");
    assert!(catalog::detail("H99999").is_none());
}

#[test]
fn sub_status_codes_start_with_their_status() {
    for (host, detail) in catalog::details() {
        let Some((status, sub)) = detail.id.split_once('.') else {
            continue;
        };
        if status.len() == 3 && sub.bytes().all(|byte| byte.is_ascii_digit()) {
            assert_eq!(host.fragment(), status, "{}", detail.id);
        }
    }
}

#[test]
fn cloudflare_errors_arrive_only_with_the_statuses_cloudflare_documents() {
    for (host, detail) in catalog::details() {
        if detail.vendor == "Cloudflare" {
            assert!(
                ["403", "409", "429", "530"].contains(&host.fragment().as_str()),
                "{} on {}",
                detail.id,
                host.fragment()
            );
            if let DetailHost::Entry(entry) = host {
                if entry.code == 530 {
                    assert_eq!(entry.vendor.as_deref(), Some("Cloudflare"));
                }
            }
        }
    }
}

/// "connection refused" leads to 502 (what nginx answers when the upstream refuses) as well as
/// Cloudflare's 521, and to the not-a-status `0` and `000` where no response arrived at all.
#[test]
fn connection_refused_is_carried_by_every_page_it_belongs_to() {
    let mentions = |keywords: &[String]| keywords.iter().any(|k| k.contains("connection refused"));
    let on_502 = catalog::meanings(502).any(|entry| {
        mentions(&entry.keywords) || entry.details().iter().any(|d| mentions(&d.keywords))
    });
    assert!(on_502, "502");
    let on_521 = catalog::meanings(521).any(|entry| mentions(&entry.keywords));
    assert!(on_521, "521");
    for number in ["0", "000"] {
        let record = catalog::non_status(number).expect("listed");
        assert!(
            record.details.iter().any(|d| mentions(&d.keywords)),
            "{number}"
        );
    }
}
