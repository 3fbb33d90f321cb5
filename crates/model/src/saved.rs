//! Saved progress: where a reader was and what they answered, as the JSON the embed
//! layer keeps in `localStorage`. Answers are stored by question and option id, with a
//! format version and the content's fingerprint, so data from another build of the
//! widget, from an edited quiz or simply corrupt is recognised and refused, never
//! misread. Progress is kept for `KEEP_DAYS` after it was last saved, then refused as
//! expired. Reading never panics, whatever the text. The embed layer gives the time.

use super::content::Content;
use super::quiz::{Quiz, Step};
use super::share::fingerprint;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The format version written now. Anything else is refused (1 had no time).
pub const FORMAT_VERSION: u32 = 2;
/// How long saved progress is kept after it was last saved.
pub const KEEP_DAYS: u32 = 30;
const DAY_MS: f64 = 24.0 * 60.0 * 60.0 * 1000.0;
/// The prefix of every key saved progress is kept under; the studio and anything else
/// of the widget's keep theirs elsewhere under `open-vs-proprietary:`.
const KEY_PREFIX: &str = "open-vs-proprietary:progress:";

/// The storage key of the progress of a widget showing the content `content_id`, whose
/// element has the id `element_id` (if any): each content's progress apart, and each
/// element's apart within it, so no widget or page can overwrite another quiz's.
pub fn storage_key(content_id: &str, element_id: Option<&str>) -> String {
    // `%` and `#` escaped in both, so "a#b" with no element id never meets "a" on
    // an element with the id "b".
    let escape = |part: &str| part.replace('%', "%25").replace('#', "%23");
    match element_id {
        Some(id) => format!("{KEY_PREFIX}{}#{}", escape(content_id), escape(id)),
        None => format!("{KEY_PREFIX}{}", escape(content_id)),
    }
}

/// Keys an earlier version kept progress under, for the embed layer to clear: the
/// element's id or the content's id right after the widget's prefix.
pub fn legacy_keys(content_id: &str, element_id: Option<&str>) -> Vec<String> {
    let mut keys = vec![format!("open-vs-proprietary:content:{content_id}")];
    keys.extend(element_id.map(|id| format!("open-vs-proprietary:{id}")));
    keys
}

/// Whether `text`, found under a legacy key, is progress of that earlier version (its
/// JSON starts with its format version), rather than something else kept there.
pub fn is_legacy_progress(text: &str) -> bool {
    text.starts_with("{\"v\":1,")
}

#[derive(Debug, Serialize, Deserialize)]
struct Saved {
    /// Format version.
    v: Option<u32>,
    /// The content pack's id.
    #[serde(default)]
    content: String,
    /// `share::fingerprint` of the pack, in hexadecimal.
    #[serde(default)]
    fingerprint: String,
    /// `intro`, `summary`, `result`, or `q:` and the id of the question on screen.
    #[serde(default)]
    step: String,
    /// Question id to option id, for the questions answered.
    #[serde(default)]
    answers: BTreeMap<String, String>,
    /// Question id to the number given, for questions that ask for one: the bits of the
    /// f64 in hexadecimal, exact, and read and written without a float printer or parser
    /// in the Wasm (and with the same map type as `answers`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    numbers: BTreeMap<String, String>,
    /// Changing one answer from the summary (Next returns there).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    reviewing: bool,
    /// When it was saved, in whole milliseconds since 1970 (UTC). An integer: writing a
    /// float would bring serde_json's float printer into the Wasm.
    #[serde(default)]
    at: u64,
}

/// Why saved progress was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SavedError {
    /// Not the JSON this module writes.
    Unreadable(String),
    /// Written by another version of the format.
    Version(u32),
    /// Saved for another quiz, or for an earlier version of this one.
    OtherContent,
    /// Names a question or option this quiz does not have.
    Unknown(String),
    /// A step that cannot follow from the answers.
    Impossible,
    /// Saved more than `KEEP_DAYS` ago, or at a time still to come.
    Expired,
}

impl fmt::Display for SavedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SavedError::Unreadable(why) => write!(f, "it is not readable ({why})"),
            SavedError::Version(v) => write!(f, "it is in format {v}, not {FORMAT_VERSION}"),
            SavedError::OtherContent => f.write_str("it belongs to another version of the quiz"),
            SavedError::Unknown(what) => write!(f, "it names {what}, which this quiz lacks"),
            SavedError::Impossible => f.write_str("its step does not match its answers"),
            SavedError::Expired => write!(f, "it was saved more than {KEEP_DAYS} days ago"),
        }
    }
}

/// `quiz` as JSON to keep, saved `now` (milliseconds since 1970).
pub fn save(content: &Content, quiz: &Quiz, now: f64) -> String {
    let step = match quiz.step {
        Step::Intro => "intro".to_owned(),
        Step::Question(q) => format!("q:{}", content.questions[q].id),
        Step::Summary => "summary".to_owned(),
        Step::Result => "result".to_owned(),
    };
    let saved = Saved {
        v: Some(FORMAT_VERSION),
        content: content.id.clone(),
        fingerprint: format!("{:016x}", fingerprint(content)),
        step,
        answers: content.answer_ids(quiz.answers.iter().copied()),
        numbers: content
            .questions
            .iter()
            .enumerate()
            .filter_map(|(q, question)| {
                let value = question.given_number(quiz.answers[q], quiz.numbers[q])?;
                Some((question.id.clone(), format!("{:016x}", value.to_bits())))
            })
            .collect(),
        reviewing: quiz.reviewing,
        at: now.max(0.0) as u64,
    };
    serde_json::to_string(&saved).unwrap_or_default()
}

/// The quiz saved in `json`, if it is sound saved progress for `content` and was saved
/// within `KEEP_DAYS` of `now` (milliseconds since 1970).
pub fn load(content: &Content, json: &str, now: f64) -> Result<Quiz, SavedError> {
    // Every field but the version may be missing, so an unknown version is reported
    // as such rather than as a missing field.
    let saved: Saved =
        serde_json::from_str(json).map_err(|err| SavedError::Unreadable(err.to_string()))?;
    match saved.v {
        Some(FORMAT_VERSION) => {}
        Some(v) => return Err(SavedError::Version(v)),
        None => return Err(SavedError::Unreadable("no format version".to_owned())),
    }
    if saved.content != content.id || saved.fingerprint != format!("{:016x}", fingerprint(content))
    {
        return Err(SavedError::OtherContent);
    }
    // A clock set back a minute is no reason to drop progress; days ahead is.
    let age = now - saved.at as f64;
    if !(-60_000.0..=f64::from(KEEP_DAYS) * DAY_MS).contains(&age) {
        return Err(SavedError::Expired);
    }
    let mut answers = vec![None; content.questions.len()];
    for (question_id, option_id) in &saved.answers {
        let q = content
            .questions
            .iter()
            .position(|q| &q.id == question_id)
            .ok_or_else(|| SavedError::Unknown(format!("question \"{question_id}\"")))?;
        let o = content.questions[q]
            .options
            .iter()
            .position(|o| &o.id == option_id)
            .ok_or_else(|| SavedError::Unknown(format!("option \"{option_id}\"")))?;
        answers[q] = Some(o);
    }
    let step = match saved.step.as_str() {
        "intro" => Step::Intro,
        "summary" => Step::Summary,
        "result" => Step::Result,
        other => {
            let id = other.strip_prefix("q:").ok_or(SavedError::Impossible)?;
            Step::Question(
                content
                    .questions
                    .iter()
                    .position(|q| q.id == id)
                    .ok_or_else(|| SavedError::Unknown(format!("question \"{id}\"")))?,
            )
        }
    };
    let mut quiz = Quiz::restore(content, step, answers).ok_or(SavedError::Impossible)?;
    // A number is kept where it still stands for its question's answer; the answer
    // itself is what the quiz needs, so a number that does not is dropped.
    for (q, question) in content.questions.iter().enumerate() {
        let given = saved
            .numbers
            .get(&question.id)
            .and_then(|bits| u64::from_str_radix(bits, 16).ok())
            .map(f64::from_bits);
        quiz.numbers[q] = question.given_number(quiz.answers[q], given.filter(|v| v.is_finite()));
    }
    // Only a question reached from a complete summary can be under review.
    quiz.reviewing =
        saved.reviewing && matches!(step, Step::Question(_)) && quiz.complete_answers().is_some();
    Ok(quiz)
}
