//! What each approach costs a month against volume (`ovp_model::cost`): for each costed
//! approach a band from the cheapest to the dearest figures and the estimate as a line,
//! on logarithmic axes; the reader's volume marked, the break-even points marked and
//! named in words, the same numbers in a table, and the assumptions that matter most
//! (GPU rent, how busy the GPUs are, API prices) for the reader to adjust.

use super::chart_download::ChartDownloadButtons;
use super::chart_frame::{chart_frame, Chart, WIDTH};
use super::format::{count, count_with_unit, money};
use super::mirror::Mirror;
use super::patterns::{legend_height, pattern_fill};
use super::services::ChartDownload;
use super::table_disclosure::{table_disclosure, Table};
use ovp_model::content::Content;
use ovp_model::cost::{Assumptions, Bound, BreakEven, Costs};
use ovp_model::l10n::UiText;
use ovp_model::number::NumberQuestion;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CostChartProps {
    pub content: Rc<Content>,
    pub ui: Rc<UiText>,
    /// The reader's volume: the number they gave, or the middle of their answer's band.
    pub volume: f64,
    pub ruled_out: Vec<bool>,
    pub source: AttrValue,
    pub download: Callback<ChartDownload>,
    #[prop_or(true)]
    pub filled: bool,
}

/// Plot geometry in viewBox units: room on the left for the cost axis's labels (at
/// least this much; more for longer labels, as Arabic's "١٠ مليون US$") and on the right
/// for each line's name.
const LEFT: f64 = 44.0;
/// The width of a tick label's character, in viewBox units (9 px text), with room to spare.
const TICK_CHAR: f64 = 5.0;
const RIGHT: f64 = WIDTH - 4.0;
const PLOT_HEIGHT: f64 = 170.0;
/// Points sampled along each line.
const SAMPLES: usize = 60;
const PATTERN: &str = "ovp-cost-pattern";

/// Log-scale position of `value` between `low` and `high`, from 0 to 1.
fn log_position(value: f64, low: f64, high: f64) -> f64 {
    ((value / low).ln() / (high / low).ln()).clamp(0.0, 1.0)
}

/// The powers of ten from `low` to `high`.
fn decades(low: f64, high: f64) -> Vec<f64> {
    let mut ticks = Vec::new();
    if !(low.is_finite() && high.is_finite() && low > 0.0) {
        return ticks;
    }
    let mut tick = 10f64.powi((low.ln() / std::f64::consts::LN_10).ceil() as i32);
    while tick <= high * 1.000_001 {
        ticks.push(tick);
        tick *= 10.0;
    }
    ticks
}

#[component]
pub fn CostChart(props: &CostChartProps) -> Html {
    let CostChartProps {
        content,
        ui,
        volume,
        ruled_out,
        source,
        download,
        filled,
    } = props;
    let assumptions = use_state(Assumptions::default);
    let holder = use_node_ref();
    // The lines, bands, axes and break-even points depend on the assumptions alone, not
    // on the reader's answers: worked out once per assumption, so a changed answer on
    // the result redraws only what it moves (the reader's mark, the words, the table).
    let plot = use_memo(
        (content.clone(), ui.clone(), *assumptions),
        |(content, ui, assumptions)| Plot::new(content, ui, *assumptions),
    );
    let (Some(plot), Some((costs, number))) = (plot.as_ref(), costs_and_number(content)) else {
        return Html::default();
    };
    let estimate = Bound::Estimate(*assumptions);
    let costed = &plot.costed;
    let name = |a: usize| content.approaches[a].short_name();
    let cash = |value: f64| money(value, &costs.currency, false, ui);
    let monthly =
        |a: usize, v: f64, bound: Bound| costs.monthly(&content.approaches[a].id, v, bound);
    let (top, bottom) = (plot.top, plot.top + PLOT_HEIGHT);
    let series = plot.series.iter().map(|line| {
        let a = line.approach;
        html! {
            <g class={classes!("cost-series", format!("series-{a}"), ruled_out[a].then_some("ruled-out"))}>
                // The band takes its series' pattern, as the legend's swatch does.
                <polygon class="cost-band" points={line.band.clone()} fill={pattern_fill(PATTERN, a)} />
                <polyline class="cost-line" points={line.line.clone()} />
                <circle class="cost-end" cx={line.end.0.to_string()} cy={line.end.1.to_string()} r="1.5" />
            </g>
        }
    });
    let x_ticks = plot.x_ticks.iter().map(|tick| {
        let x = tick.at.to_string();
        html! {
            <g class="tick">
                <line class="gridline" x1={x.clone()} x2={x.clone()} y1={top.to_string()} y2={bottom.to_string()} />
                if let Some(label) = &tick.label {
                    <text class="tick-label" {x} y={(bottom + 10.0).to_string()} text-anchor={tick.anchor}>{label.clone()}</text>
                }
            </g>
        }
    });
    let (plot_left, plot_right) = (plot.mirror.x(plot.left), plot.mirror.x(RIGHT));
    let y_ticks = plot.y_ticks.iter().map(|tick| {
        let y = tick.at;
        html! {
            <g class="tick">
                <line class="gridline" x1={plot_left.to_string()} x2={plot_right.to_string()} y1={y.to_string()} y2={y.to_string()} />
                <text class="tick-label" x={plot.mirror.x(plot.left - 3.0).to_string()} y={(y + 3.0).to_string()} text-anchor="end">{tick.label.clone().unwrap_or_default()}</text>
            </g>
        }
    });
    let break_evens = &plot.break_evens;
    let crossings = plot.crossings.iter().map(|(x, y)| {
        html! { <circle class="break-even" cx={x.to_string()} cy={y.to_string()} r="3" /> }
    });
    let reader_x = plot.x(*volume);
    let you = html! {
        <g class="cost-you">
            <line x1={reader_x.to_string()} x2={reader_x.to_string()} y1={top.to_string()} y2={bottom.to_string()} />
            <text x={reader_x.to_string()} y={(top + 8.0).to_string()} dx="2">{ui.cost_you()}</text>
        </g>
    };
    let height = bottom + 16.0;
    let names: Vec<&str> = costed.iter().map(|&a| name(a)).collect();
    let chart = Chart {
        part: "cost-chart",
        class: "cost-chart",
        id: "ovp-cost",
        title: ui.cost_heading(),
        description: ui.cost_description(&ui.list(&names), &number.unit),
        pattern: PATTERN,
        height,
        legend: costed.clone(),
        body: html! { <>{for x_ticks}{for y_ticks}{for series}{for crossings}{you}</> },
    };

    // In words: what each costs at the reader's volume, then where the cheaper changes.
    let at_volume = count_with_unit(*volume, &number.unit, ui);
    let at_reader = costed.iter().map(|&a| {
        html! {
            <li>{ui.cost_line(
                name(a),
                &cash(monthly(a, *volume, estimate)),
                &cash(monthly(a, *volume, Bound::Low)),
                &cash(monthly(a, *volume, Bound::High)),
            )}</li>
        }
    });
    let crossing_words = break_evens.iter().map(|b| {
        let (a, c) = b.approaches;
        let dearer_above = b.cheaper_below;
        let cheaper_above = if dearer_above == a { c } else { a };
        let at = count_with_unit(b.volume, &number.unit, ui);
        html! { <li>{ui.cost_break_even(&at, name(cheaper_above), name(dearer_above))}</li> }
    });
    let steady = break_evens.is_empty().then(|| {
        let cheapest = costed.iter().copied().min_by(|&a, &b| {
            monthly(a, *volume, estimate).total_cmp(&monthly(b, *volume, estimate))
        });
        cheapest.map(|a| html! { <li>{ui.cost_no_break_even(name(a))}</li> })
    });

    html! {
        <section class="costs" aria-labelledby="ovp-cost-heading">
            <h3 id="ovp-cost-heading">{ui.cost_heading()}</h3>
            <p class="meta">{ui.cost_disclaimer()}</p>
            <div class="comparison">
                <div ref={holder.clone()}>
                    {chart_frame(chart, &content.approaches, ruled_out, ui)}
                    <ChartDownloadButtons ui={ui.clone()} chart={holder} title={ui.cost_heading().to_string()}
                        source={source.clone()} file_name="monthly-cost" download={download.clone()} />
                </div>
                <div class="cost-words">
                    <p>{ui.cost_at_volume(&at_volume)}</p>
                    <ul>{for at_reader}</ul>
                    <ul>{for crossing_words}{steady.flatten()}</ul>
                    {assumption_controls(costs, ui, &assumptions)}
                    {cost_table(content, costs, ui, *volume, break_evens, estimate, *filled)}
                </div>
            </div>
        </section>
    }
}

/// The pack's cost model and the number question it charts, when it has both.
fn costs_and_number(content: &Content) -> Option<(&Costs, &NumberQuestion)> {
    let costs = content.costs.as_ref()?;
    let question = content.questions.iter().find(|q| q.id == costs.question)?;
    Some((costs, question.number.as_ref()?))
}

/// The part of the chart that the assumptions alone decide: the axes, each costed
/// approach's line and band, and where their estimates cross.
struct Plot {
    costed: Vec<usize>,
    mirror: Mirror,
    /// The plot's left edge, wide enough for the cost axis's longest label.
    left: f64,
    top: f64,
    x_range: (f64, f64),
    x_ticks: Vec<Tick>,
    y_ticks: Vec<Tick>,
    series: Vec<Series>,
    break_evens: Vec<BreakEven>,
    /// Where each break-even sits on the plot.
    crossings: Vec<(f64, f64)>,
}

/// A gridline at `at` (viewBox units along its axis) and its label, if it has one.
struct Tick {
    at: f64,
    label: Option<String>,
    anchor: &'static str,
}

/// One approach's estimate as a line and its range as a band, as SVG point lists.
struct Series {
    approach: usize,
    band: AttrValue,
    line: AttrValue,
    end: (f64, f64),
}

impl Plot {
    fn new(content: &Content, ui: &UiText, assumptions: Assumptions) -> Option<Plot> {
        let (costs, number) = costs_and_number(content)?;
        let costed = costs.costed(&content.approaches);
        // A cost model with no figures yet (as the studio starts one) charts nothing.
        if costed.is_empty() {
            return None;
        }
        let estimate = Bound::Estimate(assumptions);
        let monthly =
            |a: usize, v: f64, bound: Bound| costs.monthly(&content.approaches[a].id, v, bound);
        let (x_low, x_high) = (number.min.max(1e-9), number.max);
        // The cost axis runs over whole powers of ten around every band.
        let cheapest = costed
            .iter()
            .map(|&a| monthly(a, x_low, Bound::Low))
            .fold(f64::INFINITY, f64::min)
            .max(1.0);
        let dearest = costed
            .iter()
            .map(|&a| monthly(a, x_high, Bound::High))
            .fold(1.0, f64::max);
        let y_low = 10f64.powi((cheapest.ln() / std::f64::consts::LN_10).floor() as i32);
        let y_high = 10f64
            .powi((dearest.ln() / std::f64::consts::LN_10).ceil() as i32)
            .max(y_low * 10.0);
        let y_labels: Vec<(f64, String)> = decades(y_low, y_high)
            .into_iter()
            .map(|c| (c, money(c, &costs.currency, true, ui)))
            .collect();
        let widest = y_labels
            .iter()
            .map(|(_, l)| l.chars().count())
            .max()
            .unwrap_or(0);
        let left = LEFT.max(widest as f64 * TICK_CHAR + 4.0);
        let top = legend_height(costed.len()) + 6.0;
        let mut plot = Plot {
            costed,
            mirror: Mirror::new(WIDTH, ui.direction()),
            left,
            top,
            x_range: (x_low, x_high),
            x_ticks: Vec::new(),
            y_ticks: Vec::new(),
            series: Vec::new(),
            break_evens: costs.break_evens(content, x_low, x_high, estimate),
            crossings: Vec::new(),
        };
        let y_of =
            |cost: f64| top + PLOT_HEIGHT * (1.0 - log_position(cost.max(y_low), y_low, y_high));
        plot.y_ticks = y_labels
            .into_iter()
            .map(|(c, label)| Tick {
                at: y_of(c),
                label: Some(label),
                anchor: "end",
            })
            .collect();

        // Every decade has its gridline; where their labels are too long to sit side by
        // side (Arabic's "١٠ مليار"), every second or third is labelled.
        let x_labels: Vec<(f64, String)> = decades(x_low, x_high)
            .into_iter()
            .map(|v| (v, count(v, true, ui)))
            .collect();
        let spacing = (RIGHT - left) / (x_high / x_low).log10().max(1.0);
        let widest = x_labels
            .iter()
            .map(|(_, l)| l.chars().count())
            .max()
            .unwrap_or(0);
        let every = ((widest as f64 * TICK_CHAR + 4.0) / spacing)
            .ceil()
            .max(1.0) as usize;
        plot.x_ticks = x_labels
            .into_iter()
            .enumerate()
            .map(|(k, (v, label))| Tick {
                at: plot.x(v),
                label: (k % every == 0).then_some(label),
                // A label at the plot's far end ends there rather than running off the chart.
                anchor: if log_position(v, x_low, x_high) > 0.95 {
                    "end"
                } else {
                    "middle"
                },
            })
            .collect();

        let at = |k: usize| x_low * ((x_high / x_low).ln() * k as f64 / SAMPLES as f64).exp();
        let points = |a: usize, bound: Bound| -> Vec<(f64, f64)> {
            (0..=SAMPLES)
                .map(|k| (plot.x(at(k)), y_of(monthly(a, at(k), bound))))
                .collect()
        };
        let path = |points: &[(f64, f64)]| -> AttrValue {
            points
                .iter()
                .map(|(x, y)| format!("{x:.1},{y:.1}"))
                .collect::<Vec<_>>()
                .join(" ")
                .into()
        };
        let series = plot
            .costed
            .iter()
            .map(|&a| {
                let line = points(a, estimate);
                let mut band = points(a, Bound::Low);
                band.extend(points(a, Bound::High).into_iter().rev());
                Series {
                    approach: a,
                    band: path(&band),
                    line: path(&line),
                    end: line[SAMPLES],
                }
            })
            .collect();
        let crossings = plot
            .break_evens
            .iter()
            .map(|b| {
                (
                    plot.x(b.volume),
                    y_of(monthly(b.approaches.0, b.volume, estimate)),
                )
            })
            .collect();
        plot.series = series;
        plot.crossings = crossings;
        Some(plot)
    }

    /// Where `volume` sits along the volume axis, in viewBox units.
    fn x(&self, volume: f64) -> f64 {
        let (low, high) = self.x_range;
        self.mirror
            .x(self.left + (RIGHT - self.left) * log_position(volume, low, high))
    }
}

/// A slider for each assumption the pack's figures let the reader adjust, from the low
/// end of its range to the high end, showing the figure it gives (the first such term's).
fn assumption_controls(
    costs: &Costs,
    ui: &UiText,
    assumptions: &UseStateHandle<Assumptions>,
) -> Html {
    type Field = fn(&mut Assumptions) -> &mut f64;
    let controls: [(&str, Field); 3] = [
        ("unitHour", |a| &mut a.unit_hour),
        ("utilisation", |a| &mut a.utilisation),
        ("perMillion", |a| &mut a.per_million),
    ];
    let sliders = controls.into_iter().filter_map(|(kind, field)| {
        let term = costs.terms.iter().find(|t| t.kind == kind)?;
        let position = *field(&mut (**assumptions).clone());
        let figure = term.low + (term.high - term.low) * position;
        let label = match kind {
            "unitHour" => ui.assume_unit_hour(&money(figure, &costs.currency, false, ui)),
            "utilisation" => ui.assume_utilisation(&ui.number(&format!("{:.0}", figure * 100.0))),
            _ => ui.assume_per_million(&money(figure, &costs.currency, false, ui)),
        };
        let id = format!("ovp-assume-{kind}");
        let oninput = {
            let assumptions = assumptions.clone();
            Callback::from(move |event: InputEvent| {
                let input: HtmlInputElement = event.target_unchecked_into();
                let mut next = *assumptions;
                *field(&mut next) = input.value_as_number() / 100.0;
                assumptions.set(next);
            })
        };
        Some(html! {
            <div class="assumption">
                <label for={id.clone()}>{label}</label>
                <input type="range" {id} min="0" max="100" step="1"
                    value={(position * 100.0).round().to_string()} {oninput} />
            </div>
        })
    });
    html! {
        <details class="assumptions">
            <summary>{ui.assume_heading()}</summary>
            {for sliders}
        </details>
    }
}

/// The chart's numbers: the estimate and its range for each costed approach at the ends
/// of the range, the reader's volume and every break-even point.
fn cost_table(
    content: &Content,
    costs: &Costs,
    ui: &UiText,
    volume: f64,
    break_evens: &[BreakEven],
    estimate: Bound,
    filled: bool,
) -> Html {
    let Some(number) = content
        .questions
        .iter()
        .find(|q| q.id == costs.question)
        .and_then(|q| q.number.as_ref())
    else {
        return Html::default();
    };
    let costed = costs.costed(&content.approaches);
    let mut volumes: Vec<f64> = [number.min, volume, number.max]
        .into_iter()
        .chain(break_evens.iter().map(|b| b.volume))
        .collect();
    volumes.sort_by(f64::total_cmp);
    volumes.dedup();
    let cash = |v: f64| money(v, &costs.currency, false, ui);
    let rows = volumes.into_iter().map(|v| {
        let cells = costed.iter().map(|&a| {
            let id = &content.approaches[a].id;
            let range = ui.cost_range(
                &cash(costs.monthly(id, v, Bound::Low)),
                &cash(costs.monthly(id, v, Bound::High)),
            );
            html! { <td class="number">{cash(costs.monthly(id, v, estimate))}<br />{range}</td> }
        });
        let mine = v == volume;
        html! {
            <tr class={classes!(mine.then_some("yours"))}>
                <th scope="row">
                    {count(v, false, ui)}
                    if mine {
                        {" "}<span class="question-of-answer">{ui.cost_you()}</span>
                    }
                </th>
                {for cells}
            </tr>
        }
    });
    let headers = costed.iter().map(|&a| {
        html! { <th scope="col">{content.approaches[a].short_name().to_owned()}</th> }
    });
    table_disclosure(
        Table {
            caption: ui.cost_caption(),
            class: "cost-table",
            part: "cost-table",
            sections: html! {
                <>
                    <thead><tr><th scope="col">{number.unit.clone()}</th>{for headers}</tr></thead>
                    <tbody>{for rows}</tbody>
                </>
            },
        },
        filled,
    )
}
