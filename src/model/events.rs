//! What the widget tells its host page. The embed layer turns these into DOM
//! `CustomEvent`s (`ovp:ready`, `ovp:answer`, `ovp:complete`) whose `detail` is the serialized value.

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
}

impl WidgetEvent {
    /// The DOM event name.
    pub fn name(&self) -> &'static str {
        match self {
            WidgetEvent::Ready(_) => "ovp:ready",
            WidgetEvent::Answer(_) => "ovp:answer",
            WidgetEvent::Complete(_) => "ovp:complete",
        }
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
}

impl AnswerDetail {
    pub fn new(content: &Content, question: usize, option: usize) -> Self {
        let q = &content.questions[question];
        AnswerDetail {
            question_id: q.id.clone(),
            option_id: q.options[option].id.clone(),
            step: question + 1,
            total: content.questions.len(),
        }
    }
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
}

impl CompleteDetail {
    pub fn new(content: &Content, answers: &[usize], outcome: &Outcome) -> Self {
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
        }
    }
}
