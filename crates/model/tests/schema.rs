//! The checked-in schema must match the content types, so editors flag exactly what the
//! widget rejects. Regenerate with `make schema`.

use ovp_model::content::json_schema;

#[test]
fn checked_in_schema_matches_the_types() {
    let checked_in = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content.schema.json"
    ))
    .expect("content.schema.json exists; run `make schema`");
    assert!(
        checked_in == json_schema(),
        "content.schema.json is stale: run `make schema` and commit it"
    );
}

#[test]
fn schema_rejects_unknown_keys_and_describes_fields() {
    let schema: serde_json::Value = serde_json::from_str(&json_schema()).unwrap();
    assert_eq!(schema["additionalProperties"], false);
    let required = schema["required"].as_array().unwrap();
    for key in [
        "id",
        "lang",
        "title",
        "intro",
        "approaches",
        "dimensions",
        "questions",
    ] {
        assert!(required.iter().any(|r| r == key), "{key} is required");
    }
    assert!(schema["properties"]["ui"].is_object());
}
