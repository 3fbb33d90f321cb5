//! What README.md states about content packs, read from README.md itself and checked
//! against the model: its minimal pack is accepted, and the limits it states (the
//! "Limits:" line and the ranges in the field table) are the model's, enforced at their
//! edges: the most allowed is accepted, one more is refused with a problem at its path;
//! and the built-in quiz's result it recomputes by hand is the model's.

mod common;
use common::readme_scores;

use ovp_model::content::{
    Content, MAX_APPROACHES, MAX_CONTENT_BYTES, MAX_DIMENSIONS, MAX_OPTIONS, MAX_QUESTIONS,
    RATING_MAX, RATING_MIN, WEIGHT_LIMIT,
};
use ovp_model::scoring::score;
use serde_json::{json, Value};

const README: &str = include_str!("../../../README.md");

/// The JSON block that follows `label` in README.md.
fn json_after(label: &str) -> &'static str {
    let after = README
        .split_once(label)
        .unwrap_or_else(|| panic!("README.md says {label:?}"))
        .1;
    let start = after.find("```json\n").expect("in a json block") + "```json\n".len();
    let end = start + after[start..].find("\n```").unwrap();
    &after[start..end]
}

/// The JSON under "A minimal complete pack:" in "Write your own quiz".
fn minimal_pack_text() -> &'static str {
    json_after("A minimal complete pack:")
}

fn minimal_pack() -> Value {
    serde_json::from_str(minimal_pack_text()).unwrap()
}

/// The number just before `words` in `text` (the README writes −10 with a true minus).
fn number_before(text: &str, words: &str) -> f64 {
    let at = text
        .find(words)
        .unwrap_or_else(|| panic!("{words:?} in {text:?}"));
    let number = text[..at].trim_end().rsplit(' ').next().unwrap();
    number
        .replace('−', "-")
        .parse()
        .unwrap_or_else(|_| panic!("a number before {words:?}: {number:?}"))
}

/// The row of the README's field table for `field`.
fn field_row(field: &str) -> &'static str {
    let start = format!("| `{field}` |");
    README
        .lines()
        .find(|line| line.starts_with(&start))
        .unwrap_or_else(|| panic!("README.md's field table has a row for {field}"))
}

/// The problems the model reports for `pack`, as "path: message"; empty when accepted.
fn problems(pack: &Value) -> Vec<String> {
    common::problems(&pack.to_string())
}

fn assert_accepted(pack: &Value, what: &str) {
    assert_eq!(problems(pack), Vec::<String>::new(), "{what}");
}

fn assert_refused_at(pack: &Value, path: &str, what: &str) {
    let found = problems(pack);
    assert!(
        found.iter().any(|p| p.starts_with(&format!("{path}: "))),
        "{what}: no problem at {path} in {found:?}"
    );
}

/// The minimal pack with `n` approaches (its own two, then more rated 3 everywhere).
fn with_approaches(n: usize) -> Value {
    let mut pack = minimal_pack();
    let approaches = pack["approaches"].as_array_mut().unwrap();
    while approaches.len() < n {
        let id = format!("a{}", approaches.len());
        approaches.push(json!({ "id": id, "name": id, "summary": "Another way." }));
    }
    approaches.truncate(n);
    let ids: Vec<String> = approaches
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .collect();
    for dimension in pack["dimensions"].as_array_mut().unwrap() {
        let ratings = dimension["ratings"].as_object_mut().unwrap();
        ratings.retain(|id, _| ids.contains(id));
        for id in &ids {
            ratings
                .entry(id.clone())
                .or_insert(json!({ "score": 3, "reason": "Middling." }));
        }
    }
    for question in pack["questions"].as_array_mut().unwrap() {
        for option in question["options"].as_array_mut().unwrap() {
            if let Some(weights) = option["weights"].as_object_mut() {
                weights.retain(|id, _| ids.contains(id));
            }
        }
    }
    pack
}

/// The minimal pack with `n` dimensions (copies of its one).
fn with_dimensions(n: usize) -> Value {
    let mut pack = minimal_pack();
    let first = pack["dimensions"][0].clone();
    pack["dimensions"] = (0..n)
        .map(|i| {
            let mut d = first.clone();
            if i > 0 {
                d["id"] = json!(format!("d{i}"));
                d["name"] = json!(format!("Dimension {i}"));
            }
            d
        })
        .collect();
    if n == 0 {
        // Nothing left to prioritise.
        for question in pack["questions"].as_array_mut().unwrap() {
            for option in question["options"].as_array_mut().unwrap() {
                option.as_object_mut().unwrap().remove("priorities");
            }
        }
    }
    pack
}

/// The minimal pack with `n` questions (copies of its first).
fn with_questions(n: usize) -> Value {
    let mut pack = minimal_pack();
    let first = pack["questions"][0].clone();
    pack["questions"] = (0..n)
        .map(|i| {
            let mut q = first.clone();
            q["id"] = json!(format!("q{i}"));
            q
        })
        .collect();
    pack
}

/// The minimal pack whose first question has `n` options (copies of its first).
fn with_options(n: usize) -> Value {
    let mut pack = minimal_pack();
    let first = pack["questions"][0]["options"][0].clone();
    pack["questions"][0]["options"] = (0..n)
        .map(|i| {
            let mut o = first.clone();
            o["id"] = json!(format!("o{i}"));
            o
        })
        .collect();
    pack
}

#[test]
fn the_minimal_pack_is_accepted_and_scores_as_the_readme_says() {
    let content = Content::from_json(minimal_pack_text()).expect("the README's minimal pack");
    assert_eq!(content.id, "tea-or-coffee");
    assert_eq!(content.questions.len(), 2);
    let pack = minimal_pack();
    for answers in [[0, 0], [0, 1], [1, 0], [1, 1]] {
        let outcome = score(&content, &answers);
        let expected = readme_scores(&pack, &answers);
        for (a, total) in outcome.scores.iter().enumerate() {
            assert!(
                (total - expected[a]).abs() < 1e-9,
                "{answers:?}: {total} vs {}",
                expected[a]
            );
        }
        // "The highest total wins (ties go to the approach listed first)."
        let best =
            (0..expected.len()).fold(0, |b, a| if expected[a] > expected[b] { a } else { b });
        assert_eq!(outcome.recommended, Some(best), "{answers:?}");
    }
    // An example pack an author copies should itself be balanced: each question changes
    // the advice for some answers, and each approach wins somewhere.
    let balance = ovp_model::balance::Balance::of(&content);
    assert_eq!(balance.findings, vec![], "the README's minimal pack");
}

#[test]
fn the_limits_the_readme_states_are_the_models() {
    let line = README
        .lines()
        .find(|line| line.starts_with("**Limits:**"))
        .expect("README.md states the limits");
    assert_eq!(
        number_before(line, "KB of JSON") as usize * 1024,
        MAX_CONTENT_BYTES,
        "{line}"
    );
    assert_eq!(
        number_before(line, "approaches") as usize,
        MAX_APPROACHES,
        "{line}"
    );
    assert_eq!(
        number_before(line, "dimensions") as usize,
        MAX_DIMENSIONS,
        "{line}"
    );
    assert_eq!(
        number_before(line, "questions") as usize,
        MAX_QUESTIONS,
        "{line}"
    );
    assert_eq!(
        number_before(line, "options per question") as usize,
        MAX_OPTIONS,
        "{line}"
    );

    // The field table says the same, with the least as well.
    let row = field_row("approaches[]");
    assert_eq!(number_before(row, "to"), 2.0, "{row}");
    assert_eq!(
        number_before(row, "choices") as usize,
        MAX_APPROACHES,
        "{row}"
    );
    let row = field_row("dimensions[]");
    assert_eq!(number_before(row, "to"), 1.0, "{row}");
    assert_eq!(number_before(row, "ways") as usize, MAX_DIMENSIONS, "{row}");
    assert_eq!(number_before(row, "(weak)"), RATING_MIN, "{row}");
    assert_eq!(number_before(row, "(strong)"), RATING_MAX, "{row}");
    let row = field_row("questions[]");
    assert_eq!(number_before(row, "to"), 1.0, "{row}");
    assert_eq!(
        number_before(row, ": `id`") as usize,
        MAX_QUESTIONS,
        "{row}"
    );
    assert_eq!(
        number_before(row, "`options`") as usize,
        MAX_OPTIONS,
        "{row}"
    );
    let row = field_row("options[]");
    let weights = &row[row.find("approach id → points").unwrap()..];
    assert_eq!(number_before(weights, "to 10)"), -WEIGHT_LIMIT, "{row}");
    assert_eq!(
        number_before(&weights[weights.find("to").unwrap()..], ")"),
        WEIGHT_LIMIT,
        "{row}"
    );
    let priorities = &row[row.find("how much this answer makes it matter").unwrap()..];
    assert_eq!(number_before(priorities, "to 10)"), 0.0, "{row}");
    assert_eq!(
        number_before(&priorities[priorities.find("to").unwrap()..], ")"),
        WEIGHT_LIMIT,
        "{row}"
    );
}

#[test]
fn each_limit_is_enforced_at_its_edge() {
    // Each list at its least and most, and one past each: (what, least, most, a pack
    // with that many, where the refusal points).
    type Limit = (&'static str, usize, usize, fn(usize) -> Value, &'static str);
    let lists: [Limit; 4] = [
        (
            "approaches",
            2,
            MAX_APPROACHES,
            with_approaches,
            "approaches",
        ),
        (
            "dimensions",
            1,
            MAX_DIMENSIONS,
            with_dimensions,
            "dimensions",
        ),
        ("questions", 1, MAX_QUESTIONS, with_questions, "questions"),
        (
            "options",
            2,
            MAX_OPTIONS,
            with_options,
            "questions[0].options",
        ),
    ];
    for (what, least, most, pack_with, path) in lists {
        for (n, accepted) in [
            (least - 1, false),
            (least, true),
            (most, true),
            (most + 1, false),
        ] {
            let pack = pack_with(n);
            if accepted {
                assert_accepted(&pack, &format!("{n} {what}"));
            } else {
                assert_refused_at(&pack, path, &format!("{n} {what}"));
            }
        }
    }

    // Numbers: ratings, weights and priorities at their ends and just past them.
    let edit = |f: &dyn Fn(&mut Value)| {
        let mut pack = minimal_pack();
        f(&mut pack);
        pack
    };
    let rating = "dimensions[0].ratings.tea.score";
    for (score, accepted) in [
        (RATING_MIN, true),
        (RATING_MAX, true),
        (RATING_MIN - 0.5, false),
        (RATING_MAX + 0.5, false),
    ] {
        let pack = edit(&|p| p["dimensions"][0]["ratings"]["tea"]["score"] = json!(score));
        if accepted {
            assert_accepted(&pack, &format!("a rating of {score}"));
        } else {
            assert_refused_at(&pack, rating, &format!("a rating of {score}"));
        }
    }
    let weight = "questions[0].options[0].weights.coffee";
    for (points, accepted) in [
        (-WEIGHT_LIMIT, true),
        (WEIGHT_LIMIT, true),
        (-WEIGHT_LIMIT - 0.5, false),
        (WEIGHT_LIMIT + 0.5, false),
    ] {
        let pack = edit(&|p| p["questions"][0]["options"][0]["weights"]["coffee"] = json!(points));
        if accepted {
            assert_accepted(&pack, &format!("a weight of {points}"));
        } else {
            assert_refused_at(&pack, weight, &format!("a weight of {points}"));
        }
    }
    let priority = "questions[0].options[0].priorities.speed";
    for (value, accepted) in [
        (0.0, true),
        (WEIGHT_LIMIT, true),
        (-0.5, false),
        (WEIGHT_LIMIT + 0.5, false),
    ] {
        let pack = edit(&|p| p["questions"][0]["options"][0]["priorities"]["speed"] = json!(value));
        if accepted {
            assert_accepted(&pack, &format!("a priority of {value}"));
        } else {
            assert_refused_at(&pack, priority, &format!("a priority of {value}"));
        }
    }

    // Size: the pack padded with spaces to exactly the limit is accepted, a byte more is not.
    let text = minimal_pack_text();
    let padded = format!("{text}{}", " ".repeat(MAX_CONTENT_BYTES - text.len()));
    assert_eq!(padded.len(), MAX_CONTENT_BYTES);
    assert!(
        Content::from_json(&padded).is_ok(),
        "a pack of exactly the limit"
    );
    let over = format!("{padded} ");
    let err = Content::from_json(&over).expect_err("a pack a byte over the limit");
    assert!(
        err.problems[0]
            .message
            .contains(&MAX_CONTENT_BYTES.to_string()),
        "{:?}",
        err.problems
    );
}

/// The cells of the README's hand-worked table under "Recompute one by hand": one row per
/// answer that moves anything, then the total.
fn hand_worked_rows() -> Vec<Vec<String>> {
    let after = README
        .split_once("**Recompute one by hand.**")
        .expect("README.md recomputes a result by hand")
        .1;
    after
        .lines()
        .skip_while(|line| !line.starts_with("| answer |"))
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .map(|line| {
            line.trim_matches('|')
                .split('|')
                .map(|cell| cell.trim().trim_matches('*').to_owned())
                .collect()
        })
        .collect()
}

/// "+1.5", "−0.25", "4.75 → 4.8": the first number of a cell.
fn cell_number(cell: &str) -> f64 {
    cell.split(' ')
        .next()
        .unwrap()
        .replace('−', "-")
        .replace('+', "")
        .parse()
        .unwrap_or_else(|_| panic!("{cell:?}"))
}

#[test]
fn the_result_the_readme_works_out_by_hand_is_the_models() {
    let content = ovp_model::content::default_content().unwrap();
    // The accounting-firm owner of tests/reader_profiles.json.
    let profiles: Value =
        serde_json::from_str(include_str!("../../../tests/reader_profiles.json")).unwrap();
    let profile = profiles
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"].as_str().unwrap().contains("accounting firm"))
        .unwrap();
    let answers: Vec<usize> = content
        .questions
        .iter()
        .zip(profile["answers"].as_array().unwrap())
        .map(|(q, id)| {
            q.options
                .iter()
                .position(|o| o.id == id.as_str().unwrap())
                .unwrap()
        })
        .collect();
    let outcome = score(&content, &answers);
    let moving: Vec<usize> = (0..answers.len())
        .filter(|&q| outcome.contributions[q].iter().any(|c| c.abs() > 1e-9))
        .collect();
    let rows = hand_worked_rows();
    assert_eq!(
        rows.len(),
        moving.len() + 1,
        "one row per answer that moves anything, and the total"
    );
    for (row, &q) in rows.iter().zip(&moving) {
        for a in 0..content.approaches.len() {
            assert_eq!(
                cell_number(&row[2 + a]),
                outcome.contributions[q][a],
                "{} {row:?}",
                content.questions[q].id
            );
        }
    }
    let total = rows.last().unwrap();
    for a in 0..content.approaches.len() {
        assert_eq!(cell_number(&total[2 + a]), outcome.scores[a], "{total:?}");
    }
    let proprietary = content.approach_index("proprietary").unwrap();
    assert_eq!(outcome.recommended, Some(proprietary));
    assert!(README.contains("Proprietary leads hosted open by 1.3 points"));
    assert_eq!(
        outcome.verdict,
        ovp_model::scoring::Verdict::Lead { gap: 1.3 }
    );
}

/// The JSON under "A minimal pack with a number and costs:".
fn cost_pack_text() -> &'static str {
    json_after("A minimal pack with a number and costs:")
}

#[test]
fn the_cost_pack_is_accepted_and_costs_what_the_readme_works_out() {
    use ovp_model::cost::{Assumptions, Bound};
    let content = Content::from_json(cost_pack_text()).expect("the README's pack with costs");
    let costs = content.costs.as_ref().unwrap();
    let middle = Bound::Estimate(Assumptions::default());
    // "one GPU costs 3 × 730 = $2,190 a month and serves … ≈ 887 million tokens"
    assert!((costs.monthly("gpu", 1.0, middle) - 2_190.0).abs() < 1e-6);
    assert!((costs.monthly("gpu", 886.9e6, middle) - 2_190.0).abs() < 1e-6);
    assert!((costs.monthly("gpu", 887e6, middle) - 4_380.0).abs() < 1e-6);
    // "the API costs the same $2,190 at 219 million tokens a month … $8,870 there"
    assert!((costs.monthly("api", 219e6, middle) - 2_190.0).abs() < 1e-6);
    assert!((costs.monthly("api", 887e6, middle) - 8_870.0).abs() < 1e-6);
    let found = costs.break_evens(&content, 1e5, 1e11, middle);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!((found[0].volume - 219e6).abs() < 1e3, "{found:?}");
    assert_eq!(
        found[0].cheaper_below,
        content.approach_index("api").unwrap()
    );
    // The rating's reason says the same.
    assert!(content.dimensions[0].ratings["gpu"]
        .reason
        .contains("220 million"));
    // Balanced, as an example pack an author copies should be.
    let balance = ovp_model::balance::Balance::of(&content);
    assert_eq!(balance.findings, vec![], "the README's pack with costs");
}
