//! What to do next: the suggested approach's steps from the pack, the first thing the
//! result says after its heading, before any number, so a reader who reads no further
//! still leaves with something to act on.

use ovp_model::l10n::UiText;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NextStepsProps {
    pub ui: Rc<UiText>,
    /// The steps, in order; nothing is rendered when there are none.
    pub steps: Rc<[String]>,
}

#[component]
pub fn NextSteps(props: &NextStepsProps) -> Html {
    let NextStepsProps { ui, steps } = props;
    if steps.is_empty() {
        return Html::default();
    }
    html! {
        <section class="next-steps" part="next-steps">
            <h3>{ui.next_steps_heading()}</h3>
            <ol>{for steps.iter().map(|step| html! { <li>{step}</li> })}</ol>
        </section>
    }
}
