//! Every string the widget itself shows (as opposed to the quiz content), in one table
//! keyed by language. Adding a language means adding one `UiText` value here.
//! Templates name their blanks in braces, for example `{step}`; `fill` fills them.

#[derive(Debug, PartialEq, Eq)]
pub struct UiText {
    pub lang: &'static str,
    /// Accessible name of the widget as a whole.
    pub widget_label: &'static str,
    /// `{count}`: number of questions.
    pub intro_meta: &'static str,
    pub start: &'static str,
    pub back: &'static str,
    pub next: &'static str,
    pub see_result: &'static str,
    pub retake: &'static str,
    /// `{step}`, `{total}`.
    pub step_of: &'static str,
    pub choose_an_answer: &'static str,
    /// `{approach}`.
    pub result_heading: &'static str,
    pub scores_caption: &'static str,
    pub points: &'static str,
    pub why_heading: &'static str,
    /// `{runner_up}`: the approach that came second.
    pub why_lead: &'static str,
    /// `{answer}`, `{question}`.
    pub why_item: &'static str,
    pub why_no_reasons: &'static str,
    /// `{first}`, `{second}`, `{gap}`, `{approach}`.
    pub why_near_tie: &'static str,
    /// `{approach}`, `{answer}`.
    pub why_tie_side: &'static str,
    pub chart_heading: &'static str,
    /// `{approaches}`, `{count}`.
    pub chart_description: &'static str,
    /// `{dimensions}`.
    pub chart_priorities: &'static str,
    pub chart_no_priorities: &'static str,
    pub table_caption: &'static str,
    pub dimension: &'static str,
    /// Read by screen readers after a starred dimension.
    pub your_priority: &'static str,
    pub priority_mark: &'static str,
    pub reasons_summary: &'static str,
    /// `{score}`, `{max}`.
    pub rating_of: &'static str,
    pub facts_heading: &'static str,
    pub source: &'static str,
}

pub const EN: UiText = UiText {
    lang: "en",
    widget_label: "Open-source or proprietary AI? A decision quiz",
    intro_meta: "{count} questions · about two minutes · nothing leaves your browser",
    start: "Start",
    back: "Back",
    next: "Next",
    see_result: "See result",
    retake: "Retake the quiz",
    step_of: "Step {step} of {total}",
    choose_an_answer: "Choose an answer to continue.",
    result_heading: "Our suggestion: {approach}",
    scores_caption: "Score per approach",
    points: "points",
    why_heading: "Why",
    why_lead: "These answers gave it the biggest lead over {runner_up}:",
    why_item: "“{answer}” for “{question}”",
    why_no_reasons: "No single answer decided it; it led on the balance of all of them.",
    why_near_tie: "{first} and {second} finished only {gap} points apart, so {approach} gets the best of both.",
    why_tie_side: "{approach} was pulled ahead most by “{answer}”.",
    chart_heading: "How the approaches compare",
    chart_description: "Ratings from 1 (weak) to 5 (strong) for {approaches} on {count} dimensions.",
    chart_priorities: "Your answers made these matter most: {dimensions}.",
    chart_no_priorities: "Your answers did not single out any dimension.",
    table_caption: "Ratings from 1 (weak) to 5 (strong); ★ marks your priorities",
    dimension: "Dimension",
    your_priority: "your priority",
    priority_mark: "★",
    reasons_summary: "The reason behind each rating",
    rating_of: "{score} of {max}",
    facts_heading: "Facts behind the ratings",
    source: "Source",
};

/// Languages with a UI text table, by their `lang` code.
pub const LANGUAGES: &[&UiText] = &[&EN];

/// The table for a language tag such as `en` or `en-GB`; English when there is none.
pub fn ui_text(lang: &str) -> &'static UiText {
    let primary = lang
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    LANGUAGES
        .iter()
        .copied()
        .find(|t| t.lang == primary)
        .unwrap_or(&EN)
}

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}
