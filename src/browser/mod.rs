//! The only code that touches web APIs. Nothing here panics on what the browser returns.

pub mod checker;
pub mod clipboard;
pub mod fragment;
pub mod history;
pub mod on_demand;
pub mod storage;
pub mod theme;

/// Replaces the pre-rendered first paint with the running app, showing the view the fragment
/// names with the stored preferences, and marks the document ready.
///
/// The loader starts the wasm only once the pre-rendered page has painted
/// (scripts/post-build.mjs), so on the home view this swap changes nothing visible.
#[cfg(feature = "csr")]
pub fn start() {
    // Starting the wasm, parsing the catalog, drawing and moving the app in run as separate
    // tasks rather than one long one, so input and paint can get in between (this is what total
    // blocking time measures). The catalog is parsed on first use anyway; parsing it here,
    // between two marks, lets `make bench` read the parse time as the `catalog-parse` measure.
    // It comes before reading the route, which needs the catalog (is `#404` a code?).
    leptos::prelude::set_timeout(
        || {
            use crate::catalog;
            measured("catalog-parse", || {
                catalog::entries();
            });
            // A code's page and a comparison show the explanations, which the wasm leaves out:
            // draw the page once they are in (or have failed, which the page then says).
            // Drawing it without them would move everything below them once they came.
            if fragment::current_route().shows_explanations() {
                on_demand::fetch_text(catalog::EXPLANATIONS_FILE, |text| {
                    if let Some(text) = text {
                        let _ = catalog::install_explanations(&text);
                    }
                    leptos::prelude::set_timeout(mount, std::time::Duration::ZERO);
                });
            } else {
                leptos::prelude::set_timeout(mount, std::time::Duration::ZERO);
            }
        },
        std::time::Duration::ZERO,
    );
}

#[cfg(feature = "csr")]
fn mount() {
    use crate::views::personal::PrefsStore;
    use leptos::prelude::*;

    let route = RwSignal::new(route_to_show());
    let prefs = PrefsStore::load();
    // Reading the route and the stored preferences is the first use of much of the wasm, which
    // the browser compiles on first use: drawing starts in a task of its own.
    set_timeout(move || draw(route, prefs), std::time::Duration::ZERO);
}

#[cfg(feature = "csr")]
fn draw(
    route: leptos::prelude::RwSignal<crate::route::Route>,
    prefs: crate::views::personal::PrefsStore,
) {
    use crate::App;
    use leptos::prelude::*;

    let Some(staging) = self::document()
        .and_then(|document| document.create_element("div").ok())
        .and_then(html_element)
    else {
        return;
    };
    // Drawn off the page first: building the elements is the longest part of starting, and off
    // the page it costs no style or layout. The next task puts the app in place, so the two
    // costs fall in two shorter tasks (what total blocking time measures).
    measured("app-mount", || {
        leptos::mount::mount_to(
            staging.clone(),
            move || view! { <App route=route prefs=prefs/> },
        )
        .forget();
    });
    set_timeout(move || show(&staging, route), std::time::Duration::ZERO);
}

/// The view to start on: the fragment's, or a search for what someone has already typed into
/// the pre-rendered search box.
#[cfg(feature = "csr")]
fn route_to_show() -> crate::route::Route {
    use crate::route::Route;
    let typed = search_input()
        .map(|input| input.value())
        .filter(|text| !text.is_empty());
    match typed {
        Some(text) => {
            let search = Route::Search(text);
            fragment::replace(&search);
            search
        }
        None => fragment::current_route(),
    }
}

thread_local! {
    /// Whether the app is still being drawn off the page (until [`show`] moves it in).
    static STARTING: std::cell::Cell<bool> = const { std::cell::Cell::new(cfg!(feature = "csr")) };
    /// Drawing put off by [`draw_later`] that has not run yet.
    static DRAWS_LEFT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Whether the app is still being drawn off the page as it starts: a view may then draw its
/// larger parts in tasks of their own ([`draw_later`]). Always `false` in the build-time
/// renderer and once the app is in the page.
pub fn starting() -> bool {
    STARTING.with(std::cell::Cell::get)
}

/// While the app starts, runs `draw` in a task of its own, after the drawing already asked
/// for; the app is moved into the page only once every such task has run, so the page shows
/// it whole. Total blocking time counts each long task's time beyond 50 ms, so several shorter
/// tasks block less than one long one. At any other time, `draw` runs at once.
pub fn draw_later(draw: impl FnOnce() + 'static) {
    if !starting() {
        draw();
        return;
    }
    DRAWS_LEFT.with(|left| left.set(left.get() + 1));
    leptos::prelude::set_timeout(
        move || {
            // Each is the performance measure `app-draw`, which the browser tests count.
            #[cfg(feature = "csr")]
            measured("app-draw", draw);
            #[cfg(not(feature = "csr"))]
            draw();
            DRAWS_LEFT.with(|left| left.set(left.get().saturating_sub(1)));
        },
        std::time::Duration::ZERO,
    );
}

/// Replaces the pre-rendered page with the app drawn off the page, in one task, so no paint
/// falls between the two.
#[cfg(feature = "csr")]
fn show(staging: &web_sys::HtmlElement, route: leptos::prelude::RwSignal<crate::route::Route>) {
    use leptos::prelude::*;
    if DRAWS_LEFT.with(std::cell::Cell::get) > 0 {
        let staging = staging.clone();
        set_timeout(move || show(&staging, route), std::time::Duration::ZERO);
        return;
    }
    STARTING.with(|starting| starting.set(false));
    let Some(document) = self::document() else {
        return;
    };
    // Someone may have started using the pre-rendered page: carry over what they typed into
    // the search box (also since the app was drawn) and where keyboard focus was.
    let shown = route_to_show();
    if route.with_untracked(|drawn| *drawn != shown) {
        route.set(shown);
    }
    let focused = focused_position(&document);
    // Likewise what was pasted into the pre-rendered checker (`#check`).
    let pasted = check_input()
        .map(|area| area.value())
        .filter(|text| !text.is_empty());
    let heights = offscreen_heights(&document);
    let skippable_drawn = skippable(staging);
    if let Some(body) = document.body() {
        body.set_text_content(None);
        while let Some(node) = staging.first_child() {
            let _ = body.append_child(&node);
        }
    }
    skip_offscreen(&skippable_drawn, &heights);
    if let (Some(text), Some(area)) = (pasted, check_input()) {
        area.set_value(&text);
        // As a paste would: the checker reads its text from the input event.
        if let Ok(event) = web_sys::Event::new("input") {
            let _ = area.dispatch_event(&event);
        }
    }
    if let Some(position) = focused {
        refocus(&document, position);
    }
    if let Some(root) = document.document_element() {
        // `dataset.ready` is the stable hook other tools wait on.
        let _ = root.set_attribute("data-ready", "true");
    }
    // A link to one meaning of a number (`#499/esri-arcgis`) opens at that meaning.
    if let Some(slug) = crate::route::meaning_in(&fragment::read()) {
        show_meaning(&slug, false);
    }
}

/// Elements whose layout the app may put off as it moves in: home's lists of codes, which
/// hold most of its elements. Each is a whole list with no padding or border, so the height it
/// keeps is exact, and a list drawn as the reader nears it changes only what lies below it.
/// Those far from the window are drawn with `content-visibility: auto`, so the browser lays
/// them out only as they near it. Until then each keeps the height its twin in the
/// pre-rendered page had (its real height, or the estimate in style/main.css), so nothing on
/// the page moves as the app moves in, and Back draws the page again with the heights it was
/// left with ([`skip_again`]).
const SKIPPABLE: &str = "[data-skippable]";

fn skippable(root: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = root.query_selector_all(SKIPPABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|index| list.item(index))
        .filter_map(html_element)
        .collect()
}

/// For each skippable element of the page as it is now: its height in 1/64 px (Blink's layout
/// unit, so the figure is exact) if it lies more than a window's height away from the window,
/// `None` if it is nearer. Those nearer are left alone: the browser may show an element it
/// skips blank for a frame before it finds it on screen.
#[cfg(feature = "csr")]
fn offscreen_heights(document: &web_sys::Document) -> Vec<Option<u32>> {
    let window_height = web_sys::window()
        .and_then(|window| window.inner_height().ok())
        .and_then(|height| height.as_f64())
        .unwrap_or(0.0);
    let Some(body) = document.body() else {
        return Vec::new();
    };
    skippable(&body)
        .iter()
        .map(|element| {
            let rect = element.get_bounding_client_rect();
            let far = rect.top() > 2.0 * window_height || rect.bottom() < -window_height;
            far.then(|| layout_units(rect.height()))
        })
        .collect()
}

/// Puts off the layout of each of `elements` that has a height in `heights` (from
/// [`offscreen_heights`] or [`skipped_heights`]), keeping that height. Only when there are as
/// many heights as elements: the page is then the one they were measured on.
fn skip_offscreen(elements: &[web_sys::HtmlElement], heights: &[Option<u32>]) {
    if elements.len() != heights.len() {
        return;
    }
    for (element, height) in elements.iter().zip(heights) {
        let Some(height) = height else {
            continue;
        };
        // 1/64 = 0.015625: six decimals write any number of 64ths exactly. The size set is the
        // content box's, which is the whole box for an element without padding or border.
        let size = format!("auto {}.{:06}px", height / 64, height % 64 * 15_625);
        // Through the CSSOM: the content security policy blocks `style` attributes.
        let style = element.style();
        let _ = style.set_property("contain-intrinsic-block-size", &size);
        let _ = style.set_property("content-visibility", "auto");
    }
}

/// For each skippable element in the page, the height it has now (in 1/64 px) if its layout
/// may be put off ([`skip_offscreen`] did), else `None`: what [`skip_again`] needs to draw the
/// page with the same heights when Back returns to it.
pub fn skipped_heights() -> Vec<Option<u32>> {
    let Some(body) = document().and_then(|document| document.body()) else {
        return Vec::new();
    };
    skippable(&body)
        .iter()
        .map(|element| {
            let skipping = element
                .style()
                .get_property_value("content-visibility")
                .is_ok_and(|value| value == "auto");
            skipping.then(|| layout_units(element.get_bounding_client_rect().height()))
        })
        .collect()
}

/// Puts off again the layout of the elements whose layout was put off when the page was left,
/// at the heights they had then (from [`skipped_heights`]): the view drawn anew then has the
/// same heights, so the position kept for Back lands on what the reader left.
pub fn skip_again(heights: &[Option<u32>]) {
    if let Some(body) = document().and_then(|document| document.body()) {
        skip_offscreen(&skippable(&body), heights);
    }
}

/// A length in CSS pixels as a whole number of 1/64 px, Blink's layout unit.
fn layout_units(pixels: f64) -> u32 {
    // Float to integer casts saturate; a height is never negative.
    (pixels * 64.0).round() as u32
}

/// Everything keyboard focus can rest on, in document order.
#[cfg(feature = "csr")]
const FOCUSABLE: &str = "a[href], button, input, select, textarea, [tabindex]";

/// The position of the focused element among the focusable ones. The app draws the same page
/// as the pre-rendered one (anything else is hidden until the app is ready, so it cannot hold
/// focus), so the same position names the same control afterwards.
#[cfg(feature = "csr")]
fn focused_position(document: &web_sys::Document) -> Option<u32> {
    let active = document.active_element()?;
    let focusable = document.query_selector_all(FOCUSABLE).ok()?;
    (0..focusable.length()).find(|index| {
        focusable
            .item(*index)
            .is_some_and(|node| node.is_same_node(Some(active.as_ref())))
    })
}

/// Focuses the control at `position` among the focusable ones, with the caret after any text
/// so that typing goes on where it left off.
#[cfg(feature = "csr")]
fn refocus(document: &web_sys::Document, position: u32) {
    use wasm_bindgen::JsCast;
    let Some(node) = document
        .query_selector_all(FOCUSABLE)
        .ok()
        .and_then(|focusable| focusable.item(position))
    else {
        return;
    };
    if let Some(element) = html_element(node.clone()) {
        let _ = element.focus();
    }
    if let Ok(input) = node.dyn_into::<web_sys::HtmlInputElement>() {
        let end = u32::try_from(input.value().encode_utf16().count()).unwrap_or(u32::MAX);
        let _ = input.set_selection_range(end, end);
    }
}

/// The checker's text area, when the page shows the checker.
#[cfg(feature = "csr")]
fn check_input() -> Option<web_sys::HtmlTextAreaElement> {
    use wasm_bindgen::JsCast;
    document()
        .and_then(|document| document.get_element_by_id("check-input"))
        .and_then(|element| element.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
}

/// The search box in the page header.
#[cfg(feature = "csr")]
fn search_input() -> Option<web_sys::HtmlInputElement> {
    use wasm_bindgen::JsCast;
    document()
        .and_then(|document| document.get_element_by_id("search-input"))
        .and_then(|element| element.dyn_into::<web_sys::HtmlInputElement>().ok())
}

/// Runs `work` between two performance marks, recorded as the measure `name`.
#[cfg(feature = "csr")]
fn measured(name: &str, work: impl FnOnce()) {
    let performance = web_sys::window().and_then(|window| window.performance());
    let start = format!("{name}-start");
    if let Some(performance) = &performance {
        let _ = performance.mark(&start);
    }
    work();
    if let Some(performance) = &performance {
        let _ = performance.measure_with_start_mark(name, &start);
    }
}

/// Sets `document.title`.
pub fn set_title(title: &str) {
    if let Some(document) = document() {
        document.set_title(title);
    }
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|window| window.document())
}

/// An event target or element as an `HtmlElement`, the one type that can be focused or clicked.
pub fn html_element(target: impl wasm_bindgen::JsCast) -> Option<web_sys::HtmlElement> {
    target.dyn_into::<web_sys::HtmlElement>().ok()
}

/// The first element matching `selector`, if the document has one.
fn query(selector: &str) -> Option<web_sys::HtmlElement> {
    document()
        .and_then(|document| document.query_selector(selector).ok().flatten())
        .and_then(html_element)
}

/// Moves focus to the current view's main heading.
pub fn focus_heading() {
    focus_selector("main h1");
}

/// Moves focus to the current view's main heading without scrolling, for a view that has just
/// been scrolled to where the reader was.
pub fn focus_heading_in_place() {
    if let Some(element) = query("main h1") {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element.focus_with_options(&options);
    }
}

/// Scrolls the section of one meaning of a code (`data-meaning`, see `route::meaning_fragment`)
/// to the top of the window and, if `focus`, moves focus to its heading. Returns whether the
/// page has that section.
pub fn show_meaning(slug: &str, focus: bool) -> bool {
    // The route lets only letters, digits and hyphens through, so the slug is safe inside the
    // attribute selector.
    let Some(section) = query(&format!("main section[data-meaning=\"{slug}\"]")) else {
        return false;
    };
    section.scroll_into_view();
    if focus {
        if let Some(heading) = section
            .query_selector("h2")
            .ok()
            .flatten()
            .and_then(html_element)
        {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = heading.focus_with_options(&options);
        }
    }
    true
}

/// Moves focus to the first element matching `selector`.
pub fn focus_selector(selector: &str) {
    if let Some(element) = query(selector) {
        let _ = element.focus();
    }
}

pub fn focus_by_id(id: &str) {
    if let Some(element) = document()
        .and_then(|document| document.get_element_by_id(id))
        .and_then(html_element)
    {
        let _ = element.focus();
    }
}

/// Whether a key press is text typed into a field, which shortcuts must leave alone.
pub fn is_typing_target(event: &web_sys::KeyboardEvent) -> bool {
    let Some(element) = event.target().and_then(html_element) else {
        return false;
    };
    matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || element.is_content_editable()
}

/// Clicks the first element matching `selector`, so a shortcut gives the same feedback as the button.
pub fn click_by_selector(selector: &str) {
    if let Some(element) = query(selector) {
        element.click();
    }
}
