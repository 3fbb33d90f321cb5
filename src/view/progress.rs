//! The progress bar under the step count. The count in the heading carries the same
//! information in words, so the bar itself is hidden from assistive technology.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    /// 1-based step.
    pub step: usize,
    pub total: usize,
}

#[component]
pub fn Progress(props: &ProgressProps) -> Html {
    html! {
        <progress class="progress" part="progress" aria-hidden="true"
            max={props.total.to_string()} value={props.step.to_string()} />
    }
}
