//! The root component: owns the quiz state and picks the screen for the current step;
//! its effects (events to the host, focus, saving) are the hooks of `app_hooks.rs`.

use super::app_hooks::{
    use_complete_event, use_focus_on_step, use_outcome, use_outcome_before_exploring,
    use_ready_event, use_result_code, use_save_progress,
};
use super::intro::Intro;
use super::question_step::QuestionStep;
use super::result::{result_heading, ResultView};
use super::result_wait::ResultWait;
use super::services::PageServices;
use super::state::QuizState;
use super::summary::Summary;
use ovp_model::content::Content;
use ovp_model::events::{AnswerDetail, WidgetEvent};
use ovp_model::l10n::UiText;
use ovp_model::quiz::{Action, Quiz, Step};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub content: Rc<Content>,
    pub ui: Rc<UiText>,
    /// Receives every event meant for the host page.
    pub on_event: Callback<WidgetEvent>,
    /// Saving, resuming, sharing and downloading, as the page allows.
    #[prop_or_default]
    pub services: PageServices,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let AppProps {
        content,
        ui,
        on_event,
        services,
    } = props;
    let quiz = use_reducer(|| {
        QuizState(
            services
                .initial
                .clone()
                .unwrap_or_else(|| Quiz::new(content)),
        )
    });
    let heading = use_node_ref();
    let outcome = use_outcome(content, &quiz);
    let before = use_outcome_before_exploring(content, &quiz);
    use_ready_event(content, on_event);
    let result_code = use_result_code(quiz.step, services, &heading);
    // The result's heading takes focus when the result is drawn, where that waited for
    // its code with the wait's heading focused.
    use_focus_on_step(
        (
            quiz.step,
            quiz.step == Step::Result && result_code.hands_focus,
        ),
        &heading,
    );
    use_complete_event(content, on_event, quiz.step, &outcome, services);
    use_save_progress(&quiz, services);

    let on_choose = answering(&quiz, content, on_event, None);
    let on_explore = answering(&quiz, content, on_event, Some(services));
    let on_enter = {
        let (quiz, content, on_event) = (quiz.clone(), content.clone(), on_event.clone());
        Callback::from(move |(question, value, option): (usize, f64, usize)| {
            quiz.dispatch(Action::Enter {
                question,
                value,
                option,
            });
            on_event.emit(WidgetEvent::Answer(AnswerDetail {
                value: Some(value),
                ..AnswerDetail::new(&content, question, option, false)
            }));
        })
    };

    let screen = match (quiz.step, outcome.as_ref()) {
        (Step::Intro, _) => html! {
            <Intro content={content.clone()} ui={ui.clone()} heading={heading.clone()} on_start={dispatcher(&quiz, Action::Start)} />
        },
        (Step::Question(index), _) => html! {
            <QuestionStep
                key={index}
                content={content.clone()}
                ui={ui.clone()}
                {index}
                selected={quiz.answers[index]}
                number={quiz.numbers[index]}
                missing_answer={quiz.missing_answer}
                heading={heading.clone()}
                {on_choose}
                {on_enter}
                on_next={dispatcher(&quiz, Action::Next)}
                on_back={dispatcher(&quiz, Action::Back)}
            />
        },
        (Step::Summary, _) => html! {
            <Summary
                content={content.clone()}
                ui={ui.clone()}
                answers={quiz.answers.clone()}
                heading={heading.clone()}
                on_change={{ let quiz = quiz.clone(); Callback::from(move |q: usize| quiz.dispatch(Action::Change(q))) }}
                on_back={dispatcher(&quiz, Action::Back)}
                on_next={dispatcher(&quiz, Action::Next)}
            />
        },
        (Step::Result, Some(_)) if !result_code.ready => html! {
            <ResultWait ui={ui.clone()} heading={heading.clone()} failed={result_code.failed} on_retry={result_code.retry.clone()} />
        },
        (Step::Result, Some(outcome)) => html! {
            <ResultView
                volume={volume(content, &quiz)}
                content={content.clone()}
                ui={ui.clone()}
                outcome={outcome.clone()}
                before={(*before).clone()}
                heading={heading.clone()}
                {on_explore}
                on_stop_exploring={dispatcher(&quiz, Action::StopExploring)}
                on_back={dispatcher(&quiz, Action::Back)}
                on_retake={dispatcher(&quiz, Action::Retake)}
                services={services.clone()}
            />
        },
        // The state machine only reaches the result with every question answered.
        (Step::Result, None) => Html::default(),
    };

    let announcement = match (quiz.step, outcome.as_ref()) {
        (Step::Result, Some(outcome)) if result_code.ready => result_heading(
            ui,
            outcome
                .recommended
                .map(|a| content.approaches[a].name.as_str()),
        ),
        _ => String::new(),
    };

    html! {
        <section class="ovp" part="widget" data-ovp-widget="" aria-label={content.name(ui)} lang={content.lang.clone()} dir={ui.direction().attribute()}>
            // Exists before its text arrives, so screen readers announce the result.
            <p class="visually-hidden" role="status" aria-live="polite">{announcement}</p>
            if let Some(notice) = &services.notice {
                <p class="notice" part="notice" role="alert">{notice}</p>
            }
            {screen}
        </section>
    }
}

/// A callback for an answer (question, option): given while taking the quiz, or, with
/// `exploring` (the page's services), changed on the result. Applies it and tells the
/// host page: on the result once the new result is painted, as the complete event
/// that follows is, so the host's listeners never delay what the reader sees.
fn answering(
    quiz: &UseReducerHandle<QuizState>,
    content: &Rc<Content>,
    on_event: &Callback<WidgetEvent>,
    exploring: Option<&PageServices>,
) -> Callback<(usize, usize)> {
    let (quiz, content, on_event) = (quiz.clone(), content.clone(), on_event.clone());
    let exploring = exploring.cloned();
    Callback::from(move |(question, option): (usize, usize)| {
        quiz.dispatch(if exploring.is_some() {
            Action::Explore { question, option }
        } else {
            Action::Choose { question, option }
        });
        let (content, on_event, explored) =
            (content.clone(), on_event.clone(), exploring.is_some());
        let tell = move || {
            on_event.emit(WidgetEvent::Answer(AnswerDetail::new(
                &content, question, option, explored,
            )))
        };
        match &exploring {
            Some(services) => services.when_painted(tell),
            None => tell(),
        }
    })
}

/// A callback, for any event type, that applies `action` to the quiz.
fn dispatcher<E>(quiz: &UseReducerHandle<QuizState>, action: Action) -> Callback<E> {
    let quiz = quiz.clone();
    Callback::from(move |_| quiz.dispatch(action))
}

/// The volume the cost chart marks, for a pack with costs: the number the reader gave
/// for the volume question while it stands for their answer, else the middle of the
/// answer's band.
fn volume(content: &Content, quiz: &QuizState) -> Option<f64> {
    let costs = content.costs.as_ref()?;
    let q = content
        .questions
        .iter()
        .position(|q| q.id == costs.question)?;
    content.questions[q].number_for(quiz.answers[q]?, quiz.numbers[q])
}
