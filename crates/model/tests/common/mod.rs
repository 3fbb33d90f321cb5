//! Helpers shared by the native test files: the one way they get and build packs (a
//! shipped pack by name, the built-in pack as JSON to edit, a pack's problems, a pack
//! from JSON), every answer set, and the README's scoring worked out by hand.

use ovp_model::content::{default_content, Content, DEFAULT_CONTENT_EN};
use proptest::prelude::*;
use serde_json::Value;
use std::sync::OnceLock;

/// The built-in English pack, parsed once.
#[allow(dead_code)]
pub fn built_in() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| default_content().unwrap())
}

/// Any complete answer set of the built-in pack.
#[allow(dead_code)]
pub fn answer_set() -> impl Strategy<Value = Vec<usize>> {
    built_in()
        .questions
        .iter()
        .map(|q| 0..q.options.len())
        .collect::<Vec<_>>()
}

/// `text` with the character at `position` (modulo its length) replaced by `by`.
#[allow(dead_code)]
pub fn with_char_replaced(text: &str, position: usize, by: char) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let at = position % chars.len();
    chars[at] = by;
    chars.into_iter().collect()
}

/// A shipped pack's text, by its file name in `content/` (`en.json`).
#[allow(dead_code)]
pub fn shipped(name: &str) -> String {
    let file = format!("{}/../../content/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// Every shipped pack's file name in `content/`, sorted: each built-in language's pack
/// and the quizzes of their own (`databases.json`).
#[allow(dead_code)]
pub fn shipped_names() -> Vec<String> {
    let folder = format!("{}/../../content", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{folder}: {e}"))
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json"))
        .collect();
    names.sort();
    assert!(names.len() >= 2, "{folder} holds {names:?}");
    names
}

/// The built-in English pack as JSON, parsed once; `.clone()` it to edit it into the
/// pack a test needs.
#[allow(dead_code)]
pub fn built_in_json() -> &'static Value {
    static PACK: OnceLock<Value> = OnceLock::new();
    PACK.get_or_init(|| serde_json::from_str(DEFAULT_CONTENT_EN).unwrap())
}

/// The problems the model reports for a pack's text, as "path: message" lines; empty
/// when it is accepted.
#[allow(dead_code)]
pub fn problems(json: &str) -> Vec<String> {
    match Content::from_json(json) {
        Ok(_) => vec![],
        Err(error) => error.problems.iter().map(ToString::to_string).collect(),
    }
}

/// The pack `json` describes, which the test expects to be valid.
#[allow(dead_code)]
pub fn content(json: &Value) -> Content {
    Content::from_json(&json.to_string()).unwrap_or_else(|e| panic!("{e}: {json}"))
}

/// Every complete answer set of `content`, in order.
#[allow(dead_code)]
pub fn all_answer_sets(content: &Content) -> Vec<Vec<usize>> {
    content
        .questions
        .iter()
        .fold(vec![vec![]], |sets, question| {
            sets.iter()
                .flat_map(|set| {
                    (0..question.options.len()).map(move |o| {
                        let mut next = set.clone();
                        next.push(o);
                        next
                    })
                })
                .collect()
        })
}

/// The score of each approach (in the pack's order) for `answers`, worked out from the
/// pack's JSON alone as the README's "How scoring works" states it, without the model:
/// each answer adds its `weights`, and for each dimension in its `priorities`,
/// `priority × (rating − 3) / 2` to every approach. Tests check the model against this.
#[allow(dead_code)]
pub fn readme_scores(pack: &Value, answers: &[usize]) -> Vec<f64> {
    let approaches: Vec<&str> = pack["approaches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    let rating = |dimension: &str, approach: &str| -> f64 {
        let dimension = pack["dimensions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == dimension)
            .unwrap();
        dimension["ratings"][approach]["score"].as_f64().unwrap()
    };
    let mut scores = vec![0.0; approaches.len()];
    for (question, &answer) in pack["questions"].as_array().unwrap().iter().zip(answers) {
        let option = &question["options"][answer];
        for (a, approach) in approaches.iter().enumerate() {
            scores[a] += option["weights"][approach].as_f64().unwrap_or(0.0);
            if let Some(priorities) = option["priorities"].as_object() {
                for (dimension, priority) in priorities {
                    scores[a] +=
                        priority.as_f64().unwrap() * (rating(dimension, approach) - 3.0) / 2.0;
                }
            }
        }
    }
    scores
}
