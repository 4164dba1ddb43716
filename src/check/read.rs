//! Reading a paste into responses: telling the formats apart, splitting a chain, parsing heads.
//!
//! Field lines are parsed with `httparse`, which checks field names and values against RFC 9110's
//! grammar. Status lines are split here, because `httparse` only reads HTTP/1.x ones and curl
//! prints `HTTP/2 404`; an HTTP/1.x status line is still handed to `httparse` to read.

use crate::route::truncate_for_display;

use super::{
    har, plural, Field, Format, Report, Request, Response, MAX_FIELDS, MAX_HAR_BYTES,
    MAX_RESPONSES, MAX_TEXT_BYTES,
};

/// What the reader made of a paste.
pub(super) struct Read {
    pub format: Format,
    pub responses: Vec<Response>,
    pub notices: Vec<String>,
}

pub(super) fn read(text: &str, status: Option<u32>) -> Result<Read, Report> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let trimmed = text.trim_start();
    if trimmed.trim_end().is_empty() {
        return Err(Report::Empty);
    }
    if trimmed.starts_with('{') {
        if trimmed.len() > MAX_HAR_BYTES {
            return Err(Report::Unreadable(format!(
                "This JSON is {} MB; the checker reads HAR files up to {} MB. Export only the \
                 requests you need (filter the network panel first), or paste one response as text.",
                megabytes(trimmed.len()),
                MAX_HAR_BYTES >> 20
            )));
        }
        return har::read(trimmed);
    }
    let mut notices = Vec::new();
    let text = if text.len() > MAX_TEXT_BYTES {
        notices.push(format!(
            "The paste is {} MB; only its first {} MB were read.",
            megabytes(text.len()),
            MAX_TEXT_BYTES >> 20
        ));
        cut_at_char(text, MAX_TEXT_BYTES)
    } else {
        text
    };
    let lines: Vec<Line> = lines(text);
    let (format, responses) = if is_curl_verbose(&lines) {
        (Format::CurlVerbose, read_curl_verbose(&lines))
    } else {
        match read_raw(text, &lines, &mut notices) {
            Some(responses) => (Format::Raw, responses),
            None => return read_header_block(&lines, status, notices),
        }
    };
    if responses.is_empty() {
        return Err(unreadable());
    }
    Ok(Read {
        format,
        responses: limit(responses, &mut notices),
        notices,
    })
}

fn unreadable() -> Report {
    Report::Unreadable(
        "No HTTP response was found. Paste a response that starts with its status line \
         (HTTP/1.1 404 Not Found), the output of curl -i or curl -v, a HAR file exported from \
         the browser's network panel, or the response's header fields."
            .into(),
    )
}

fn megabytes(bytes: usize) -> String {
    format!("{:.1}", bytes as f64 / f64::from(1u32 << 20))
}

/// The longest prefix of `text` of at most `max` bytes that ends on a character boundary.
fn cut_at_char(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn limit(mut responses: Vec<Response>, notices: &mut Vec<String>) -> Vec<Response> {
    if responses.len() > MAX_RESPONSES {
        notices.push(format!(
            "The paste holds {} responses; the first {MAX_RESPONSES} were checked.",
            responses.len()
        ));
        responses.truncate(MAX_RESPONSES);
    }
    responses
}

/// One line of the paste: its text without the line end, and where it starts.
struct Line<'a> {
    text: &'a str,
    start: usize,
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut start = 0;
    text.split_inclusive('\n')
        .map(|raw| {
            let line = Line {
                text: raw.trim_end_matches(['\n', '\r']),
                start,
            };
            start += raw.len();
            line
        })
        .collect()
}

/// `HTTP/1.1 …`, `HTTP/2 …`: what starts a response. Case is not significant here, because
/// people retype status lines; the rules point out a version written in lower case.
fn is_status_line(line: &str) -> bool {
    let bytes = line.as_bytes();
    bytes.len() >= 6
        && bytes[..5].eq_ignore_ascii_case(b"HTTP/")
        && bytes[5].is_ascii_digit()
        && line.contains(' ')
}

/// curl -v marks what it received with `< ` and what it sent with `> `.
fn is_curl_verbose(lines: &[Line]) -> bool {
    lines
        .iter()
        .any(|line| line.text.strip_prefix("< ").is_some_and(is_status_line))
}

/// Responses as `curl -i` and `curl -iL` print them, or `None` when there is no status line.
fn read_raw(text: &str, lines: &[Line], notices: &mut Vec<String>) -> Option<Vec<Response>> {
    let starts: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, line)| is_status_line(line.text))
        .map(|(index, _)| index)
        .collect();
    let first = *starts.first()?;
    let skipped = lines[..first]
        .iter()
        .filter(|line| !line.text.trim().is_empty())
        .count();
    if skipped > 0 {
        notices.push(format!(
            "{skipped} line{} before the first status line {} not read.",
            plural(skipped),
            if skipped == 1 { "was" } else { "were" }
        ));
    }
    let responses = starts
        .iter()
        .enumerate()
        .map(|(at, &index)| {
            let begin = lines[index].start;
            let end = starts
                .get(at + 1)
                .map_or(text.len(), |&next| lines[next].start);
            let (head, content) = split_message(&text[begin..end]);
            let mut response = parse_head(head);
            response.content = Some(content.to_string());
            response.counted = true;
            response
        })
        .collect();
    Some(responses)
}

/// Splits a message at the blank line that ends its head. Without one, all of it is head.
fn split_message(message: &str) -> (&str, &str) {
    let mut offset = 0;
    for raw in message.split_inclusive('\n') {
        if offset > 0 && raw.trim_end_matches(['\n', '\r']).is_empty() {
            return (&message[..offset], &message[offset + raw.len()..]);
        }
        offset += raw.len();
    }
    (message, "")
}

/// curl -v: `<` lines are the response heads, `>` lines the requests, `*` lines notes, and
/// unmarked lines after a response head its content.
fn read_curl_verbose(lines: &[Line]) -> Vec<Response> {
    let mut responses: Vec<Response> = Vec::new();
    let mut request: Option<Request> = None;
    let mut tls = false;
    let mut head: Vec<&str> = Vec::new();
    let mut content: Option<String> = None;
    let mut in_request = false;

    let finish = |head: &mut Vec<&str>,
                  content: &mut Option<String>,
                  responses: &mut Vec<Response>,
                  request: &Option<Request>| {
        if head.is_empty() {
            return;
        }
        let mut response = parse_head(&head.join("\n"));
        response.content = content.take();
        response.counted = response.content.is_some();
        response.request = request.clone();
        responses.push(response);
        head.clear();
    };

    for line in lines {
        let text = line.text;
        if let Some(sent) = text.strip_prefix('>') {
            let sent = sent.strip_prefix(' ').unwrap_or(sent);
            if sent.trim().is_empty() {
                in_request = false;
            } else if !in_request {
                finish(&mut head, &mut content, &mut responses, &request);
                in_request = true;
                let mut parts = sent.split(' ');
                let method = parts.next().unwrap_or_default().to_string();
                let target = parts.next().unwrap_or_default().to_string();
                request = Some(Request {
                    method,
                    url: target,
                });
            } else if let Some((name, value)) = sent.split_once(':') {
                if name.trim().eq_ignore_ascii_case("host") {
                    if let Some(request) = request.as_mut() {
                        if request.url.starts_with('/') {
                            let scheme = if tls { "https" } else { "http" };
                            request.url = format!("{scheme}://{}{}", value.trim(), request.url);
                        }
                    }
                }
            }
        } else if let Some(received) = text.strip_prefix('<') {
            in_request = false;
            let received = received.strip_prefix(' ').unwrap_or(received);
            if is_status_line(received) {
                finish(&mut head, &mut content, &mut responses, &request);
                head.push(received);
            } else if received.trim().is_empty() {
                if !head.is_empty() {
                    content = Some(String::new());
                }
            } else if content.is_none() {
                head.push(received);
            }
        } else if let Some(note) = text.strip_prefix('*') {
            in_request = false;
            // The note curl prints once the TLS handshake is done, so the next request's URL
            // can be written with its real scheme.
            let note = note.to_ascii_lowercase();
            if note.contains("ssl connection") || note.contains("tls") || note.contains("alpn") {
                tls = true;
            }
            if note.contains("connected to") && note.contains("port 80") {
                tls = false;
            }
        } else if text.starts_with("{ [") || text.starts_with("} [") {
            // curl's own notes about data it read or wrote, not content.
        } else if let Some(body) = content.as_mut() {
            if !head.is_empty() {
                if !body.is_empty() {
                    body.push('\n');
                }
                body.push_str(text);
            }
        }
    }
    finish(&mut head, &mut content, &mut responses, &request);
    responses
}

/// Header fields pasted without a status line: the status comes from a `:status` (or `status`)
/// field, or from the person.
fn read_header_block(
    lines: &[Line],
    status: Option<u32>,
    notices: Vec<String>,
) -> Result<Read, Report> {
    let texts: Vec<&str> = lines
        .iter()
        .map(|line| line.text)
        .filter(|text| !text.trim().is_empty())
        .collect();
    let mut response = Response::default();
    read_fields(&texts, &mut response);
    // Prose with a colon in it reads as a field or two; a header block is mostly fields.
    if response.fields.is_empty() || response.bad_lines.len() * 2 > texts.len() {
        return Err(unreadable());
    }
    let pseudo = response
        .fields
        .iter()
        .position(|field| field.name == ":status" || field.name.eq_ignore_ascii_case("status"));
    if let Some(at) = pseudo {
        let field = response.fields.remove(at);
        response.status_text = field.value.clone();
        response.status = parse_status(&field.value);
    } else if let Some(given) = status {
        response.status = Some(given);
        response.status_text = given.to_string();
    } else {
        return Err(Report::NeedsStatus);
    }
    // Other pseudo-fields (`:path`, `:scheme` …) belong to HTTP/2 framing, not to the checks.
    response.fields.retain(|field| !field.name.starts_with(':'));
    Ok(Read {
        format: Format::HeaderBlock,
        responses: vec![response],
        notices,
    })
}

/// The status code as digits, if it is one to three... or more digits (kept so the rules can
/// say a four-digit code is out of range); `None` for anything else.
pub(super) fn parse_status(text: &str) -> Option<u32> {
    let text = text.trim();
    if text.is_empty() || text.len() > 6 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Reads a response head: a status line and field lines.
pub(super) fn parse_head(head: &str) -> Response {
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or_default().trim_end();
    let field_lines: Vec<&str> = lines.collect();
    let mut response = Response::default();
    read_status_line(status_line, &mut response);
    read_fields(&field_lines, &mut response);
    response
}

fn read_status_line(line: &str, response: &mut Response) {
    let (version, rest) = line.split_once(' ').unwrap_or((line, ""));
    let rest = rest.trim_start_matches(' ');
    let (code, reason) = rest.split_once(' ').unwrap_or((rest, ""));
    response.version = version.to_string();
    response.status_text = truncate_for_display(code, 40);
    response.reason = reason.trim().to_string();
    response.status = parse_status(code);
    if version.starts_with("HTTP/1.") {
        // httparse reads the HTTP/1.x status line as a recipient would.
        let head = format!("{line}\r\n\r\n");
        let mut no_fields = [httparse::EMPTY_HEADER; 0];
        let mut parsed = httparse::Response::new(&mut no_fields);
        if let Ok(httparse::Status::Complete(_)) = parsed.parse(head.as_bytes()) {
            response.status = parsed.code.map(u32::from);
            response.reason = parsed.reason.unwrap_or_default().to_string();
        }
    }
}

/// Reads field lines with httparse, in order, unfolding obsolete line folding (and noting it),
/// keeping lines that are not fields, and stopping at [`MAX_FIELDS`].
fn read_fields(lines: &[&str], response: &mut Response) {
    let mut unfolded: Vec<String> = Vec::new();
    for line in lines {
        if line.trim().is_empty() {
            continue;
        }
        if line.starts_with([' ', '\t']) {
            if let Some(previous) = unfolded.last_mut() {
                response.folded = true;
                previous.push(' ');
                previous.push_str(line.trim());
                continue;
            }
        }
        if unfolded.len() == MAX_FIELDS {
            response.fields_cut = true;
            break;
        }
        unfolded.push((*line).to_string());
    }
    for line in unfolded {
        // HTTP/2 pseudo-fields (`:status: 404`) as browsers show them: not field syntax.
        if let Some(pseudo) = line.strip_prefix(':') {
            if let Some((name, value)) = pseudo.split_once(':') {
                response.fields.push(Field {
                    name: format!(":{}", name.trim()),
                    value: value.trim().to_string(),
                });
                continue;
            }
        }
        match parse_field(&line) {
            Some(field) => response.fields.push(field),
            None => response.bad_lines.push(truncate_for_display(&line, 80)),
        }
    }
}

fn parse_field(line: &str) -> Option<Field> {
    let block = format!("{line}\r\n\r\n");
    let mut one = [httparse::EMPTY_HEADER; 1];
    match httparse::parse_headers(block.as_bytes(), &mut one) {
        Ok(httparse::Status::Complete((_, [header]))) => Some(Field {
            name: header.name.to_string(),
            value: String::from_utf8_lossy(header.value).trim().to_string(),
        }),
        _ => None,
    }
}
