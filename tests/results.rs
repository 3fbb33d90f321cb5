//! Results people keep and share, tested natively: share codes over every answer set of
//! the built-in content, property tests for share codes and saved progress (sound ones
//! made on purpose, the same with one character changed, and arbitrary text), the
//! counterfactual in the "why", and the "check your answers" step.

mod common;
use common::{all_answer_sets, readme_scores};

use open_vs_proprietary::model::content::{default_content, Content, DEFAULT_CONTENT_EN};
use open_vs_proprietary::model::quiz::{Action, Quiz, Step};
use open_vs_proprietary::model::saved::{self, SavedError};

/// 6 December 2026, in milliseconds since 1970: when the saved progress here is saved.
const NOW: f64 = 1_796_515_200_000.0;
use open_vs_proprietary::model::scoring::{counterfactual, score};
use open_vs_proprietary::model::share::{decode, encode, ShareError};
use proptest::prelude::*;
use serde_json::Value;
use std::collections::HashSet;
use std::sync::OnceLock;

const ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The built-in pack, parsed once.
fn content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| default_content().unwrap())
}

/// The built-in pack's JSON, parsed once.
fn pack() -> &'static Value {
    static PACK: OnceLock<Value> = OnceLock::new();
    PACK.get_or_init(|| serde_json::from_str(DEFAULT_CONTENT_EN).unwrap())
}

/// `text` with the character at `position` (modulo its length) replaced by `by`.
fn with_char_replaced(text: &str, position: usize, by: char) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let at = position % chars.len();
    chars[at] = by;
    chars.into_iter().collect()
}

/// Any complete answer set of the built-in content.
fn answer_set() -> impl Strategy<Value = Vec<usize>> {
    let content = default_content().unwrap();
    content
        .questions
        .iter()
        .map(|q| 0..q.options.len())
        .collect::<Vec<_>>()
}

/// `answers` with only the first `answered` questions answered.
fn answered_up_to(answers: &[usize], answered: usize) -> Vec<Option<usize>> {
    answers
        .iter()
        .enumerate()
        .map(|(q, &o)| (q < answered).then_some(o))
        .collect()
}

/// A quiz as a reader can leave it: any answer set answered up to some question, on the
/// intro, a question they can be on, the summary or the result (when all are answered),
/// or changing one answer from the summary.
fn reachable_quiz() -> impl Strategy<Value = Quiz> {
    (answer_set(), 0usize..=11, 0usize..5, 0usize..11).prop_map(
        |(answers, answered, at, change)| {
            let content = content();
            let total = content.questions.len();
            let answered = if at >= 2 { total } else { answered };
            let partial = answered_up_to(&answers, answered);
            let step = match at {
                0 => Step::Intro,
                1 => Step::Question(answered.min(total - 1)),
                2 | 4 => Step::Summary,
                _ => Step::Result,
            };
            let quiz = Quiz::restore(content, step, partial).expect("a state that can happen");
            if at == 4 {
                quiz.apply(&Action::Change(change))
            } else {
                quiz
            }
        },
    )
}

#[test]
fn share_codes_round_trip_for_every_answer_set_and_stay_short() {
    let content = default_content().unwrap();
    let sets = all_answer_sets(&content);
    assert_eq!(sets.len(), 419_904);
    let mut seen = HashSet::new();
    for answers in &sets {
        let code = encode(&content, answers).expect("a complete answer set has a code");
        // 1 version symbol + 4 for 419,904 answer sets (< 64^4) + 3 check symbols.
        assert_eq!(code.len(), 8, "{code}");
        assert!(code.chars().all(|c| ALPHABET.contains(c)), "{code}");
        assert_eq!(decode(&content, &code).as_ref(), Ok(answers), "{code}");
        // The layout share.rs describes, worked out here: the version, then the answers
        // as one mixed-radix number (first question least significant, each question's
        // digit counting its options) in four base-64 symbols, lowest first.
        let number = answers
            .iter()
            .zip(&content.questions)
            .rev()
            .fold(0, |n, (&a, q)| n * q.options.len() + a);
        let data: String = (0..4)
            .map(|i| ALPHABET.as_bytes()[(number >> (6 * i)) % 64] as char)
            .collect();
        assert_eq!(&code[..5], format!("1{data}"), "{answers:?}");
        assert!(seen.insert(code), "two answer sets share a code");
    }
}

#[test]
fn share_codes_refuse_incomplete_answers_and_other_content() {
    let content = default_content().unwrap();
    let answers = vec![1; content.questions.len()];
    assert_eq!(encode(&content, &answers[1..]), None);
    let mut out_of_range = answers.clone();
    out_of_range[4] = content.questions[4].options.len();
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
    // A quiz of another shape has fewer answer sets, so its codes differ in length too.
    assert!(matches!(
        decode(&shorter, &code),
        Err(ShareError::Check | ShareError::Length)
    ));

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
    /// the answers it returns. Sound codes are made on purpose (arbitrary text is one
    /// in 262,139 times a sound code at best), as they are and with one character
    /// changed to anything at all, beside arbitrary text.
    #[test]
    fn any_text_decodes_without_panicking(
        answers in answer_set(),
        kind in 0u8..3,
        position in any::<usize>(),
        by in any::<char>(),
        text in "\\PC{0,12}|1[A-Za-z0-9_-]{6}",
    ) {
        let content = content();
        let code = encode(content, &answers).unwrap();
        match kind {
            0 => prop_assert_eq!(decode(content, &code), Ok(answers)),
            1 => {
                let changed = with_char_replaced(&code, position, by);
                prop_assume!(changed != code);
                let decoded = decode(content, &changed);
                prop_assert!(decoded.is_err(), "{} -> {} accepted", code, changed);
            }
            _ => {
                if let Ok(answers) = decode(content, &text) {
                    prop_assert_eq!(encode(content, &answers), Some(text));
                }
            }
        }
    }

    /// Whatever is in storage, loading never panics and anything accepted is a quiz
    /// that can happen, holding the answers the text names. Sound records are made on
    /// purpose from quizzes that can happen (arbitrary text is never one), as they are
    /// and with one character changed, beside arbitrary text.
    #[test]
    fn any_saved_text_loads_without_panicking(
        quiz in reachable_quiz(),
        kind in 0u8..3,
        position in any::<usize>(),
        by in prop_oneof![
            any::<char>(),
            // Characters that keep the record JSON, or make it another record.
            proptest::sample::select(vec!['"', ':', ',', '{', '}', '0', '1', '2', 't', 'q', ' ']),
        ],
        text in "\\PC{0,80}",
    ) {
        let content = content();
        let json = saved::save(content, &quiz, NOW);
        let text = match kind {
            0 => {
                prop_assert_eq!(saved::load(content, &json, NOW), Ok(quiz));
                return Ok(());
            }
            1 => {
                let changed = with_char_replaced(&json, position, by);
                prop_assume!(changed != json);
                changed
            }
            _ => text,
        };
        if let Ok(loaded) = saved::load(content, &text, NOW) {
            prop_assert_eq!(loaded.question_count(), content.questions.len());
            // A state the quiz can be in, and one that saving keeps.
            let restored = Quiz::restore(content, loaded.step, loaded.answers.clone());
            prop_assert_eq!(
                restored.map(|q| (q.step, q.answers)),
                Some((loaded.step, loaded.answers.clone()))
            );
            let again = saved::load(content, &saved::save(content, &loaded, NOW), NOW);
            prop_assert_eq!(again, Ok(loaded.clone()));
            // The answers are the ones the text names (none when it names none: a record's
            // unknown keys are ignored), read here without the model.
            let value: Value = serde_json::from_str(&text).unwrap();
            let mut named = vec![None; content.questions.len()];
            let questions = pack()["questions"].as_array().unwrap();
            for (question, option) in value["answers"].as_object().into_iter().flatten() {
                let q = questions.iter().position(|x| x["id"] == question.as_str());
                let q = q.expect("an accepted record names real questions");
                let options = questions[q]["options"].as_array().unwrap();
                let o = options.iter().position(|x| x["id"] == option.as_str().unwrap());
                named[q] = Some(o.expect("an accepted record names real options"));
            }
            prop_assert_eq!(&loaded.answers, &named);
        }
    }

    #[test]
    fn saved_progress_round_trips(answers in answer_set(), answered in 0usize..=11, at in 0usize..4) {
        let content = default_content().unwrap();
        let partial = answered_up_to(&answers, answered);
        let step = match at {
            0 => Step::Intro,
            1 => Step::Question(answered.min(content.questions.len() - 1)),
            2 => Step::Summary,
            _ => Step::Result,
        };
        match Quiz::restore(&content, step, partial.clone()) {
            Some(quiz) => {
                let json = saved::save(&content, &quiz, NOW);
                prop_assert_eq!(saved::load(&content, &json, NOW), Ok(quiz));
            }
            // Only the summary and result need every answer.
            None => prop_assert!(matches!(step, Step::Summary | Step::Result) && answered < content.questions.len()),
        }
    }
}

#[test]
fn saved_progress_that_does_not_fit_is_refused() {
    let content = default_content().unwrap();
    let quiz = Quiz::restore(
        &content,
        Step::Question(2),
        answered_up_to(&[0, 1], 2)
            .into_iter()
            .chain(std::iter::repeat(None))
            .take(content.questions.len())
            .collect(),
    )
    .unwrap();
    let json = saved::save(&content, &quiz, NOW);
    assert_eq!(saved::load(&content, &json, NOW), Ok(quiz));

    let edit = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
        f(&mut value);
        saved::load(&content, &value.to_string(), NOW)
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
        saved::load(&content, "{\"v\":1", NOW),
        Err(SavedError::Unreadable(_))
    ));
    assert!(matches!(
        saved::load(&content, "null", NOW),
        Err(SavedError::Unreadable(_))
    ));

    // The same quiz with an edited question list refuses it.
    let mut edited = content.clone();
    edited.questions.remove(9);
    assert_eq!(
        saved::load(&edited, &json, NOW),
        Err(SavedError::OtherContent)
    );

    // Kept for KEEP_DAYS after it was saved, then expired; a record from the future (a
    // clock set far ahead) too, and one of the first format, which had no time.
    let day = 24.0 * 60.0 * 60.0 * 1000.0;
    let days = f64::from(saved::KEEP_DAYS);
    assert!(saved::load(&content, &json, NOW + days * day - 1.0).is_ok());
    assert_eq!(
        saved::load(&content, &json, NOW + days * day + 1.0),
        Err(SavedError::Expired)
    );
    assert_eq!(
        saved::load(&content, &json, NOW - day),
        Err(SavedError::Expired)
    );
    assert!(
        saved::load(&content, &json, NOW - 1000.0).is_ok(),
        "a clock a second behind"
    );
    assert_eq!(edit(&|v| v["at"] = 0.into()), Err(SavedError::Expired));
    assert_eq!(edit(&|v| v["v"] = 1.into()), Err(SavedError::Version(1)));
}

#[test]
fn each_content_s_progress_and_each_element_s_has_its_own_key() {
    assert_eq!(
        saved::storage_key("ai", None),
        "open-vs-proprietary:progress:ai"
    );
    assert_eq!(
        saved::storage_key("ai", Some("studio-draft")),
        "open-vs-proprietary:progress:ai#studio-draft"
    );
    // No element id reaches the studio's key or another content's.
    assert_ne!(
        saved::storage_key("ai", Some("x")),
        saved::storage_key("other", Some("x"))
    );
    assert!(!saved::storage_key("ai", Some("studio-draft")).ends_with(":studio-draft"));
    // A content id may hold "#": it never makes another widget's key.
    assert_ne!(
        saved::storage_key("quiz#main", None),
        saved::storage_key("quiz", Some("main"))
    );
    // An earlier version's progress is told from whatever else a legacy key holds.
    let content = default_content().unwrap();
    let quiz = Quiz::restore(&content, Step::Intro, vec![None; content.questions.len()]).unwrap();
    let current = saved::save(&content, &quiz, NOW);
    assert!(!saved::is_legacy_progress(&current));
    assert!(saved::is_legacy_progress(&current.replacen(
        "{\"v\":2,",
        "{\"v\":1,",
        1
    )));
    assert!(!saved::is_legacy_progress(
        "{\n  \"id\": \"a studio draft\""
    ));
    assert_eq!(
        saved::legacy_keys("ai", Some("x")),
        ["open-vs-proprietary:content:ai", "open-vs-proprietary:x"]
    );
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
            // The scores on both sides are the README's rule worked out from the JSON.
            let expected = readme_scores(pack(), &changed);
            assert_eq!(other.scores.len(), expected.len());
            for (got, want) in other.scores.iter().zip(&expected) {
                assert!((got - want).abs() < 1e-9);
            }
        }
        if full {
            // How far one change moves the scores, summed over approaches: the README's
            // rule worked out from the JSON, before and after.
            let here = readme_scores(pack(), answers);
            assert_eq!(outcome.scores.len(), here.len());
            for (got, want) in outcome.scores.iter().zip(&here) {
                assert!((got - want).abs() < 1e-9);
            }
            let moved = |q: usize, o: usize| -> f64 {
                let mut changed = answers.clone();
                changed[q] = o;
                let there = readme_scores(pack(), &changed);
                here.iter().zip(&there).map(|(x, y)| (x - y).abs()).sum()
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
    assert!(found > all_answer_sets(&content).len() / 2, "{found}");
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
    let reloaded = saved::load(&content, &saved::save(&content, &reviewing, NOW), NOW).unwrap();
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
