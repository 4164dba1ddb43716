//! One file per view or widget; `app` composes them.

pub mod app;
pub mod class_view;
pub mod code_detail;
pub mod home;
pub mod links;
pub mod not_found;
