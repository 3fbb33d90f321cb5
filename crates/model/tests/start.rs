//! Where a widget starts (`ovp_model::start::choose_start`): a share code in the address,
//! saved progress, or the intro. The embed layer reads the address and the storage and
//! does what this decides.

use ovp_model::content::{default_content, Content};
use ovp_model::quiz::{Quiz, Step};
use ovp_model::share::{self, ShareError};
use ovp_model::start::{choose_start, Carried, Start};
use std::cell::Cell;

/// Progress a reader saved: the third question, after answering the first two.
fn saved_progress(content: &Content) -> Quiz {
    let mut answers = vec![None; content.questions.len()];
    answers[0] = Some(1);
    answers[1] = Some(0);
    Quiz::restore(content, Step::Question(2), answers).unwrap()
}

/// A complete answer set other than the saved one, and its share code.
fn shared_answers(content: &Content) -> (Vec<usize>, String) {
    let answers: Vec<usize> = content
        .questions
        .iter()
        .map(|q| q.options.len() - 1)
        .collect();
    let code = share::encode(content, &answers).unwrap();
    (answers, code)
}

#[test]
fn a_share_code_wins_over_saved_progress_and_opens_the_result() {
    let content = default_content().unwrap();
    let (answers, code) = shared_answers(&content);
    let asked = Cell::new(false);
    let start = choose_start(&content, Some(&code), None, || {
        asked.set(true);
        Some(saved_progress(&content))
    });
    let Start::Shared(quiz) = &start else {
        panic!("expected the shared result, got {start:?}");
    };
    assert_eq!(quiz.step, Step::Result);
    assert_eq!(quiz.complete_answers(), Some(answers));
    assert_eq!(start.quiz(), Some(quiz));
    assert!(
        !asked.get(),
        "the storage is not read when the address holds a code"
    );
}

#[test]
fn a_bad_code_is_ignored_with_a_notice_and_saved_progress_is_not_used() {
    let content = default_content().unwrap();
    let (_, code) = shared_answers(&content);
    let mistyped = {
        let mut chars: Vec<char> = code.chars().collect();
        chars[2] = if chars[2] == 'A' { 'B' } else { 'A' };
        chars.into_iter().collect::<String>()
    };
    for (bad, why) in [
        (mistyped.as_str(), ShareError::Check),
        (&code[..code.len() - 1], ShareError::Length),
        ("not a code at all", ShareError::Length),
    ] {
        let asked = Cell::new(false);
        let start = choose_start(&content, Some(bad), None, || {
            asked.set(true);
            Some(saved_progress(&content))
        });
        assert_eq!(start, Start::BadCode(why), "code {bad:?}");
        assert_eq!(start.quiz(), None, "a bad code starts at the intro");
        assert!(
            !asked.get(),
            "a bad code does not fall back to saved progress"
        );
    }
}

#[test]
fn a_code_made_for_other_content_is_a_bad_code() {
    let content = default_content().unwrap();
    let mut other = content.clone();
    other.id = "another-quiz".to_owned();
    let (_, code) = shared_answers(&other);
    assert_eq!(
        choose_start(&content, Some(&code), None, || Some(saved_progress(
            &content
        ))),
        Start::BadCode(ShareError::Check)
    );
}

#[test]
fn without_a_code_saved_progress_is_where_the_reader_left_off() {
    let content = default_content().unwrap();
    let saved = saved_progress(&content);
    let start = choose_start(&content, None, None, || Some(saved.clone()));
    assert_eq!(start, Start::Saved(saved.clone()));
    assert_eq!(start.quiz(), Some(&saved));
}

#[test]
fn with_neither_the_quiz_starts_fresh_at_the_intro() {
    let content = default_content().unwrap();
    let asked = Cell::new(false);
    let start = choose_start(&content, None, None, || {
        asked.set(true);
        None
    });
    assert_eq!(start, Start::Fresh);
    assert_eq!(start.quiz(), None);
    assert!(asked.get(), "without a code, the storage is asked");
}

#[test]
fn a_carried_state_wins_over_the_address_and_the_storage_without_reading_it() {
    let content = default_content().unwrap();
    let (_, code) = shared_answers(&content);
    let quiz = saved_progress(&content);
    for code in [None, Some(code.as_str()), Some("not-a-code")] {
        for shared in [false, true] {
            let asked = Cell::new(false);
            let carried = Carried {
                quiz: quiz.clone(),
                shared,
            };
            let start = choose_start(&content, code, Some(carried), || {
                asked.set(true);
                None
            });
            // A shared result stays shared, so it is not saved over the reader's progress,
            // whatever the address holds by now.
            let expected = match shared {
                true => Start::Shared(quiz.clone()),
                false => Start::Carried(quiz.clone()),
            };
            assert_eq!(start, expected, "code {code:?}, shared {shared}");
            assert!(!asked.get(), "a carried state never reads the storage");
        }
    }
}
