//! The result screen: the suggestion, the score of each approach, why, the comparison
//! chart with its table, and the facts behind the ratings.

use super::comparison_chart::ComparisonChart;
use super::comparison_table::ComparisonTable;
use super::facts::Facts;
use super::score_list::ScoreList;
use super::why::Why;
use crate::model::content::Content;
use crate::model::scoring::Outcome;
use crate::model::ui_text::{fill, UiText};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultProps {
    pub content: Rc<Content>,
    pub ui: Rc<UiText>,
    pub outcome: Rc<Outcome>,
    pub heading: NodeRef,
    pub on_back: Callback<MouseEvent>,
    pub on_retake: Callback<MouseEvent>,
}

#[component]
pub fn ResultView(props: &ResultProps) -> Html {
    let ResultProps {
        content,
        ui,
        outcome,
        heading,
        ..
    } = props;
    let recommended = &content.approaches[outcome.recommended];
    html! {
        <div class="result" part="result">
            <h2 class="result-heading" tabindex="-1" ref={heading.clone()}>
                {fill(&ui.result_heading, &[("approach", &recommended.name)])}
            </h2>
            <p class="lede">{&recommended.summary}</p>
            <ScoreList content={content.clone()} ui={ui.clone()} outcome={outcome.clone()} />
            <Why content={content.clone()} ui={ui.clone()} outcome={outcome.clone()} />
            <h3>{&*ui.chart_heading}</h3>
            <div class="comparison">
                <ComparisonChart content={content.clone()} ui={ui.clone()} priorities={outcome.priorities.clone()} />
                <ComparisonTable content={content.clone()} ui={ui.clone()} priorities={outcome.priorities.clone()} />
            </div>
            <Facts content={content.clone()} ui={ui.clone()} />
            <div class="actions">
                <button type="button" class="secondary" part="button secondary-button" onclick={props.on_back.clone()}>
                    {&*ui.back}
                </button>
                <button type="button" class="primary" part="button primary-button" onclick={props.on_retake.clone()}>
                    {&*ui.retake}
                </button>
            </div>
        </div>
    }
}
