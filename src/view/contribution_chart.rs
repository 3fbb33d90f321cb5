//! How much each answer moved each approach's score: a diverging bar chart in SVG,
//! one group per answer, the answers that moved the scores most first. Bars to the
//! right of the zero line added points, bars to the left took them away. The same
//! numbers are in `contribution_table.rs`.

use super::chart_frame::{chart_frame, Chart, WIDTH};
use super::format::{by_influence, signed};
use super::mirror::Mirror;
use super::patterns::{legend_again, legend_height, pattern_fill};
use ovp_model::content::Content;
use ovp_model::l10n::UiText;
use ovp_model::scoring::{shown, Outcome};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ContributionChartProps {
    pub content: Rc<Content>,
    pub ui: Rc<UiText>,
    pub outcome: Rc<Outcome>,
}

/// Geometry in viewBox units (the width is the frame's).
const ZERO_X: f64 = 150.0;
/// Room either side of the zero line for the longest bar, leaving space for its value.
const HALF_SPAN: f64 = 115.0;
const BAR_HEIGHT: f64 = 7.5;
/// With the bar, a pitch of 10 units: the value labels (10 px type) never overlap.
const BAR_GAP: f64 = 2.5;
const GROUP_GAP: f64 = 9.0;
const PATTERN: &str = "ovp-contrib-pattern";
/// About how many Latin letters fit on a label line, leaving room for wide fonts and
/// WCAG text spacing; wider scripts count double.
const LABEL_ROOM: usize = 34;
const LINE_HEIGHT: f64 = 13.0;

/// How wide a character is, in Latin letters: wider scripts count double.
fn width_of(c: char) -> usize {
    if c.len_utf8() > 2 {
        2
    } else {
        1
    }
}

/// `text` on at most two lines of about `room` Latin letters each, broken between words
/// where there are spaces, with an ellipsis if it still does not fit.
fn wrap(text: &str, room: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut used = 0;
    for word in text.split_inclusive(' ') {
        let width: usize = word.trim_end().chars().map(width_of).sum();
        if used > 0 && used + width > room && lines.len() < 2 {
            lines.push(String::new());
            used = 0;
        }
        for c in word.chars() {
            let w = width_of(c);
            if used + w > room {
                if lines.len() < 2 {
                    lines.push(String::new());
                    used = 0;
                } else {
                    let last = lines.last_mut().expect("one line at least");
                    last.truncate(last.trim_end().len());
                    last.push('…');
                    return lines;
                }
            }
            lines.last_mut().expect("one line at least").push(c);
            used += w;
        }
    }
    lines
        .iter_mut()
        .for_each(|line| line.truncate(line.trim_end().len()));
    lines
}

#[component]
pub fn ContributionChart(props: &ContributionChartProps) -> Html {
    let ContributionChartProps {
        content,
        ui,
        outcome,
    } = props;
    let approaches = content.approaches.len() as f64;
    let largest = outcome
        .contributions
        .iter()
        .flatten()
        .fold(0.0_f64, |m, c| m.max(c.abs()))
        .max(0.5);
    let x_of = |value: f64| ZERO_X + value / largest * HALF_SPAN;
    let mirror = Mirror::new(WIDTH, ui.direction());
    let legend_height = legend_height(content.approaches.len());
    let bars_height = (BAR_HEIGHT + BAR_GAP) * approaches;
    // Each answer's label takes one or two lines, so rows differ in height.
    let mut rows = Vec::new();
    let mut top = legend_height;
    for q in by_influence(outcome) {
        let lines = wrap(
            &content.questions[q].options[outcome.answers[q]].label,
            LABEL_ROOM,
        );
        let label_height = LINE_HEIGHT * lines.len() as f64 + 2.0;
        rows.push((q, lines, top, label_height));
        top += label_height + bars_height + GROUP_GAP;
    }
    let ruled_out = outcome.ruled_out_flags();
    let (legend_again, again_height) = legend_again(
        &content.approaches,
        PATTERN,
        &ruled_out,
        ui,
        WIDTH,
        top - legend_height,
        top,
    );
    let height = top + 4.0 + again_height;

    let groups = rows.into_iter().map(|(q, lines, top, label_height)| {
        let question = &content.questions[q];
        let label = &question.options[outcome.answers[q]].label;
        let bars = outcome.contributions[q].iter().enumerate().map(|(a, &value)| {
            let y = top + label_height + (BAR_HEIGHT + BAR_GAP) * a as f64;
            let (x, end) = (x_of(value.min(0.0)), x_of(value.max(0.0)));
            let (label_x, anchor) = if value < 0.0 { (x - 3.0, "end") } else { (end + 3.0, "start") };
            html! {
                <g class={format!("series-{a}")}>
                    <rect class="bar" x={mirror.span(x, end - x).to_string()} y={y.to_string()} width={(end - x).to_string()} height={BAR_HEIGHT.to_string()} rx="1" fill={pattern_fill(PATTERN, a)} />
                    // Answers that moved an approach not at all get no number: the table has it.
                    if shown(value) != 0.0 {
                        <text class="value-label" x={mirror.x(label_x).to_string()} y={(y + BAR_HEIGHT - 0.5).to_string()} text-anchor={anchor}>{signed(value, ui)}</text>
                    }
                </g>
            }
        });
        html! {
            <g class="answer">
                <title>{format!("{} {}", question.prompt, label)}</title>
                // One text element per line (SVG has no wrapping).
                {for lines.iter().enumerate().map(|(i, line)| html! {
                    <text class="answer-label" x={mirror.x(0.0).to_string()} y={(top + LINE_HEIGHT * (i + 1) as f64 - 2.0).to_string()}>{line.clone()}</text>
                })}
                // The zero line runs under the bars only, so it never crosses a label.
                <line class="zero-line" x1={mirror.x(ZERO_X).to_string()} x2={mirror.x(ZERO_X).to_string()} y1={(top + label_height - 1.0).to_string()} y2={(top + label_height + bars_height + 1.0).to_string()} />
                {for bars}
            </g>
        }
    });

    let names: Vec<&str> = content.approaches.iter().map(|a| a.name.as_str()).collect();
    let chart = Chart {
        part: "contribution-chart",
        class: "contribution-chart",
        id: "ovp-contrib",
        title: ui.contributions_heading(),
        description: ui.contributions_description(&ui.list(&names)),
        pattern: PATTERN,
        height,
        legend: (0..content.approaches.len()).collect(),
        body: html! { <>{for groups}{legend_again}</> },
    };
    chart_frame(chart, &content.approaches, &ruled_out, ui)
}
