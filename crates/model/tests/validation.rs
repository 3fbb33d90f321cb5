//! Every validation rule for authors' content, each with the path and sentence it
//! reports, and the built-in packs.

mod common;
use common::{built_in_json, shipped, shipped_names};

use ovp_model::content::{
    built_in_languages, Content, DEFAULT_CONTENT_EN, MAX_CONTENT_BYTES, MAX_OPTIONS,
    MAX_PROBLEM_CHARS, MAX_QUESTIONS, MAX_REPORTED_PROBLEMS,
};
use serde_json::{json, Value};

/// The problems reported for `json`, which the test expects to be refused.
fn problems(json: &str) -> Vec<String> {
    let found = common::problems(json);
    assert!(
        !found.is_empty(),
        "accepted content that should be rejected"
    );
    found
}

/// Edits the default pack with `edit` and returns its problems.
fn problems_after(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut content = built_in_json().clone();
    edit(&mut content);
    problems(&content.to_string())
}

fn assert_reports(found: &[String], expected: &str) {
    assert!(
        found.iter().any(|p| p.starts_with(expected)),
        "expected {expected:?} in {found:#?}"
    );
}

#[test]
fn built_in_packs_are_valid() {
    for name in shipped_names() {
        if let Err(err) = Content::from_json(&shipped(&name)) {
            panic!("{name}: {:#?}", err.problems);
        }
    }
}

#[test]
fn translated_packs_mirror_the_english_one() {
    let en = Content::from_json(&shipped("en.json")).unwrap();
    let ids = |c: &Content| -> Vec<String> {
        c.questions
            .iter()
            .flat_map(|q| q.options.iter().map(move |o| format!("{}/{}", q.id, o.id)))
            .collect()
    };
    for lang in built_in_languages().filter(|lang| *lang != "en") {
        let translated = Content::from_json(&shipped(&format!("{lang}.json"))).unwrap();
        assert_eq!(translated.lang, lang);
        assert_eq!(
            translated.id, en.id,
            "{lang}: same quiz, so saved answers carry over"
        );
        assert_eq!(ids(&translated), ids(&en), "{lang}");
        for (t, e) in translated.questions.iter().zip(&en.questions) {
            assert_ne!(
                t.prompt, e.prompt,
                "{lang}: question {} is not translated",
                e.id
            );
            for (to, eo) in t.options.iter().zip(&e.options) {
                assert_eq!(
                    (&to.weights, &to.priorities),
                    (&eo.weights, &eo.priorities),
                    "{lang}: {}/{}",
                    e.id,
                    eo.id
                );
                // The same rules and the same caveats, each in the pack's own words.
                let keys = |m: &std::collections::BTreeMap<String, String>| -> Vec<String> {
                    m.keys().cloned().collect()
                };
                for (ours, english) in [(&to.rules_out, &eo.rules_out), (&to.caveats, &eo.caveats)]
                {
                    assert_eq!(keys(ours), keys(english), "{lang}: {}/{}", e.id, eo.id);
                }
                for (id, text) in to.rules_out.iter().chain(&to.caveats) {
                    assert!(
                        !eo.rules_out
                            .values()
                            .chain(eo.caveats.values())
                            .any(|e| e == text),
                        "{lang}: {}/{} {id} is not translated",
                        e.id,
                        eo.id
                    );
                }
            }
        }
        assert_eq!(translated.tie, en.tie, "{lang}");
        for (t, e) in translated.approaches.iter().zip(&en.approaches) {
            assert_eq!(t.steps.len(), e.steps.len(), "{lang}: {} steps", e.id);
        }
        // Figures are not translated: every rating, every fact's date and source address,
        // and the review date are the English pack's.
        let scores = |c: &Content| -> Vec<f64> {
            (0..c.dimensions.len())
                .flat_map(|d| (0..c.approaches.len()).map(move |a| (d, a)))
                .map(|(d, a)| c.rating(d, a).score)
                .collect()
        };
        assert_eq!(scores(&translated), scores(&en), "{lang}: ratings");
        let sources = |c: &Content| -> Vec<(String, String)> {
            c.facts
                .iter()
                .map(|f| (f.date.clone(), f.source.url.clone()))
                .collect()
        };
        assert_eq!(sources(&translated), sources(&en), "{lang}: facts");
        assert_eq!(translated.reviewed, en.reviewed, "{lang}: reviewed");
    }
}

#[test]
fn not_json_or_the_wrong_shape() {
    for (json, expected) in [
        ("not json", "a value is missing or is not JSON here"),
        ("", "the text is empty; a pack is a JSON object"),
        (
            "[1, 2]",
            "the content is a JSON array; it must be a JSON object",
        ),
        (
            "\"a string\"",
            "the content is a JSON string; it must be a JSON object",
        ),
        ("42", "the content is a number"),
        ("null", "the content is null"),
        ("{}", "missing field `id`"),
        (
            r#"{"id": "x"#,
            "id: the text ends too soon: a closing \", } or ] is missing",
        ),
        // Syntax errors in an author's words, at the value they follow.
        (
            "{\n  \"id\": \"x\"\n  \"lang\": \"en\"\n}",
            "id: a comma is missing after line 2's value (or a } to close the object)",
        ),
        (
            "{\n  \"tie\": { \"between\": [\n    \"a\"\n    \"b\"\n  ] }\n}",
            "tie.between[0]: a comma is missing after line 3's value (or a ] to close the list)",
        ),
        (
            "{\n  \"id\": \"x\",\n}",
            "the comma on line 2 must go: JSON has none after the last item",
        ),
        (
            "{ “id”: \"x\" }",
            "curly quotes are not JSON quotes: type straight double quotes (\") here",
        ),
        ("{ id: \"x\" }", "a key must be text in double quotes here"),
    ] {
        assert_reports(&problems(json), expected);
    }
}

/// A change to the built-in pack, and what the problems must then include.
type Edit = (fn(&mut Value), &'static str);

#[test]
fn missing_fields_and_unknown_keys() {
    let edits: [Edit; 4] = [
        (
            |c| {
                c.as_object_mut().unwrap().remove("questions");
            },
            "missing field `questions`",
        ),
        (
            |c| {
                c["questions"][3]["options"][1]
                    .as_object_mut()
                    .unwrap()
                    .remove("label");
            },
            "questions[3].options[1]: missing field `label`",
        ),
        (
            |c| c["qestions"] = json!([]),
            "qestions: unknown field `qestions`",
        ),
        (
            |c| c["dimensions"][0]["ratings"]["open"]["scroe"] = json!(3),
            "dimensions[0].ratings.open.scroe: unknown field `scroe`",
        ),
    ];
    for (edit, expected) in edits {
        assert_reports(&problems_after(edit), expected);
    }
}

#[test]
fn duplicate_ids() {
    let edits: [Edit; 4] = [
        (
            |c| c["approaches"][2]["id"] = json!("open"),
            "approaches[2].id: \"open\" is used twice",
        ),
        (
            |c| c["dimensions"][4]["id"] = json!("cost"),
            "dimensions[4].id: \"cost\" is used twice",
        ),
        (
            |c| c["questions"][5]["id"] = json!("budget"),
            "questions[5].id: \"budget\" is used twice",
        ),
        (
            |c| c["questions"][0]["options"][2]["id"] = json!("tight"),
            "questions[0].options[2].id: \"tight\" is used twice",
        ),
    ];
    for (edit, expected) in edits {
        assert_reports(&problems_after(edit), expected);
    }
}

#[test]
fn references_to_unknown_approaches_or_dimensions() {
    let edits: [Edit; 6] = [
        (
            |c| c["questions"][2]["options"][1]["weights"]["opne"] = json!(1),
            "questions[2].options[1].weights.opne: \"opne\" is not an approach; the approaches are open, open-hosted, proprietary, hybrid",
        ),
        (
            |c| c["questions"][0]["options"][0]["priorities"]["price"] = json!(1),
            "questions[0].options[0].priorities.price: \"price\" is not a dimension; the dimensions are start-cost, cost,",
        ),
        (
            |c| {
                c["dimensions"][1]["ratings"]["closed"] = json!({"score": 3, "reason": "x"})
            },
            "dimensions[1].ratings.closed: \"closed\" is not an approach",
        ),
        (
            |c| {
                c["dimensions"][1]["ratings"]
                    .as_object_mut()
                    .unwrap()
                    .remove("hybrid");
            },
            "dimensions[1].ratings: approach \"hybrid\" has no rating on this dimension",
        ),
        (
            |c| {
                c["tie"] =
                    json!({ "between": ["open", "proprietary"], "margin": 2, "recommend": "mixed" })
            },
            "tie.recommend: \"mixed\" is not an approach",
        ),
        (
            |c| {
                c["tie"] = json!({ "between": ["open", "open"], "margin": 2, "recommend": "hybrid" })
            },
            "tie.between: names the same approach twice",
        ),
    ];
    for (edit, expected) in edits {
        assert_reports(&problems_after(edit), expected);
    }
}

#[test]
fn too_few_or_too_many_items() {
    assert_reports(
        &problems_after(|c| {
            c["approaches"].as_array_mut().unwrap().truncate(1);
        }),
        "approaches: has 1 approaches; at least 2 are needed",
    );
    assert_reports(
        &problems_after(|c| c["questions"] = json!([])),
        "questions: has 0 questions; at least 1 are needed",
    );
    assert_reports(
        &problems_after(|c| {
            c["questions"][4]["options"]
                .as_array_mut()
                .unwrap()
                .truncate(1);
        }),
        "questions[4].options: has 1 options; at least 2 are needed",
    );
    let question = built_in_json()["questions"][0].clone();
    assert_reports(
        &problems_after(|c| {
            c["questions"] = Value::Array(
                (0..=MAX_QUESTIONS)
                    .map(|i| {
                        let mut q = question.clone();
                        q["id"] = json!(format!("q{i}"));
                        q
                    })
                    .collect(),
            );
        }),
        &format!(
            "questions: has {} questions; at most {MAX_QUESTIONS} are allowed",
            MAX_QUESTIONS + 1
        ),
    );
    let option = built_in_json()["questions"][0]["options"][0].clone();
    assert_reports(
        &problems_after(|c| {
            c["questions"][0]["options"] = Value::Array(
                (0..=MAX_OPTIONS)
                    .map(|i| {
                        let mut o = option.clone();
                        o["id"] = json!(format!("o{i}"));
                        o
                    })
                    .collect(),
            );
        }),
        &format!(
            "questions[0].options: has {} options; at most {MAX_OPTIONS} are allowed",
            MAX_OPTIONS + 1
        ),
    );
}

#[test]
fn numbers_out_of_range() {
    let edits: [Edit; 7] = [
        (
            |c| c["dimensions"][0]["ratings"]["open"]["score"] = json!(0),
            "dimensions[0].ratings.open.score: 0 is out of range; use a number from 1 to 5",
        ),
        (
            |c| c["dimensions"][0]["ratings"]["open"]["score"] = json!(6.5),
            "dimensions[0].ratings.open.score: 6.5 is out of range",
        ),
        (
            |c| c["questions"][1]["options"][0]["weights"]["open"] = json!(-11),
            "questions[1].options[0].weights.open: -11 is out of range; use a number from -10 to 10",
        ),
        (
            |c| c["questions"][1]["options"][0]["weights"]["open"] = json!(1e300),
            "questions[1].options[0].weights.open: 1e300 is out of range",
        ),
        (
            |c| c["questions"][1]["options"][0]["priorities"]["data"] = json!(-1),
            "questions[1].options[0].priorities.data: -1 is out of range; use a number from 0 to 10",
        ),
        (
            |c| {
                c["tie"] =
                    json!({ "between": ["open", "proprietary"], "margin": -2, "recommend": "hybrid" })
            },
            "tie.margin: -2 is out of range",
        ),
        (
            |c| c["dimensions"][0]["ratings"]["open"]["score"] = json!("4"),
            "dimensions[0].ratings.open.score: a number is expected here, not \"4\"",
        ),
    ];
    for (edit, expected) in edits {
        assert_reports(&problems_after(edit), expected);
    }
    // JSON has no NaN or Infinity; numbers too large for a float are refused while parsing.
    let huge = DEFAULT_CONTENT_EN.replacen("\"score\": 4", "\"score\": 1e999", 1);
    assert!(Content::from_json(&huge).is_err());
}

#[test]
fn empty_texts_and_unsafe_links() {
    let edits: [Edit; 6] = [
        (|c| c["title"] = json!(""), "title: is empty"),
        (
            |c| c["questions"][2]["prompt"] = json!(" \n\t "),
            "questions[2].prompt: is empty",
        ),
        (
            |c| c["dimensions"][3]["ratings"]["hybrid"]["reason"] = json!("  "),
            "dimensions[3].ratings.hybrid.reason: is empty",
        ),
        (|c| c["ui"] = json!({"next": " "}), "ui.next: is empty"),
        (
            |c| c["ui"] = json!({"nxet": "Weiter"}),
            "ui.nxet: is not one of the widget's strings; content.schema.json lists them under ui",
        ),
        // A key in the Rust spelling is not a key.
        (
            |c| c["ui"] = json!({"step_of": "x"}),
            "ui.step_of: is not one of the widget's strings",
        ),
    ];
    for (edit, expected) in edits {
        assert_reports(&problems_after(edit), expected);
    }
    for url in [
        "javascript:alert(1)",
        "data:text/html,hi",
        "ftp://example.com/x",
        "//example.com",
        "https://",
        " https://example.com",
    ] {
        assert_reports(
            &problems_after(|c| c["facts"][0]["source"]["url"] = json!(url)),
            &format!("facts[0].source.url: \"{url}\" is not a web address"),
        );
    }
}

#[test]
fn size_limits_and_many_problems() {
    let padded = format!("{}{}", DEFAULT_CONTENT_EN, " ".repeat(MAX_CONTENT_BYTES));
    assert_reports(
        &problems(&padded),
        &format!(
            "the content is {} bytes; the limit is {MAX_CONTENT_BYTES} bytes",
            padded.len()
        ),
    );

    // Every problem is reported at once, up to a limit, then counted.
    let options: usize = Content::from_json(DEFAULT_CONTENT_EN)
        .unwrap()
        .questions
        .iter()
        .map(|q| q.options.len())
        .sum();
    let found = problems_after(|c| {
        for q in c["questions"].as_array_mut().unwrap() {
            for o in q["options"].as_array_mut().unwrap() {
                o["label"] = json!("");
            }
        }
    });
    assert_eq!(found.len(), MAX_REPORTED_PROBLEMS + 1);
    assert_eq!(
        found.last().unwrap(),
        &format!("and {} more problem(s)", options - MAX_REPORTED_PROBLEMS)
    );
}

/// Found by fuzzing: a key of a thousand characters came back whole in the path and the
/// message. Both are now cut, the path at its end and the message in its middle, so the
/// parser's "at line … column …" survives.
#[test]
fn long_keys_and_ids_are_quoted_short() {
    let long = "k".repeat(1_000);
    let err = Content::from_json(&format!("{{\"{long}\": 1}}")).unwrap_err();
    let problem = &err.problems[0];
    assert_eq!(problem.path.chars().count(), MAX_PROBLEM_CHARS);
    assert!(problem.path.starts_with("kkkk") && problem.path.ends_with('…'));
    assert_eq!(problem.message.chars().count(), MAX_PROBLEM_CHARS);
    assert!(problem.message.starts_with("unknown field `kkkk"));
    assert!(problem.message.contains('…'));
    assert!(
        problem.message.ends_with("at line 1 column 1003"),
        "{problem}"
    );

    let found = problems_after(|c| {
        c["questions"][0]["options"][0]["weights"] = json!({ long.clone(): 1 });
    });
    assert_reports(&found, "questions[0].options[0].weights.kkkk");
    assert!(found
        .iter()
        .all(|p| p.chars().count() <= 2 * MAX_PROBLEM_CHARS + 2));
}

/// Found by fuzzing: a pack whose approach ids and an unknown rating key were each
/// hundreds of characters long got a message that, cut to its start and end, was all
/// quoted ids. Messages now quote at most 60 characters of any value, so the words
/// around it stay.
#[test]
fn long_ids_do_not_crowd_out_the_words_of_a_message() {
    let long = "x".repeat(500);
    let found = problems_after(|c| {
        c["dimensions"][0]["ratings"][long.as_str()] = json!({ "score": 3, "reason": "r" })
    });
    let quoted = format!("\"{}…\"", "x".repeat(59));
    assert_reports(&found, "dimensions[0].ratings.xxxx");
    assert!(
        found.iter().any(|p| p.ends_with(&format!(
            "{quoted} is not an approach; the approaches are open, open-hosted, proprietary, hybrid"
        ))),
        "{found:#?}"
    );
}

/// The studio lists every item's type problem at once, where serde stops at the first;
/// each keeps its path in the whole pack and the words the widget uses.
#[test]
fn type_problems_of_every_item_are_found_at_once() {
    let mut content = built_in_json().clone();
    content["approaches"][0]["name"] = json!(5);
    content["dimensions"][2]["ratings"]["open"]["score"] = json!("4");
    content["questions"][1]["prompt"] = json!(true);
    content["questions"][3]["options"][1]["weights"] = json!([1, 2]);
    content["facts"][0]["date"] = json!(2025);
    let text = serde_json::to_string_pretty(&content).unwrap();
    let found: Vec<String> = at_once(&text)
        .iter()
        .map(|p| format!("{}: {}", p.path, p.message))
        .collect();
    let paths: Vec<&str> = found.iter().map(|p| p.split(':').next().unwrap()).collect();
    assert_eq!(
        paths,
        [
            "approaches[0].name",
            "dimensions[2].ratings.open.score",
            "questions[1].prompt",
            "questions[3].options[1].weights",
            "facts[0].date",
        ],
        "{found:#?}"
    );
    // The first is the widget's own problem, word for word.
    assert_eq!(found[0], problems(&text)[0]);
    assert_reports(
        &found,
        "dimensions[2].ratings.open.score: a number is expected here, not \"4\"",
    );
    // A pack without type problems gets the widget's problems as they are, and a syntax
    // error stays one.
    let unknown = built_in_json()
        .to_string()
        .replacen("\"hint\"", "\"hnit\"", 1);
    assert_eq!(at_once(&unknown).len(), common::problems(&unknown).len());
    assert_eq!(at_once("{ \"id\": ").len(), 1);
    assert!(at_once(DEFAULT_CONTENT_EN).is_empty());
}

/// `problems_at_once`, with each list's items read as the studio reads them.
fn at_once(text: &str) -> Vec<ovp_model::content::Problem> {
    use serde_json::value::RawValue;
    let pack: std::collections::HashMap<&str, &RawValue> =
        serde_json::from_str(text).unwrap_or_default();
    ovp_model::content::problems_at_once(text, |list| {
        pack.get(list)
            .and_then(|raw| serde_json::from_str::<Vec<&RawValue>>(raw.get()).ok())
            .map(|items| items.into_iter().map(RawValue::get).collect())
            .unwrap_or_default()
    })
}
