//! Each approach's score as a labelled bar, the suggested one marked; while the reader
//! explores other answers on the result, each score's value before beside it.
//! Bars are SVG rectangles so their widths need no inline styles (strict CSP); each
//! approach's bar has its own fill pattern, as in the comparison chart. An approach the
//! answers ruled out is no contender: it is listed last, marked, with neither bar nor
//! score (why it was ruled out is said under "Why").

use super::format::{approach_label, points};
use super::mirror::Mirror;
use super::patterns::{pattern_def, pattern_fill};
use ovp_model::content::Content;
use ovp_model::l10n::UiText;
use ovp_model::scoring::{rank, Outcome};
use std::rc::Rc;
use yew::prelude::*;

const PATTERN: &str = "ovp-score-pattern";

#[derive(Properties, PartialEq)]
pub struct ScoreListProps {
    pub content: Rc<Content>,
    pub ui: Rc<UiText>,
    pub outcome: Rc<Outcome>,
    /// The outcome before the reader changed an answer on the result, while one differs.
    #[prop_or_default]
    pub before: Option<Rc<Outcome>>,
}

#[component]
pub fn ScoreList(props: &ScoreListProps) -> Html {
    let ScoreListProps {
        content,
        ui,
        outcome,
        before,
    } = props;
    // Bars grow from zero; a negative score shows as an empty bar with its number.
    let open = |a: &usize| outcome.ruled_out[*a].is_empty();
    let longest = (0..outcome.scores.len())
        .filter(open)
        .fold(1.0_f64, |m, a| m.max(outcome.scores[a]));
    let contenders = rank(&outcome.scores).into_iter().filter(open);
    // Ruled out: in the pack's order, since their scores rank nothing.
    let ruled_out = (0..outcome.scores.len()).filter(|a| !open(a));
    let ruled_out_rows = ruled_out.map(|a| {
        html! {
            <li class={classes!("score", format!("series-{a}"), "ruled-out")}>
                <span class="score-name">{approach_label(&content.approaches[a].name, true, ui)}</span>
            </li>
        }
    });
    let rows = contenders.map(|a| {
        let score = outcome.scores[a];
        let width = (score.max(0.0) / longest * 100.0).round();
        let suggested = Some(a) == outcome.recommended;
        // Only where it moved, and only if it was a contender then too.
        let was = before
            .as_ref()
            .filter(|before| before.ruled_out[a].is_empty())
            .map(|before| points(before.scores[a], ui))
            .filter(|was| *was != points(score, ui))
            .map(|was| html! { <span class="score-was">{ui.score_was(&ui.points(&was))}</span> });
        html! {
            <li class={classes!("score", format!("series-{a}"), suggested.then_some("suggested"))}>
                <span class="score-name">{&content.approaches[a].name}</span>
                <svg class="score-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <defs>{pattern_def(PATTERN, a)}</defs>
                    <rect class="track" x="0" y="0" width="100" height="8" rx="2" />
                    <rect class="bar" x={Mirror::new(100.0, ui.direction()).span(0.0, width).to_string()} y="0" width={width.to_string()} height="8" rx="2" fill={pattern_fill(PATTERN, a)} />
                </svg>
                <span class="score-value">{ui.points(&points(score, ui))}{was}</span>
            </li>
        }
    });
    html! {
        <div class="scores">
            <h3>{ui.scores_caption()}</h3>
            <ol class="score-list">{for rows}{for ruled_out_rows}</ol>
            <p class="meta score-note">{ui.scores_note()}</p>
        </div>
    }
}
