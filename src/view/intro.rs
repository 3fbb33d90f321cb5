//! The first screen: what the quiz is, how long it takes, and a Start button.

use ovp_model::content::Content;
use ovp_model::intro::IntroWords;
use ovp_model::l10n::UiText;
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
    // The words the studio's prerendered first screen of an author's pack holds too.
    let words = IntroWords::of(content, ui);
    html! {
        <div class="intro" part="intro">
            <h2 class="title" tabindex="-1" ref={heading.clone()}>{words.title}</h2>
            <p class="lede">{words.intro}</p>
            // A line of its own through CSS, not <br>: the prerendered intro must pass
            // WordPress's wpautop, which adds markup around line breaks, unchanged.
            <p class="meta">{words.meta}<span class="time-to-take">{words.time}</span></p>
            <div class="actions">
                // The hook's value is what embed.js announces when a reader presses the
                // prerendered Start before the code has arrived.
                <button type="button" class="primary" part="button primary-button" data-ovp-start={words.loading} onclick={on_start.clone()}>
                    {words.start}
                </button>
            </div>
        </div>
    }
}
