//! One file per view or widget; `app` composes them.

pub mod app;
pub mod check;
pub mod class_view;
pub mod code_detail;
pub mod compare;
pub mod constants;
pub mod decide;
pub mod details;
pub mod home;
pub mod links;
pub mod not_found;
pub mod number;
pub mod personal;
pub mod prose;
pub mod search;
pub mod shortcuts;

use leptos::prelude::*;

/// `part`, drawn in a task of its own while the app starts (`browser::draw_later`), so that a
/// large view does not start in one long task; drawn at once at any other time. The app shows
/// the view only once every part is in, so nothing appears piece by piece.
pub fn drawn_later<V: IntoView + 'static>(part: impl Fn() -> V + Send + Sync + 'static) -> AnyView {
    if !crate::browser::starting() {
        return part().into_any();
    }
    let drawn = RwSignal::new(false);
    crate::browser::draw_later(move || drawn.set(true));
    (move || drawn.get().then(&part)).into_any()
}
