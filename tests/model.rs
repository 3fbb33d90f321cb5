//! The model, tested natively: the built-in content, validation, scoring over every
//! possible answer set, and the quiz state machine.

mod common;
use common::all_answer_sets;

use open_vs_proprietary::model::content::{default_content, Content};
use open_vs_proprietary::model::events::CompleteDetail;
use open_vs_proprietary::model::quiz::{Action, Quiz, Step};
use open_vs_proprietary::model::scoring::{score, Basis, REASON_COUNT};
use open_vs_proprietary::model::ui_text::{fill, ui_text, UiTextOverrides, EN, ZH};

#[test]
fn built_in_content_meets_the_brief() {
    let content = default_content().unwrap();
    let ids: Vec<&str> = content.approaches.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["open", "proprietary", "hybrid"]);
    assert!(
        content.dimensions.len() >= 8,
        "{} dimensions",
        content.dimensions.len()
    );
    assert!(
        content.questions.len() >= 8,
        "{} questions",
        content.questions.len()
    );
    assert!(content.facts.len() >= 3);
    for option in content.questions.iter().flat_map(|q| &q.options) {
        assert!(
            !option.weights.is_empty() || !option.priorities.is_empty(),
            "option {} moves nothing",
            option.id
        );
    }
    let tie = content
        .tie
        .as_ref()
        .expect("the default content has a tie rule");
    assert_eq!(tie.recommend, "hybrid");
}

fn problems_of(json: &str) -> Vec<String> {
    match Content::from_json(json) {
        Ok(_) => vec![],
        Err(err) => err.problems.iter().map(|p| p.to_string()).collect(),
    }
}

fn default_json() -> serde_json::Value {
    serde_json::from_str(open_vs_proprietary::model::content::DEFAULT_CONTENT_EN).unwrap()
}

#[test]
fn validation_names_the_path_and_the_problem() {
    assert!(problems_of("not json")[0].contains("not valid JSON"));
    assert!(!problems_of("[]").is_empty());
    assert!(!problems_of("{}").is_empty());

    let mut typo = default_json();
    typo["qestions"] = typo["questions"].take();
    let problems = problems_of(&typo.to_string());
    assert!(problems[0].contains("qestions"), "{problems:?}");

    let mut bad = default_json();
    bad["questions"][2]["options"][0]["weights"]["opne"] = 1.into();
    bad["questions"][1]["id"] = bad["questions"][0]["id"].clone();
    bad["dimensions"][0]["ratings"]["open"]["score"] = 9.into();
    bad["facts"][0]["source"]["url"] = "javascript:alert(1)".into();
    bad["title"] = "   ".into();
    let problems = problems_of(&bad.to_string());
    let expected = [
        "questions[2].options[0].weights.opne: \"opne\" is not an approach; the approaches are open, proprietary, hybrid",
        "questions[1].id: \"budget\" is used twice",
        "dimensions[0].ratings.open.score: 9 is out of range",
        "facts[0].source.url: \"javascript:alert(1)\" is not a web address",
        "title: is empty",
    ];
    for e in expected {
        assert!(
            problems.iter().any(|p| p.starts_with(e)),
            "missing {e:?} in {problems:?}"
        );
    }

    let mut one_option = default_json();
    one_option["questions"][0]["options"]
        .as_array_mut()
        .unwrap()
        .truncate(1);
    assert!(problems_of(&one_option.to_string())[0]
        .starts_with("questions[0].options: has 1 options; at least 2"));
}

#[test]
fn every_answer_set_gets_one_explained_recommendation() {
    let content = default_content().unwrap();
    let sets = all_answer_sets(&content);
    assert_eq!(
        sets.len(),
        content
            .questions
            .iter()
            .map(|q| q.options.len())
            .product::<usize>()
    );
    let mut recommended = vec![0usize; content.approaches.len()];
    for answers in &sets {
        let outcome = score(&content, answers);
        assert!(outcome.scores.iter().all(|s| s.is_finite()));
        assert!(outcome.recommended < content.approaches.len());
        recommended[outcome.recommended] += 1;
        // Contributions add up to the scores exactly (up to float rounding).
        for (a, total) in outcome.scores.iter().enumerate() {
            let sum: f64 = outcome.contributions.iter().map(|c| c[a]).sum();
            assert!((sum - total).abs() < 1e-9);
        }
        match &outcome.basis {
            Basis::Lead {
                runner_up,
                questions,
            } => {
                assert_eq!(outcome.recommended, outcome.leader);
                assert_ne!(*runner_up, outcome.leader);
                assert!(questions.len() <= REASON_COUNT);
                for &q in questions {
                    let c = &outcome.contributions[q];
                    assert!(
                        c[outcome.leader] > c[*runner_up],
                        "reason {q} does not favour the winner"
                    );
                }
            }
            Basis::NearTie { sides, gap } => {
                assert_eq!(content.approaches[outcome.recommended].id, "hybrid");
                assert!(*gap <= content.tie.as_ref().unwrap().margin);
                for (a, q) in sides {
                    if let Some(q) = q {
                        assert!(outcome.contributions[*q][*a] > 0.0);
                    }
                }
            }
        }
        // The same answers always give the same result.
        assert_eq!(score(&content, answers), outcome);
    }
    // Each approach is the right answer for somebody.
    for (a, count) in recommended.iter().enumerate() {
        let share = *count as f64 / sets.len() as f64;
        assert!(
            share > 0.05,
            "{} recommended for only {:.1}% of answer sets",
            content.approaches[a].id,
            share * 100.0
        );
    }
}

#[test]
fn clear_profiles_get_the_expected_recommendation() {
    let content = default_content().unwrap();
    let pick = |options: &[&str]| -> String {
        let answers: Vec<usize> = content
            .questions
            .iter()
            .zip(options)
            .map(|(q, id)| q.options.iter().position(|o| o.id == *id).unwrap())
            .collect();
        content.approaches[score(&content, &answers).recommended]
            .id
            .clone()
    };
    let open = [
        "tight",
        "must-stay",
        "ml-team",
        "deep",
        "self",
        "must-show",
        "product",
        "little",
        "narrow",
        "avoid",
    ];
    let proprietary = [
        "ample",
        "none",
        "nobody",
        "not-at-all",
        "sla",
        "rarely",
        "occasional",
        "serious",
        "frontier",
        "fine",
    ];
    let hybrid = [
        "moderate",
        "some",
        "developers",
        "light",
        "critical-only",
        "explain",
        "steady",
        "some",
        "reliable",
        "hedge",
    ];
    assert_eq!(pick(&open), "open");
    assert_eq!(pick(&proprietary), "proprietary");
    assert_eq!(pick(&hybrid), "hybrid");
}

#[test]
fn complete_event_names_every_answer() {
    let content = default_content().unwrap();
    let answers = vec![0; content.questions.len()];
    let detail = CompleteDetail::new(&content, &answers, &score(&content, &answers));
    assert_eq!(detail.answers.len(), content.questions.len());
    assert_eq!(detail.answers["budget"], "tight");
    assert_eq!(detail.scores.len(), 3);
    let json = serde_json::to_value(&detail).unwrap();
    assert!(json["recommendation"].is_string());
}

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
fn ui_text_is_chosen_by_language_and_filled() {
    assert_eq!(ui_text("en-GB"), &EN);
    assert_eq!(ui_text("zh-CN"), &ZH);
    assert_eq!(ui_text("fr"), &EN);
    assert_eq!(ui_text(""), &EN);
    assert_eq!(
        fill(&EN.step_of, &[("step", "3"), ("total", "10")]),
        "Step 3 of 10"
    );
}

#[test]
fn content_can_override_any_ui_string() {
    let overrides: UiTextOverrides =
        serde_json::from_str(r#"{"next": "Weiter", "stepOf": "Schritt {step} von {total}"}"#)
            .unwrap();
    let table = EN.with_overrides(&overrides);
    assert_eq!(table.next, "Weiter");
    assert_eq!(table.step_of, "Schritt {step} von {total}");
    assert_eq!(table.back, EN.back);
    assert_eq!(
        overrides.given(),
        vec![
            ("next".to_owned(), "Weiter"),
            ("stepOf".to_owned(), "Schritt {step} von {total}")
        ]
    );
}

#[test]
fn dates_follow_the_language() {
    use open_vs_proprietary::model::locale::format_date;
    assert_eq!(format_date("2025-01-20", &EN), "20 January 2025");
    assert_eq!(format_date("2024-03", &EN), "March 2024");
    assert_eq!(format_date("2025", &EN), "2025");
    assert_eq!(format_date("2025-01-20", &ZH), "2025年1月20日");
    assert_eq!(format_date("2024-03", &ZH), "2024年3月");
    assert_eq!(format_date("2025", &ZH), "2025年");
    // Anything else is shown as the author wrote it.
    for odd in [
        "Spring 2025",
        "2025-13-01",
        "2025-02-32",
        "25-01-20",
        "2025-1-2",
        "",
    ] {
        assert_eq!(format_date(odd, &EN), odd);
    }
}
