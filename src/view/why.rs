//! "Why": how the suggestion was reached (a close call said as one), the answers that
//! counted for it, those it is suggested in spite of with what following it then takes,
//! what the answers ruled out and by which answer, and the one changed answer that would
//! change it.

use super::format::points;
use ovp_model::content::Content;
use ovp_model::l10n::UiText;
use ovp_model::scoring::{counterfactual, shown, Outcome, TieBreak, Verdict};
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
    let runner_up = outcome.runner_up.map(name).unwrap_or_default();
    let reasons = || {
        let items = outcome.reasons.iter().map(|&q| {
            let question = &content.questions[q];
            let answer = &question.options[outcome.answers[q]].label;
            html! { <li>{ui.why_item(answer, &question.prompt)}</li> }
        });
        html! { <ul class="why-list">{for items}</ul> }
    };
    let body = match (&outcome.verdict, outcome.recommended) {
        (Verdict::Lead { gap }, _) if outcome.is_close_call() => html! {
            <>
                <p>{ui.why_close_call(&points(*gap, ui), runner_up)}</p>
                if !outcome.reasons.is_empty() {
                    <p>{ui.why_favoured(runner_up)}</p>
                    {reasons()}
                }
            </>
        },
        (Verdict::Lead { gap }, _) if !outcome.reasons.is_empty() => html! {
            <>
                <p>{ui.why_lead(&points(*gap, ui), runner_up)}</p>
                {reasons()}
            </>
        },
        (Verdict::Lead { .. }, _) => html! { <p>{ui.why_no_reasons()}</p> },
        (Verdict::OnlyOneLeft, _) => html! { <p>{ui.why_only_one_left()}</p> },
        (Verdict::Tie { tied, by }, Some(winner)) => {
            let names: Vec<&str> = tied.iter().map(|&a| name(a)).collect();
            let score = points(outcome.scores[winner], ui);
            let broken = match by {
                TieBreak::Priorities(dimensions) => {
                    let dimensions: Vec<&str> = dimensions
                        .iter()
                        .map(|&d| content.dimensions[d].name.as_str())
                        .collect();
                    ui.why_tie_by_priorities(name(winner), &ui.list(&dimensions))
                }
                TieBreak::ContentOrder => ui.why_tie_by_order(name(winner)),
            };
            html! {
                <>
                    <p>{ui.why_tie(&ui.list(&names), &score)}</p>
                    <p>{broken}</p>
                </>
            }
        }
        (Verdict::NearTie { between, gap, .. }, Some(winner)) => {
            let margin = content.tie.as_ref().map_or(0.0, |rule| rule.margin);
            let lead = ui.why_near_tie(
                name(between[0]),
                name(between[1]),
                &points(*gap, ui),
                &points(shown(margin), ui),
                name(winner),
            );
            html! {
                <>
                    <p>{lead}</p>
                    if !outcome.reasons.is_empty() {
                        <p>{ui.why_favoured(runner_up)}</p>
                        {reasons()}
                    }
                </>
            }
        }
        (Verdict::NoFit, _) | (_, None) => html! { <p>{ui.no_fit_body()}</p> },
    };
    // Every rule the answers triggered, by approach, then by question.
    let rules = outcome.ruled_out.iter().enumerate().flat_map(|(a, by)| {
        by.iter().map(move |&q| {
            let option = &content.questions[q].options[outcome.answers[q]];
            let reason = &option.rules_out[&content.approaches[a].id];
            html! {
                <li>{ui.ruled_out_item(name(a), &option.label, reason)}</li>
            }
        })
    });
    let ruled_out = outcome.ruled_out.iter().any(|by| !by.is_empty());
    // The answers it is suggested in spite of, with what following it then takes.
    let in_spite_of = outcome.recommended.map(|winner| {
        let id = &content.approaches[winner].id;
        outcome.in_spite_of.iter().map(move |&q| {
            let question = &content.questions[q];
            let option = &question.options[outcome.answers[q]];
            let item = match option.caveats.get(id) {
                Some(takes) => ui.in_spite_item(&option.label, takes),
                None => ui.why_item(&option.label, &question.prompt),
            };
            html! { <li>{item}</li> }
        })
    });
    // What one different answer would have changed.
    let what_if = match counterfactual(content, outcome) {
        Some(change) => {
            let question = &content.questions[change.question];
            ui.why_counterfactual(
                &question.options[change.option].label,
                &question.prompt,
                name(change.recommended),
            )
        }
        None => ui.why_no_counterfactual().to_string(),
    };
    html! {
        <div class="why">
            <h3>{ui.why_heading()}</h3>
            {body}
            if let Some(items) = in_spite_of.filter(|_| !outcome.in_spite_of.is_empty()) {
                <h4 class="in-spite-heading">{ui.in_spite_heading()}</h4>
                <ul class="in-spite-list">{for items}</ul>
            }
            if ruled_out {
                <h4 class="ruled-out-heading">{ui.ruled_out_heading()}</h4>
                <ul class="ruled-out-list">{for rules}</ul>
            }
            <p class="what-if">{what_if}</p>
        </div>
    }
}
