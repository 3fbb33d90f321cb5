//! Reader profiles (`reader_profiles.json`), written by an expert in AI adoption from the
//! quiz's questions (`docs/quiz-questions.md`) and the facts alone, before any score was
//! computed: for each, the answers such a reader gives, the approaches the expert
//! accepts (best first) and a line arguing it. Every profile must get an accepted
//! suggestion from every shipped pack, the expert's first choice at least 80% of the
//! time, and the result must say what the reader's constraints rule out.

mod common;

use ovp_model::content::{built_in_languages, default_content, Content};
use ovp_model::scoring::score;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Profile {
    name: String,
    /// Whether the reader is not an AI professional (a shop owner, a teacher).
    non_expert: bool,
    /// One option id per question, in question order.
    answers: Vec<String>,
    /// Approach ids the expert accepts for this reader, best first.
    accept: Vec<String>,
    argument: String,
}

fn profiles() -> Vec<Profile> {
    serde_json::from_str(include_str!("../../../tests/reader_profiles.json"))
        .expect("reader_profiles.json parses")
}

/// The built-in quiz in each built-in language.
fn shipped_packs() -> Vec<Content> {
    built_in_languages()
        .map(|lang| Content::from_json(&common::shipped(&format!("{lang}.json"))).unwrap())
        .collect()
}

fn answers_of(content: &Content, profile: &Profile) -> Vec<usize> {
    assert_eq!(
        profile.answers.len(),
        content.questions.len(),
        "{}",
        profile.name
    );
    content
        .questions
        .iter()
        .zip(&profile.answers)
        .map(|(question, id)| {
            question
                .options
                .iter()
                .position(|o| &o.id == id)
                .unwrap_or_else(|| panic!("{}: no option {id} in {}", profile.name, question.id))
        })
        .collect()
}

fn suggested(content: &Content, profile: &Profile) -> Option<String> {
    score(content, &answers_of(content, profile))
        .recommended
        .map(|a| content.approaches[a].id.clone())
}

#[test]
fn every_profile_gets_a_suggestion_the_expert_accepts() {
    for content in shipped_packs() {
        let mut failures = Vec::new();
        for profile in profiles() {
            assert!(!profile.argument.trim().is_empty() && !profile.accept.is_empty());
            let got = suggested(&content, &profile);
            println!(
                "{:<90} {got:?} (accepts {:?})",
                profile.name, profile.accept
            );
            if !got.as_ref().is_some_and(|id| profile.accept.contains(id)) {
                failures.push(format!(
                    "{}: got {got:?}, accepts {:?}",
                    profile.name, profile.accept
                ));
            }
        }
        assert!(failures.is_empty(), "{}: {failures:#?}", content.lang);
    }
}

#[test]
fn the_experts_first_choice_wins_for_at_least_four_profiles_in_five() {
    let content = default_content().unwrap();
    let profiles = profiles();
    let first = profiles
        .iter()
        .filter(|p| suggested(&content, p).as_ref() == Some(&p.accept[0]))
        .count();
    println!("first choice for {first} of {}", profiles.len());
    assert!(
        first * 5 >= profiles.len() * 4,
        "first choice for {first} of {}",
        profiles.len()
    );
}

#[test]
fn the_profiles_cover_the_readers_the_advice_must_serve() {
    let profiles = profiles();
    assert!(profiles.len() >= 24);
    assert!(profiles.iter().filter(|p| p.non_expert).count() >= 6);
    // Close calls: readers for whom the expert accepts more than one approach.
    assert!(profiles.iter().filter(|p| p.accept.len() >= 2).count() >= 5);
    let content = default_content().unwrap();
    for approach in &content.approaches {
        assert!(
            profiles.iter().any(|p| p.accept[0] == approach.id),
            "no profile expects {}",
            approach.id
        );
    }
    // Every constraint the quiz can hear is some reader's answer.
    for constraint in [
        "must-stay",
        "some-must-stay",
        "contract-region",
        "open-mandate",
        "no-us",
        "offline",
        "must-show",
    ] {
        assert!(
            profiles
                .iter()
                .any(|p| p.answers.iter().any(|a| a == constraint)),
            "no profile answers {constraint}"
        );
    }
    // Their results include close calls and exact ties, where the advice is most fragile.
    let outcomes: Vec<_> = profiles
        .iter()
        .map(|p| score(&content, &answers_of(&content, p)))
        .collect();
    assert!(outcomes.iter().filter(|o| o.is_close_call()).count() >= 5);
    assert!(outcomes
        .iter()
        .any(|o| matches!(o.verdict, ovp_model::scoring::Verdict::Tie { .. })));
    // Readers whose data must stay see every approach that would send it out ruled out.
    let regulated: Vec<&Profile> = profiles
        .iter()
        .filter(|p| p.answers.iter().any(|a| a == "must-stay"))
        .collect();
    assert!(regulated.len() >= 2);
    for profile in regulated {
        let outcome = score(&content, &answers_of(&content, profile));
        for id in ["open-hosted", "proprietary", "hybrid"] {
            let a = content.approach_index(id).unwrap();
            assert!(!outcome.ruled_out[a].is_empty(), "{}: {id}", profile.name);
        }
    }
}
