//! Renders the app to HTML at build time, with default preferences, so pages paint and read
//! before any WebAssembly has loaded; the browser build then replaces the markup with the running
//! app. The Trunk post-build hook (`scripts/post-build.mjs`) runs both forms:
//!
//! - `prerender` prints the whole page at the home view, which goes into `index.html`.
//! - `prerender --views DIR` writes the content of `<main>` for every code and class view, and
//!   for the not-a-status numbers and the checker, to `DIR/<fragment>.html` (`404.html`,
//!   `4xx.html`, `000.html`, `check.html`),
//!   after a line with a marker and the
//!   document title. The first script of `index.html` fetches the one a deep link names and
//!   shows it while the app loads.
//! - `prerender --explanations FILE` writes every entry's long prose, which the app leaves out
//!   of its wasm and loads on demand (`catalog::EXPLANATIONS_FILE`).

use http_status_codes::catalog;
use http_status_codes::prefs::Preferences;
use http_status_codes::route::{document_title, Route};
use http_status_codes::views::personal::PrefsStore;
use http_status_codes::App;
use leptos::prelude::*;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [] => {
            println!("{}", render(Route::Home));
            ExitCode::SUCCESS
        }
        [flag, dir] if flag == "--views" => match write_views(Path::new(dir)) {
            Ok(count) => {
                eprintln!("prerender: {count} views in {dir}");
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("prerender: {error}");
                ExitCode::FAILURE
            }
        },
        [flag, file] if flag == "--explanations" => {
            let Some(explanations) = catalog::explanations() else {
                eprintln!("prerender: the catalog has no explanations");
                return ExitCode::FAILURE;
            };
            match std::fs::write(file, miniserde::json::to_string(explanations)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!("prerender: {file}: {error}");
                    ExitCode::FAILURE
                }
            }
        }
        _ => {
            eprintln!("usage: prerender [--views DIR | --explanations FILE]");
            ExitCode::FAILURE
        }
    }
}

fn render(route: Route) -> String {
    Owner::new().with(|| {
        let route = RwSignal::new(route);
        let prefs = PrefsStore::new(Preferences::default());
        view! { <App route=route prefs=prefs/> }.to_html()
    })
}

/// The views a link most often names: each code and each class, each number with a record of
/// its own (`0`, `000`), and the response checker before anything is pasted (`check`).
fn linked_views() -> Vec<Route> {
    let classes = (1..=5u8).map(Route::Class);
    let codes = catalog::numbers().into_iter().map(Route::Code);
    let numbers = catalog::non_status_numbers()
        .iter()
        .map(|record| Route::Number(record.number.clone()));
    classes
        .chain(codes)
        .chain(numbers)
        .chain([Route::Check(None)])
        .collect()
}

fn write_views(dir: &Path) -> Result<usize, String> {
    std::fs::create_dir_all(dir).map_err(|error| format!("{}: {error}", dir.display()))?;
    let views = linked_views();
    for route in &views {
        let fragment = route.to_string();
        let page = render(route.clone());
        let content = main_content(&page).ok_or(format!("#{fragment}: no <main> in the render"))?;
        // The marker proves to the page that it got this file, not a host's fallback page; the
        // document title follows on the first line.
        let title = document_title(route);
        let file = dir.join(format!("{fragment}.html"));
        std::fs::write(&file, format!("<!--view:{fragment}-->{title}\n{content}"))
            .map_err(|error| format!("{}: {error}", file.display()))?;
    }
    Ok(views.len())
}

/// What lies between `<main …>` and its `</main>` (views contain no nested `main`).
fn main_content(page: &str) -> Option<&str> {
    let open = page.find("<main")?;
    let start = open + page.get(open..)?.find('>')? + 1;
    let end = page.rfind("</main>")?;
    page.get(start..end)
}
