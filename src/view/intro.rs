//! The first screen: what the quiz is, how long it takes, and a Start button.

use super::format::whole;
use ovp_model::content::Content;
use ovp_model::l10n::UiText;
use ovp_model::time_to_take::minutes_to_take;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct IntroProps {
    pub content: Rc<Content>,
    pub ui: Rc<UiText>,
    pub heading: NodeRef,
    pub on_start: Callback<MouseEvent>,
}

#[component]
pub fn Intro(props: &IntroProps) -> Html {
    let IntroProps {
        content,
        ui,
        heading,
        on_start,
    } = props;
    let count = whole(content.questions.len(), ui);
    let minutes = whole(minutes_to_take(content) as usize, ui);
    html! {
        <div class="intro" part="intro">
            <h2 class="title" tabindex="-1" ref={heading.clone()}>{&content.title}</h2>
            <p class="lede">{&content.intro}</p>
            // A line of its own through CSS, not <br>: the prerendered intro must pass
            // WordPress's wpautop, which adds markup around line breaks, unchanged.
            <p class="meta">{ui.intro_meta(&count)}<span class="time-to-take">{ui.time_to_take(&minutes)}</span></p>
            <div class="actions">
                // The hook's value is what embed.js announces when a reader presses the
                // prerendered Start before the code has arrived.
                <button type="button" class="primary" part="button primary-button" data-ovp-start={ui.loading().to_string()} onclick={on_start.clone()}>
                    {ui.start()}
                </button>
            </div>
        </div>
    }
}
