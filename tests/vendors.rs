//! Vendor codes: every fact comes from the vendor, and every example shows what the vendor sends.
//!
//! A vendor entry cites the vendor's own documentation or source, on a host that belongs to the
//! vendor. Where no such documentation exists, the entry cites the list that reported the code and
//! says plainly that the vendor does not document it.

use http_status_codes::catalog::{self, Entry, SeenIn};
use std::collections::HashSet;

/// Hosts (and, on shared hosts such as GitHub, the owner's path) that publish a vendor's own
/// documentation or source. A vendor with no prefixes has no documentation of its own, so each
/// of its entries must say it is reported by others.
const VENDOR_SOURCES: &[(&str, &[&str])] = &[
    (
        "Akamai Enterprise Application Access",
        &["techdocs.akamai.com/"],
    ),
    (
        "Anthropic",
        &[
            "docs.claude.com/",
            "docs.anthropic.com/",
            "platform.claude.com/",
        ],
    ),
    (
        "Apache httpd",
        &["httpd.apache.org/", "github.com/apache/httpd/"],
    ),
    (
        "Apache httpd / cPanel",
        &["httpd.apache.org/", "docs.cpanel.net/"],
    ),
    ("AWS Elastic Load Balancing", &["docs.aws.amazon.com/"]),
    ("Cloudflare", &["developers.cloudflare.com/"]),
    (
        "Esri ArcGIS",
        &[
            "developers.arcgis.com/",
            "enterprise.arcgis.com/",
            "github.com/Esri/",
        ],
    ),
    (
        "Fastly",
        &["www.fastly.com/documentation/", "docs.fastly.com/"],
    ),
    (
        "Google APIs",
        &[
            "github.com/googleapis/",
            "cloud.google.com/",
            "google.aip.dev/",
        ],
    ),
    ("Laravel", &["laravel.com/", "github.com/laravel/"]),
    (
        "Linode",
        &["techdocs.akamai.com/linode-api/", "www.linode.com/docs/"],
    ),
    (
        "Microsoft",
        &["learn.microsoft.com/", "support.microsoft.com/"],
    ),
    ("Microsoft Exchange ActiveSync", &["learn.microsoft.com/"]),
    ("Microsoft IIS", &["learn.microsoft.com/"]),
    ("nginx", &["nginx.org/", "github.com/nginx/"]),
    ("Pantheon", &["docs.pantheon.io/", "pantheon.io/docs/"]),
    (
        "Qualys SSL Labs",
        &["github.com/ssllabs/", "www.ssllabs.com/"],
    ),
    ("Shopify", &["shopify.dev/", "help.shopify.com/"]),
    ("some HTTP proxies", &[]),
    (
        "Spring Framework",
        &["docs.spring.io/", "github.com/spring-projects/"],
    ),
    ("Twitter", &["developer.x.com/", "developer.twitter.com/"]),
];

/// Lists and references that collect other people's codes: never a vendor's own word.
const SECONDARY: &[&str] = &[
    "github.com/jschauma/",
    "http.cat/",
    "man7.org/",
    "en.wikipedia.org/",
    "developer.mozilla.org/",
    "httpstatuses.com/",
    "http.dev/",
    "httpstatus.io/",
];

/// What an entry that no vendor documents says, in its source title and its meaning.
const REPORTED: &str = "Reported by others";
const UNDOCUMENTED: &str = "not documented by";

fn vendor_entries() -> Vec<&'static Entry> {
    catalog::entries()
        .iter()
        .filter(|entry| entry.vendor.is_some())
        .collect()
}

fn vendor(entry: &Entry) -> &str {
    entry.vendor.as_deref().unwrap_or_default()
}

/// The URL without its scheme, so prefixes can name a host and a path together.
fn location(entry: &Entry) -> &str {
    let url = entry
        .source
        .as_ref()
        .map(|source| source.url.as_str())
        .unwrap_or_default();
    url.strip_prefix("https://").unwrap_or(url)
}

fn is_secondary(entry: &Entry) -> bool {
    SECONDARY
        .iter()
        .any(|prefix| location(entry).starts_with(prefix))
}

fn says_undocumented(entry: &Entry) -> bool {
    let title_says = entry
        .source
        .as_ref()
        .is_some_and(|source| source.title.starts_with(REPORTED));
    title_says && entry.explained().meaning.contains(UNDOCUMENTED)
}

fn label(entry: &Entry) -> String {
    format!("{} ({})", entry.code, vendor(entry))
}

#[test]
fn a_secondary_list_is_cited_only_for_codes_the_vendor_does_not_document() {
    for entry in vendor_entries() {
        if is_secondary(entry) {
            assert!(
                says_undocumented(entry),
                "{} cites a secondary list ({}) without saying the vendor does not document it",
                label(entry),
                location(entry)
            );
        }
    }
}

#[test]
fn every_vendor_source_is_on_the_vendors_own_site() {
    for entry in vendor_entries() {
        let Some((_, prefixes)) = VENDOR_SOURCES
            .iter()
            .find(|(name, _)| *name == vendor(entry))
        else {
            panic!(
                "{}: add the vendor's own hosts to VENDOR_SOURCES",
                label(entry)
            );
        };
        if says_undocumented(entry) {
            assert!(
                is_secondary(entry),
                "{} says it is undocumented but cites {}",
                label(entry),
                location(entry)
            );
            continue;
        }
        assert!(
            prefixes
                .iter()
                .any(|prefix| location(entry).starts_with(prefix)),
            "{}: {} is not the vendor's own documentation",
            label(entry),
            location(entry)
        );
    }
}

#[test]
fn no_two_entries_claim_the_same_code_for_one_vendor() {
    let mut seen = HashSet::new();
    for entry in vendor_entries() {
        let key = (entry.code, vendor(entry).to_lowercase());
        assert!(seen.insert(key), "{} appears twice", label(entry));
    }
}

/// The `Server` field names the software that answered; a vendor's example must not show another
/// vendor answering, which is the mark of one vendor's code passed through another.
const SERVER_SIGNATURES: &[(&str, &str)] = &[
    ("cloudflare", "Cloudflare"),
    ("awselb", "AWS"),
    ("microsoft-iis", "Microsoft"),
    ("nginx", "nginx"),
];

fn fields(example: &str) -> impl Iterator<Item = (&str, &str)> {
    example
        .split("\n\n")
        .next()
        .unwrap_or_default()
        .lines()
        .skip(1)
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim(), value.trim()))
}

#[test]
fn an_example_shows_the_vendor_itself_answering() {
    for entry in vendor_entries() {
        for (name, value) in fields(&entry.example) {
            if !name.eq_ignore_ascii_case("server") {
                continue;
            }
            let value = value.to_lowercase();
            for (signature, owner) in SERVER_SIGNATURES {
                if value.starts_with(signature) {
                    assert!(
                        vendor(entry).contains(owner),
                        "{}: its example is answered by {owner}, so it is {owner}'s code passed through",
                        label(entry)
                    );
                }
            }
        }
    }
}

#[test]
fn cloudflare_status_lines_carry_no_phrase_or_an_origin_one() {
    let cloudflare: Vec<&Entry> = vendor_entries()
        .into_iter()
        .filter(|entry| vendor(entry) == "Cloudflare")
        .collect();
    assert!(
        cloudflare.len() >= 8,
        "{} Cloudflare entries",
        cloudflare.len()
    );
    for entry in cloudflare {
        let status_line = entry.example.lines().next().unwrap_or_default();
        let prefix = format!("HTTP/1.1 {} ", entry.code);
        let phrase = status_line
            .strip_prefix(&prefix)
            .unwrap_or_else(|| panic!("{} starts {status_line:?}", label(entry)));
        assert!(
            phrase.is_empty() || phrase.starts_with("Origin "),
            "{}: Cloudflare does not send {phrase:?} (its help page title)",
            label(entry)
        );
    }
}

/// Every example of a code that goes on the wire is a framed HTTP/1.1 message: a status line with
/// the space before the (possibly empty) reason phrase, fields, and a Content-Length equal to the
/// content's bytes, so a keep-alive client knows where it ends.
#[test]
fn vendor_examples_are_framed_messages() {
    for entry in vendor_entries() {
        let example = &entry.example;
        if example.starts_with('#') {
            continue;
        }
        let status_line = example.lines().next().unwrap_or_default();
        let code: Option<u16> = status_line
            .strip_prefix("HTTP/1.1 ")
            .and_then(|rest| rest.split_once(' '))
            .and_then(|(code, _)| code.parse().ok());
        assert!(
            code.is_some_and(|code| (200..=599).contains(&code)),
            "{}: status line {status_line:?}",
            label(entry)
        );
        let length = fields(example)
            .find(|(name, _)| name.eq_ignore_ascii_case("content-length"))
            .and_then(|(_, value)| value.parse::<usize>().ok());
        let content = example.split_once("\n\n").map_or("", |(_, body)| body);
        assert_eq!(
            length,
            Some(content.len()),
            "{}: Content-Length must be present and equal the content's bytes",
            label(entry)
        );
    }
}

#[test]
fn log_only_codes_say_never_sent_everywhere() {
    let logged: Vec<&Entry> = vendor_entries()
        .into_iter()
        .filter(|entry| entry.seen_in == SeenIn::Logs)
        .collect();
    assert!(logged.len() >= 7, "{} log-only entries", logged.len());
    for entry in logged {
        for (field, text) in [
            ("summary", &entry.summary),
            ("meaning", &entry.explained().meaning),
        ] {
            assert!(
                text.contains("never sent"),
                "{} {field} does not say the number is never sent",
                label(entry)
            );
        }
        assert!(
            !entry
                .example
                .starts_with(&format!("HTTP/1.1 {} ", entry.code)),
            "{}: the example sends the number it says is never sent",
            label(entry)
        );
    }
}

fn entry(code: u16, vendor_name: &str) -> &'static Entry {
    catalog::meanings(code)
        .find(|entry| vendor(entry) == vendor_name)
        .unwrap_or_else(|| panic!("{code} ({vendor_name}) is missing"))
}

/// The figures each vendor documents, as the entry must state them (issue 14 §4).
#[test]
fn documented_figures_are_stated() {
    let figures: &[(u16, &str, &[&str])] = &[
        (
            524,
            "Cloudflare",
            &["100 seconds", "6,000 seconds", "30 seconds"],
        ),
        (463, "AWS Elastic Load Balancing", &["30"]),
        (529, "Qualys SSL Labs", &["30 minutes"]),
    ];
    for (code, vendor_name, expected) in figures {
        let entry = entry(*code, vendor_name);
        let text = format!(
            "{} {} {} {}",
            entry.summary,
            entry.explained().meaning,
            entry.explained().when_to_send,
            entry.explained().client_action
        );
        for figure in *expected {
            assert!(
                text.contains(figure),
                "{code} ({vendor_name}) does not state {figure}"
            );
        }
    }
    let write_timeout = entry(524, "Cloudflare");
    assert!(
        write_timeout.explained().meaning.contains("write")
            && write_timeout.keywords.iter().any(|k| k == "upload timeout"),
        "524 explains the write timeout on uploads"
    );
}

/// Vendor codes people meet now, each from the vendor's own documentation (issue 14 §4).
#[test]
fn current_vendor_codes_are_present() {
    let expected: &[(u16, &str, &str)] = &[
        (529, "Anthropic", "overloaded_error"),
        (449, "Microsoft Exchange ActiveSync", "Provision"),
        (456, "Microsoft Exchange ActiveSync", "blocked"),
        (457, "Microsoft Exchange ActiveSync", "password has expired"),
        (499, "Google APIs", "CANCELLED"),
    ];
    for (code, vendor_name, fact) in expected {
        let entry = entry(*code, vendor_name);
        assert!(
            entry.explained().meaning.contains(fact),
            "{code} ({vendor_name}) does not mention {fact}"
        );
        assert!(
            !says_undocumented(entry),
            "{code} ({vendor_name}) should cite the vendor"
        );
    }
}
