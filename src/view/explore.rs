//! "What if you answered differently?": on the result, every answer as a menu the reader
//! can change in place. The result follows at once (the scoring runs in the page); while
//! an answer differs from those the result was first reached with, the suggestion then
//! stays in view beside the one now, with a way back to those answers.

use ovp_model::content::Content;
use ovp_model::l10n::UiText;
use ovp_model::scoring::Outcome;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExploreProps {
    pub content: Rc<Content>,
    pub ui: Rc<UiText>,
    /// The result of the answers as they now stand.
    pub outcome: Rc<Outcome>,
    /// The result before the reader changed an answer here, while one differs.
    pub before: Option<Rc<Outcome>>,
    /// (question, option): the reader chose another answer.
    pub on_explore: Callback<(usize, usize)>,
    /// Back to the answers before exploring.
    pub on_reset: Callback<()>,
}

#[component]
pub fn Explore(props: &ExploreProps) -> Html {
    let ExploreProps {
        content,
        ui,
        outcome,
        before,
        on_explore,
        on_reset,
    } = props;
    let heading = use_node_ref();
    // A menu the reader changed shows the option they picked whatever its `selected`
    // attributes say, so after Back to my answers each menu is set to its answer.
    let list = use_node_ref();
    {
        let list = list.clone();
        use_effect_with(outcome.answers.clone(), move |answers| {
            let Some(list) = list.cast::<web_sys::Element>() else {
                return;
            };
            let Ok(menus) = list.query_selector_all("select") else {
                return;
            };
            for (q, answer) in answers.iter().enumerate() {
                if let Some(menu) = menus.item(q as u32) {
                    let menu = menu.unchecked_into::<HtmlSelectElement>();
                    // Only a menu that shows another option: setting a value searches
                    // the menu's options, for each of a dozen menus on every change.
                    let answer = answer.to_string();
                    if menu.value() != answer {
                        menu.set_value(&answer);
                    }
                }
            }
        });
    }
    let suggestion = |outcome: &Outcome| match outcome.recommended {
        Some(a) => content.approaches[a].name.clone(),
        None => ui.explore_no_fit().to_owned(),
    };
    let menus = content.questions.iter().enumerate().map(|(q, question)| {
        let chosen = outcome.answers[q];
        let id = format!("ovp-explore-{q}");
        let onchange = {
            let on_explore = on_explore.clone();
            Callback::from(move |event: Event| {
                let menu: HtmlSelectElement = event.target_unchecked_into();
                if let Ok(option) = menu.value().parse::<usize>() {
                    on_explore.emit((q, option));
                }
            })
        };
        let options = question.options.iter().enumerate().map(|(o, option)| {
            html! { <option value={o.to_string()} selected={o == chosen}>{&option.label}</option> }
        });
        html! {
            <li key={q}>
                <label for={id.clone()}>{&question.prompt}</label>
                <select {id} {onchange}>{for options}</select>
            </li>
        }
    });
    let comparison = before.as_ref().map(|before| {
        let onclick = {
            let (on_reset, heading) = (on_reset.clone(), heading.clone());
            Callback::from(move |_: MouseEvent| {
                on_reset.emit(());
                // The button goes with the comparison: focus stays with the menus.
                if let Some(heading) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = heading.focus();
                }
            })
        };
        html! {
            <>
                <p class="explore-now">{ui.explore_now(&suggestion(outcome))}</p>
                <p class="explore-before">{ui.explore_before(&suggestion(before))}</p>
                <button type="button" class="secondary" part="button secondary-button" {onclick}>{ui.explore_reset()}</button>
            </>
        }
    });
    html! {
        // Closed until opened, so a phone's result stays short (eleven menus are a screen
        // and a half); what the change moved shows outside it.
        <div class="explore" part="explore">
            <details class="explore-menus">
                <summary ref={heading}>{ui.explore_heading()}</summary>
                <p class="meta">{ui.explore_hint()}</p>
                <ol class="explore-answers" ref={list}>{for menus}</ol>
            </details>
            // Always there, so the menus before it are kept (with focus) when it fills.
            <div class={classes!("explore-compare", comparison.is_none().then_some("empty"))}>{comparison}</div>
        </div>
    }
}
