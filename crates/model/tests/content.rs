//! The built-in content and the checks every pack passes, natively; each check's
//! messages and paths are tested in `validation.rs`.

mod common;
use common::{built_in_json, problems};

use ovp_model::content::default_content;

#[test]
fn built_in_content_meets_the_brief() {
    let content = default_content().unwrap();
    let ids: Vec<&str> = content.approaches.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["open", "open-hosted", "proprietary", "hybrid"]);
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
    // A close call is said as one; no rule turns it into a third approach's win.
    assert!(content.tie.is_none());
    // Every approach tells a reader what to do next.
    for approach in &content.approaches {
        assert!((2..=4).contains(&approach.steps.len()), "{}", approach.id);
    }
    // Every question has a hint in plain words.
    for question in &content.questions {
        assert!(question.hint.is_some(), "{} has no hint", question.id);
    }
}

#[test]
fn validation_names_the_path_and_the_problem() {
    assert!(problems("not json")[0].contains("is not JSON here"));
    assert!(!problems("[]").is_empty());
    assert!(!problems("{}").is_empty());

    let mut typo = built_in_json().clone();
    typo["qestions"] = typo["questions"].take();
    let found = problems(&typo.to_string());
    assert!(found[0].contains("qestions"), "{found:?}");

    let mut bad = built_in_json().clone();
    bad["questions"][2]["options"][0]["weights"]["opne"] = 1.into();
    bad["questions"][1]["id"] = bad["questions"][0]["id"].clone();
    bad["dimensions"][0]["ratings"]["open"]["score"] = 9.into();
    bad["facts"][0]["source"]["url"] = "javascript:alert(1)".into();
    bad["title"] = "   ".into();
    let found = problems(&bad.to_string());
    let expected = [
        "questions[2].options[0].weights.opne: \"opne\" is not an approach; the approaches are open, open-hosted, proprietary, hybrid",
        "questions[1].id: \"budget\" is used twice",
        "dimensions[0].ratings.open.score: 9 is out of range",
        "facts[0].source.url: \"javascript:alert(1)\" is not a web address",
        "title: is empty",
    ];
    for e in expected {
        assert!(
            found.iter().any(|p| p.starts_with(e)),
            "missing {e:?} in {found:?}"
        );
    }

    let mut one_option = built_in_json().clone();
    one_option["questions"][0]["options"]
        .as_array_mut()
        .unwrap()
        .truncate(1);
    assert!(problems(&one_option.to_string())[0]
        .starts_with("questions[0].options: has 1 options; at least 2"));
}
