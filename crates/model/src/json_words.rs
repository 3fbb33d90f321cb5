//! What serde_json could not read, said the way an author can act on it: a missing comma
//! after a given line's value, curly quotes, a text where a number belongs. Its own words
//! ("expected `,` or `}` at line 4 column 3") name a token and a position, not the fix;
//! the path (`json_path`) already says where. Messages it has no better words for are
//! kept as they are.

use super::json_path::byte_offset;

/// `err`'s message for the author of `json`.
pub fn in_authors_words(json: &str, err: &serde_json::Error) -> String {
    let raw = err.to_string();
    // serde_json ends each message with " at line L column C".
    let what = raw
        .rsplit_once(" at line ")
        .map_or(raw.as_str(), |(what, _)| what);
    if !(err.is_syntax() || err.is_eof()) {
        return wrong_type(what).unwrap_or(raw);
    }
    if json.trim().is_empty() {
        return "the text is empty; a pack is a JSON object { … }".to_owned();
    }
    // The character serde_json stopped at (its column counts the bytes read, up to
    // some of that character's), and the line of the last one before it.
    let mut start = byte_offset(json, err).saturating_sub(1).min(json.len());
    while !json.is_char_boundary(start) {
        start -= 1;
    }
    let stopped_at = json[start..].chars().next();
    let value_line = json[..start].trim_end().matches('\n').count() + 1;
    // (Text that ends too soon may hold a ’, which is fine inside text.)
    if !err.is_eof() && matches!(stopped_at, Some('“' | '”' | '‘' | '’')) {
        return "curly quotes are not JSON quotes: type straight double quotes (\") here"
            .to_owned();
    }
    match what {
        "expected `,` or `}`" => format!(
            "a comma is missing after line {value_line}'s value (or a }} to close the object)"
        ),
        "expected `,` or `]`" => format!(
            "a comma is missing after line {value_line}'s value (or a ] to close the list)"
        ),
        "trailing comma" => format!(
            "the comma on line {value_line} must go: JSON has none after the last item"
        ),
        "key must be a string" => {
            "a key must be text in double quotes here, such as \"id\"".to_owned()
        }
        "expected `:`" => format!("a colon (:) is missing after the key on line {value_line}"),
        "expected value" | "expected ident" => "a value is missing or is not JSON here: text in double quotes, a number, true, false, null, [ … ] or { … }".to_owned(),
        what if what.starts_with("EOF while parsing") => {
            "the text ends too soon: a closing \", } or ] is missing".to_owned()
        }
        what if what.starts_with("control character") => {
            "a line break or tab inside text must be written \\n or \\t".to_owned()
        }
        _ => format!("this is not valid JSON ({raw})"),
    }
}

/// "invalid type: string \"high\", expected f64" as "a number is expected here, not
/// \"high\"".
fn wrong_type(what: &str) -> Option<String> {
    let (found, expected) = what
        .strip_prefix("invalid type: ")?
        .split_once(", expected ")?;
    let wanted = match expected {
        "f64" | "u32" | "u64" | "usize" | "i64" => "a number",
        "a string" => "text in double quotes",
        "a sequence" => "a list [ … ]",
        "a boolean" => "true or false",
        expected if expected.starts_with("struct") || expected == "a map" => "an object { … }",
        _ => return None,
    };
    let found = match found {
        "map" => "an object",
        "sequence" => "a list",
        "null" | "unit value" => "null",
        // `string "high"`, or `integer `4``, `floating point `1.5``, `boolean `true``.
        found => found
            .strip_prefix("string ")
            .or_else(|| found.split('`').nth(1))
            .unwrap_or(found),
    };
    Some(format!("{wanted} is expected here, not {found}"))
}
