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
