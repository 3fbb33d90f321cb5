//! The comparison chart: every approach's rating on every dimension as grouped
//! horizontal bars, drawn as SVG in `html!` so it themes through CSS custom properties,
//! prints, scales with the page and needs no chart library. The reader's priorities are
//! starred and banded. Each approach's bars carry their own fill pattern as well as their
//! colour, so the series never depend on colour alone. Screen readers get the title and a
//! description stating the main finding in words; the same numbers are in the table.

use super::chart_frame::{chart_frame, Chart, WIDTH};
use super::format::{approach_label, whole};
use super::mirror::Mirror;
use super::patterns::{legend_again, legend_height, pattern_fill};
use ovp_model::chart_summary::chart_description;
use ovp_model::content::{Content, RATING_MAX};
use ovp_model::l10n::UiText;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ComparisonChartProps {
    pub content: Rc<Content>,
    pub ui: Rc<UiText>,
    /// Dimension indices the reader's answers made important.
    pub priorities: Vec<usize>,
    /// Per approach, whether the reader's answers ruled it out: its bars are faded and
    /// its legend entry marked.
    pub ruled_out: Vec<bool>,
    /// The dimension whose reasons are shown; its bars are outlined.
    #[prop_or_default]
    pub active: Option<usize>,
    /// A dimension was pointed at.
    #[prop_or_default]
    pub on_point: Callback<usize>,
    /// A dimension was tapped or clicked: show its reasons and bring them into view.
    #[prop_or_default]
    pub on_pick: Callback<usize>,
}

/// Geometry in viewBox units (the width is the frame's).
const PLOT_WIDTH: f64 = 276.0;
const LABEL_HEIGHT: f64 = 16.0;
const BAR_HEIGHT: f64 = 9.0;
const BAR_GAP: f64 = 2.0;
const GROUP_GAP: f64 = 12.0;
const AXIS_HEIGHT: f64 = 18.0;
const PATTERN: &str = "ovp-chart-pattern";

#[component]
pub fn ComparisonChart(props: &ComparisonChartProps) -> Html {
    let ComparisonChartProps {
        content,
        ui,
        priorities,
        ruled_out,
        active,
        on_point,
        on_pick,
    } = props;
    let approaches = content.approaches.len() as f64;
    let legend_height = legend_height(content.approaches.len());
    let group_height = LABEL_HEIGHT + (BAR_HEIGHT + BAR_GAP) * approaches + GROUP_GAP;
    let plot_top = legend_height;
    let plot_bottom = plot_top + group_height * content.dimensions.len() as f64;
    let (legend_again, again_height) = legend_again(
        &content.approaches,
        PATTERN,
        ruled_out,
        ui,
        WIDTH,
        plot_bottom - plot_top,
        plot_bottom + AXIS_HEIGHT,
    );
    let height = plot_bottom + AXIS_HEIGHT + again_height;
    let x_of = |rating: f64| rating / RATING_MAX * PLOT_WIDTH;
    let mirror = Mirror::new(WIDTH, ui.direction());

    let gridlines = (1..=RATING_MAX as u32).map(|tick| {
        let x = mirror.x(x_of(tick as f64)).to_string();
        html! {
            <g class="tick">
                <line class="gridline" x1={x.clone()} x2={x.clone()} y1={plot_top.to_string()} y2={plot_bottom.to_string()} />
                <text class="axis-label" x={x} y={(plot_bottom + 13.0).to_string()} text-anchor="middle">{whole(tick, ui)}</text>
            </g>
        }
    });

    let groups = content.dimensions.iter().enumerate().map(|(d, dimension)| {
        let top = plot_top + group_height * d as f64;
        let is_priority = priorities.contains(&d);
        let label = if is_priority { format!("{} {}", ui.priority_mark(), dimension.name) } else { dimension.name.clone() };
        let bars = content.approaches.iter().enumerate().map(|(a, approach)| {
            let rating = content.rating(d, a);
            let y = top + LABEL_HEIGHT + (BAR_HEIGHT + BAR_GAP) * a as f64;
            let width = x_of(rating.score);
            let score_text = ui.rating_of(&whole(rating.score, ui), &whole(RATING_MAX, ui));
            let out = ruled_out[a];
            html! {
                <g class={classes!(format!("series-{a}"), out.then_some("ruled-out"))}>
                    <rect class="bar" x={mirror.span(0.0, width).to_string()} y={y.to_string()} width={width.to_string()} height={BAR_HEIGHT.to_string()} rx="1.5" fill={pattern_fill(PATTERN, a)}>
                        <title>{format!("{}{}", ui.rating_label(&approach_label(&approach.name, out, ui), &score_text), rating.reason)}</title>
                    </rect>
                    <text class="value-label" x={mirror.x(width + 3.0).to_string()} y={(y + BAR_HEIGHT - 1.0).to_string()}>{whole(rating.score, ui)}</text>
                </g>
            }
        });
        let point = {
            let on_point = on_point.clone();
            move |_: MouseEvent| on_point.emit(d)
        };
        let pick = {
            let on_pick = on_pick.clone();
            move |_: MouseEvent| on_pick.emit(d)
        };
        html! {
            <g class={classes!("dimension", is_priority.then_some("priority"), (*active == Some(d)).then_some("active"))}
                onmouseenter={point} onclick={pick}>
                if is_priority {
                    <rect class="priority-band" x={mirror.span(-4.0, WIDTH + 4.0).to_string()} y={(top - 3.0).to_string()} width={(WIDTH + 4.0).to_string()} height={(group_height - GROUP_GAP + 5.0).to_string()} rx="4" />
                }
                <text class="dimension-label" x={mirror.x(0.0).to_string()} y={(top + LABEL_HEIGHT - 4.0).to_string()}>{label}</text>
                {for bars}
            </g>
        }
    });

    let chart = Chart {
        part: "chart",
        class: "comparison-chart",
        id: "ovp-chart",
        title: ui.chart_heading(),
        description: chart_description(content, ui, priorities),
        pattern: PATTERN,
        height,
        legend: (0..content.approaches.len()).collect(),
        body: html! {
            <>
                <g class="grid">{for gridlines}</g>
                {for groups}
                {legend_again}
            </>
        },
    };
    chart_frame(chart, &content.approaches, ruled_out, ui)
}
