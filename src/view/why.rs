//! "Why": the answers that decided the suggestion, in plain words.

use crate::model::content::Content;
use crate::model::scoring::{counterfactual, Basis, Outcome};
use crate::model::ui_text::{fill, UiText};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WhyProps {
    pub content: Rc<Content>,
    pub ui: Rc<UiText>,
    pub outcome: Rc<Outcome>,
}

#[component]
pub fn Why(props: &WhyProps) -> Html {
    let WhyProps {
        content,
        ui,
        outcome,
    } = props;
    let name = |a: usize| content.approaches[a].name.as_str();
    let answer_to = |q: usize| {
        let question = &content.questions[q];
        let option = outcome.answers[q];
        (
            question.prompt.as_str(),
            question.options[option].label.as_str(),
        )
    };
    let body = match &outcome.basis {
        Basis::Lead {
            runner_up,
            questions,
        } if !questions.is_empty() => {
            let items = questions.iter().map(|&q| {
                let (question, answer) = answer_to(q);
                html! { <li>{fill(&ui.why_item, &[("answer", answer), ("question", question)])}</li> }
            });
            html! {
                <>
                    <p>{fill(&ui.why_lead, &[("runner_up", name(*runner_up))])}</p>
                    <ul class="why-list">{for items}</ul>
                </>
            }
        }
        Basis::Lead { .. } => html! { <p>{&*ui.why_no_reasons}</p> },
        Basis::NearTie { sides, gap } => {
            let gap = format!("{gap:.1}");
            let lead = fill(
                &ui.why_near_tie,
                &[
                    ("first", name(sides[0].0)),
                    ("second", name(sides[1].0)),
                    ("gap", &gap),
                    ("approach", name(outcome.recommended)),
                ],
            );
            let items = sides.iter().filter_map(|&(a, q)| {
                let (_, answer) = answer_to(q?);
                Some(html! { <li>{fill(&ui.why_tie_side, &[("approach", name(a)), ("answer", answer)])}</li> })
            });
            html! {
                <>
                    <p>{lead}</p>
                    <ul class="why-list">{for items}</ul>
                </>
            }
        }
    };
    // What one different answer would have changed.
    let what_if = match counterfactual(content, outcome) {
        Some(change) => {
            let question = &content.questions[change.question];
            fill(
                &ui.why_counterfactual,
                &[
                    ("answer", &question.options[change.option].label),
                    ("question", &question.prompt),
                    ("approach", name(change.recommended)),
                ],
            )
        }
        None => ui.why_no_counterfactual.to_string(),
    };
    html! {
        <div class="why">
            <h3>{&*ui.why_heading}</h3>
            {body}
            <p class="what-if">{what_if}</p>
        </div>
    }
}
