//! Results people keep and share, tested natively: share codes over every answer set of
//! the built-in content, property tests for corrupted codes and saved progress, the
//! counterfactual in the "why", and the "check your answers" step.

mod common;
use common::all_answer_sets;

use open_vs_proprietary::model::content::default_content;
use open_vs_proprietary::model::quiz::{Action, Quiz, Step};
use open_vs_proprietary::model::saved::{self, SavedError};
use open_vs_proprietary::model::scoring::{contribution, counterfactual, score};
use open_vs_proprietary::model::share::{decode, encode, ShareError};
use proptest::prelude::*;
use std::collections::HashSet;

const ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Any complete answer set of the built-in content.
fn answer_set() -> impl Strategy<Value = Vec<usize>> {
    let content = default_content().unwrap();
    content
        .questions
        .iter()
        .map(|q| 0..q.options.len())
        .collect::<Vec<_>>()
}

#[test]
fn share_codes_round_trip_for_every_answer_set_and_stay_short() {
    let content = default_content().unwrap();
    let sets = all_answer_sets(&content);
    assert_eq!(sets.len(), 59_049);
    let mut seen = HashSet::new();
    for answers in &sets {
        let code = encode(&content, answers).expect("a complete answer set has a code");
        // 1 version symbol + 3 for 3^10 answer sets (< 64^3) + 3 check symbols.
        assert_eq!(code.len(), 7, "{code}");
        assert!(code.chars().all(|c| ALPHABET.contains(c)), "{code}");
        assert_eq!(decode(&content, &code).as_ref(), Ok(answers), "{code}");
        assert!(seen.insert(code), "two answer sets share a code");
    }
}

#[test]
fn share_codes_refuse_incomplete_answers_and_other_content() {
    let content = default_content().unwrap();
    let answers = vec![1; content.questions.len()];
    assert_eq!(encode(&content, &answers[1..]), None);
    let mut out_of_range = answers.clone();
    out_of_range[4] = 3;
    assert_eq!(encode(&content, &out_of_range), None);

    let code = encode(&content, &answers).unwrap();
    let mut other = content.clone();
    other.id = "another-quiz".to_owned();
    assert_eq!(decode(&other, &code), Err(ShareError::Check));
    let mut renamed = content.clone();
    renamed.questions[3].options[0].id = "renamed".to_owned();
    assert_eq!(decode(&renamed, &code), Err(ShareError::Check));
    let mut shorter = content.clone();
    shorter.questions.pop();
    assert_eq!(decode(&shorter, &code), Err(ShareError::Check));

    assert_eq!(decode(&content, ""), Err(ShareError::Length));
    let next_version = format!("2{}", &code[1..]);
    assert_eq!(decode(&content, &next_version), Err(ShareError::Version));
    let foreign = format!("{}%{}", &code[..3], &code[4..]);
    assert_eq!(decode(&content, &foreign), Err(ShareError::Character));
}

proptest! {
    #[test]
    fn a_code_with_one_symbol_changed_is_refused(
        answers in answer_set(),
        position in 0usize..7,
        replacement in 0usize..64,
    ) {
        let content = default_content().unwrap();
        let code = encode(&content, &answers).unwrap();
        let mut symbols: Vec<char> = code.chars().collect();
        let new = ALPHABET.chars().nth(replacement).unwrap();
        prop_assume!(symbols[position] != new);
        symbols[position] = new;
        let corrupted: String = symbols.into_iter().collect();
        prop_assert!(decode(&content, &corrupted).is_err(), "{code} -> {corrupted} accepted");
    }

    #[test]
    fn a_code_with_neighbouring_answer_symbols_swapped_is_refused(
        answers in answer_set(),
        position in 1usize..3,
    ) {
        let content = default_content().unwrap();
        let code = encode(&content, &answers).unwrap();
        let mut symbols: Vec<char> = code.chars().collect();
        prop_assume!(symbols[position] != symbols[position + 1]);
        symbols.swap(position, position + 1);
        let swapped: String = symbols.into_iter().collect();
        prop_assert!(decode(&content, &swapped).is_err(), "{code} -> {swapped} accepted");
    }

    #[test]
    fn a_truncated_or_lengthened_code_is_refused(
        answers in answer_set(),
        cut in 0usize..7,
        extra in "[A-Za-z0-9_-]{1,4}",
    ) {
        let content = default_content().unwrap();
        let code = encode(&content, &answers).unwrap();
        prop_assert!(decode(&content, &code[..cut]).is_err());
        let lengthened = format!("{code}{extra}");
        prop_assert!(decode(&content, &lengthened).is_err());
        let mut without = code.clone();
        without.remove(cut);
        prop_assert!(decode(&content, &without).is_err());
    }

    /// Whatever the text, decoding never panics, and a text it accepts is the code of
    /// the answers it returns.
    #[test]
    fn any_text_decodes_without_panicking(text in "\\PC{0,12}|1[A-Za-z0-9_-]{6}") {
        let content = default_content().unwrap();
        if let Ok(answers) = decode(&content, &text) {
            prop_assert_eq!(encode(&content, &answers), Some(text));
        }
    }

    /// Whatever is in storage, loading never panics and anything accepted is a quiz
    /// that can happen.
    #[test]
    fn any_saved_text_loads_without_panicking(text in "\\PC{0,80}") {
        let content = default_content().unwrap();
        if let Ok(quiz) = saved::load(&content, &text) {
            prop_assert_eq!(quiz.question_count(), content.questions.len());
        }
    }

    #[test]
    fn saved_progress_round_trips(answers in answer_set(), answered in 0usize..=10, at in 0usize..4) {
        let content = default_content().unwrap();
        let partial: Vec<Option<usize>> = answers
            .iter()
            .enumerate()
            .map(|(q, &o)| (q < answered).then_some(o))
            .collect();
        let step = match at {
            0 => Step::Intro,
            1 => Step::Question(answered.min(content.questions.len() - 1)),
            2 => Step::Summary,
            _ => Step::Result,
        };
        match Quiz::restore(&content, step, partial.clone()) {
            Some(quiz) => {
                let json = saved::save(&content, &quiz);
                prop_assert_eq!(saved::load(&content, &json), Ok(quiz));
            }
            // Only the summary and result need every answer.
            None => prop_assert!(matches!(step, Step::Summary | Step::Result) && answered < 10),
        }
    }
}

#[test]
fn saved_progress_that_does_not_fit_is_refused() {
    let content = default_content().unwrap();
    let quiz = Quiz::restore(
        &content,
        Step::Question(2),
        vec![
            Some(0),
            Some(1),
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
        ],
    )
    .unwrap();
    let json = saved::save(&content, &quiz);
    assert_eq!(saved::load(&content, &json), Ok(quiz));

    let edit = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
        f(&mut value);
        saved::load(&content, &value.to_string())
    };
    assert_eq!(edit(&|v| v["v"] = 0.into()), Err(SavedError::Version(0)));
    assert!(matches!(
        edit(&|v| {
            v.as_object_mut().unwrap().remove("v");
        }),
        Err(SavedError::Unreadable(_))
    ));
    assert_eq!(
        edit(&|v| v["content"] = "other".into()),
        Err(SavedError::OtherContent)
    );
    assert_eq!(
        edit(&|v| v["fingerprint"] = "0000000000000000".into()),
        Err(SavedError::OtherContent)
    );
    assert!(matches!(
        edit(&|v| v["answers"]["gone"] = "tight".into()),
        Err(SavedError::Unknown(_))
    ));
    assert!(matches!(
        edit(&|v| v["answers"]["budget"] = "lavish".into()),
        Err(SavedError::Unknown(_))
    ));
    assert!(matches!(
        edit(&|v| v["step"] = "q:gone".into()),
        Err(SavedError::Unknown(_))
    ));
    // A step past an unanswered question cannot happen.
    assert_eq!(
        edit(&|v| v["step"] = "result".into()),
        Err(SavedError::Impossible)
    );
    assert_eq!(
        edit(&|v| v["step"] = "q:scale".into()),
        Err(SavedError::Impossible)
    );
    assert!(matches!(
        saved::load(&content, "{\"v\":1"),
        Err(SavedError::Unreadable(_))
    ));
    assert!(matches!(
        saved::load(&content, "null"),
        Err(SavedError::Unreadable(_))
    ));

    // The same quiz with an edited question list refuses it.
    let mut edited = content.clone();
    edited.questions.remove(9);
    assert_eq!(saved::load(&edited, &json), Err(SavedError::OtherContent));
}

#[test]
fn the_counterfactual_is_the_smallest_single_change_that_changes_the_suggestion() {
    let content = default_content().unwrap();
    let mut found = 0;
    for (n, answers) in all_answer_sets(&content).iter().enumerate() {
        let outcome = score(&content, answers);
        let change = counterfactual(&content, &outcome);
        // Every candidate checked against full scoring on a sample; the answer itself
        // on every set.
        let full = n % 17 == 0;
        if let Some(change) = change {
            found += 1;
            assert_ne!(change.option, answers[change.question]);
            let mut changed = answers.clone();
            changed[change.question] = change.option;
            let other = score(&content, &changed);
            assert_eq!(other.recommended, Some(change.recommended));
            assert_ne!(other.recommended, outcome.recommended);
            // The explanation still adds up: the scores move by exactly the change in
            // that one answer's contribution.
            let before = contribution(&content, change.question, answers[change.question]);
            let after = contribution(&content, change.question, change.option);
            for a in 0..content.approaches.len() {
                let expected = outcome.scores[a] - before[a] + after[a];
                assert!((other.scores[a] - expected).abs() < 1e-9);
            }
        }
        if full {
            let moved = |q: usize, o: usize| -> f64 {
                let (c, d) = (
                    contribution(&content, q, answers[q]),
                    contribution(&content, q, o),
                );
                c.iter().zip(&d).map(|(x, y)| (x - y).abs()).sum()
            };
            let least = change.map(|c| moved(c.question, c.option));
            for (q, question) in content.questions.iter().enumerate() {
                for o in (0..question.options.len()).filter(|&o| o != answers[q]) {
                    let mut changed = answers.clone();
                    changed[q] = o;
                    if score(&content, &changed).recommended != outcome.recommended {
                        let least = least.expect("a change exists, so one is named");
                        assert!(least <= moved(q, o) + 1e-12, "a smaller change exists");
                    }
                }
            }
        }
    }
    // Most answer sets are a single answer away from another suggestion.
    assert!(found > 59_049 / 2, "{found}");
}

#[test]
fn check_your_answers_comes_before_the_result_and_change_returns_to_it() {
    let content = default_content().unwrap();
    let total = content.questions.len();
    let mut quiz = Quiz::new(&content).apply(&Action::Start);
    assert_eq!(
        quiz.apply(&Action::Change(0)),
        quiz,
        "no Change outside the summary"
    );
    for q in 0..total {
        quiz = quiz.apply(&Action::Choose {
            question: q,
            option: 0,
        });
        quiz = quiz.apply(&Action::Next);
    }
    assert_eq!(quiz.step, Step::Summary);
    assert_eq!(quiz.apply(&Action::Change(total)), quiz, "no such question");

    // Change one answer: Next returns to the summary, not to the following question.
    quiz = quiz.apply(&Action::Change(3));
    assert_eq!(quiz.step, Step::Question(3));
    quiz = quiz.apply(&Action::Choose {
        question: 3,
        option: 2,
    });
    quiz = quiz.apply(&Action::Next);
    assert_eq!(quiz.step, Step::Summary);
    assert_eq!(quiz.answers[3], Some(2));
    // A reload while changing an answer still returns to the summary after Next.
    let reviewing = quiz.apply(&Action::Change(7));
    let reloaded = saved::load(&content, &saved::save(&content, &reviewing)).unwrap();
    assert_eq!(reloaded, reviewing);
    assert_eq!(reloaded.apply(&Action::Next).step, Step::Summary);
    // Back from a changed question returns to the summary too, keeping the choice.
    quiz = quiz.apply(&Action::Change(5)).apply(&Action::Choose {
        question: 5,
        option: 1,
    });
    quiz = quiz.apply(&Action::Back);
    assert_eq!(quiz.step, Step::Summary);
    assert_eq!(quiz.answers[5], Some(1));
    // After the review, Next walks on as usual.
    quiz = quiz.apply(&Action::Back);
    assert_eq!(quiz.step, Step::Question(total - 1));
    quiz = quiz.apply(&Action::Back).apply(&Action::Next);
    assert_eq!(quiz.step, Step::Question(total - 1));

    quiz = quiz.apply(&Action::Next).apply(&Action::Next);
    assert_eq!(quiz.step, Step::Result);
    let answers = quiz.answers.clone();
    quiz = quiz.apply(&Action::Back);
    assert_eq!(quiz.step, Step::Summary);
    assert_eq!(quiz.answers, answers);
}
