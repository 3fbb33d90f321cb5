//! How much each answer moved each approach's score: a diverging bar chart in SVG,
//! one group per answer, the answers that moved the scores most first. Bars to the
//! right of the zero line added points, bars to the left took them away. The same
//! numbers are in `contribution_table.rs`.

use crate::model::content::Content;
use crate::model::scoring::Outcome;
use crate::model::ui_text::{fill, UiText};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ContributionChartProps {
    pub content: Rc<Content>,
    pub ui: Rc<UiText>,
    pub outcome: Rc<Outcome>,
}

/// Geometry in viewBox units, like the comparison chart's.
const WIDTH: f64 = 300.0;
const ZERO_X: f64 = 150.0;
/// Room either side of the zero line for the longest bar, leaving space for its value.
const HALF_SPAN: f64 = 115.0;
const LEGEND_ROW: f64 = 18.0;
const LABEL_HEIGHT: f64 = 15.0;
const BAR_HEIGHT: f64 = 7.0;
const BAR_GAP: f64 = 1.5;
const GROUP_GAP: f64 = 9.0;
/// About how many Latin letters fit on a label line; wider scripts count double.
const LABEL_ROOM: usize = 48;

/// Answer indices ordered by how far their largest contribution reached either way,
/// largest first; equal ones keep question order.
pub fn by_influence(outcome: &Outcome) -> Vec<usize> {
    let reach = |q: usize| {
        outcome.contributions[q]
            .iter()
            .fold(0.0_f64, |m, c| m.max(c.abs()))
    };
    let mut order: Vec<usize> = (0..outcome.contributions.len()).collect();
    order.sort_by(|&p, &q| reach(q).total_cmp(&reach(p)).then(p.cmp(&q)));
    order
}

/// A signed number with one decimal and a true minus sign.
pub fn signed(value: f64) -> String {
    let value = if value.abs() < 0.05 { 0.0 } else { value };
    format!("{value:+.1}").replace('-', "−")
}

/// `text` cut to about `room` Latin letters' width, with an ellipsis if cut.
fn fit(text: &str, room: usize) -> String {
    let mut used = 0;
    let mut out = String::new();
    for c in text.chars() {
        used += if c.len_utf8() > 2 { 2 } else { 1 };
        if used > room {
            out.push('…');
            return out;
        }
        out.push(c);
    }
    out
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
    let legend_height = LEGEND_ROW * approaches + 6.0;
    let group_height = LABEL_HEIGHT + (BAR_HEIGHT + BAR_GAP) * approaches + GROUP_GAP;
    let order = by_influence(outcome);
    let height = legend_height + group_height * order.len() as f64 + 4.0;

    let legend = content.approaches.iter().enumerate().map(|(a, approach)| {
        let y = LEGEND_ROW * a as f64;
        html! {
            <g class={format!("series-{a}")}>
                <rect class="bar" x="0" y={(y + 3.0).to_string()} width="12" height="12" rx="2" />
                <text class="legend-label" x="18" y={(y + 13.0).to_string()}>{&approach.name}</text>
            </g>
        }
    });

    let groups = order.iter().enumerate().map(|(row, &q)| {
        let question = &content.questions[q];
        let label = &question.options[outcome.answers[q]].label;
        let top = legend_height + group_height * row as f64;
        let bars = outcome.contributions[q].iter().enumerate().map(|(a, &value)| {
            let y = top + LABEL_HEIGHT + (BAR_HEIGHT + BAR_GAP) * a as f64;
            let (x, end) = (x_of(value.min(0.0)), x_of(value.max(0.0)));
            let (label_x, anchor) = if value < 0.0 { (x - 3.0, "end") } else { (end + 3.0, "start") };
            html! {
                <g class={format!("series-{a}")}>
                    <rect class="bar" x={x.to_string()} y={y.to_string()} width={(end - x).to_string()} height={BAR_HEIGHT.to_string()} rx="1" />
                    // Answers that moved an approach not at all get no number: the table has it.
                    if value.abs() >= 0.05 {
                        <text class="value-label" x={label_x.to_string()} y={(y + BAR_HEIGHT - 0.5).to_string()} text-anchor={anchor}>{signed(value)}</text>
                    }
                </g>
            }
        });
        html! {
            <g class="answer">
                <title>{format!("{} {}", question.prompt, label)}</title>
                <text class="answer-label" x="0" y={(top + LABEL_HEIGHT - 4.0).to_string()}>{fit(label, LABEL_ROOM)}</text>
                // The zero line runs under the bars only, so it never crosses a label.
                <line class="zero-line" x1={ZERO_X.to_string()} x2={ZERO_X.to_string()} y1={(top + LABEL_HEIGHT - 1.0).to_string()} y2={(top + group_height - GROUP_GAP + 1.0).to_string()} />
                {for bars}
            </g>
        }
    });

    let names: Vec<&str> = content.approaches.iter().map(|a| a.name.as_str()).collect();
    let description = fill(
        &ui.contributions_description,
        &[("approaches", &names.join(", "))],
    );
    html! {
        <figure class="chart" part="contribution-chart">
            <svg role="img" aria-labelledby="ovp-contrib-title ovp-contrib-desc" viewBox={format!("-4 0 {} {height}", WIDTH + 8.0)}
                class="contribution-chart" xmlns="http://www.w3.org/2000/svg">
                <title id="ovp-contrib-title">{&*ui.contributions_heading}</title>
                <desc id="ovp-contrib-desc">{description}</desc>
                <g class="legend">{for legend}</g>
                {for groups}
            </svg>
        </figure>
    }
}
