//! "Check your answers": every question with the reader's answer and a Change button
//! that goes back to it, then See result.

use ovp_model::content::Content;
use ovp_model::l10n::UiText;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub content: Rc<Content>,
    pub ui: Rc<UiText>,
    pub answers: Vec<Option<usize>>,
    pub heading: NodeRef,
    /// Question index to change.
    pub on_change: Callback<usize>,
    pub on_back: Callback<MouseEvent>,
    pub on_next: Callback<MouseEvent>,
}

#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let SummaryProps {
        content,
        ui,
        answers,
        heading,
        on_change,
        ..
    } = props;
    let rows = content.questions.iter().enumerate().map(|(q, question)| {
        let answer = answers
            .get(q)
            .copied()
            .flatten()
            .and_then(|o| question.options.get(o))
            .map(|o| o.label.as_str())
            .unwrap_or_default();
        let on_click = {
            let on_change = on_change.clone();
            Callback::from(move |_: MouseEvent| on_change.emit(q))
        };
        html! {
            <div class="summary-row" key={question.id.clone()}>
                <dt>{&question.prompt}</dt>
                <dd class="summary-answer">{answer}</dd>
                <dd class="summary-change">
                    <button type="button" class="link-button" part="button change-button"
                        aria-label={ui.change_answer_to(&question.prompt)}
                        onclick={on_click}>
                        {ui.change()}
                    </button>
                </dd>
            </div>
        }
    });
    html! {
        <div class="summary" part="summary">
            <h2 class="summary-heading" tabindex="-1" ref={heading.clone()}>{ui.summary_heading()}</h2>
            <p class="meta">{ui.summary_intro()}</p>
            <dl class="summary-list">{for rows}</dl>
            <div class="actions">
                <button type="button" class="secondary" part="button secondary-button" onclick={props.on_back.clone()}>
                    {ui.back()}
                </button>
                <button type="button" class="primary" part="button primary-button" onclick={props.on_next.clone()}>
                    {ui.see_result()}
                </button>
            </div>
        </div>
    }
}
