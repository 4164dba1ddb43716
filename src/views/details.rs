use crate::catalog::Detail;
use leptos::prelude::*;

/// The platform error codes that stand in front of a status (Cloudflare's 1020, Heroku's H12,
/// IIS's 404.3, a browser's `net::ERR_…`), each in an element with its own id.
#[component]
pub fn PlatformDetails(
    /// The codes shown; nothing is rendered when there are none.
    details: &'static [Detail],
    /// The section heading.
    heading: &'static str,
    /// Whether the section sits inside a meaning (an `h3`) rather than directly in the page (an
    /// `h2`).
    nested: bool,
) -> impl IntoView {
    (!details.is_empty()).then(|| {
        let title = if nested {
            view! { <h3>{heading}</h3> }.into_any()
        } else {
            view! { <h2>{heading}</h2> }.into_any()
        };
        view! {
            <section class="platform-details" data-testid="platform-details">
                {title}
                <dl class="platform-detail-list">
                    {details.iter().map(|detail| view! { <PlatformDetail detail=detail/> }).collect_view()}
                </dl>
            </section>
        }
    })
}

/// One platform error code: its id as people see it, the vendor's name for it, what it means and
/// the vendor's documentation.
#[component]
pub fn PlatformDetail(
    /// The code shown.
    detail: &'static Detail,
) -> impl IntoView {
    view! {
        <div class="platform-detail" id=detail.anchor() data-detail=detail.id.clone()>
            <dt>
                <code class="detail-id">{detail.id.as_str()}</code>
                " "
                <span class="detail-name">{detail.name.as_str()}</span>
                " "
                <span class="marker">{detail.vendor.as_str()}</span>
            </dt>
            <dd>
                {detail.description.as_str()}
                " "
                <a class="citation" href=detail.source.url.clone() rel="external">{detail.source.title.as_str()}</a>
            </dd>
        </div>
    }
}
