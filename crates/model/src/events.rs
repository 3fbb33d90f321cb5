//! What the widget tells its host page. The embed layer turns these into DOM
//! `CustomEvent`s named by `WidgetEvent::name` (`ovp:ready`, `ovp:answer`,
//! `ovp:complete`, `ovp:error`) whose `detail` is the serialized value.
//!
//! `WidgetEvent::NAMES` is the Rust side's only spelling of the names; `web/contract.mjs`
//! holds the JavaScript side's (`EVENTS`, which `web/embed.js` exports), and
//! `tests/embed_contract.rs` checks that the two agree.

use super::content::Content;
use super::scoring::{shown, Outcome};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum WidgetEvent {
    Ready(ReadyDetail),
    Answer(AnswerDetail),
    Complete(CompleteDetail),
    /// The content cannot be used, or (sent by embed.js, with an empty `path`) the
    /// widget could not load or stopped.
    Error(ErrorDetail),
}

impl WidgetEvent {
    /// Every event's DOM name, in the order of the variants.
    pub const NAMES: [&'static str; 4] = ["ovp:ready", "ovp:answer", "ovp:complete", "ovp:error"];

    /// The DOM event name.
    pub fn name(&self) -> &'static str {
        Self::NAMES[match self {
            WidgetEvent::Ready(_) => 0,
            WidgetEvent::Answer(_) => 1,
            WidgetEvent::Complete(_) => 2,
            WidgetEvent::Error(_) => 3,
        }]
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadyDetail {
    /// The content pack's id.
    pub content_id: String,
    /// Number of questions.
    pub total: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AnswerDetail {
    pub question_id: String,
    pub option_id: String,
    /// 1-based step number of the question.
    pub step: usize,
    pub total: usize,
    /// Whether the answer was changed on the result, exploring what it moves, rather
    /// than given while taking the quiz.
    pub exploring: bool,
    /// The number given, for a question that asks for one (`optionId` is its band's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
}

impl AnswerDetail {
    pub fn new(content: &Content, question: usize, option: usize, exploring: bool) -> Self {
        let q = &content.questions[question];
        AnswerDetail {
            question_id: q.id.clone(),
            option_id: q.options[option].id.clone(),
            step: question + 1,
            total: content.questions.len(),
            exploring,
            value: None,
        }
    }
}

/// The first problem with the content (all of them go to the console).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorDetail {
    pub message: String,
    /// Where in the content's JSON, such as `questions[2].options[0].weights.opne`;
    /// empty when the problem is not inside the content (HTTP status, timeout).
    pub path: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompleteDetail {
    /// Approach id; `null` when the answers rule out every approach.
    pub recommendation: Option<String>,
    /// Approach id to score, rounded as the widget shows it.
    pub scores: BTreeMap<String, f64>,
    /// Ids of the approaches the answers ruled out (empty when none).
    #[serde(rename = "ruledOut")]
    pub ruled_out: Vec<String>,
    /// Question id to option id.
    pub answers: BTreeMap<String, String>,
    /// Whether the result changed because the reader changed an answer on it, rather
    /// than reached it from the questions.
    pub exploring: bool,
}

impl CompleteDetail {
    pub fn new(content: &Content, answers: &[usize], outcome: &Outcome, exploring: bool) -> Self {
        // `extend`, not `collect`: see `Content::answer_ids`.
        let mut scores = BTreeMap::new();
        scores.extend(
            content
                .approaches
                .iter()
                .zip(&outcome.scores)
                .map(|(a, s)| (a.id.clone(), shown(*s))),
        );
        CompleteDetail {
            recommendation: outcome
                .recommended
                .map(|a| content.approaches[a].id.clone()),
            scores,
            ruled_out: content
                .approaches
                .iter()
                .zip(&outcome.ruled_out)
                .filter(|(_, by)| !by.is_empty())
                .map(|(a, _)| a.id.clone())
                .collect(),
            answers: content.answer_ids(answers.iter().map(|&o| Some(o))),
            exploring,
        }
    }
}
