//! Stored preferences: anything at all loads as valid preferences.

use http_status_codes::prefs::{Preferences, ThemeChoice, MAX_RECENT, MAX_STORED_BYTES};

#[test]
fn missing_or_corrupt_storage_gives_defaults() {
    for stored in [
        None,
        Some(""),
        Some("{"),
        Some("42"),
        Some("null"),
        Some("[]"),
        Some("\"dark\""),
    ] {
        assert_eq!(
            Preferences::from_stored(stored),
            Preferences::default(),
            "{stored:?}"
        );
    }
}

#[test]
fn deeply_nested_storage_gives_defaults() {
    let nested = format!("{{\"recent\":{}", "[".repeat(MAX_STORED_BYTES - 12));
    assert_eq!(
        Preferences::from_stored(Some(&nested)),
        Preferences::default()
    );
}

#[test]
fn oversized_storage_is_ignored_without_parsing() {
    let huge = format!(
        "{{\"theme\":\"dark\",\"pad\":\"{}\"}}",
        "x".repeat(MAX_STORED_BYTES)
    );
    assert_eq!(
        Preferences::from_stored(Some(&huge)),
        Preferences::default()
    );
}

#[test]
fn bad_fields_fall_back_one_by_one() {
    let stored =
        r#"{"theme":"dark","recent":"404","pinned":[999999,"x",null,429,429,404],"extra":true}"#;
    let preferences = Preferences::from_stored(Some(stored));
    assert_eq!(preferences.theme, ThemeChoice::Dark);
    assert!(preferences.recent.is_empty());
    assert_eq!(preferences.pinned, vec![429, 404]);
    let unknown_theme = Preferences::from_stored(Some(r#"{"theme":"sepia"}"#));
    assert_eq!(unknown_theme.theme, ThemeChoice::Auto);
}

#[test]
fn unknown_codes_are_dropped() {
    let preferences = Preferences::from_stored(Some(r#"{"recent":[404,999,100000,-1,1.5,503]}"#));
    assert_eq!(preferences.recent, vec![404, 503]);
}

#[test]
fn what_is_saved_loads_back() {
    let mut preferences = Preferences {
        theme: ThemeChoice::Light,
        ..Preferences::default()
    };
    for code in [200, 404, 500, 404] {
        preferences.record_visit(code);
    }
    preferences.toggle_pin(418);
    assert_eq!(preferences.recent, vec![404, 500, 200]);
    assert_eq!(
        Preferences::from_stored(Some(&preferences.to_stored())),
        preferences
    );
}

#[test]
fn recent_keeps_the_last_eight_most_recent_first() {
    let mut preferences = Preferences::default();
    for code in [100, 101, 200, 201, 202, 204, 301, 302, 400, 404] {
        preferences.record_visit(code);
    }
    assert_eq!(preferences.recent.len(), MAX_RECENT);
    assert_eq!(preferences.recent.first(), Some(&404));
    assert!(!preferences.recent.contains(&100));
    preferences.clear_recent();
    assert!(preferences.recent.is_empty());
}

#[test]
fn pinning_toggles() {
    let mut preferences = Preferences::default();
    preferences.toggle_pin(429);
    assert!(preferences.is_pinned(429));
    preferences.toggle_pin(429);
    assert!(!preferences.is_pinned(429));
}

#[test]
fn the_effective_theme_follows_the_system_only_on_auto() {
    assert_eq!(ThemeChoice::Auto.effective(true), "dark");
    assert_eq!(ThemeChoice::Auto.effective(false), "light");
    assert_eq!(ThemeChoice::Light.effective(true), "light");
    assert_eq!(ThemeChoice::Dark.effective(false), "dark");
}

/// The stored format is the same JSON that earlier builds wrote, so nobody loses their pins or
/// history when the app updates.
#[test]
fn the_stored_format_is_stable() {
    let stored = r#"{"theme":"dark","recent":[503,404],"pinned":[418]}"#;
    let preferences = Preferences::from_stored(Some(stored));
    assert_eq!(
        preferences,
        Preferences {
            theme: ThemeChoice::Dark,
            recent: vec![503, 404],
            pinned: vec![418],
        }
    );
    assert_eq!(preferences.to_stored(), stored);
}

proptest::proptest! {
    /// Whatever is in storage (another app's data, a truncated write, a hand edit), reading it
    /// never panics and always gives known codes within the limits.
    #[test]
    fn any_stored_text_loads(stored in "\\PC{0,200}|\\{\"(theme|recent|pinned)\":[\\[\\]0-9.,e\"\\- ]{0,40}\\}?") {
        let preferences = Preferences::from_stored(Some(&stored));
        proptest::prop_assert!(preferences.recent.len() <= MAX_RECENT);
        proptest::prop_assert!(preferences
            .recent
            .iter()
            .chain(&preferences.pinned)
            .all(|code| http_status_codes::catalog::exists(*code)));
    }
}
