//! The root the embed layer renders: the quiz once its content is ready, a loading
//! notice while a content URL is on its way, or the error panel when it failed.

use super::app::App;
use super::error_panel::ErrorPanel;
use super::services::PageServices;
use ovp_model::content::Content;
use ovp_model::events::WidgetEvent;
use ovp_model::l10n::UiText;
use ovp_model::load::LoadFailure;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub enum LoadState {
    Loading,
    Ready(Rc<Content>),
    Failed(Rc<LoadFailure>),
}

/// Built with `WidgetProps::new`; a live widget then sets its callbacks, generation and
/// services (`src/embed/mounted.rs`).
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

impl WidgetProps {
    /// A widget showing `state` in `ui`'s words that tells nothing, keeps nothing and
    /// starts a quiz at the intro: the prerendered intro, or an app parked for later.
    pub fn new(state: LoadState, ui: Rc<UiText>) -> Self {
        WidgetProps {
            state,
            ui,
            on_event: Callback::noop(),
            on_retry: Callback::noop(),
            generation: 0,
            services: PageServices::default(),
        }
    }
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
            <section class="ovp loading" part="widget" data-ovp-widget="" aria-busy="true" dir={ui.direction().attribute()}>
                <p role="status">{ui.loading()}</p>
            </section>
        },
        LoadState::Failed(failure) => html! {
            <ErrorPanel failure={failure.clone()} ui={ui.clone()} on_retry={on_retry.clone()} />
        },
    }
}
