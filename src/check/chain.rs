//! Rules across responses: a redirect chain as `curl -iL` or `curl -v -L` prints it, or the
//! entries of a HAR file linked by their Location fields.

use super::fields;
use super::rules::{
    finding, INTERIM_ONLY, REDIRECT_DOWNGRADE, REDIRECT_LOOP, REDIRECT_METHOD_CHANGED,
    REDIRECT_TEMPORARY_FIRST, REDIRECT_TOO_MANY,
};
use super::{Checked, Format};

/// Browsers give up after this many redirects (the Fetch Standard's HTTP-redirect fetch).
pub const MAX_BROWSER_REDIRECTS: usize = 20;

pub(super) fn check_chain(checked: &mut [Checked], format: Format) {
    if let Some(last) = checked.last_mut() {
        if format != Format::Har && last.response.is_interim() {
            last.findings.push(finding(
                &INTERIM_ONLY,
                "The last response is interim (1xx); the final response that follows it is not in the paste.".into(),
            ));
        }
    }
    let next = links(checked, format);
    let mut pointed = vec![false; checked.len()];
    for target in next.iter().flatten() {
        pointed[*target] = true;
    }
    for start in 0..checked.len() {
        if !pointed[start] && is_redirect(&checked[start]) {
            walk(checked, &next, start);
        }
    }
}

/// The absolute URL of the request a response answered, normalized, when the paste shows it.
fn request_url(checked: &Checked) -> Option<String> {
    let url = &checked.response.request.as_ref()?.url;
    fields::resolve(url, url)
}

fn is_redirect(checked: &Checked) -> bool {
    matches!(checked.response.status, Some(300..=399)) && checked.response.has("location")
}

/// Where each response's redirect led: the next final response in a pasted chain, or the HAR
/// entry whose URL is the resolved Location.
fn links(checked: &[Checked], format: Format) -> Vec<Option<usize>> {
    (0..checked.len())
        .map(|at| {
            if !is_redirect(&checked[at]) {
                return None;
            }
            if format == Format::Har {
                let base = checked[at].response.request.as_ref()?.url.as_str();
                let location = checked[at].response.value("location")?;
                let target = fields::resolve(location, base)?;
                (at + 1..checked.len())
                    .find(|&later| request_url(&checked[later]).is_some_and(|url| url == target))
            } else {
                (at + 1..checked.len()).find(|&later| !checked[later].response.is_interim())
            }
        })
        .collect()
}

fn walk(checked: &mut [Checked], next: &[Option<usize>], start: usize) {
    let mut url = request_url(&checked[start]);
    let mut visited: Vec<String> = url.iter().cloned().collect();
    let mut redirects = 0;
    let mut at = start;
    let mut steps = 0;
    loop {
        // Each response is visited once per chain; the cap only guards against a cycle in the
        // links themselves.
        steps += 1;
        if steps > checked.len() || !is_redirect(&checked[at]) {
            break;
        }
        let following = next[at];
        redirects += 1;
        let status = checked[at].response.status.unwrap_or_default();
        let location = checked[at]
            .response
            .value("location")
            .unwrap_or_default()
            .to_string();
        let target = match &url {
            Some(base) => fields::resolve(&location, base),
            None => fields::resolve(&location, &location),
        };
        let mut found = Vec::new();
        if let Some(target) = &target {
            if visited.contains(target) {
                found.push(finding(
                    &REDIRECT_LOOP,
                    format!(
                        "This redirect goes back to {target}, which the chain has already visited: a loop. Browsers stop with \u{201c}too many redirects\u{201d}. Check the conditions that send this redirect (a cookie not set, http and https, a trailing slash)."
                    ),
                ));
            }
            if let (Some(from), Some(to)) = (
                url.as_deref().and_then(fields::scheme),
                fields::scheme(target),
            ) {
                if from == "https" && to == "http" {
                    found.push(finding(
                        &REDIRECT_DOWNGRADE,
                        format!(
                            "This redirect moves from https to {target}: the next request, its cookies and its URL travel unencrypted. Redirect to an https URL."
                        ),
                    ));
                }
            }
            visited.push(target.clone());
        }
        if redirects == MAX_BROWSER_REDIRECTS + 1 {
            found.push(finding(
                &REDIRECT_TOO_MANY,
                format!(
                    "This is redirect number {redirects} in a row; browsers give up after {MAX_BROWSER_REDIRECTS}. Point the first URL straight at the last."
                ),
            ));
        }
        let method = checked[at]
            .response
            .request
            .as_ref()
            .map(|request| request.method.to_ascii_uppercase())
            .unwrap_or_default();
        let next_method = following
            .and_then(|following| checked[following].response.request.as_ref())
            .map(|request| request.method.to_ascii_uppercase())
            .unwrap_or_default();
        if matches!(status, 301 | 302)
            && !method.is_empty()
            && method != "GET"
            && method != "HEAD"
            && next_method == "GET"
        {
            found.push(finding(
                &REDIRECT_METHOD_CHANGED,
                format!(
                    "The {method} was answered with {status} and followed with GET, so its content was dropped. Send 307 (temporary) or 308 (permanent) to keep the method, or 303 if GET is what you mean."
                ),
            ));
        }
        let permanent_next = following
            .filter(|&following| is_redirect(&checked[following]))
            .and_then(|following| checked[following].response.status)
            .filter(|status| matches!(status, 301 | 308));
        if let (true, Some(permanent)) = (matches!(status, 302 | 303 | 307), permanent_next) {
            found.push(finding(
                &REDIRECT_TEMPORARY_FIRST,
                format!(
                    "A temporary {status} comes before a permanent {permanent}: clients and search engines remember only the first hop, so the permanent move is never recorded. Redirect permanently in one step."
                ),
            ));
        }
        checked[at].findings.extend(found);
        let Some(following) = following else {
            break;
        };
        url = target.or_else(|| request_url(&checked[following]));
        at = following;
    }
}
