//! A [`Report`] as text, for the trip from the checker's web worker (`src/bin/checker.rs`) to
//! the page, which keeps the checker's code out of the app's own wasm.
//!
//! Only what the page shows crosses: the format, the notices, and for each response its
//! status line, the request it answered and its findings. Field lines and content stay in the
//! worker, so a 1 MB paste comes back as a few kilobytes. A finding's rule travels as its id and
//! is looked up again in [`RULES`](super::RULES) on the page.

use super::{Checked, Citation, Finding, Format, Report, Request, Response, Severity};
use miniserde::{Deserialize, Serialize};

#[derive(Debug, Default, Deserialize, Serialize)]
struct WireReport {
    /// `empty`, `unreadable`, `needs-status` or `checked`.
    kind: String,
    /// What could not be read (`unreadable` only).
    message: String,
    /// `raw`, `curl-verbose`, `har` or `header-block` (`checked` only).
    format: String,
    notices: Vec<String>,
    responses: Vec<WireResponse>,
}

#[derive(Debug, Deserialize, Serialize)]
struct WireResponse {
    version: String,
    status: Option<u32>,
    status_text: String,
    reason: String,
    /// The request it answered, when the paste shows it.
    request: Option<WireRequest>,
    findings: Vec<WireFinding>,
}

#[derive(Debug, Deserialize, Serialize)]
struct WireRequest {
    method: String,
    url: String,
}

#[derive(Debug, Deserialize, Serialize)]
struct WireFinding {
    rule: String,
    severity: String,
    message: String,
    document: String,
    section: String,
}

const FORMATS: [(Format, &str); 4] = [
    (Format::Raw, "raw"),
    (Format::CurlVerbose, "curl-verbose"),
    (Format::Har, "har"),
    (Format::HeaderBlock, "header-block"),
];

const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Note];

/// The parts of `report` the page shows, as JSON.
pub fn encode(report: &Report) -> String {
    let wire = match report {
        Report::Empty => WireReport {
            kind: "empty".into(),
            ..Default::default()
        },
        Report::Unreadable(message) => WireReport {
            kind: "unreadable".into(),
            message: message.clone(),
            ..Default::default()
        },
        Report::NeedsStatus => WireReport {
            kind: "needs-status".into(),
            ..Default::default()
        },
        Report::Checked {
            format,
            responses,
            notices,
        } => WireReport {
            kind: "checked".into(),
            format: FORMATS
                .iter()
                .find(|(known, _)| known == format)
                .map(|(_, token)| (*token).to_string())
                .unwrap_or_default(),
            notices: notices.clone(),
            responses: responses.iter().map(encode_response).collect(),
            ..Default::default()
        },
    };
    miniserde::json::to_string(&wire)
}

fn encode_response(checked: &Checked) -> WireResponse {
    let response = &checked.response;
    WireResponse {
        version: response.version.clone(),
        status: response.status,
        status_text: response.status_text.clone(),
        reason: response.reason.clone(),
        request: response.request.as_ref().map(|request| WireRequest {
            method: request.method.clone(),
            url: request.url.clone(),
        }),
        findings: checked
            .findings
            .iter()
            .map(|finding| WireFinding {
                rule: finding.rule.id.to_string(),
                severity: finding.severity.token().to_string(),
                message: finding.message.clone(),
                document: finding.citation.document.clone(),
                section: finding.citation.section.clone(),
            })
            .collect(),
    }
}

/// The report `text` (from [`encode`]) describes, with each response's field lines, content
/// and flags left empty. `None` for anything [`encode`] cannot have written: not JSON of that
/// shape, an unknown kind, format or severity, or a rule this build does not have.
pub fn decode(text: &str) -> Option<Report> {
    let wire: WireReport = miniserde::json::from_str(text).ok()?;
    match wire.kind.as_str() {
        "empty" => Some(Report::Empty),
        "unreadable" => Some(Report::Unreadable(wire.message)),
        "needs-status" => Some(Report::NeedsStatus),
        "checked" => Some(Report::Checked {
            format: FORMATS
                .iter()
                .find(|(_, token)| *token == wire.format)
                .map(|(format, _)| *format)?,
            responses: wire
                .responses
                .into_iter()
                .map(decode_response)
                .collect::<Option<_>>()?,
            notices: wire.notices,
        }),
        _ => None,
    }
}

fn decode_response(wire: WireResponse) -> Option<Checked> {
    let findings = wire
        .findings
        .into_iter()
        .map(|finding| {
            Some(Finding {
                rule: super::rule(&finding.rule)?,
                severity: SEVERITIES
                    .into_iter()
                    .find(|severity| severity.token() == finding.severity)?,
                message: finding.message,
                citation: Citation {
                    document: finding.document,
                    section: finding.section,
                },
            })
        })
        .collect::<Option<_>>()?;
    let response = Response {
        version: wire.version,
        status: wire.status,
        status_text: wire.status_text,
        reason: wire.reason,
        request: wire.request.map(|request| Request {
            method: request.method,
            url: request.url,
        }),
        ..Response::default()
    };
    Some(Checked { response, findings })
}
