//! Quiz content: the typed form of a content pack (`content/*.json`) and its validation.
//!
//! A pack is parsed strictly (unknown keys are errors, so a typo never passes silently)
//! and then checked as a whole; every problem is reported with the JSON path where it
//! sits and a sentence an author can act on.

use super::cost::{Costs, KINDS};
use super::json_path::error_path;
use super::json_words::in_authors_words;
use super::l10n::plural::Category;
use super::l10n::{forms_problems, primary_language, ui_text, Override, UiText, UiTextOverrides};
use super::number::NumberQuestion;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::fmt;

/// The largest content pack accepted, in bytes of JSON.
pub const MAX_CONTENT_BYTES: usize = 256 * 1024;
/// Limits that keep a quiz readable and the widget fast.
pub const MAX_QUESTIONS: usize = 30;
pub const MAX_OPTIONS: usize = 8;
pub const MAX_APPROACHES: usize = 6;
pub const MAX_DIMENSIONS: usize = 16;
pub const MAX_STEPS: usize = 4;
/// Ratings run from 1 (poor) to 5 (strong); 3 is neutral.
pub const RATING_MIN: f64 = 1.0;
pub const RATING_MAX: f64 = 5.0;
/// Weights and priorities are small numbers; anything larger is almost surely a typo.
pub const WEIGHT_LIMIT: f64 = 10.0;
/// At most this many problems are listed; the rest are counted.
pub const MAX_REPORTED_PROBLEMS: usize = 20;
/// A problem's path and its message are each cut to this many characters, so a key or
/// value of thousands of characters that a message quotes cannot flood the error panel.
pub const MAX_PROBLEM_CHARS: usize = 200;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Content {
    /// Points editors at `content.schema.json`; ignored by the widget.
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// Names this pack: saved progress and share links belong to it.
    pub id: String,
    /// Language of the texts, such as `en`.
    pub lang: String,
    /// The quiz's title, shown at its top; it also names the widget for screen readers.
    pub title: String,
    /// One or two sentences shown before the first question.
    pub intro: String,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(min = 2, max = 6)))]
    pub approaches: Vec<Approach>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(min = 1, max = 16)))]
    pub dimensions: Vec<Dimension>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(min = 1, max = 30)))]
    pub questions: Vec<Question>,
    /// When two approaches finish this close, recommend a third (for example hybrid),
    /// provided the third is itself within the margin of the leader.
    #[serde(default)]
    pub tie: Option<TieRule>,
    /// Facts with sources, shown under the result.
    #[serde(default)]
    pub facts: Vec<Fact>,
    /// What each approach costs a month at the volume a number question asks for, from
    /// figures the facts source; the result charts it.
    #[serde(default)]
    pub costs: Option<Costs>,
    /// When the content was last checked against its sources (for example
    /// `2026-11-30`); shown with the facts so a reader can tell how current it is.
    #[serde(default)]
    pub reviewed: Option<String>,
    /// Replaces any of the widget's own strings (buttons, headings, captions), by key;
    /// the rest come from the built-in table for `lang`, else English.
    #[serde(default)]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<super::l10n::UiTextOverridesSchema>")
    )]
    pub ui: Option<UiTextOverrides>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Approach {
    /// A short name for the approach that weights, ratings and rule-outs use; the reader
    /// never sees it.
    pub id: String,
    /// The approach as the reader sees it named, such as "Open model, run yourself".
    pub name: String,
    /// A word or two for tight spaces such as table headers; defaults to `name`.
    #[serde(default, rename = "shortName")]
    pub short_name: Option<String>,
    /// What choosing this approach means, in a sentence.
    pub summary: String,
    /// What a reader who gets this suggestion can do next, in order: concrete steps in
    /// plain words, shown before any number (at most four).
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(max = 4)))]
    pub steps: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    /// A short name for the dimension that answers' priorities use; the reader never
    /// sees it.
    pub id: String,
    /// What the approaches are compared on, as the reader sees it, such as "Cost".
    pub name: String,
    /// Approach id to its rating on this dimension; every approach must be rated.
    pub ratings: BTreeMap<String, Rating>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rating {
    /// From 1 (weak) to 5 (strong).
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 5)))]
    pub score: f64,
    /// Why, in one line.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// A short name for the question, kept in saved progress and share links.
    pub id: String,
    /// The question as the reader reads it.
    pub prompt: String,
    /// A short hint under the prompt.
    #[serde(default)]
    pub hint: Option<String>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(min = 2, max = 8)))]
    pub options: Vec<AnswerOption>,
    /// Asks for a number (a slider and a typed field) instead of a choice; the options
    /// are then its bands, from the smallest numbers up (see `below`).
    #[serde(default)]
    pub number: Option<NumberQuestion>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    /// A short name for the answer, unique within its question, kept in saved progress
    /// and share links.
    pub id: String,
    /// The answer as the reader reads it.
    pub label: String,
    /// Approach id to points: positive favours the approach, negative counts against it.
    #[serde(default)]
    pub weights: BTreeMap<String, f64>,
    /// Dimension id to how much more this answer makes the dimension matter.
    #[serde(default)]
    pub priorities: BTreeMap<String, f64>,
    /// Approach id to the reason, shown to the reader, why this answer rules the
    /// approach out: a hard constraint, such as data that may not leave the
    /// organisation ruling out a vendor's hosted model. A ruled-out approach is never
    /// recommended, whatever it scores.
    #[serde(default, rename = "rulesOut")]
    pub rules_out: BTreeMap<String, String>,
    /// Approach id to what it takes to follow that suggestion in spite of this answer,
    /// shown to the reader when it is suggested anyway: for example, for a reader with
    /// nobody to run a model who is told to run one, that the skills must be hired or
    /// contracted.
    #[serde(default)]
    pub caveats: BTreeMap<String, String>,
    /// For a question that asks for a number: numbers below this (and not below an
    /// earlier option's) answer this option. Every option but the last has one; the last
    /// takes the rest.
    #[serde(default)]
    pub below: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TieRule {
    /// The two approaches whose near tie triggers the rule.
    pub between: [String; 2],
    /// How close their scores must be, in points; the recommended approach must also
    /// be within this many points of the leader.
    pub margin: f64,
    /// The approach recommended instead; it must differ from the two in `between`.
    pub recommend: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// Names the fact for a cost figure it sources (`costs.terms[].fact`).
    #[serde(default)]
    pub id: Option<String>,
    /// The fact, in one or two sentences, shown under the result.
    pub text: String,
    /// Where the reader can check it.
    pub source: Source,
    /// When the fact was published or checked, as written (for example `2025-01-20`).
    pub date: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The source's title, the text of its link.
    pub title: String,
    /// A web address starting with https:// or http://.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(regex(pattern = r"^https?://\S+$"))
    )]
    pub url: String,
}

/// One problem in a content pack: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON path such as `questions[2].options[0].weights.opne`; empty for the whole file.
    pub path: String,
    pub message: String,
}

impl Problem {
    /// A problem, with an over-long path cut at its end and an over-long message cut in
    /// its middle (keeping where the parser stopped, which it writes last); each cut is
    /// marked with "…".
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Problem {
        let path: String = path.into();
        let message: String = message.into();
        let keep = MAX_PROBLEM_CHARS - 1;
        Problem {
            path: if path.chars().count() > MAX_PROBLEM_CHARS {
                path.chars().take(keep).chain(['…']).collect()
            } else {
                path
            },
            message: match message.chars().count() {
                n if n > MAX_PROBLEM_CHARS => {
                    let (head, tail) = (keep * 2 / 3, keep - keep * 2 / 3);
                    let chars = message.chars();
                    chars
                        .clone()
                        .take(head)
                        .chain(['…'])
                        .chain(chars.skip(n - tail))
                        .collect()
                }
                _ => message,
            },
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Content never holds a NaN (JSON has none), so equality is an equivalence. Declaring
/// it lets `Rc<Content>` compare by pointer first: every component's props hold the
/// pack, and comparing the whole of it on each render cost more than the render.
impl Eq for Content {}

/// Everything wrong with a content pack, most important first.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} problem(s) in the quiz content; first: {}", .problems.len(), .problems[0])]
pub struct ContentError {
    pub problems: Vec<Problem>,
}

impl ContentError {
    fn one(path: impl Into<String>, message: impl Into<String>) -> Self {
        ContentError {
            problems: vec![Problem::new(path, message)],
        }
    }

    /// Content that is not UTF-8 text, from byte `at` on.
    pub fn not_text(at: usize) -> Self {
        ContentError::one(
            "",
            format!("the content is not UTF-8 text: byte {at} cannot be read"),
        )
    }

    /// Content over `MAX_CONTENT_BYTES`: `size` says how large, such as "300000 bytes"
    /// or, for a download stopped at the limit, "more than 262144 bytes".
    pub fn too_large(size: &str) -> Self {
        ContentError::one(
            "",
            format!("the content is {size}; the limit is {MAX_CONTENT_BYTES} bytes"),
        )
    }
}

impl Approach {
    pub fn short_name(&self) -> &str {
        self.short_name.as_deref().unwrap_or(&self.name)
    }
}

impl Content {
    /// Parses and validates a content pack.
    pub fn from_json(json: &str) -> Result<Content, ContentError> {
        if json.len() > MAX_CONTENT_BYTES {
            return Err(ContentError::too_large(&format!("{} bytes", json.len())));
        }
        if let Some(kind) = non_object_kind(json) {
            return Err(ContentError::one(
                "",
                format!("the content is {kind}; it must be a JSON object {{ … }} with id, lang, title, intro, approaches, dimensions and questions"),
            ));
        }
        let content: Content = serde_json::from_str(json).map_err(|err| {
            ContentError::one(error_path(json, &err), in_authors_words(json, &err))
        })?;
        content.validate()?;
        Ok(content)
    }

    /// Checks what the types alone cannot: references, uniqueness, ranges, limits.
    pub fn validate(&self) -> Result<(), ContentError> {
        let mut check = Checker::default();
        check.text("id", &self.id);
        check.text("lang", &self.lang);
        check.text("title", &self.title);
        check.text("intro", &self.intro);

        let approach_ids: Vec<&str> = self.approaches.iter().map(|a| a.id.as_str()).collect();
        let dimension_ids: Vec<&str> = self.dimensions.iter().map(|d| d.id.as_str()).collect();
        self.check_approaches(&mut check);
        self.check_dimensions(&mut check, &approach_ids);
        self.check_questions(&mut check, &approach_ids, &dimension_ids);
        self.check_tie(&mut check, &approach_ids);
        self.check_ui(&mut check);
        self.check_facts(&mut check);
        self.check_costs(&mut check, &approach_ids);
        check.finish()
    }

    fn check_approaches(&self, check: &mut Checker) {
        check.count(
            "approaches",
            self.approaches.len(),
            2,
            MAX_APPROACHES,
            "approaches",
        );
        check.unique_ids("approaches", self.approaches.iter().map(|a| a.id.as_str()));
        for (i, approach) in self.approaches.iter().enumerate() {
            let at = format!("approaches[{i}]");
            check.text(&format!("{at}.id"), &approach.id);
            check.text(&format!("{at}.name"), &approach.name);
            if let Some(short_name) = &approach.short_name {
                check.text(&format!("{at}.shortName"), short_name);
            }
            check.text(&format!("{at}.summary"), &approach.summary);
            check.count(
                &format!("{at}.steps"),
                approach.steps.len(),
                0,
                MAX_STEPS,
                "steps",
            );
            for (k, step) in approach.steps.iter().enumerate() {
                check.text(&format!("{at}.steps[{k}]"), step);
            }
        }
    }

    fn check_dimensions(&self, check: &mut Checker, approach_ids: &[&str]) {
        check.count(
            "dimensions",
            self.dimensions.len(),
            1,
            MAX_DIMENSIONS,
            "dimensions",
        );
        check.unique_ids("dimensions", self.dimensions.iter().map(|d| d.id.as_str()));
        for (i, dimension) in self.dimensions.iter().enumerate() {
            let at = format!("dimensions[{i}]");
            check.text(&format!("{at}.id"), &dimension.id);
            check.text(&format!("{at}.name"), &dimension.name);
            check.known_keys(
                &format!("{at}.ratings"),
                dimension.ratings.keys(),
                approach_ids,
                "approach",
            );
            for approach in approach_ids {
                match dimension.ratings.get(*approach) {
                    None => check.problem(
                        format!("{at}.ratings"),
                        format!(
                            "approach {} has no rating on this dimension",
                            quoted(approach)
                        ),
                    ),
                    Some(rating) => {
                        let at = format!("{at}.ratings.{approach}");
                        check.number(&format!("{at}.score"), rating.score, RATING_MIN, RATING_MAX);
                        check.text(&format!("{at}.reason"), &rating.reason);
                    }
                }
            }
        }
    }

    fn check_questions(&self, check: &mut Checker, approach_ids: &[&str], dimension_ids: &[&str]) {
        check.count(
            "questions",
            self.questions.len(),
            1,
            MAX_QUESTIONS,
            "questions",
        );
        check.unique_ids("questions", self.questions.iter().map(|q| q.id.as_str()));
        for (i, question) in self.questions.iter().enumerate() {
            let at = format!("questions[{i}]");
            check.text(&format!("{at}.id"), &question.id);
            check.text(&format!("{at}.prompt"), &question.prompt);
            if let Some(hint) = &question.hint {
                check.text(&format!("{at}.hint"), hint);
            }
            check.count(
                &format!("{at}.options"),
                question.options.len(),
                2,
                MAX_OPTIONS,
                "options",
            );
            check.unique_ids(
                &format!("{at}.options"),
                question.options.iter().map(|o| o.id.as_str()),
            );
            for (j, option) in question.options.iter().enumerate() {
                check_option(
                    check,
                    &format!("{at}.options[{j}]"),
                    option,
                    approach_ids,
                    dimension_ids,
                );
            }
            check_number(check, &at, question);
        }
    }

    /// The cost model: a number question to read the volume from, known approaches and
    /// facts, known kinds, every range sensible, and capacity given whole.
    fn check_costs(&self, check: &mut Checker, approach_ids: &[&str]) {
        let Some(costs) = &self.costs else { return };
        let numbers: Vec<&str> = self
            .questions
            .iter()
            .filter(|q| q.number.is_some())
            .map(|q| q.id.as_str())
            .collect();
        if !numbers.contains(&costs.question.as_str()) {
            let which = match numbers.as_slice() {
                [] => "no question does yet: give the volume question a number".to_owned(),
                [one] => format!("{} does", quoted(one)),
                several => format!("these do: {}", several.join(", ")),
            };
            check.problem(
                "costs.question",
                format!(
                    "{} is not a question that asks for a number; {which}",
                    quoted(&costs.question)
                ),
            );
        }
        let code = costs.currency.as_bytes();
        if code.len() != 3 || !code.iter().all(u8::is_ascii_uppercase) {
            check.problem(
                "costs.currency",
                format!(
                    "{} is not a currency code; write its three capital letters, such as \"USD\" or \"EUR\"",
                    quoted(&costs.currency)
                ),
            );
        }
        let fact_ids: Vec<&str> = self.facts.iter().filter_map(|f| f.id.as_deref()).collect();
        for (i, term) in costs.terms.iter().enumerate() {
            let at = format!("costs.terms[{i}]");
            check.reference(
                &format!("{at}.approach"),
                &term.approach,
                approach_ids,
                "approach",
            );
            check.reference(&format!("{at}.kind"), &term.kind, &KINDS, "kind of term");
            check.reference(&format!("{at}.fact"), &term.fact, &fact_ids, "fact id");
            let (min, max) = match term.kind.as_str() {
                "utilisation" => (0.01, 1.0),
                "unitPerSecond" => (1e-6, 1e12),
                _ => (0.0, 1e9),
            };
            check.number(&format!("{at}.low"), term.low, min, max);
            check.number(&format!("{at}.high"), term.high, term.low.max(min), max);
        }
        for approach in approach_ids {
            let kinds: Vec<&str> = costs
                .terms
                .iter()
                .filter(|t| t.approach == *approach)
                .map(|t| t.kind.as_str())
                .collect();
            let capacity = ["unitHour", "unitPerSecond", "utilisation"];
            let given = capacity.iter().filter(|k| kinds.contains(k)).count();
            let twice = capacity
                .iter()
                .any(|k| kinds.iter().filter(|g| *g == k).count() > 1);
            if (given > 0 && given < 3) || twice {
                check.problem(
                    "costs.terms",
                    format!("{approach}'s capacity needs one unitHour, one unitPerSecond and one utilisation term, each once"),
                );
            }
        }
    }

    fn check_tie(&self, check: &mut Checker, approach_ids: &[&str]) {
        if let Some(tie) = &self.tie {
            for (k, id) in tie.between.iter().enumerate() {
                check.reference(&format!("tie.between[{k}]"), id, approach_ids, "approach");
            }
            if tie.between[0] == tie.between[1] {
                check.problem(
                    "tie.between",
                    "names the same approach twice; name two different approaches",
                );
            }
            check.reference("tie.recommend", &tie.recommend, approach_ids, "approach");
            if tie.between.contains(&tie.recommend) {
                check.problem(
                "tie.recommend",
                "is one of the two approaches in tie.between; name a third approach to recommend when those two finish close",
            );
            }
            check.number("tie.margin", tie.margin, 0.0, 100.0);
        }
    }

    /// A pack's replacements for the widget's strings: known keys, not empty, and the
    /// same blanks as the string they replace; a counted string's forms, each of the
    /// plural categories of the pack's language; digits, ten of them.
    fn check_ui(&self, check: &mut Checker) {
        let Some(ui) = &self.ui else { return };
        for (key, value) in ui.given() {
            let path = format!("ui.{key}");
            if !UiTextOverrides::knows(key) {
                check.problem(
                    path,
                    "is not one of the widget's strings; content.schema.json lists them under ui",
                );
                continue;
            }
            let mut check_text = |path: &str, text: &str| {
                check.text(path, text);
                if let Some(problem) = UiTextOverrides::template_problem(key, text) {
                    check.problem(path, problem);
                }
            };
            match value {
                Override::Text(text) => {
                    check_text(&path, text);
                    if key == "digits" && text.chars().count() != 10 {
                        check.problem(path, "must be the ten digits of the language, zero first, such as 0123456789");
                    }
                }
                Override::Forms(forms) => {
                    if UiTextOverrides::counted(key).is_none() {
                        check.problem(
                            path,
                            "has no count, so it takes one string, not plural forms",
                        );
                        continue;
                    }
                    for (name, text) in forms {
                        let at = format!("{path}.{name}");
                        check.text(&at, text);
                        // A form may leave its number out where the language does.
                        let problem = match Category::from_name(name) {
                            Some(category) => {
                                UiTextOverrides::form_problem(key, &self.lang, category, text)
                            }
                            None => UiTextOverrides::template_problem(key, text),
                        };
                        if let Some(problem) = problem {
                            check.problem(at, problem);
                        }
                    }
                    for (category, problem) in forms_problems(&self.lang, forms) {
                        check.problem(format!("{path}.{category}"), problem);
                    }
                }
            }
        }
    }

    fn check_facts(&self, check: &mut Checker) {
        if let Some(reviewed) = &self.reviewed {
            check.text("reviewed", reviewed);
        }
        for (i, fact) in self.facts.iter().enumerate() {
            let at = format!("facts[{i}]");
            check.text(&format!("{at}.text"), &fact.text);
            check.text(&format!("{at}.date"), &fact.date);
            check.text(&format!("{at}.source.title"), &fact.source.title);
            check.url(&format!("{at}.source.url"), &fact.source.url);
        }
    }

    /// The widget's strings for this pack: the built-in table for its language with the
    /// pack's own overrides on top.
    pub fn ui_text(&self) -> UiText {
        let base = ui_text(&self.lang).for_lang(&self.lang);
        match &self.ui {
            Some(overrides) => base.with_overrides(overrides),
            None => base,
        }
    }

    /// The widget's accessible name: the pack's own (`ui.widgetLabel`), else its title.
    pub fn name(&self, ui: &UiText) -> String {
        match ui.widget_label() {
            "" => self.title.clone(),
            name => name.to_owned(),
        }
    }

    pub fn approach_index(&self, id: &str) -> Option<usize> {
        self.approaches.iter().position(|a| a.id == id)
    }

    /// The rating of approach `a` on dimension `d`; validation guarantees it exists.
    pub fn rating(&self, d: usize, a: usize) -> &Rating {
        &self.dimensions[d].ratings[&self.approaches[a].id]
    }

    /// The id of each chosen option, by question id; unanswered questions are left out.
    /// Filled with `extend` (one insert each): `collect` would sort first, and add a copy
    /// of the sort to the Wasm.
    pub fn answer_ids(
        &self,
        answers: impl IntoIterator<Item = Option<usize>>,
    ) -> BTreeMap<String, String> {
        let mut ids = BTreeMap::new();
        ids.extend(
            self.questions
                .iter()
                .zip(answers)
                .filter_map(|(question, answer)| {
                    Some((question.id.clone(), question.options[answer?].id.clone()))
                }),
        );
        ids
    }
}

/// A question that asks for a number: a unit, a range the scale can draw, a start inside
/// it, and options that split the range into bands from the smallest numbers up. Only
/// such a question's options have `below`.
fn check_number(check: &mut Checker, at: &str, question: &Question) {
    let Some(number) = &question.number else {
        for (j, option) in question.options.iter().enumerate() {
            if option.below.is_some() {
                check.problem(
                    format!("{at}.options[{j}].below"),
                    "only the options of a question that asks for a number have below; give the question a number or remove it",
                );
            }
        }
        return;
    };
    let question_at = at;
    let at = format!("{at}.number");
    check.text(&format!("{at}.unit"), &number.unit);
    if !["", "linear", "log"].contains(&number.scale.as_str()) {
        check.problem(
            format!("{at}.scale"),
            format!(
                "{} is not a scale; use \"linear\" or \"log\"",
                quoted(&number.scale)
            ),
        );
    }
    let floor = if number.scale == "log" {
        f64::MIN_POSITIVE
    } else {
        -1e15
    };
    check.number(&format!("{at}.min"), number.min, floor, 1e15);
    if number.min.is_finite() && !(number.max > number.min && number.max <= 1e15) {
        check.problem(
            format!("{at}.max"),
            format!("must be larger than min ({}) and at most 1e15", number.min),
        );
    } else {
        check.number(&format!("{at}.start"), number.start, number.min, number.max);
    }
    let last = question.options.len().saturating_sub(1);
    let mut floor = number.min;
    for (j, option) in question.options.iter().enumerate() {
        let path = format!("{question_at}.options[{j}].below");
        match (option.below, j == last) {
            (Some(_), true) => check.problem(
                path,
                "the last option takes every number above the others: leave below out",
            ),
            // A missing field is reported at the object that lacks it, as serde does.
            (None, false) => check.problem(
                format!("{question_at}.options[{j}]"),
                "missing field `below`: every option but the last says where its band ends",
            ),
            (Some(below), false) if !(below > floor && below < number.max) => check.problem(
                path,
                format!(
                    "{below} must be above {floor} (the band before it ends there, or min) and below max ({})",
                    number.max
                ),
            ),
            (Some(below), false) => floor = below,
            (None, true) => {}
        }
    }
}

/// One answer option at `at`: its texts, weights, priorities and the approaches it
/// rules out (never all of them).
fn check_option(
    check: &mut Checker,
    at: &str,
    option: &AnswerOption,
    approach_ids: &[&str],
    dimension_ids: &[&str],
) {
    check.text(&format!("{at}.id"), &option.id);
    check.text(&format!("{at}.label"), &option.label);
    let weights = (-WEIGHT_LIMIT, WEIGHT_LIMIT);
    let at_weights = format!("{at}.weights");
    check.numbers_by_key(
        &at_weights,
        &option.weights,
        approach_ids,
        "approach",
        weights,
    );
    let priorities = (0.0, WEIGHT_LIMIT);
    let at_priorities = format!("{at}.priorities");
    check.numbers_by_key(
        &at_priorities,
        &option.priorities,
        dimension_ids,
        "dimension",
        priorities,
    );
    check.texts_by_key(
        &format!("{at}.rulesOut"),
        &option.rules_out,
        approach_ids,
        "approach",
    );
    check.texts_by_key(
        &format!("{at}.caveats"),
        &option.caveats,
        approach_ids,
        "approach",
    );
    for key in option.caveats.keys() {
        let path = format!("{at}.caveats.{key}");
        if option.rules_out.contains_key(key) {
            check.problem(
                path,
                "names an approach this answer rules out, so it is never suggested with it; remove the caveat or the rule",
            );
        }
    }
    let rules_out_all = approach_ids.len() > 1
        && approach_ids
            .iter()
            .all(|id| option.rules_out.contains_key(*id));
    if rules_out_all {
        check.problem(
            format!("{at}.rulesOut"),
            "rules out every approach, so a reader who picks this answer can get no suggestion; leave at least one approach open",
        );
    }
}

/// Collects problems while walking a pack.
#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn problem(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    fn text(&mut self, path: &str, value: &str) {
        if value.trim().is_empty() {
            self.problem(path, "is empty; write some text here");
        }
    }

    fn count(&mut self, path: &str, len: usize, min: usize, max: usize, what: &str) {
        if len < min {
            self.problem(path, format!("has {len} {what}; at least {min} are needed"));
        } else if len > max {
            self.problem(path, format!("has {len} {what}; at most {max} are allowed"));
        }
    }

    fn number(&mut self, path: &str, value: f64, min: f64, max: f64) {
        if !value.is_finite() || value < min || value > max {
            // Huge numbers in short scientific notation, not 300 digits.
            let shown = if value.abs() >= 1e6 {
                format!("{value:e}")
            } else {
                value.to_string()
            };
            self.problem(
                path,
                format!("{shown} is out of range; use a number from {min} to {max}"),
            );
        }
    }

    fn unique_ids<'a>(&mut self, path: &str, ids: impl Iterator<Item = &'a str>) {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            if !seen.insert(id) {
                self.problem(
                    format!("{path}[{i}].id"),
                    format!(
                        "{} is used twice; every id here must be different",
                        quoted(id)
                    ),
                );
            }
        }
    }

    fn reference(&mut self, path: &str, id: &str, known: &[&str], what: &str) {
        if !known.contains(&id) {
            self.problem(path, not_one_of(id, known, what));
        }
    }

    /// A map from ids of `kind` to numbers: every key one of `ids`, every value within
    /// `range` (inclusive).
    fn numbers_by_key(
        &mut self,
        path: &str,
        map: &BTreeMap<String, f64>,
        ids: &[&str],
        kind: &str,
        (min, max): (f64, f64),
    ) {
        self.known_keys(path, map.keys(), ids, kind);
        for (key, value) in map {
            self.number(&format!("{path}.{key}"), *value, min, max);
        }
    }

    /// A map from ids of `kind` to texts: every key one of `ids`, every text not empty.
    fn texts_by_key(
        &mut self,
        path: &str,
        map: &BTreeMap<String, String>,
        ids: &[&str],
        kind: &str,
    ) {
        self.known_keys(path, map.keys(), ids, kind);
        for (key, text) in map {
            self.text(&format!("{path}.{key}"), text);
        }
    }

    fn known_keys<'a>(
        &mut self,
        path: &str,
        keys: impl Iterator<Item = &'a String>,
        known: &[&str],
        what: &str,
    ) {
        for key in keys {
            if !known.contains(&key.as_str()) {
                self.problem(format!("{path}.{key}"), not_one_of(key, known, what));
            }
        }
    }

    fn url(&mut self, path: &str, url: &str) {
        let scheme_ok = url.starts_with("https://") || url.starts_with("http://");
        if !scheme_ok || url.trim() != url || url.len() <= "https://".len() {
            self.problem(
                path,
                format!(
                    "{} is not a web address; it must start with https:// or http://",
                    quoted(url)
                ),
            );
        }
    }

    fn finish(mut self) -> Result<(), ContentError> {
        if self.problems.is_empty() {
            return Ok(());
        }
        if self.problems.len() > MAX_REPORTED_PROBLEMS {
            let more = self.problems.len() - MAX_REPORTED_PROBLEMS;
            self.problems.truncate(MAX_REPORTED_PROBLEMS);
            self.problem("", format!("and {more} more problem(s)"));
        }
        Err(ContentError {
            problems: self.problems,
        })
    }
}

/// What a JSON text holds at the top level when that is clearly not an object.
fn non_object_kind(json: &str) -> Option<&'static str> {
    let json = json.trim_start();
    match json.chars().next()? {
        '[' => Some("a JSON array"),
        // A server's page (an error, a login) where the pack was expected.
        '<' => Some("an HTML page, not JSON"),
        '"' => Some("a JSON string"),
        '0'..='9' | '-' => Some("a number"),
        _ if json.starts_with("true") || json.starts_with("false") => Some("a true/false value"),
        _ if json.starts_with("null") => Some("null"),
        _ => None,
    }
}

/// The message for `id`, which is not one of the `known` ids of a `what`.
fn not_one_of(id: &str, known: &[&str], what: &str) -> String {
    let known: Vec<String> = known.iter().map(|k| cut(k)).collect();
    format!(
        "{} is not {}; the {} are {}",
        quoted(id),
        article(what),
        plural(what),
        known.join(", ")
    )
}

/// How many characters of an author's value a message quotes.
const QUOTED_CHARS: usize = 60;

/// An author's value in quotes, cut to `QUOTED_CHARS`: a key or id of thousands of
/// characters must not push the words around it out of the problem (fuzzing found one
/// whose message, cut to its start and end, was all quoted ids).
fn quoted(value: &str) -> String {
    format!("\"{}\"", cut(value))
}

fn cut(value: &str) -> String {
    if value.chars().count() > QUOTED_CHARS {
        value.chars().take(QUOTED_CHARS - 1).chain(['…']).collect()
    } else {
        value.to_owned()
    }
}

fn plural(what: &str) -> String {
    if what.ends_with(['s', 'h']) {
        format!("{what}es")
    } else {
        format!("{what}s")
    }
}

fn article(what: &str) -> String {
    let vowel = what.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {what}", if vowel { "an" } else { "a" })
}

/// The built-in English pack, compiled in so the widget works with no configuration.
/// Packs in other languages are fetched from `content/` beside `embed.js` when needed.
pub const DEFAULT_CONTENT_EN: &str = include_str!("../../../content/en.json");

/// The languages with a built-in pack, by primary subtag: those the widget has its own
/// strings for (`l10n::LANGUAGES`, the one list), each with its pack in `content/`
/// named by it (`content/es.json`; `crates/model/tests/l10n.rs` checks the folder
/// agrees).
pub fn built_in_languages() -> impl Iterator<Item = &'static str> {
    super::l10n::LANGUAGES.iter().map(|(code, _)| *code)
}

/// The built-in pack's language for a tag such as `zh-CN`, if there is one.
pub fn primary_language_has_pack(lang: &str) -> Option<&'static str> {
    let primary = primary_language(lang);
    built_in_languages().find(|code| *code == primary)
}

/// Parses the built-in pack. Its validity is proven by `cargo test -p ovp-model`.
pub fn default_content() -> Result<Content, ContentError> {
    Content::from_json(DEFAULT_CONTENT_EN)
}

/// The JSON Schema of a content pack, as shipped in `content.schema.json`.
/// Regenerate the file with `make schema`; a test checks it matches these types.
#[cfg(not(target_arch = "wasm32"))]
pub fn json_schema() -> String {
    let mut schema = schemars::schema_for!(Content);
    schema.insert("title".into(), "open-vs-proprietary content pack".into());
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serializes");
    text.push('\n');
    text
}

/// Every problem of a pack's types the parser allows finding at once, for the studio.
///
/// serde_json stops at the first value of a wrong type (or a missing or unknown field),
/// so `Content::from_json` names one. Here each item of the pack's lists is read on its
/// own as well, and the first such problem of each is added, with its path in the whole
/// pack: an author fixing a list sees every item's problem together. `items(list)` gives
/// the text of each item of the list named `list` (approaches, dimensions, questions,
/// facts), or nothing when the pack has no such list; the studio finds them with
/// serde_json's `RawValue`, which the widget does not carry. Syntax errors stay one (the
/// text cannot be read past them), and a pack without type problems gets `from_json`'s.
pub fn problems_at_once<'a>(json: &'a str, items: impl Fn(&str) -> Vec<&'a str>) -> Vec<Problem> {
    let mut problems = match Content::from_json(json) {
        Ok(_) => return Vec::new(),
        Err(error) => error.problems,
    };
    // A pack too large is not read at all, as the widget does not read it.
    let type_error = json.len() <= MAX_CONTENT_BYTES
        && serde_json::from_str::<Content>(json)
            .err()
            .is_some_and(|e| e.is_data());
    if !type_error {
        return problems;
    }
    /// The first type problem of one item, read as a `T`.
    type ItemProblem = fn(&str) -> Option<serde_json::Error>;
    fn read<T: serde::de::DeserializeOwned>(text: &str) -> Option<serde_json::Error> {
        serde_json::from_str::<T>(text)
            .err()
            .filter(serde_json::Error::is_data)
    }
    let lists: [(&str, ItemProblem); 4] = [
        ("approaches", read::<Approach>),
        ("dimensions", read::<Dimension>),
        ("questions", read::<Question>),
        ("facts", read::<Fact>),
    ];
    for (list, problem_in) in lists {
        for (i, item) in items(list).into_iter().enumerate() {
            let Some(err) = problem_in(item) else {
                continue;
            };
            let inner = error_path(item, &err);
            let separator = if inner.is_empty() || inner.starts_with('[') {
                ""
            } else {
                "."
            };
            let path = format!("{list}[{i}]{separator}{inner}");
            if !problems.iter().any(|p| p.path == path) {
                problems.push(Problem::new(path, in_authors_words(item, &err)));
            }
        }
    }
    problems
}
