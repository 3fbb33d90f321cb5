//! One question: a fieldset of native radio buttons with Back and Next. Next (or Enter,
//! which submits the form) never advances without an answer. A question that asks for a
//! number has its bands as the radio buttons (each gives the middle of its band) and a
//! slider and a typed field under them for the number itself; left as it is, it answers
//! with its starting number.

use super::format::whole;
use super::number_answer::NumberAnswer;
use super::progress::Progress;
use ovp_model::content::Content;
use ovp_model::l10n::UiText;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuestionStepProps {
    pub content: Rc<Content>,
    pub ui: Rc<UiText>,
    /// Question index, from 0.
    pub index: usize,
    pub selected: Option<usize>,
    /// The number given, for a question that asks for one.
    #[prop_or_default]
    pub number: Option<f64>,
    pub missing_answer: bool,
    pub heading: NodeRef,
    /// (question index, option index)
    pub on_choose: Callback<(usize, usize)>,
    /// (question index, number, the option it counts as)
    pub on_enter: Callback<(usize, f64, usize)>,
    pub on_next: Callback<()>,
    pub on_back: Callback<MouseEvent>,
}

#[component]
pub fn QuestionStep(props: &QuestionStepProps) -> Html {
    let QuestionStepProps {
        content,
        ui,
        index,
        selected,
        missing_answer,
        heading,
        ..
    } = props;
    let question = &content.questions[*index];
    let total = content.questions.len();
    let is_last = index + 1 == total;
    let step_text = ui.step_of(&whole(index + 1, ui), &whole(total, ui));
    let hint_id = format!("ovp-hint-{index}");
    let prompt_id = format!("ovp-prompt-{index}");
    let error_id = format!("ovp-error-{index}");
    let described_by = [
        question.hint.as_ref().map(|_| hint_id.clone()),
        missing_answer.then(|| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");

    // A number question not yet answered is answered with its starting number.
    let untouched = question
        .number
        .as_ref()
        .filter(|_| selected.is_none())
        .map(|number| {
            (
                number.start,
                number.option_for(number.start, &question.options),
            )
        });
    let on_enter = {
        let (on_enter, index) = (props.on_enter.clone(), *index);
        Callback::from(move |(value, option)| on_enter.emit((index, value, option)))
    };
    let on_submit = {
        let (on_next, on_enter) = (props.on_next.clone(), on_enter.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if let Some(untouched) = untouched {
                on_enter.emit(untouched);
            }
            on_next.emit(());
        })
    };

    // For a number question, the band of the number shown (the starting one until given).
    let band = question.number.as_ref().map(|number| {
        let shown = props.number.unwrap_or(number.start);
        number.option_for(shown, &question.options)
    });
    let options = question.options.iter().enumerate().map(|(o, option)| {
        let on_change = match &question.number {
            Some(number) => {
                let typical = number.typical(o, &question.options);
                on_enter.reform(move |_: Event| (typical, o))
            }
            None => {
                let (on_choose, question) = (props.on_choose.clone(), *index);
                Callback::from(move |_: Event| on_choose.emit((question, o)))
            }
        };
        let checked = band.map_or(*selected == Some(o), |band| band == o);
        html! {
            <label class={classes!("option", checked.then_some("checked"))} part="option" key={option.id.clone()}>
                <input type="radio" name={format!("ovp-{}", question.id)} value={option.id.clone()}
                    {checked} onchange={on_change} />
                <span class="option-label">{&option.label}</span>
            </label>
        }
    });

    html! {
        <form class="question" part="question" data-ovp-question="" onsubmit={on_submit} novalidate=true>
            <fieldset aria-describedby={(!described_by.is_empty()).then_some(described_by)}
                aria-invalid={missing_answer.then_some("true")}>
                <legend>
                    <h2 class="question-heading" tabindex="-1" ref={heading.clone()}>
                        <span class="step-count">{step_text}</span>
                        <span class="prompt" id={prompt_id.clone()}>{&question.prompt}</span>
                    </h2>
                </legend>
                <Progress step={index + 1} total={total} />
                if let Some(hint) = &question.hint {
                    <p class="hint" id={hint_id}>{hint}</p>
                }
                if *missing_answer {
                    <p class="field-error" id={error_id} role="alert">{ui.choose_an_answer()}</p>
                }
                <div class="options">{for options}</div>
                if question.number.is_some() {
                    <NumberAnswer content={content.clone()} ui={ui.clone()} index={*index} value={props.number}
                        labelled_by={prompt_id} {on_enter} />
                }
            </fieldset>
            <div class="actions">
                <button type="button" class="secondary" part="button secondary-button" onclick={props.on_back.clone()}>
                    {ui.back()}
                </button>
                <button type="submit" class="primary" part="button primary-button">
                    {if is_last { ui.review_answers() } else { ui.next() }}
                </button>
            </div>
        </form>
    }
}
