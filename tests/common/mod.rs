//! Helpers shared by the native test files.

use open_vs_proprietary::model::content::Content;
use serde_json::Value;

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
