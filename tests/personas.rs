//! Reader profiles an expert in AI adoption would recognise (`personas.json`): for each,
//! the answers such a reader gives, the approaches an expert would accept, and a line
//! arguing it from the content's dimensions. Every profile must get an accepted
//! suggestion from the built-in pack, in English and Chinese alike, and the result must
//! name what the reader's answers ruled out.

use open_vs_proprietary::model::content::{default_content, Content};
use open_vs_proprietary::model::scoring::score;
use serde::Deserialize;

#[derive(Deserialize)]
struct Persona {
    name: String,
    /// One option id per question, in question order.
    answers: Vec<String>,
    /// Approach ids an expert accepts for this reader, best first.
    accept: Vec<String>,
    argument: String,
}

fn personas() -> Vec<Persona> {
    serde_json::from_str(include_str!("personas.json")).expect("personas.json parses")
}

fn answers_of(content: &Content, persona: &Persona) -> Vec<usize> {
    assert_eq!(
        persona.answers.len(),
        content.questions.len(),
        "{}",
        persona.name
    );
    content
        .questions
        .iter()
        .zip(&persona.answers)
        .map(|(question, id)| {
            question
                .options
                .iter()
                .position(|o| &o.id == id)
                .unwrap_or_else(|| panic!("{}: no option {id} in {}", persona.name, question.id))
        })
        .collect()
}

#[test]
fn every_persona_gets_a_suggestion_an_expert_accepts() {
    let translations = [
        include_str!("../content/zh.json"),
        include_str!("../content/es.json"),
        include_str!("../content/ar.json"),
    ]
    .map(|json| Content::from_json(json).unwrap());
    for content in [default_content().unwrap()].into_iter().chain(translations) {
        let mut failures = Vec::new();
        for persona in personas() {
            assert!(!persona.argument.trim().is_empty() && !persona.accept.is_empty());
            let outcome = score(&content, &answers_of(&content, &persona));
            let got = outcome
                .recommended
                .map(|a| content.approaches[a].id.clone());
            println!(
                "{:<90} {:?} (accepts {:?})",
                persona.name, got, persona.accept
            );
            if !got.as_ref().is_some_and(|id| persona.accept.contains(id)) {
                failures.push(format!(
                    "{}: got {got:?}, accepts {:?}",
                    persona.name, persona.accept
                ));
            }
        }
        assert!(failures.is_empty(), "{}: {failures:#?}", content.lang);
    }
}

#[test]
fn the_personas_cover_the_readers_the_advice_must_serve() {
    let personas = personas();
    assert!(personas.len() >= 12);
    let content = default_content().unwrap();
    // Every approach is the expected answer for somebody.
    for approach in &content.approaches {
        assert!(
            personas.iter().any(|p| p.accept[0] == approach.id),
            "no persona expects {}",
            approach.id
        );
    }
    // Regulated readers (data that must stay in-house) see the vendor options ruled out.
    let regulated: Vec<&Persona> = personas
        .iter()
        .filter(|p| p.answers.contains(&"must-stay".to_owned()))
        .collect();
    assert!(regulated.len() >= 2);
    for persona in regulated {
        let outcome = score(&content, &answers_of(&content, persona));
        for id in ["proprietary", "hybrid"] {
            let a = content.approach_index(id).unwrap();
            assert!(!outcome.ruled_out[a].is_empty(), "{}: {id}", persona.name);
        }
    }
    // Contradictory readers are among them.
    assert!(
        personas
            .iter()
            .filter(|p| p.name.starts_with("Contradictory"))
            .count()
            >= 2
    );
}
