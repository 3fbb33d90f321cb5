//! The root component: owns the quiz state, picks the screen for the current step,
//! moves focus to each new step's heading and reports progress to the host.

use super::intro::Intro;
use super::question_step::QuestionStep;
use super::result::{result_heading, ResultView};
use super::services::PageServices;
use super::state::QuizState;
use super::summary::Summary;
use crate::model::content::Content;
use crate::model::events::{AnswerDetail, CompleteDetail, ReadyDetail, WidgetEvent};
use crate::model::quiz::{Action, Quiz, Step};
use crate::model::scoring::score;
use crate::model::ui_text::UiText;
use std::rc::Rc;
use web_sys::HtmlElement;
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
    let outcome = use_memo(quiz.complete_answers(), |answers| {
        answers.as_ref().map(|answers| score(content, answers))
    });

    {
        let (content, on_event) = (content.clone(), on_event.clone());
        use_effect_with((), move |_| {
            on_event.emit(WidgetEvent::Ready(ReadyDetail {
                content_id: content.id.clone(),
                total: content.questions.len(),
            }));
        });
    }

    // Each new step's heading takes focus, so keyboard and screen reader users land on
    // it; the first render leaves focus where the page put it.
    {
        let heading = heading.clone();
        let first_render = use_mut_ref(|| true);
        use_effect_with(quiz.step, move |_| {
            if !std::mem::replace(&mut *first_render.borrow_mut(), false) {
                if let Some(element) = heading.cast::<HtmlElement>() {
                    let _ = element.focus();
                }
            }
        });
    }

    // `ovp:complete` when the reader reaches the result, not when a reload or a share
    // link opens the widget on it.
    {
        let (content, on_event, outcome) = (content.clone(), on_event.clone(), outcome.clone());
        let answers = quiz.complete_answers();
        let first_render = use_mut_ref(|| true);
        use_effect_with(quiz.step, move |step| {
            let first = std::mem::replace(&mut *first_render.borrow_mut(), false);
            if let (false, Step::Result, Some(answers), Some(outcome)) =
                (first, step, answers, outcome.as_ref())
            {
                on_event.emit(WidgetEvent::Complete(CompleteDetail::new(
                    &content, &answers, outcome,
                )));
            }
        });
    }

    // Every new state is kept, so a reload resumes where the reader was.
    {
        let save = services.save.clone();
        use_effect_with(quiz.0.clone(), move |quiz| save.emit(quiz.clone()));
    }

    let on_choose = {
        let (quiz, content, on_event) = (quiz.clone(), content.clone(), on_event.clone());
        Callback::from(move |(question, option): (usize, usize)| {
            quiz.dispatch(Action::Choose { question, option });
            on_event.emit(WidgetEvent::Answer(AnswerDetail::new(
                &content, question, option,
            )));
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
                missing_answer={quiz.missing_answer}
                heading={heading.clone()}
                {on_choose}
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
        (Step::Result, Some(outcome)) => html! {
            <ResultView
                content={content.clone()}
                ui={ui.clone()}
                outcome={Rc::new(outcome.clone())}
                heading={heading.clone()}
                on_back={dispatcher(&quiz, Action::Back)}
                on_retake={dispatcher(&quiz, Action::Retake)}
                services={services.clone()}
            />
        },
        // The state machine only reaches the result with every question answered.
        (Step::Result, None) => Html::default(),
    };

    let announcement = match (quiz.step, outcome.as_ref()) {
        (Step::Result, Some(outcome)) => result_heading(
            &ui,
            outcome
                .recommended
                .map(|a| content.approaches[a].name.as_str()),
        ),
        _ => String::new(),
    };

    html! {
        <section class="ovp" part="widget" data-ovp-widget="" aria-label={ui.widget_label.to_string()} lang={content.lang.clone()}>
            // Exists before its text arrives, so screen readers announce the result.
            <p class="visually-hidden" role="status" aria-live="polite">{announcement}</p>
            if let Some(notice) = &services.notice {
                <p class="notice" part="notice" role="alert">{notice}</p>
            }
            {screen}
        </section>
    }
}

/// A callback, for any event type, that applies `action` to the quiz.
fn dispatcher<E>(quiz: &UseReducerHandle<QuizState>, action: Action) -> Callback<E> {
    let quiz = quiz.clone();
    Callback::from(move |_| quiz.dispatch(action))
}
