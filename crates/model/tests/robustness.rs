//! Property tests over untrusted input: arbitrary bytes and mutations of the default
//! content through the parser and validator, answer sets (complete ones on purpose, and
//! arbitrary ones) through scoring, and walks of reader actions through the quiz state
//! machine, weighted so that most reach the result and pass through Change.
//! Nothing may panic or hang; every rejection must be a readable problem.
//! `PROPTEST_CASES=1000000 cargo test -p ovp-model --release --test robustness` runs them
//! longer.

mod common;
use common::readme_scores;

use ovp_model::content::{Content, DEFAULT_CONTENT_EN, MAX_PROBLEM_CHARS};
use ovp_model::quiz::{Action, Quiz, Step};
use ovp_model::saved;
use ovp_model::scoring::{answers_fit, score, try_score};
use proptest::prelude::*;
use proptest::test_runner::TestRunner;
use serde_json::Value;
use std::cell::Cell;
use std::sync::OnceLock;

/// When the saved progress here is saved and read back: 6 December 2026, in ms since 1970.
const NOW: f64 = 1_796_515_200_000.0;

/// At least this many cases per property (the issue's floor), unless PROPTEST_CASES asks for more.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(10_000);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn default_value() -> Value {
    serde_json::from_str(DEFAULT_CONTENT_EN).unwrap()
}

/// The built-in pack, parsed once.
fn content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| Content::from_json(DEFAULT_CONTENT_EN).unwrap())
}

/// Answer sets for scoring: complete ones of the built-in pack most of the time (only
/// those reach the score), and arbitrary ones (too short, too long, options that do not
/// exist), which must be refused.
fn answer_sets() -> impl Strategy<Value = Vec<usize>> {
    let complete: Vec<_> = content()
        .questions
        .iter()
        .map(|q| 0..q.options.len())
        .collect();
    prop_oneof![
        3 => complete,
        1 => proptest::collection::vec(0usize..5, 0..14),
    ]
}

/// One thing a reader does. `ChooseHere` picks an option (maybe one that does not exist)
/// for the question on screen, `Answer` does that and presses Next; the others are the
/// quiz's actions with any argument.
#[derive(Debug, Clone, Copy)]
enum Move {
    Start,
    Answer(usize),
    ChooseHere(usize),
    Choose(usize, usize),
    Next,
    Back,
    Change(usize),
    Retake,
}

impl Move {
    /// The moves a walk of these makes, one action each.
    fn expand(moves: Vec<Move>) -> Vec<Move> {
        moves
            .into_iter()
            .flat_map(|m| match m {
                Move::Answer(option) => vec![Move::ChooseHere(option), Move::Next],
                m => vec![m],
            })
            .collect()
    }

    fn action(self, quiz: &Quiz) -> Action {
        match self {
            Move::Start => Action::Start,
            Move::ChooseHere(option) | Move::Answer(option) => Action::Choose {
                question: match quiz.step {
                    Step::Question(q) => q,
                    _ => 0,
                },
                option,
            },
            Move::Choose(question, option) => Action::Choose { question, option },
            Move::Next => Action::Next,
            Move::Back => Action::Back,
            Move::Change(question) => Action::Change(question),
            Move::Retake => Action::Retake,
        }
    }
}

/// Walks of up to 150 moves, weighted like a reader: mostly answering the question on
/// screen (sometimes with an option that does not exist) and pressing Next, sometimes
/// Back, a stray choice or Next without an answer, often Change (also of questions that
/// do not exist), rarely Retake. Most reach the result; many change an answer on the way.
fn walks() -> impl Strategy<Value = Vec<Move>> {
    let one = prop_oneof![
        20 => Just(Move::Start),
        60 => (0usize..4).prop_map(Move::Answer),
        10 => (0usize..4).prop_map(Move::ChooseHere),
        3 => (0usize..12, 0usize..4).prop_map(|(q, o)| Move::Choose(q, o)),
        15 => Just(Move::Next),
        6 => Just(Move::Back),
        40 => (0usize..11).prop_map(Move::Change),
        1 => Just(Move::Retake),
    ];
    proptest::collection::vec(one, 0..150)
}

/// Every rejection names what is wrong in words.
fn assert_readable(json: &str) {
    if let Err(err) = Content::from_json(json) {
        assert!(!err.problems.is_empty());
        for problem in &err.problems {
            assert!(
                problem.message.trim().len() >= 5,
                "unreadable problem: {problem:?}"
            );
        }
    }
}

/// Where serde rejects a well-formed pack, the problem's path is the one
/// serde_path_to_error tracks through every deserializer (a test-only dependency): the
/// widget finds the same path from the position of the error alone. (Malformed text is
/// left out: there serde_json may report a data error only after reading past the
/// object it is about, as in `{"typo"}`, and the two can differ by a key.)
fn assert_path_as_tracked(json: &str) {
    if serde_json::from_str::<Value>(json).is_err() {
        return;
    }
    let deserializer = &mut serde_json::Deserializer::from_str(json);
    let Err(tracked) = serde_path_to_error::deserialize::<_, Content>(deserializer) else {
        return;
    };
    let Err(err) = Content::from_json(json) else {
        panic!("serde rejected what the widget accepted: {json}");
    };
    let problem = &err.problems[0];
    if problem.message.starts_with("the content is") {
        return; // refused before parsing: not an object, or too large
    }
    // "." is the whole document; a trailing "?" is a key not read yet, which the widget
    // leaves out (the error is in the object around it).
    let tracked = tracked.path().to_string();
    let tracked = tracked.trim_end_matches('?').trim_end_matches('.');
    let expected: String = tracked.chars().take(MAX_PROBLEM_CHARS - 1).collect();
    assert!(
        problem.path == tracked || problem.path.starts_with(&expected),
        "path {:?}, tracked {tracked:?}, for {json}",
        problem.path
    );
}

/// One edit somewhere in a JSON tree: the path is a list of choices, the edit a kind.
#[derive(Debug, Clone)]
enum Edit {
    Remove,
    Number(f64),
    Text(String),
    Null,
    EmptyArray,
    RenameKey(String),
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    prop_oneof![
        Just(Edit::Remove),
        any::<f64>().prop_map(Edit::Number),
        ".{0,12}".prop_map(Edit::Text),
        Just(Edit::Null),
        Just(Edit::EmptyArray),
        "[a-z]{1,8}".prop_map(Edit::RenameKey),
    ]
}

/// Applies `edit` at the node reached by following `path` (indices wrap around).
fn apply(value: &mut Value, path: &[usize], edit: &Edit) {
    let (step, rest) = match path.split_first() {
        Some(split) => split,
        None => return,
    };
    match value {
        Value::Object(map) if !map.is_empty() => {
            let key = map.keys().nth(step % map.len()).cloned().unwrap();
            if rest.is_empty() {
                match edit {
                    Edit::Remove => {
                        map.remove(&key);
                    }
                    Edit::RenameKey(new) => {
                        let old = map.remove(&key).unwrap();
                        map.insert(new.clone(), old);
                    }
                    Edit::Number(n) => {
                        map.insert(
                            key,
                            serde_json::Number::from_f64(*n).map_or(Value::Null, Value::Number),
                        );
                    }
                    Edit::Text(t) => {
                        map.insert(key, Value::String(t.clone()));
                    }
                    Edit::Null => {
                        map.insert(key, Value::Null);
                    }
                    Edit::EmptyArray => {
                        map.insert(key, Value::Array(vec![]));
                    }
                }
            } else {
                apply(map.get_mut(&key).unwrap(), rest, edit);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            let index = step % items.len();
            if rest.is_empty() && matches!(edit, Edit::Remove) {
                items.remove(index);
            } else if rest.is_empty() {
                let mut holder = serde_json::json!({ "x": items[index].take() });
                apply(&mut holder, &[0], edit);
                items[index] = holder.get("x").cloned().unwrap_or(Value::Null);
            } else {
                apply(&mut items[index], rest, edit);
            }
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        assert_readable(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn json_like_text_never_panics(text in r#"[\[\]{}":,0-9a-z \-\.eE]{0,200}"#) {
        assert_readable(&text);
    }

    #[test]
    fn mutated_default_content_is_accepted_or_explained(
        edits in proptest::collection::vec((proptest::collection::vec(any::<usize>(), 1..6), edit_strategy()), 1..4)
    ) {
        let mut value = default_value();
        for (path, edit) in &edits {
            apply(&mut value, path, edit);
        }
        let json = value.to_string();
        assert_readable(&json);
        assert_path_as_tracked(&json);
        // Whatever is accepted can be played through and scored.
        if let Ok(content) = Content::from_json(&json) {
            let answers: Vec<usize> = content.questions.iter().map(|q| q.options.len() - 1).collect();
            let outcome = score(&content, &answers);
            prop_assert!(outcome.scores.iter().all(|s| s.is_finite()));
        }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn scoring_takes_any_answer_set(answers in answer_sets()) {
        let content = content();
        // Whether they fit, stated without the model: one existing option per question.
        let fit = answers.len() == content.questions.len()
            && answers.iter().zip(&content.questions).all(|(&o, q)| o < q.options.len());
        prop_assert_eq!(answers_fit(content, &answers), fit);
        match try_score(content, &answers) {
            None => prop_assert!(!fit),
            Some(outcome) => {
                prop_assert!(fit);
                prop_assert!(outcome.recommended.is_none_or(|a| a < content.approaches.len()));
                prop_assert!(outcome.scores.iter().all(|s| s.is_finite()));
                // The scores are what the README's rule gives, worked out from the JSON.
                let expected = readme_scores(&default_value(), &answers);
                for (a, total) in outcome.scores.iter().enumerate() {
                    let off = (total - expected[a]).abs();
                    prop_assert!(off < 1e-9, "approach {}: {} vs {}", a, total, expected[a]);
                    let sum: f64 = outcome.contributions.iter().map(|c| c[a]).sum();
                    prop_assert!((sum - total).abs() < 1e-9);
                }
            }
        }
    }
}

#[test]
fn any_sequence_of_actions_keeps_the_quiz_consistent() {
    let content = content();
    let total = content.questions.len();
    let mut runner = TestRunner::new(config());
    let (cases, reached, changed, retaken_after_result) =
        (Cell::new(0), Cell::new(0), Cell::new(0), Cell::new(0));
    runner
        .run(&walks(), |moves| {
            cases.set(cases.get() + 1);
            let (mut saw_result, mut saw_change, mut saw_retake_after_result) =
                (false, false, false);
            let mut quiz = Quiz::new(content);
            for step in Move::expand(moves) {
                let action = step.action(&quiz);
                let before = quiz.clone();
                quiz = quiz.apply(&action);
                // Answers only change by choosing or retaking, and always fit the content.
                if !matches!(action, Action::Choose { .. } | Action::Retake) {
                    prop_assert_eq!(&quiz.answers, &before.answers);
                }
                for (q, answer) in quiz.answers.iter().enumerate() {
                    prop_assert!(answer.is_none_or(|o| o < content.questions[q].options.len()));
                }
                match (action, before.step) {
                    // A choice for the question on screen that exists is taken.
                    (Action::Choose { question, option }, Step::Question(q))
                        if question == q && option < content.questions[q].options.len() =>
                    {
                        prop_assert_eq!(quiz.answers[q], Some(option));
                    }
                    // Change from the summary opens that question, and leaving it returns there.
                    (Action::Change(question), Step::Summary) if question < total => {
                        saw_change = true;
                        prop_assert_eq!(quiz.step, Step::Question(question));
                        prop_assert!(quiz.reviewing);
                        prop_assert_eq!(quiz.apply(&Action::Next).step, Step::Summary);
                        prop_assert_eq!(quiz.apply(&Action::Back).step, Step::Summary);
                    }
                    (Action::Retake, Step::Result) => saw_retake_after_result = true,
                    _ => {}
                }
                // The result is reached only with every question answered.
                if quiz.step == Step::Result {
                    saw_result = true;
                    prop_assert!(quiz
                        .complete_answers()
                        .is_some_and(|a| answers_fit(content, &a)));
                }
                // What is saved comes back as it was (the missing-answer notice is not kept).
                let mut kept = quiz.clone();
                kept.missing_answer = false;
                prop_assert_eq!(
                    saved::load(content, &saved::save(content, &quiz, NOW), NOW),
                    Ok(kept)
                );
            }
            reached.set(reached.get() + usize::from(saw_result));
            changed.set(changed.get() + usize::from(saw_change));
            retaken_after_result
                .set(retaken_after_result.get() + usize::from(saw_retake_after_result));
            Ok(())
        })
        .unwrap();
    // The walks do what they are for: most reach the result, many change an answer from
    // the summary, some take the quiz again from the result. (Shares need enough walks.)
    if cases.get() < 100 {
        return;
    }
    let share = |n: usize| n as f64 / cases.get() as f64;
    println!(
        "{} walks: {:.0}% reached the result, {:.0}% changed an answer from the summary, {:.0}% retook from the result",
        cases.get(),
        100.0 * share(reached.get()),
        100.0 * share(changed.get()),
        100.0 * share(retaken_after_result.get())
    );
    assert!(
        share(reached.get()) >= 0.5,
        "{} of {} walks reached the result",
        reached.get(),
        cases.get()
    );
    assert!(
        share(changed.get()) >= 0.25,
        "{} of {} walks changed an answer from the summary",
        changed.get(),
        cases.get()
    );
    assert!(
        share(retaken_after_result.get()) >= 0.05,
        "{} of {} walks retook from the result",
        retaken_after_result.get(),
        cases.get()
    );
}
