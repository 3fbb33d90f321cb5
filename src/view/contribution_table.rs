//! The contribution chart's numbers: what each answer added to or took from each
//! approach, in the chart's order, with the totals (the scores) underneath; behind a
//! disclosure, closed until the reader opens it and open in print.

use super::format::{approach_headers, by_influence, points, signed};
use super::table_disclosure::{table_disclosure, Table};
use ovp_model::content::Content;
use ovp_model::l10n::UiText;
use ovp_model::scoring::Outcome;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ContributionTableProps {
    pub content: Rc<Content>,
    pub ui: Rc<UiText>,
    pub outcome: Rc<Outcome>,
    /// Whether the disclosures hold their contents yet. The result adds them a paint
    /// after its charts; until then the closed disclosures show their summaries only.
    #[prop_or(true)]
    pub filled: bool,
}

#[component]
pub fn ContributionTable(props: &ContributionTableProps) -> Html {
    let ContributionTableProps {
        content,
        ui,
        outcome,
        filled,
    } = props;
    let rows = by_influence(outcome).into_iter().map(|q| {
        let question = &content.questions[q];
        let cells = outcome.contributions[q]
            .iter()
            .map(|&value| html! { <td class="number">{signed(value, ui)}</td> });
        html! {
            <tr>
                <th scope="row">
                    {&question.options[outcome.answers[q]].label}
                    <span class="question-of-answer">{&question.prompt}</span>
                </th>
                {for cells}
            </tr>
        }
    });
    let totals = outcome
        .scores
        .iter()
        .map(|&score| html! { <td class="number">{points(score, ui)}</td> });
    let ruled_out = outcome.ruled_out_flags();
    let table = Table {
        caption: ui.contributions_caption(),
        class: "contribution-table",
        part: "contribution-table",
        sections: html! {
            <>
                <thead>
                    <tr>
                        <th scope="col">{ui.answer()}</th>
                        {approach_headers(content, ui, &ruled_out)}
                    </tr>
                </thead>
                <tbody>{for rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{ui.total()}</th>
                        {for totals}
                    </tr>
                </tfoot>
            </>
        },
    };
    table_disclosure(table, *filled)
}
