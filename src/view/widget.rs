//! The root the embed layer renders: the quiz once its content is ready, a loading
//! notice while a content URL is on its way, or the error panel when it failed.

use super::app::App;
use super::error_panel::ErrorPanel;
use super::services::PageServices;
use crate::model::content::Content;
use crate::model::events::WidgetEvent;
use crate::model::load::LoadFailure;
use crate::model::ui_text::UiText;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub enum LoadState {
    Loading,
    Ready(Rc<Content>),
    Failed(Rc<LoadFailure>),
}

#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    pub state: LoadState,
    /// The widget's strings: the content's own once it is ready, else the page's language.
    pub ui: Rc<UiText>,
    pub on_event: Callback<WidgetEvent>,
    pub on_retry: Callback<()>,
    /// Bumped by the host's `reset()`: a new value starts the quiz afresh.
    pub generation: u32,
    /// Saving, resuming, sharing and downloading, as the page allows.
    #[prop_or_default]
    pub services: PageServices,
}

#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    let WidgetProps {
        state,
        ui,
        on_event,
        on_retry,
        generation,
        services,
    } = props;
    match state {
        LoadState::Ready(content) => html! {
            // A new pack, or a reset, starts a new quiz.
            <App key={format!("{}#{generation}", content.id)} content={content.clone()} ui={ui.clone()} on_event={on_event.clone()} services={services.clone()} />
        },
        LoadState::Loading => html! {
            <section class="ovp loading" part="widget" aria-busy="true">
                <p role="status">{&*ui.loading}</p>
            </section>
        },
        LoadState::Failed(failure) => html! {
            <ErrorPanel failure={failure.clone()} ui={ui.clone()} on_retry={on_retry.clone()} />
        },
    }
}
