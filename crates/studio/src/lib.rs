//! What the authors' studio (`studio.html`) asks of the widget's own model: every
//! problem of a draft pack, with the messages the widget's error panel shows (the page
//! asks on every edit), and the balance of its advice (its Web Worker asks). Its own
//! crate (`scripts/studio-wasm.sh` builds it), depending on the model and `ovp-intl`
//! alone: the widget readers download carries none of it, and this Wasm carries no
//! views.

use ovp_model::balance::Balance;
use ovp_model::content::{problems_at_once, Content};
use ovp_model::intro::IntroWords;
use ovp_model::quiz::{Quiz, Step};
use ovp_model::saved;
use serde::Serialize;
use serde_json::value::RawValue;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;

/// Runs once per instance (the page's and its Worker's), when it is initialised.
#[wasm_bindgen(start)]
fn start() {
    ovp_intl::use_browser_plural_rules();
}

/// One problem of a draft, where the studio marks it.
#[derive(Serialize)]
struct Problem {
    /// JSON path, such as `questions[2].options[0].weights.opne`; empty for the file.
    path: String,
    message: String,
    /// Where the JSON syntax breaks (1-based); `null` for other problems, which the
    /// studio finds by `path`.
    line: Option<usize>,
    column: Option<usize>,
}

/// The widget's record of a reader at the result with `answers` (one option index per
/// question), for the preview's `resume`: a balance warning's answer set, shown as the
/// reader would see it. Throws when the draft is not valid or the answers do not fit it.
#[wasm_bindgen(js_name = resultRecord)]
pub fn result_record(text: &str, answers: Vec<usize>) -> Result<String, JsError> {
    let content = valid(text)?;
    let quiz = Quiz::restore(
        &content,
        Step::Result,
        answers.into_iter().map(Some).collect(),
    )
    .ok_or_else(|| JsError::new("these answers do not fit the draft"))?;
    Ok(saved::save(&content, &quiz, js_sys::Date::now()))
}

/// The record of a reader on `step` of the draft (-1: the intro; a question's index; the
/// question count: the result) with the answers of `from` (the preview's `state()`, if it
/// fits the draft), each question before the step that has none taking its first option:
/// the preview jumps there.
#[wasm_bindgen(js_name = stepRecord)]
pub fn step_record(text: &str, from: Option<String>, step: i32) -> Result<String, JsError> {
    let content = valid(text)?;
    let now = js_sys::Date::now();
    let count = content.questions.len();
    let mut answers = from
        .and_then(|record| saved::load(&content, &record, now).ok())
        .map_or_else(|| vec![None; count], |quiz| quiz.answers);
    let step = match usize::try_from(step) {
        Err(_) => Step::Intro,
        Ok(q) if q < count => Step::Question(q),
        Ok(_) => Step::Result,
    };
    let before = match step {
        Step::Question(q) => q,
        Step::Intro => 0,
        _ => count,
    };
    for answer in answers.iter_mut().take(before) {
        answer.get_or_insert(0);
    }
    let quiz = Quiz::restore(&content, step, answers)
        .ok_or_else(|| JsError::new("that step does not fit the draft"))?;
    Ok(saved::save(&content, &quiz, now))
}

/// The words of the draft's first screen (`ovp_model::intro::IntroWords`, by name), which
/// the studio puts into the prerendered first screen of its embed code
/// (`studio/intro-template.mjs`). Throws when the draft is not valid.
#[wasm_bindgen(js_name = introWords)]
pub fn intro_words(text: &str) -> Result<JsValue, JsError> {
    let content = valid(text)?;
    let words = IntroWords::of(&content, &content.ui_text());
    serde_wasm_bindgen::to_value(&words).map_err(|e| JsError::new(&e.to_string()))
}

fn valid(text: &str) -> Result<Content, JsError> {
    Content::from_json(text).map_err(|e| JsError::new(&e.problems[0].to_string()))
}

/// Every problem of a draft pack; an empty list when the widget would show it.
#[wasm_bindgen(js_name = checkPack)]
pub fn check_pack(text: &str) -> Result<JsValue, JsError> {
    // The widget's problems, with every list item's type problem at once (the widget
    // itself names the first).
    let found = problems_at_once(text, |list| list_items(text, list));
    // The widget's message says where the syntax breaks in words; the editor needs the
    // place itself.
    let syntax = if found.is_empty() {
        None
    } else {
        serde_json::from_str::<serde::de::IgnoredAny>(text)
            .err()
            .filter(|e| e.is_syntax() || e.is_eof())
    };
    let problems: Vec<Problem> = found
        .into_iter()
        .map(|p| Problem {
            line: syntax.as_ref().map(|e| e.line()),
            column: syntax.as_ref().map(|e| e.column()),
            path: p.path,
            message: p.message,
        })
        .collect();
    to_js(&problems)
}

/// The text of each item of the draft's list named `list` (approaches, questions…), as
/// written; none when the draft has no such list.
fn list_items<'a>(text: &'a str, list: &str) -> Vec<&'a str> {
    let Ok(pack) = serde_json::from_str::<HashMap<&str, &RawValue>>(text) else {
        return Vec::new();
    };
    pack.get(list)
        .and_then(|raw| serde_json::from_str::<Vec<&RawValue>>(raw.get()).ok())
        .map(|items| items.into_iter().map(RawValue::get).collect())
        .unwrap_or_default()
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BalanceReport {
    answer_sets: f64,
    examined: f64,
    exact: bool,
    approaches: Vec<ApproachWins>,
    no_fit: f64,
    ties: f64,
    near_ties: f64,
    warnings: Vec<Warning>,
}

#[derive(Serialize)]
struct ApproachWins {
    id: String,
    name: String,
    wins: f64,
    /// From 0 to 1, of the answer sets examined.
    share: f64,
}

#[derive(Serialize)]
struct Warning {
    /// `never-wins`, `almost-always-wins`, `question-never-matters` or `no-fit`.
    kind: &'static str,
    approach: Option<String>,
    question: Option<String>,
    message: String,
    example: Vec<ExampleAnswer>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ExampleAnswer {
    question: String,
    question_text: String,
    option: String,
    option_text: String,
}

/// How often each approach is recommended over the draft's answer sets, and what to
/// look at (`ovp_model::balance`). Throws the first problem when the draft is not valid.
#[wasm_bindgen]
pub fn balance(text: &str) -> Result<JsValue, JsError> {
    use ovp_model::balance::FindingKind::*;
    let content = Content::from_json(text).map_err(|e| JsError::new(&e.problems[0].to_string()))?;
    let balance = Balance::of(&content);
    let approach_id = |a: usize| Some(content.approaches[a].id.clone());
    let report = BalanceReport {
        answer_sets: balance.answer_sets as f64,
        examined: balance.examined as f64,
        exact: balance.exact,
        approaches: content
            .approaches
            .iter()
            .enumerate()
            .map(|(a, approach)| ApproachWins {
                id: approach.id.clone(),
                name: approach.name.clone(),
                wins: balance.wins[a] as f64,
                share: balance.share(a),
            })
            .collect(),
        no_fit: balance.no_fit as f64,
        ties: balance.ties as f64,
        near_ties: balance.near_ties as f64,
        warnings: balance
            .findings
            .iter()
            .map(|finding| {
                let (kind, approach, question) = match finding.kind {
                    NeverWins { approach, .. } => ("never-wins", approach_id(approach), None),
                    RarelyWins { approach, .. } => ("rarely-wins", approach_id(approach), None),
                    AlmostAlwaysWins { approach, .. } => {
                        ("almost-always-wins", approach_id(approach), None)
                    }
                    QuestionNeverMatters { question } => (
                        "question-never-matters",
                        None,
                        Some(content.questions[question].id.clone()),
                    ),
                    NoFit => ("no-fit", None, None),
                };
                Warning {
                    kind,
                    approach,
                    question,
                    message: finding.message(&content, &balance),
                    example: content
                        .questions
                        .iter()
                        .zip(&finding.example)
                        .map(|(q, &o)| ExampleAnswer {
                            question: q.id.clone(),
                            question_text: q.prompt.clone(),
                            option: q.options[o].id.clone(),
                            option_text: q.options[o].label.clone(),
                        })
                        .collect(),
                }
            })
            .collect(),
    };
    to_js(&report)
}

/// Plain objects, not `Map`s, for the studio's JavaScript.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}
