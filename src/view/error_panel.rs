//! Shown in place of the quiz when its content cannot be used: every problem with the
//! JSON path where it sits, and Retry when fetching again might help.

use super::format::whole;
use super::message_panel::MessagePanel;
use ovp_model::l10n::UiText;
use ovp_model::load::LoadFailure;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorPanelProps {
    pub failure: Rc<LoadFailure>,
    pub ui: Rc<UiText>,
    pub on_retry: Callback<()>,
}

#[component]
pub fn ErrorPanel(props: &ErrorPanelProps) -> Html {
    let ErrorPanelProps {
        failure,
        ui,
        on_retry,
    } = props;
    let problems = failure.problems(ui);
    let items = problems.iter().map(|problem| {
        html! {
            // The message sets the item's direction (an author's message is English, a
            // load failure the reader's language); the path is isolated left to right.
            <li dir="auto">
                if !problem.path.is_empty() {
                    <code class="path" dir="ltr">{&problem.path}</code>{": "}
                }
                {&problem.message}
            </li>
        }
    });
    let panel = MessagePanel {
        heading: ui.error_heading(),
        lang: None,
        dir: ui.direction().attribute(),
        retry: failure.retryable().then(|| (ui.retry(), on_retry.clone())),
        widget_screen: true,
    };
    panel.view(html! {
        <>
            <p>{ui.error_intro(&whole(problems.len(), ui))}</p>
            <ul class="problems">{for items}</ul>
        </>
    })
}
