//! The reasons behind one dimension's ratings, shown under the comparison chart for
//! the dimension last pointed at, tapped or focused (in the chart or its table).

use super::format::whole;
use ovp_model::content::{Content, RATING_MAX};
use ovp_model::l10n::UiText;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RatingReasonsProps {
    pub content: Rc<Content>,
    pub ui: Rc<UiText>,
    /// The dimension whose reasons to show; `None` shows how to choose one.
    pub dimension: Option<usize>,
}

#[component]
pub fn RatingReasons(props: &RatingReasonsProps) -> Html {
    let RatingReasonsProps {
        content,
        ui,
        dimension,
    } = props;
    let body = match dimension.filter(|&d| d < content.dimensions.len()) {
        None => html! { <p class="meta">{ui.chart_hint()}</p> },
        Some(d) => html! {
            <>
                <p class="rating-reasons-heading">
                    {ui.reasons_for(&content.dimensions[d].name)}
                </p>
                <ul>{reason_items(content, ui, d)}</ul>
            </>
        },
    };
    html! {
        <div class="rating-reasons" id="ovp-rating-reasons" part="rating-reasons" aria-live="polite">
            {body}
        </div>
    }
}

/// Each approach's rating on dimension `d` with its reason, as list items; shared with
/// the reasons under the comparison table.
pub fn reason_items(content: &Content, ui: &UiText, d: usize) -> Html {
    let items = content.approaches.iter().enumerate().map(|(a, approach)| {
        let rating = content.rating(d, a);
        let score = ui.rating_of(&whole(rating.score, ui), &whole(RATING_MAX, ui));
        html! {
            <li class={format!("series-{a}")}>
                <strong>{ui.rating_label(&approach.name, &score)}</strong>{&rating.reason}
            </li>
        }
    });
    html! { {for items} }
}
