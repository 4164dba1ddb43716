//! Every field authored in the data files reaches the app.
//!
//! The app parses its embedded data with miniserde, which skips fields it does not know. So a
//! misspelt or newly added field would silently vanish. Here each file is read independently
//! with serde_json and compared with what the app loaded, written back out as JSON: any field the
//! app dropped, renamed or mistyped shows up as a difference.

use http_status_codes::catalog::{self, CATALOG_JSON};
use http_status_codes::compare::{self, COMPARISONS_JSON};
use http_status_codes::decide::{self, DECISIONS_JSON};
use serde_json::{json, Map, Value};

/// `null` and an absent field mean the same to the app, so both sides drop `null` fields.
fn without_nulls(value: Value) -> Value {
    match value {
        Value::Object(fields) => Value::Object(
            fields
                .into_iter()
                .filter(|(_, field)| !field.is_null())
                .map(|(name, field)| (name, without_nulls(field)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(without_nulls).collect()),
        other => other,
    }
}

fn authored(text: &str) -> Value {
    without_nulls(serde_json::from_str(text).expect("the data file is valid JSON"))
}

/// What the app loaded, as JSON.
fn loaded(value: &impl miniserde::Serialize) -> Value {
    without_nulls(
        serde_json::from_str(&miniserde::json::to_string(value)).expect("miniserde writes JSON"),
    )
}

/// Adds to each object of `items` the fields of the object at the same place in `parts`: the
/// explanations the app loads apart from the rest, joined back into the authored shape. The
/// fields that tie the two together (code and vendor, slug) must agree.
fn join(items: &mut Value, parts: &Value) {
    let (Some(items), Some(parts)) = (items.as_array_mut(), parts.as_array()) else {
        panic!("both are lists");
    };
    assert_eq!(items.len(), parts.len());
    for (item, part) in items.iter_mut().zip(parts) {
        let (Some(item), Some(part)) = (item.as_object_mut(), part.as_object()) else {
            panic!("each is an object");
        };
        for (field, value) in part {
            if let Some(same) = item.get(field) {
                assert_eq!(
                    same, value,
                    "{field} differs between an object and its explanation"
                );
            }
            item.insert(field.clone(), value.clone());
        }
    }
}

fn explanations() -> Value {
    loaded(catalog::explanations().expect("embedded in the tests"))
}

#[test]
fn the_catalog_loads_every_authored_field() {
    let mut joined = loaded(catalog::catalog());
    join(&mut joined["codes"], &explanations()["codes"]);
    assert_eq!(joined, authored(CATALOG_JSON));
}

#[test]
fn the_comparisons_load_every_authored_field() {
    let mut groups = loaded(&compare::groups());
    join(&mut groups, &explanations()["groups"]);
    assert_eq!(json!({ "groups": groups }), authored(COMPARISONS_JSON));
}

/// The resolved tree, written back in its authored shape: a flat map of nodes by id. Nodes that
/// no answer reaches are missing from it, so this also checks that every node is reachable.
#[test]
fn the_decision_tree_loads_every_authored_field() {
    let mut nodes = Map::new();
    for question in decide::tree().questions() {
        let mut answers = Vec::new();
        for answer in &question.answers {
            answers.push(json!({
                "slug": answer.slug,
                "label": answer.label,
                "hint": answer.hint,
                "next": answer.next,
            }));
            if let Some(outcome) = answer.outcome() {
                nodes.insert(answer.next.clone(), json!({ "result": loaded(outcome) }));
            }
        }
        nodes.insert(
            question.id.clone(),
            json!({ "question": question.question, "answers": answers }),
        );
    }
    let start = &decide::tree().root().id;
    assert_eq!(
        without_nulls(json!({ "start": start, "nodes": nodes })),
        authored(DECISIONS_JSON)
    );
}

/// The check above can fail: a field the app does not know is caught.
#[test]
fn a_field_the_app_does_not_know_is_caught() {
    let mut with_extra = authored(CATALOG_JSON);
    with_extra["codes"][0]["footnote"] = json!("not in the model");
    assert_ne!(loaded(catalog::catalog()), with_extra);
}
