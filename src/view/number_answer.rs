//! The number itself, for a question that asks for one, under its bands' radio buttons:
//! a slider and a typed field that follow each other and the number in words. The band
//! it falls in (its option) is the answer the rest of the quiz sees.

use super::format::count_with_unit;
use ovp_model::content::Content;
use ovp_model::l10n::UiText;
use ovp_model::number::{NumberQuestion, SLIDER_STEPS};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NumberAnswerProps {
    pub content: Rc<Content>,
    pub ui: Rc<UiText>,
    /// Question index, from 0.
    pub index: usize,
    /// The number given so far, if any.
    pub value: Option<f64>,
    /// The id of the element that names the slider (the question's prompt).
    pub labelled_by: AttrValue,
    /// (value, option): the reader gave a number, which counts as that option.
    pub on_enter: Callback<(f64, usize)>,
}

#[component]
pub fn NumberAnswer(props: &NumberAnswerProps) -> Html {
    let NumberAnswerProps {
        content,
        ui,
        index,
        value,
        labelled_by,
        on_enter,
    } = props;
    let question = &content.questions[*index];
    let Some(number) = question.number.as_ref() else {
        return Html::default();
    };
    let shown = value.unwrap_or(number.start);
    let option = number.option_for(shown, &question.options);
    let enter = |read: fn(&NumberQuestion, &HtmlInputElement) -> f64| {
        let (content, index, on_enter) = (content.clone(), *index, on_enter.clone());
        Callback::from(move |input: HtmlInputElement| {
            let question = &content.questions[index];
            if let Some(number) = &question.number {
                let value = read(number, &input);
                on_enter.emit((value, number.option_for(value, &question.options)));
            }
        })
    };
    // The slider moves in round steps; a typed number is taken as typed, held to the range.
    let on_slide = enter(|number, input| number.rounded_at(input.value_as_number() / SLIDER_STEPS))
        .reform(|event: InputEvent| event.target_unchecked_into());
    let on_type = enter(|number, input| number.clamp(input.value_as_number()))
        .reform(|event: Event| event.target_unchecked_into());
    let field_id = format!("ovp-number-{}", question.id);
    let in_words = count_with_unit(shown, &number.unit, ui);
    html! {
        <div class="number-answer">
            <input type="range" class="number-slider" min="0" max={SLIDER_STEPS.to_string()} step="1"
                value={(number.position(shown) * SLIDER_STEPS).round().to_string()}
                aria-labelledby={labelled_by.clone()} aria-valuetext={in_words.clone()}
                oninput={on_slide} />
            <div class="number-field">
                <input type="number" id={field_id.clone()} inputmode="decimal" step="any"
                    min={number.min.to_string()} max={number.max.to_string()}
                    value={shown.to_string()} onchange={on_type} />
                <label for={field_id}>{&number.unit}</label>
            </div>
            <p class="number-words">{in_words}</p>
            // The band's radio button above shows it; a screen reader hears it when the
            // number crosses into another band, not at every step of the slider.
            <p class="visually-hidden" aria-live="polite">{ui.number_counts_as(&question.options[option].label)}</p>
        </div>
    }
}
