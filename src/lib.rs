//! HTTP Status Codes: a reference for every HTTP status code that runs entirely in the browser.
//!
//! Pure modules (`catalog`, `search`, `compare`, `decide`, `route`, `prefs`, `prose`) import neither leptos nor web-sys, so `cargo test` covers
//! them natively; `browser` wraps web APIs; `views` render.

pub mod browser;
pub mod catalog;
pub mod check;
pub mod compare;
pub mod constants;
pub mod decide;
pub mod prefs;
pub mod prose;
pub mod route;
pub mod search;
pub mod views;

pub use views::app::App;
