//! Prints the app's first render (the home view, default preferences) as HTML. The Trunk
//! post-build hook puts it in `index.html`, so the page paints and reads before any WebAssembly
//! has loaded; the browser build replaces it with the running app.

use http_status_codes::prefs::Preferences;
use http_status_codes::route::Route;
use http_status_codes::views::personal::PrefsStore;
use http_status_codes::App;
use leptos::prelude::*;

fn main() {
    let html = Owner::new().with(|| {
        let route = RwSignal::new(Route::Home);
        let prefs = PrefsStore::new(Preferences::default());
        view! { <App route=route prefs=prefs/> }.to_html()
    });
    println!("{html}");
}
