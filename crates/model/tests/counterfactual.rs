//! The counterfactual the "why" names: the smallest single change of answer that
//! changes the suggestion, natively.

mod common;
use common::{all_answer_sets, built_in_json, readme_scores};

use ovp_model::content::default_content;

use ovp_model::scoring::{counterfactual, score};

#[test]
#[ignore = "walks every answer set of the shipped packs: make test runs it"]
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
            let expected = readme_scores(built_in_json(), &changed);
            assert_eq!(other.scores.len(), expected.len());
            for (got, want) in other.scores.iter().zip(&expected) {
                assert!((got - want).abs() < 1e-9);
            }
        }
        if full {
            // How far one change moves the scores, summed over approaches: the README's
            // rule worked out from the JSON, before and after.
            let here = readme_scores(built_in_json(), answers);
            assert_eq!(outcome.scores.len(), here.len());
            for (got, want) in outcome.scores.iter().zip(&here) {
                assert!((got - want).abs() < 1e-9);
            }
            let moved = |q: usize, o: usize| -> f64 {
                let mut changed = answers.clone();
                changed[q] = o;
                let there = readme_scores(built_in_json(), &changed);
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
