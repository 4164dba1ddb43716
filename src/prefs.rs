//! Preferences a person keeps between visits: theme, recently viewed and pinned codes.
//!
//! Pure: the storage edge (`browser::storage`) hands over whatever text it found, and
//! `Preferences::from_stored` turns anything (corrupt, oversized, from a future version) into
//! valid preferences, falling back to defaults field by field.

use crate::catalog;
use miniserde::json::{Number, Value};
use miniserde::{Deserialize, Serialize};

/// The storage key. The version is part of the key, so a future format never misreads this one.
pub const STORAGE_KEY: &str = "http-status-codes.prefs.v1";
/// Stored text longer than this is not ours: ignore it rather than parse megabytes.
pub const MAX_STORED_BYTES: usize = 16 * 1024;
pub const MAX_RECENT: usize = 8;
pub const MAX_PINNED: usize = 32;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the system's `prefers-color-scheme`.
    #[default]
    #[serde(rename = "auto")]
    Auto,
    #[serde(rename = "light")]
    Light,
    #[serde(rename = "dark")]
    Dark,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::Auto, ThemeChoice::Light, ThemeChoice::Dark];

    pub fn token(self) -> &'static str {
        match self {
            ThemeChoice::Auto => "auto",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::Auto => "Auto (system)",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
        }
    }

    pub fn from_token(token: &str) -> ThemeChoice {
        match token {
            "light" => ThemeChoice::Light,
            "dark" => ThemeChoice::Dark,
            _ => ThemeChoice::Auto,
        }
    }

    /// The theme actually shown, given whether the system prefers dark.
    pub fn effective(self, system_prefers_dark: bool) -> &'static str {
        match self {
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
            ThemeChoice::Auto if system_prefers_dark => "dark",
            ThemeChoice::Auto => "light",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Preferences {
    pub theme: ThemeChoice,
    /// Most recent first.
    pub recent: Vec<u16>,
    /// In the order they were pinned.
    pub pinned: Vec<u16>,
}

/// What might be stored: every field optional and loosely typed, so one bad field does not
/// throw away the others.
#[derive(Deserialize)]
struct Stored {
    theme: Option<Value>,
    recent: Option<Value>,
    pinned: Option<Value>,
}

impl Preferences {
    /// Reads stored text. Never fails: anything unusable becomes the default.
    pub fn from_stored(text: Option<&str>) -> Preferences {
        let Some(text) = text.filter(|text| text.len() <= MAX_STORED_BYTES) else {
            return Preferences::default();
        };
        let Ok(stored) = miniserde::json::from_str::<Stored>(text) else {
            return Preferences::default();
        };
        let theme = stored
            .theme
            .as_ref()
            .and_then(|value| match value {
                Value::String(text) => Some(text.as_str()),
                _ => None,
            })
            .map_or(ThemeChoice::Auto, ThemeChoice::from_token);
        Preferences {
            theme,
            recent: known_codes(stored.recent.as_ref(), MAX_RECENT),
            pinned: known_codes(stored.pinned.as_ref(), MAX_PINNED),
        }
    }

    pub fn to_stored(&self) -> String {
        miniserde::json::to_string(self)
    }

    /// Puts a code at the front of the recently viewed list.
    pub fn record_visit(&mut self, code: u16) {
        self.recent.retain(|seen| *seen != code);
        self.recent.insert(0, code);
        self.recent.truncate(MAX_RECENT);
    }

    pub fn clear_recent(&mut self) {
        self.recent.clear();
    }

    pub fn is_pinned(&self, code: u16) -> bool {
        self.pinned.contains(&code)
    }

    pub fn toggle_pin(&mut self, code: u16) {
        if self.is_pinned(code) {
            self.pinned.retain(|pinned| *pinned != code);
        } else if self.pinned.len() < MAX_PINNED {
            self.pinned.push(code);
        }
    }
}

/// Distinct codes the catalog knows, in order, at most `limit`.
fn known_codes(value: Option<&Value>, limit: usize) -> Vec<u16> {
    let mut codes: Vec<u16> = Vec::new();
    let items = match value {
        Some(Value::Array(items)) => items.as_slice(),
        _ => &[],
    };
    for item in items {
        let code = match item {
            Value::Number(Number::U64(number)) => u16::try_from(*number).ok(),
            _ => None,
        };
        if let Some(code) = code.filter(|code| catalog::exists(*code) && !codes.contains(code)) {
            codes.push(code);
        }
        if codes.len() == limit {
            break;
        }
    }
    codes
}
