//! The comparison chart's numbers as a data table, plus the one-line reason behind
//! every rating, each behind its own disclosure (closed until the reader opens it, open
//! in print) so the result leads with the verdict and the charts.

use super::format::{approach_headers, whole};
use super::rating_reasons::reason_items;
use super::table_disclosure::{table_disclosure, Table};
use ovp_model::content::Content;
use ovp_model::l10n::UiText;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ComparisonTableProps {
    pub content: Rc<Content>,
    pub ui: Rc<UiText>,
    pub priorities: Vec<usize>,
    /// Per approach, whether the reader's answers ruled it out.
    pub ruled_out: Vec<bool>,
    /// A dimension's name was focused or pointed at: show its reasons.
    #[prop_or_default]
    pub on_point: Callback<usize>,
    /// A dimension's name was pressed: show its reasons and bring them into view.
    #[prop_or_default]
    pub on_pick: Callback<usize>,
    /// Whether the disclosures hold their contents yet. The result adds them a paint
    /// after its charts; until then the closed disclosures show their summaries only.
    #[prop_or(true)]
    pub filled: bool,
}

#[component]
pub fn ComparisonTable(props: &ComparisonTableProps) -> Html {
    let ComparisonTableProps {
        content,
        ui,
        priorities,
        ruled_out,
        on_point,
        on_pick,
        filled,
    } = props;
    let rows = content.dimensions.iter().enumerate().map(|(d, dimension)| {
        let is_priority = priorities.contains(&d);
        let cells = (0..content.approaches.len()).map(|a| {
            html! { <td class="number">{whole(content.rating(d, a).score, ui)}</td> }
        });
        html! {
            <tr class={classes!(is_priority.then_some("priority"))}>
                <th scope="row">
                    // The star sits inside the button so the two never wrap apart.
                    <button type="button" class="dimension-button" aria-controls="ovp-rating-reasons"
                        onfocus={{ let on_point = on_point.clone(); move |_: FocusEvent| on_point.emit(d) }}
                        onclick={{ let on_pick = on_pick.clone(); move |_: MouseEvent| on_pick.emit(d) }}
                        onmouseenter={{ let on_point = on_point.clone(); move |_: MouseEvent| on_point.emit(d) }}>
                        if is_priority {
                            <span aria-hidden="true">{format!("{} ", ui.priority_mark())}</span>
                        }
                        {&dimension.name}
                    </button>
                    // Printed pages get the name as text, with no button.
                    <span class="print-only">
                        if is_priority {
                            {format!("{} ", ui.priority_mark())}
                        }
                        {&dimension.name}
                    </span>
                    if is_priority {
                        <span class="visually-hidden">{format!(" ({})", ui.your_priority())}</span>
                    }
                </th>
                {for cells}
            </tr>
        }
    });
    let reasons = content.dimensions.iter().enumerate().map(|(d, dimension)| {
        html! {
            <>
                <dt>{&dimension.name}</dt>
                <dd><ul>{reason_items(content, ui, d)}</ul></dd>
            </>
        }
    });
    let table = Table {
        caption: ui.table_caption(),
        class: "data-table",
        part: "table",
        sections: html! {
            <>
                <thead>
                    <tr>
                        <th scope="col">{ui.dimension()}</th>
                        {approach_headers(content, ui, ruled_out)}
                    </tr>
                </thead>
                <tbody>{for rows}</tbody>
            </>
        },
    };
    html! {
        <div class="data">
            {table_disclosure(table, *filled)}
            <details class="disclosure reasons" part="reasons">
                <summary>{ui.reasons_summary()}</summary>
                if *filled {
                    <dl>{for reasons}</dl>
                }
            </details>
        </div>
    }
}
