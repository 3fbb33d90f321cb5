//! The model, tested natively: the built-in content, validation, events, UI text and the
//! quiz state machine. The advice itself is tested in `advice.rs` and `personas.rs`.

use open_vs_proprietary::model::content::{default_content, Content};
use open_vs_proprietary::model::events::CompleteDetail;
use open_vs_proprietary::model::quiz::{Action, Quiz, Step};
use open_vs_proprietary::model::scoring::score;
use open_vs_proprietary::model::ui_text::{
    blanks, template_problem, ui_text, UiTextOverrides, EN, LANGUAGES, ZH,
};

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
    // A neutral answer ("rarely or never" audited) may move nothing; a whole question
    // that moves nothing would be noise.
    for question in &content.questions {
        assert!(
            question
                .options
                .iter()
                .any(|o| !o.weights.is_empty() || !o.priorities.is_empty()),
            "question {} moves nothing",
            question.id
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
    assert_eq!(EN.step_of("3", "10"), "Step 3 of 10");
    assert_eq!(ZH.step_of("3", "10"), "第 3 步，共 10 步");
}

#[test]
fn every_built_in_table_keeps_the_blanks_the_widget_fills() {
    for (lang, table) in LANGUAGES {
        for (field, text) in table.fields() {
            assert_eq!(
                template_problem(field, text),
                None,
                "{lang}: {field}: {text}"
            );
        }
    }
    // The check itself: a lost blank, a misspelt one, one a plain string does not take.
    assert_eq!(
        template_problem("step_of", "Step {step}"),
        Some("lacks {total}, which the widget fills in".to_owned())
    );
    assert_eq!(
        template_problem("step_of", "Step {stpe} of {total}"),
        Some("{stpe} is not a blank of this string; it takes {step}, {total}".to_owned())
    );
    assert_eq!(
        template_problem("next", "Next {step}"),
        Some("{step} is not a blank of this string; it takes none".to_owned())
    );
    assert_eq!(
        blanks("why_counterfactual"),
        Some(&["answer", "question", "approach"][..])
    );
    assert_eq!(blanks("no_such_string"), None);
}

#[test]
fn a_pack_whose_ui_string_loses_or_misspells_a_blank_is_refused_with_its_path() {
    let mut json = default_json();
    json["ui"] = serde_json::json!({
        "stepOf": "Schritt {step}",
        "whyItem": "{antwort} ({question})",
        "next": "Weiter"
    });
    assert_eq!(
        problems_of(&json.to_string()),
        [
            "ui.stepOf: lacks {total}, which the widget fills in",
            "ui.whyItem: {antwort} is not a blank of this string; it takes {answer}, {question}",
        ]
    );
}

#[test]
fn content_can_override_any_ui_string() {
    let overrides: UiTextOverrides =
        serde_json::from_str(r#"{"next": "Weiter", "stepOf": "Schritt {step} von {total}"}"#)
            .unwrap();
    let table = EN.with_overrides(&overrides);
    assert_eq!(table.next(), "Weiter");
    assert_eq!(table.step_of("3", "10"), "Schritt 3 von 10");
    assert_eq!(table.back(), EN.back());
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
