//! The quiz root's effects as custom hooks, so `App` reads as what it renders: the
//! events it tells the host, where focus goes, what is saved, and the scored outcome.

use super::services::PageServices;
use super::state::QuizState;
use ovp_model::content::Content;
use ovp_model::events::{CompleteDetail, ReadyDetail, WidgetEvent};
use ovp_model::quiz::Step;
use ovp_model::scoring::{score, Outcome};
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Runs `effect` each time `dependency` changes, but not on the first render (a widget
/// that opens on a step, from a reload or a share link, has not *moved* to it).
#[hook]
fn use_effect_on_change<T, F>(dependency: T, effect: F)
where
    T: PartialEq + 'static,
    F: FnOnce(&T) + 'static,
{
    let first_render = use_mut_ref(|| true);
    use_effect_with(dependency, move |dependency| {
        if !std::mem::replace(&mut *first_render.borrow_mut(), false) {
            effect(dependency);
        }
    });
}

/// `ovp:ready` once, when the quiz first renders.
#[hook]
pub fn use_ready_event(content: &Rc<Content>, on_event: &Callback<WidgetEvent>) {
    let (content, on_event) = (content.clone(), on_event.clone());
    use_effect_with((), move |_| {
        on_event.emit(WidgetEvent::Ready(ReadyDetail {
            content_id: content.id.clone(),
            total: content.questions.len(),
        }));
    });
}

/// Each new step's heading takes focus, so keyboard and screen reader users land on it;
/// the first render leaves focus where the page put it. `screen` is the step and
/// whether the result is drawn (its heading replaces the wait's).
#[hook]
pub fn use_focus_on_step(screen: (Step, bool), heading: &NodeRef) {
    let heading = heading.clone();
    use_effect_on_change(screen, move |_| {
        if let Some(element) = heading.cast::<HtmlElement>() {
            let _ = element.focus();
        }
    });
}

/// The outcome of the reader's answers once every question is answered, scored once per
/// answer set and shared by reference with the result's components.
#[hook]
pub fn use_outcome(content: &Rc<Content>, quiz: &QuizState) -> Rc<Option<Rc<Outcome>>> {
    let content = content.clone();
    use_memo(quiz.complete_answers(), move |answers| {
        answers
            .as_ref()
            .map(|answers| Rc::new(score(&content, answers)))
    })
}

/// The outcome of the answers the result was first reached with, while the reader has
/// changed one on the result (`Quiz::before_exploring`).
#[hook]
pub fn use_outcome_before_exploring(
    content: &Rc<Content>,
    quiz: &QuizState,
) -> Rc<Option<Rc<Outcome>>> {
    let content = content.clone();
    use_memo(quiz.before_exploring.clone(), move |before| {
        before
            .as_ref()
            .map(|answers| Rc::new(score(&content, answers)))
    })
}

/// `ovp:complete` when the reader reaches the result, and again each time they change an
/// answer on it (with `exploring`), not when a reload or a share link opens the widget on
/// it; sent once the verdict is painted.
#[hook]
pub fn use_complete_event(
    content: &Rc<Content>,
    on_event: &Callback<WidgetEvent>,
    step: Step,
    outcome: &Option<Rc<Outcome>>,
    services: &PageServices,
) {
    let (content, on_event, outcome) = (content.clone(), on_event.clone(), outcome.clone());
    let services = services.clone();
    // The step the last change left, to tell a change of answers on the result apart
    // from arriving there.
    let last_step = use_mut_ref(|| step);
    let answers = outcome.as_ref().map(|outcome| outcome.answers.clone());
    use_effect_on_change((step, answers), move |(step, _)| {
        let exploring = std::mem::replace(&mut *last_step.borrow_mut(), *step) == Step::Result;
        if let (Step::Result, Some(outcome)) = (step, outcome) {
            // What the reader does not see (an event to the host page and its
            // listeners) never delays the verdict they do.
            services.when_painted(move || {
                on_event.emit(WidgetEvent::Complete(CompleteDetail::new(
                    &content,
                    &outcome.answers,
                    &outcome,
                    exploring,
                )))
            });
        }
    });
}

/// Every new state is kept, so a reload resumes where the reader was. Written at once,
/// not after the paint: a reader may leave the page the moment a step shows.
#[hook]
pub fn use_save_progress(quiz: &QuizState, services: &PageServices) {
    let save = services.save.clone();
    use_effect_with(quiz.0.clone(), move |quiz| save.emit(quiz.clone()));
}

/// Whether the result's code is in place (`PageServices::result_code`), and a retry
/// where it could not be loaded.
pub struct ResultCode {
    pub ready: bool,
    pub failed: bool,
    /// The code arrived while the reader was on the wait, its heading focused: the
    /// result's heading takes focus in turn. A result opened from a reload or a share
    /// link takes none.
    pub hands_focus: bool,
    pub retry: Callback<()>,
}

/// Asks for the result's code once the reader leaves the intro (or starts past it), so
/// it arrives while they answer; again after Retry, which puts focus back on the wait's
/// heading (`heading`) in place of the button that goes.
#[hook]
pub fn use_result_code(step: Step, services: &PageServices, heading: &NodeRef) -> ResultCode {
    let ready = use_state(|| services.result_code.is_none());
    let failed = use_state(|| false);
    let hands_focus = use_state(|| false);
    let started = step != Step::Intro;
    {
        let (ready, failed, hands_focus) = (ready.clone(), failed.clone(), hands_focus.clone());
        let (load, heading) = (services.result_code.clone(), heading.clone());
        use_effect_with((started, *failed), move |&(started, failed_before)| {
            if let (true, false, false, Some(load)) = (started, *ready, failed_before, load) {
                load.emit(Callback::from(move |loaded: bool| {
                    if loaded {
                        let focused = heading
                            .cast::<web_sys::Element>()
                            .is_some_and(|h| h.matches(":focus").unwrap_or(false));
                        hands_focus.set(focused);
                        ready.set(true);
                    } else {
                        failed.set(true);
                    }
                }));
            }
        });
    }
    let retry = {
        let (failed, heading) = (failed.clone(), heading.clone());
        Callback::from(move |()| {
            if let Some(element) = heading.cast::<HtmlElement>() {
                let _ = element.focus();
            }
            failed.set(false);
        })
    };
    ResultCode {
        ready: *ready,
        failed: *failed,
        hands_focus: *hands_focus,
        retry,
    }
}
