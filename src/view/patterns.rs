//! Fill patterns that tell the approaches apart without colour: solid, diagonal stripes,
//! dots, vertical stripes, cross-hatch, horizontal stripes, one per series. The marks
//! take the series colour from CSS (`.pattern-mark`), so themes and forced colours apply.

use super::format::approach_label;
use super::mirror::Mirror;
use ovp_model::content::Approach;
use ovp_model::l10n::UiText;
use yew::prelude::*;

/// The `<pattern>` elements for `count` series, with ids `{prefix}-{series}`; goes in `<defs>`.
pub fn pattern_defs(prefix: &str, count: usize) -> Html {
    html! { <>{for (0..count).map(|a| pattern_def(prefix, a))}</> }
}

/// The `<pattern>` element of series `a`, with id `{prefix}-{a}`; goes in `<defs>`.
pub fn pattern_def(prefix: &str, a: usize) -> Html {
    let (transform, marks) = match a % 6 {
        0 => (
            None,
            html! { <rect class="pattern-mark" width="4" height="4" /> },
        ),
        1 => (
            Some("rotate(45)"),
            html! { <rect class="pattern-mark" width="2" height="4" /> },
        ),
        2 => (
            None,
            html! { <circle class="pattern-mark" cx="2" cy="2" r="1.3" /> },
        ),
        3 => (
            None,
            html! { <rect class="pattern-mark" width="1.6" height="4" /> },
        ),
        4 => (
            Some("rotate(45)"),
            html! {
                <>
                    <rect class="pattern-mark" width="1.2" height="4" />
                    <rect class="pattern-mark" width="4" height="1.2" />
                </>
            },
        ),
        _ => (
            None,
            html! { <rect class="pattern-mark" width="4" height="1.6" /> },
        ),
    };
    html! {
        <pattern id={format!("{prefix}-{a}")} class={format!("series-{a}")} width="4" height="4"
            patternUnits="userSpaceOnUse" patternTransform={transform}>
            {marks}
        </pattern>
    }
}

/// The `fill` value that paints with series `a`'s pattern.
pub fn pattern_fill(prefix: &str, a: usize) -> String {
    format!("url(#{prefix}-{a})")
}

/// Height of a chart legend with `count` rows, in viewBox units.
pub fn legend_height(count: usize) -> f64 {
    LEGEND_ROW * count as f64 + 6.0
}

const LEGEND_ROW: f64 = 18.0;

/// A chart whose bars take more than this many viewBox units (about half a phone's
/// screen) draws its legend again at its foot, so the key to the patterns is never far
/// from the bars a reader is looking at.
const TALL_PLOT: f64 = 400.0;

/// Under a chart whose bars take `plot_height` units, ending at `y`: the legend again
/// when the chart is tall (see `TALL_PLOT`), and how much height that adds.
pub fn legend_again(
    approaches: &[Approach],
    prefix: &str,
    ruled_out: &[bool],
    ui: &UiText,
    width: f64,
    plot_height: f64,
    y: f64,
) -> (Html, f64) {
    if plot_height <= TALL_PLOT {
        return (Html::default(), 0.0);
    }
    let gap = 8.0;
    let again = html! {
        <g class="legend-again" transform={format!("translate(0 {})", y + gap)}>
            {legend(approaches, &(0..approaches.len()).collect::<Vec<_>>(), prefix, ruled_out, ui, width)}
        </g>
    };
    (again, gap + legend_height(approaches.len()))
}

/// A chart's legend: one row per approach in `shown` (indices into `approaches`), its
/// pattern swatch and short name (a full name
/// can be wider than a phone's chart), from the top;
/// an approach the reader's answers ruled out is named with the mark and faded. It starts
/// on the reading side of a chart `width` units wide.
pub fn legend(
    approaches: &[Approach],
    shown: &[usize],
    prefix: &str,
    ruled_out: &[bool],
    ui: &UiText,
    width: f64,
) -> Html {
    let mirror = Mirror::new(width, ui.direction());
    let rows = shown.iter().enumerate().map(|(row, &a)| {
        let approach = &approaches[a];
        let y = LEGEND_ROW * row as f64;
        let out = ruled_out[a];
        html! {
            <g class={classes!(format!("series-{a}"), out.then_some("ruled-out"))}>
                <rect class="bar legend-swatch" x={mirror.span(0.5, 12.0).to_string()} y={(y + 3.0).to_string()} width="12" height="12" rx="2" fill={pattern_fill(prefix, a)} />
                <text class="legend-label" x={mirror.x(18.0).to_string()} y={(y + 13.0).to_string()}>{approach_label(approach.short_name(), out, ui)}</text>
            </g>
        }
    });
    html! { <g class="legend">{for rows}</g> }
}
