//! The result screen: the suggestion, the score of each approach, why, every answer to
//! change in place (`explore.rs`), how each answer
//! moved the scores (chart and table), the comparison chart with its table and the
//! reasons behind its ratings, the facts, and ways to keep the result: a share link,
//! downloads of both charts, printing.
//!
//! It leads with what a reader on a phone came for: the verdict and what to do next, then
//! the scores and why, then both charts. Each chart's table, every rating's reason and the facts sit
//! behind native disclosures (`<details>`), closed until opened and open in print.

use super::chart_download::ChartDownloadButtons;
use super::comparison_chart::ComparisonChart;
use super::comparison_table::ComparisonTable;
use super::contribution_chart::ContributionChart;
use super::contribution_table::ContributionTable;
use super::cost_chart::CostChart;
use super::explore::Explore;
use super::facts::Facts;
use super::next_steps::NextSteps;
use super::rating_reasons::RatingReasons;
use super::score_list::ScoreList;
use super::services::PageServices;
use super::share_link::ShareLink;
use super::why::Why;
use ovp_model::content::Content;
use ovp_model::l10n::UiText;
use ovp_model::scoring::Outcome;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultProps {
    pub content: Rc<Content>,
    pub ui: Rc<UiText>,
    pub outcome: Rc<Outcome>,
    /// The outcome before the reader changed an answer on the result, while one differs.
    #[prop_or_default]
    pub before: Option<Rc<Outcome>>,
    pub heading: NodeRef,
    /// The reader's volume, for a pack with costs: the number they gave, or the middle
    /// of their answer's band.
    #[prop_or_default]
    pub volume: Option<f64>,
    /// (question, option): the reader changed an answer on the result.
    pub on_explore: Callback<(usize, usize)>,
    /// Back to the answers before exploring.
    pub on_stop_exploring: Callback<()>,
    pub on_back: Callback<MouseEvent>,
    pub on_retake: Callback<MouseEvent>,
    #[prop_or_default]
    pub services: PageServices,
}

#[component]
pub fn ResultView(props: &ResultProps) -> Html {
    let ResultProps {
        content,
        ui,
        outcome,
        before,
        heading,
        services,
        ..
    } = props;
    let recommended = outcome.recommended.map(|a| &content.approaches[a]);
    let ruled_out = outcome.ruled_out_flags();
    // The dimension whose rating reasons are shown: the reader's top priority at first.
    let pointed = use_state(|| outcome.priorities.first().copied());
    // Kept from render to render (`use_callback`), so a change of answers does not
    // redraw the comparison chart and its table when what they show stays the same.
    let on_point = {
        let pointed = pointed.setter();
        use_callback((), move |d: usize, _| pointed.set(Some(d)))
    };
    // A tap on a dimension (in the chart or its table) brings its reasons into view: on
    // a phone they may sit below the screen, where nothing would show they changed.
    // Counted, so a tap on the dimension a pointer already showed (a tap sends the
    // pointer there first) still brings its reasons into view.
    let reasons = use_node_ref();
    let picks = use_state(|| 0_u32);
    let on_pick = {
        let (pointed, count) = (pointed.setter(), picks.setter());
        use_callback(*picks, move |d: usize, picks| {
            pointed.set(Some(d));
            count.set(picks + 1);
        })
    };
    {
        let reasons = reasons.clone();
        use_effect_with(*picks, move |picks| {
            if *picks > 0 {
                if let Some(element) = reasons.cast::<web_sys::Element>() {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                    element.scroll_into_view_with_scroll_into_view_options(&options);
                }
            }
        });
    }
    // On a phone the charts, their tables and the facts wait behind one button, so the
    // verdict, the steps and why make a short result; wider widgets show them at once
    // (widget.css hides the button there).
    let details_open = use_state(|| false);
    let toggle_details = {
        let details_open = details_open.clone();
        Callback::from(move |_: MouseEvent| details_open.set(!*details_open))
    };
    let contribution_chart = use_node_ref();
    let comparison_chart = use_node_ref();
    // The result arrives in four paints (see PageServices): the verdict and the scores,
    // answering See result at once; then why; then the charts, the actions and the closed
    // disclosures' summaries; then what the disclosures hold (the tables, the reasons and
    // the facts, most of its DOM), which nobody sees before opening one. Each stage waits
    // for the previous one to be painted.
    let stage = use_state(|| {
        if services.after_paint.is_none() {
            Stage::Complete
        } else {
            Stage::Verdict
        }
    });
    {
        let stage = stage.clone();
        let services = services.clone();
        use_effect_with(*stage, move |now| {
            let next = match now {
                Stage::Verdict => Some(Stage::Why),
                Stage::Why => Some(Stage::Charts),
                Stage::Charts => Some(Stage::Complete),
                Stage::Complete => None,
            };
            if let Some(next) = next {
                services.when_painted(move || stage.set(next));
            }
        });
    }
    let filled = *stage == Stage::Complete;
    // Worked out only once the charts are due: the chart source line and the share code.
    let details = (*stage >= Stage::Charts).then(|| {
        let source: AttrValue = ui.chart_source(&content.title, &ui.isolated(&services.page_url))
        .into();
        let link = services
            .share_link
            .as_ref()
            .and_then(|link_for| link_for.emit(outcome.answers.clone()));
        html! {
            <>
            <button type="button" class="secondary details-toggle" aria-expanded={details_open.to_string()} onclick={toggle_details}>
                {ui.see_details()}
            </button>
            <div class={classes!("result-details", details_open.then_some("open"))}>
                <h3>{ui.contributions_heading()}</h3>
                <div class="comparison contributions">
                    <div ref={contribution_chart.clone()}>
                        <ContributionChart content={content.clone()} ui={ui.clone()} outcome={outcome.clone()} />
                        <ChartDownloadButtons ui={ui.clone()} chart={contribution_chart} title={ui.contributions_heading().to_string()}
                            source={source.clone()} file_name="answer-contributions" download={services.download.clone()} />
                    </div>
                    <ContributionTable content={content.clone()} ui={ui.clone()} outcome={outcome.clone()} {filled} />
                </div>
                <h3>{ui.chart_heading()}</h3>
                <div class="comparison">
                    <div ref={comparison_chart.clone()}>
                        <ComparisonChart content={content.clone()} ui={ui.clone()} priorities={outcome.priorities.clone()} ruled_out={ruled_out.clone()}
                            active={*pointed} on_point={on_point.clone()} on_pick={on_pick.clone()} />
                        <div ref={reasons}>
                            <RatingReasons content={content.clone()} ui={ui.clone()} dimension={*pointed} />
                        </div>
                        <ChartDownloadButtons ui={ui.clone()} chart={comparison_chart} title={ui.chart_heading().to_string()}
                            source={source.clone()} file_name="approach-comparison" download={services.download.clone()} />
                    </div>
                    <ComparisonTable content={content.clone()} ui={ui.clone()} priorities={outcome.priorities.clone()} {ruled_out} {on_point} {on_pick} {filled} />
                </div>
                if let Some(volume) = props.volume {
                    <CostChart content={content.clone()} ui={ui.clone()} {volume} ruled_out={outcome.ruled_out_flags()}
                        {source} download={services.download.clone()} {filled} />
                }
                <Facts content={content.clone()} ui={ui.clone()} {filled} />
            </div>
                if let Some(link) = link {
                    <ShareLink ui={ui.clone()} link={link} copy={services.copy.clone()} />
                }
                <div class="actions">
                    <button type="button" class="secondary" part="button secondary-button" onclick={props.on_back.clone()}>
                        {ui.back()}
                    </button>
                    <button type="button" class="primary" part="button primary-button" onclick={props.on_retake.clone()}>
                        {ui.retake()}
                    </button>
                </div>
            </>
        }
    });
    html! {
        <div class="result" part="result">
            <h2 class="result-heading" tabindex="-1" ref={heading.clone()}>
                {result_heading(ui, recommended.map(|a| a.name.as_str()))}
            </h2>
            if let Some(recommended) = recommended {
                <NextSteps ui={ui.clone()} steps={Rc::<[String]>::from(recommended.steps.as_slice())} />
                <p class="lede">{&recommended.summary}</p>
            }
            <ScoreList content={content.clone()} ui={ui.clone()} outcome={outcome.clone()} before={before.clone()} />
            if *stage != Stage::Verdict {
                <Why content={content.clone()} ui={ui.clone()} outcome={outcome.clone()} />
                <Explore content={content.clone()} ui={ui.clone()} outcome={outcome.clone()} before={before.clone()}
                    on_explore={props.on_explore.clone()} on_reset={props.on_stop_exploring.clone()} />
            }
            {details.unwrap_or_default()}
        </div>
    }
}

/// How much of the result is on screen, in the order it arrives.
#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Stage {
    Verdict,
    Why,
    Charts,
    Complete,
}

/// The result's heading, also announced when the result appears: the suggestion, or
/// that no approach fits when the answers rule out every one.
pub fn result_heading(ui: &UiText, recommended: Option<&str>) -> String {
    match recommended {
        Some(name) => ui.result_heading(name),
        None => ui.no_fit_heading().to_string(),
    }
}
