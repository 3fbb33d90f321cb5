//! In place of the result while its code is on its way (`PageServices::result_code`):
//! a heading that says so, which takes focus as a step's heading does, and where the
//! code could not be loaded, the reason and Retry. Part of the first Wasm file, unlike
//! the result itself.

use ovp_model::l10n::UiText;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultWaitProps {
    pub ui: Rc<UiText>,
    pub heading: NodeRef,
    /// The code could not be loaded: show why, and Retry.
    pub failed: bool,
    pub on_retry: Callback<()>,
}

#[component]
pub fn ResultWait(props: &ResultWaitProps) -> Html {
    let ResultWaitProps {
        ui,
        heading,
        failed,
        on_retry,
    } = props;
    html! {
        <div class="result-wait" aria-busy={(!*failed).to_string()}>
            <h2 ref={heading.clone()} tabindex="-1">{ui.working_out_result()}</h2>
            if *failed {
                <p role="alert">{ui.result_code_failed()}</p>
                <button type="button" class="primary" part="button primary-button" onclick={on_retry.reform(|_| ())}>{ui.retry()}</button>
            }
        </div>
    }
}
