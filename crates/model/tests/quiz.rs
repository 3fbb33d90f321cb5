//! The quiz's steps, the "check your answers" step, and the event it sends at the end,
//! natively.

use ovp_model::content::default_content;
use ovp_model::events::CompleteDetail;
use ovp_model::quiz::{Action, Quiz, Step};
use ovp_model::saved;
use ovp_model::scoring::score;

/// 6 December 2026, in milliseconds since 1970: when the saved progress here is saved.
const NOW: f64 = 1_796_515_200_000.0;

#[test]
fn quiz_moves_through_the_steps() {
    let content = default_content().unwrap();
    let total = content.questions.len();
    let mut quiz = Quiz::new(&content);
    assert_eq!(quiz.step, Step::Intro);
    quiz = quiz.apply(&Action::Next);
    assert_eq!(quiz.step, Step::Intro, "Next does nothing on the intro");
    quiz = quiz.apply(&Action::Start);
    assert_eq!(quiz.step, Step::Question(0));

    // Next needs an answer.
    quiz = quiz.apply(&Action::Next);
    assert_eq!(quiz.step, Step::Question(0));
    assert!(quiz.missing_answer);
    // A choice for another question, or an option that does not exist, changes nothing.
    assert_eq!(
        quiz.apply(&Action::Choose {
            question: 1,
            option: 0
        })
        .answers,
        quiz.answers
    );
    assert_eq!(
        quiz.apply(&Action::Choose {
            question: 0,
            option: 99
        })
        .answers,
        quiz.answers
    );

    for q in 0..total {
        quiz = quiz.apply(&Action::Choose {
            question: q,
            option: q % 3,
        });
        assert!(!quiz.missing_answer);
        quiz = quiz.apply(&Action::Next);
    }
    // The last question leads to "check your answers", and that to the result.
    assert_eq!(quiz.step, Step::Summary);
    quiz = quiz.apply(&Action::Next);
    assert_eq!(quiz.step, Step::Result);
    let answers = quiz.complete_answers().expect("all answered");

    // Back keeps answers, through the summary all the way to the intro and forward again.
    for _ in 0..=total + 1 {
        quiz = quiz.apply(&Action::Back);
    }
    assert_eq!(quiz.step, Step::Intro);
    assert_eq!(quiz.complete_answers().as_ref(), Some(&answers));
    quiz = quiz.apply(&Action::Start);
    for _ in 0..=total {
        quiz = quiz.apply(&Action::Next);
    }
    assert_eq!(quiz.step, Step::Result);

    // Retake clears everything and starts at the first question.
    quiz = quiz.apply(&Action::Retake);
    assert_eq!(quiz.step, Step::Question(0));
    assert!(quiz.answers.iter().all(Option::is_none));
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

#[test]
fn complete_event_names_every_answer() {
    let content = default_content().unwrap();
    let answers = vec![0; content.questions.len()];
    let detail = CompleteDetail::new(&content, &answers, &score(&content, &answers), false);
    assert_eq!(detail.answers.len(), content.questions.len());
    assert_eq!(detail.answers["budget"], "tight");
    assert_eq!(detail.scores.len(), content.approaches.len());
    let json = serde_json::to_value(&detail).unwrap();
    assert!(json["recommendation"].is_string());
}

/// The built-in quiz on its result, every question answered with its first option.
fn on_the_result(content: &ovp_model::content::Content) -> Quiz {
    let answers = vec![Some(0); content.questions.len()];
    Quiz::restore(content, Step::Result, answers).unwrap()
}

#[test]
fn exploring_changes_an_answer_on_the_result_and_remembers_the_answers_before() {
    let content = default_content().unwrap();
    let quiz = on_the_result(&content);
    let first = quiz.complete_answers().unwrap();

    let explored = quiz.apply(&Action::Explore {
        question: 2,
        option: 1,
    });
    assert_eq!(explored.step, Step::Result);
    assert_eq!(explored.answers[2], Some(1));
    assert_eq!(explored.before_exploring.as_ref(), Some(&first));

    // A second change keeps the answers from before the first.
    let twice = explored.apply(&Action::Explore {
        question: 0,
        option: 1,
    });
    assert_eq!(twice.before_exploring.as_ref(), Some(&first));
    assert_eq!((twice.answers[0], twice.answers[2]), (Some(1), Some(1)));

    // Back to the answers before: nothing left to compare.
    let undone = twice
        .apply(&Action::Explore {
            question: 0,
            option: 0,
        })
        .apply(&Action::Explore {
            question: 2,
            option: 0,
        });
    assert_eq!(undone.before_exploring, None);
    assert_eq!(undone.complete_answers().unwrap(), first);

    // Stop exploring: the answers before, in one step.
    let stopped = twice.apply(&Action::StopExploring);
    assert_eq!(stopped.complete_answers().unwrap(), first);
    assert_eq!(
        (stopped.step, stopped.before_exploring),
        (Step::Result, None)
    );
}

#[test]
fn exploring_is_for_the_result_and_for_options_that_exist() {
    let content = default_content().unwrap();
    let quiz = on_the_result(&content);
    let count = content.questions.len();
    let options = content.questions[1].options.len();
    for action in [
        Action::Explore {
            question: count,
            option: 0,
        },
        Action::Explore {
            question: 1,
            option: options,
        },
        Action::StopExploring,
    ] {
        assert_eq!(quiz.apply(&action), quiz, "{action:?}");
    }
    // Not on a question or the summary: there, Choose and Change are the way.
    let summary = quiz.apply(&Action::Back);
    assert_eq!(summary.step, Step::Summary);
    let explore = Action::Explore {
        question: 1,
        option: 1,
    };
    assert_eq!(summary.apply(&explore), summary);
    // Leaving the result keeps the answers as they now stand and forgets the ones before.
    let explored = quiz.apply(&explore);
    let left = explored.apply(&Action::Back);
    assert_eq!(
        (left.step, left.answers[1], left.before_exploring),
        (Step::Summary, Some(1), None)
    );
    assert_eq!(explored.apply(&Action::Retake).before_exploring, None);
}
