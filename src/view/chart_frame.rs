//! What both charts share around their bars: the figure, the SVG named by its title and
//! described in words for screen readers, its fill patterns and its legend. Each chart
//! draws only its plot.

use super::patterns::{legend, pattern_defs};
use ovp_model::content::Approach;
use ovp_model::l10n::UiText;
use yew::prelude::*;

/// The geometry every chart shares, in viewBox units: the SVG scales to its container's
/// width, narrow enough that labels stay legible on a phone.
pub const WIDTH: f64 = 300.0;

/// One chart's own parts.
pub struct Chart<'a> {
    /// The figure's `part` name, which hosts style it by.
    pub part: &'static str,
    /// The SVG's own class, beside `chart-plot`, which every chart's SVG has (widget.css
    /// sizes and colours them all by it).
    pub class: &'static str,
    /// The prefix of its title's and description's ids.
    pub id: &'static str,
    pub title: &'a str,
    pub description: String,
    /// The prefix of the fill patterns' ids.
    pub pattern: &'static str,
    pub height: f64,
    /// The approaches the legend names, as indices: every approach, or only those the
    /// chart draws (the cost chart leaves out an approach with no cost).
    pub legend: Vec<usize>,
    /// The plot, then the legend again at its foot when the chart is tall.
    pub body: Html,
}

pub fn chart_frame(chart: Chart, approaches: &[Approach], ruled_out: &[bool], ui: &UiText) -> Html {
    let Chart {
        part,
        class,
        id,
        title,
        description,
        pattern,
        height,
        legend: shown,
        body,
    } = chart;
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    html! {
        <figure class="chart" {part}>
            <svg role="img" aria-labelledby={format!("{title_id} {desc_id}")} viewBox={format!("-4 0 {} {height}", WIDTH + 8.0)}
                class={format!("chart-plot {class}")} direction={ui.direction().attribute()} xmlns="http://www.w3.org/2000/svg">
                <title id={title_id}>{title.to_owned()}</title>
                <desc id={desc_id}>{description}</desc>
                <defs>{pattern_defs(pattern, approaches.len())}</defs>
                {legend(approaches, &shown, pattern, ruled_out, ui, WIDTH)}
                {body}
            </svg>
        </figure>
    }
}
