//! Where in a JSON document an error sits, as a path such as
//! `questions[3].options[1].label`.
//!
//! serde_json reports a line and column; authors need the path. Finding it by scanning
//! the text up to the error, rather than tracking it through every deserializer, keeps
//! one small function in the Wasm instead of a tracking copy of each content type's
//! deserializer (docs/BENCHMARKS.md has what that saved).

/// The path of the value serde_json's `err` is about, in the text it was reading.
///
/// serde_json counts lines from 1 and, within a line, the bytes it has read. A syntax
/// error counts the character it could not take, which is left out. A data error (a
/// wrong type, a missing or unknown field) comes once its value, key or object has been
/// read, or just before the value when its first character already shows the type is
/// wrong: that value is then the next element of an array.
pub fn error_path(json: &str, err: &serde_json::Error) -> String {
    let offset = byte_offset(json, err);
    if err.is_syntax() {
        path_at(json, offset.saturating_sub(1), false)
    } else {
        path_at(json, offset, true)
    }
}

/// The byte offset in `json` of `err`'s line and column (serde_json counts lines from 1
/// and, within a line, the bytes read).
pub fn byte_offset(json: &str, err: &serde_json::Error) -> usize {
    let line_start: usize = json
        .split_inclusive('\n')
        .take(err.line().saturating_sub(1))
        .map(str::len)
        .sum();
    line_start + err.column()
}

/// The path of the innermost value that the text before `offset` (a byte index) is in.
///
/// An object contributes the last key read in it, an array the index of its current
/// element (of the element about to begin, if `value_follows`); a container closed just
/// before `offset` still counts as the current element of its parent, because
/// serde_json reports a missing field after the object's `}`. The empty path means the
/// whole document.
fn path_at(json: &str, offset: usize, value_follows: bool) -> String {
    let bytes = json.as_bytes();
    let end = offset.min(bytes.len());
    let mut frames: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => {
                element_begins(&mut frames);
                frames.push(Frame::Object {
                    key: None,
                    expecting_key: true,
                });
            }
            b'[' => {
                element_begins(&mut frames);
                frames.push(Frame::Array {
                    index: 0,
                    started: false,
                });
            }
            b'}' | b']' => {
                frames.pop();
            }
            b',' => match frames.last_mut() {
                Some(Frame::Array { index, started }) if *started => {
                    *index += 1;
                    *started = false;
                }
                Some(Frame::Object { key, expecting_key }) => {
                    *key = None;
                    *expecting_key = true;
                }
                _ => {}
            },
            b'"' => {
                let close = string_end(bytes, i);
                if let Some(Frame::Object {
                    key,
                    expecting_key: expecting_key @ true,
                }) = frames.last_mut()
                {
                    *key = Some(decode_key(&json[i..close.min(bytes.len())]));
                    *expecting_key = false;
                } else {
                    element_begins(&mut frames);
                }
                i = close;
                continue;
            }
            b' ' | b'\t' | b'\n' | b'\r' | b':' => {}
            // The first character of a number, true, false or null.
            _ => element_begins(&mut frames),
        }
        i += 1;
    }
    if value_follows {
        element_begins(&mut frames);
    }
    let mut path = String::new();
    for frame in &frames {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Array {
                index,
                started: true,
            } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
            _ => {}
        }
    }
    path
}

enum Frame {
    /// `key` is the last key read; `expecting_key` is true after `{` and `,`.
    Object {
        key: Option<String>,
        expecting_key: bool,
    },
    /// `started` is true once the element at `index` has begun.
    Array { index: usize, started: bool },
}

/// Notes that a value begins, which in an array starts its current element.
fn element_begins(frames: &mut [Frame]) {
    if let Some(Frame::Array { started, .. }) = frames.last_mut() {
        *started = true;
    }
}

/// The index just past the string that opens at `open` (a `"`), or the text's length
/// when the string never closes.
fn string_end(bytes: &[u8], open: usize) -> usize {
    let mut i = open + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// A key as the author wrote it, escapes resolved; a key that is cut off or malformed
/// is shown as written, without its quotes.
fn decode_key(quoted: &str) -> String {
    serde_json::from_str(quoted).unwrap_or_else(|_| quoted.trim_matches('"').to_owned())
}

#[cfg(test)]
mod tests {
    use super::path_at as path_with;

    fn path_at(json: &str, offset: usize) -> String {
        path_with(json, offset, false)
    }

    fn path_before(json: &str, marker: &str) -> String {
        path_at(json, json.find(marker).expect("marker in text"))
    }

    #[test]
    fn paths_follow_keys_and_indices() {
        let json = r#"{"a": [1, {"b": "x", "c": [true, null]}], "d": {"e\"f": 5}}"#;
        assert_eq!(path_at(json, 0), "");
        assert_eq!(path_before(json, "1,"), "a");
        assert_eq!(path_before(json, ", {"), "a[0]");
        assert_eq!(path_before(json, r#", "c""#), "a[1].b");
        assert_eq!(path_at(json, json.find("true").unwrap() + 1), "a[1].c[0]");
        assert_eq!(path_before(json, "null"), "a[1].c");
        assert_eq!(path_before(json, "]}]"), "a[1].c[1]");
        assert_eq!(path_before(json, "5}"), r#"d.e"f"#);
        assert_eq!(path_at(json, json.len()), "");
    }

    #[test]
    fn a_closed_object_is_still_the_current_element() {
        let json = r#"{"q": [{"id": "a"}, {"id": "b"}]}"#;
        assert_eq!(path_at(json, json.find("}]").unwrap() + 1), "q[1]");
    }

    #[test]
    fn brackets_and_commas_inside_strings_do_not_count() {
        let json = r#"{"a": "[,{\"", "b": 1}"#;
        assert_eq!(path_before(json, "1}"), "b");
    }

    #[test]
    fn truncated_text_gives_the_path_so_far() {
        assert_eq!(path_at(r#"{"id": "x"#, 9), "id");
        assert_eq!(path_at(r#"{"ke"#, 4), "ke");
        assert_eq!(path_at("[[", 2), "[0]");
    }

    #[test]
    fn a_value_about_to_begin_is_the_next_element() {
        let json = r#"{"a": [1, []]}"#;
        let before_inner = json.find("[]").unwrap();
        assert_eq!(path_with(json, before_inner, false), "a");
        assert_eq!(path_with(json, before_inner, true), "a[1]");
        assert_eq!(path_with(json, json.find("1,").unwrap(), true), "a[0]");
    }
}
