//! HAR files: the JSON that browsers' network panels export (HAR 1.2). One response per entry,
//! with its request's method and URL. Only the members the checker uses are declared; miniserde
//! skips the rest (timings, cookies, the content text).

use super::read::Read;
use super::{Field, Format, Report, Request, Response};
use crate::route::truncate_for_display;
use miniserde::Deserialize;

#[derive(Deserialize)]
struct Har {
    log: Log,
}

#[derive(Deserialize)]
struct Log {
    entries: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    request: HarRequest,
    response: HarResponse,
}

#[derive(Deserialize)]
struct HarRequest {
    method: String,
    url: String,
}

#[derive(Deserialize)]
struct HarResponse {
    // A number in every export seen; f64 so that `404.0` is read rather than rejected.
    status: f64,
    #[serde(rename = "statusText")]
    status_text: Option<String>,
    #[serde(rename = "httpVersion")]
    http_version: Option<String>,
    headers: Vec<HarField>,
}

#[derive(Deserialize)]
struct HarField {
    name: String,
    value: String,
}

pub(super) fn read(json: &str) -> Result<Read, Report> {
    let har: Har = miniserde::json::from_str(json).map_err(|_| {
        Report::Unreadable(
            "This looks like JSON but is not a complete HAR file: it may have been cut short, or \
             be some other JSON. Export it again from the network panel (Save all as HAR), or \
             paste one response as text."
                .into(),
        )
    })?;
    if har.log.entries.is_empty() {
        return Err(Report::Unreadable(
            "This HAR file has no entries: the network panel was empty when it was exported. \
             Reload the page with the panel open, then export again."
                .into(),
        ));
    }
    let responses = har.log.entries.into_iter().map(response).collect();
    Ok(Read {
        format: Format::Har,
        responses,
        notices: Vec::new(),
    })
}

fn response(entry: Entry) -> Response {
    let status = entry.response.status;
    // Browsers record a request that got no response (blocked, failed, cancelled) as status 0.
    let status = (status.is_finite() && status >= 0.0 && status.fract() == 0.0 && status < 1e6)
        .then_some(status as u32);
    Response {
        version: version(entry.response.http_version.as_deref().unwrap_or_default()),
        status,
        status_text: status.map_or_else(String::new, |code| code.to_string()),
        reason: entry.response.status_text.unwrap_or_default(),
        fields: entry
            .response
            .headers
            .into_iter()
            // HTTP/2 pseudo-fields, which some browsers list among the fields.
            .filter(|field| !field.name.starts_with(':'))
            .map(|field| Field {
                name: field.name,
                value: field.value.trim().to_string(),
            })
            .collect(),
        content: None,
        recorded: true,
        request: Some(Request {
            method: entry.request.method,
            url: truncate_for_display(&entry.request.url, 2000),
        }),
        ..Response::default()
    }
}

/// `HTTP/1.1`, `HTTP/2`, `HTTP/3` from the spellings browsers use (`h2`, `http/2.0`, `h3`).
fn version(recorded: &str) -> String {
    let lower = recorded.trim().to_ascii_lowercase();
    match lower.as_str() {
        "h2" | "http/2" | "http/2.0" => "HTTP/2".into(),
        "h3" | "http/3" | "http/3.0" => "HTTP/3".into(),
        "http/1.1" => "HTTP/1.1".into(),
        "http/1.0" => "HTTP/1.0".into(),
        _ => String::new(),
    }
}
