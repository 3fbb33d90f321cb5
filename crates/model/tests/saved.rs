//! Saved progress, natively: it round-trips, any text loads without a panic, what does
//! not fit is refused, and each pack and element keeps its own.

mod common;
use common::{answer_set, built_in, built_in_json, with_char_replaced};

use ovp_model::content::default_content;
use ovp_model::quiz::{Action, Quiz, Step};
use ovp_model::saved::{self, SavedError};

use proptest::prelude::*;
use serde_json::Value;

/// 6 December 2026, in milliseconds since 1970: when the saved progress here is saved.
const NOW: f64 = 1_796_515_200_000.0;

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
            let content = built_in();
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

proptest! {
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
        let content = built_in();
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
            let questions = built_in_json()["questions"].as_array().unwrap();
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
