//! The hooks code finds the view by (`view::hooks`: `data-ovp-*` attributes) are rendered
//! on every screen that has them, by the same components the live widget mounts, and the
//! prerendered intro carries them too. Classes are for styling; nothing in the embed
//! layer or embed.js may depend on them.

use open_vs_proprietary::view::prerender::intro_html;
use open_vs_proprietary::view::{hooks, LoadState, PageServices, Widget, WidgetProps};
use ovp_model::content::{default_content, Content};
use ovp_model::l10n::ui_text;
use ovp_model::load::LoadFailure;
use ovp_model::quiz::{Quiz, Step};
use std::rc::Rc;
use yew::LocalServerRenderer;

/// The attribute a hook's selector (`[data-ovp-start]`) matches, as rendered.
fn attribute(selector: &str) -> String {
    let name = selector
        .strip_prefix('[')
        .and_then(|s| s.strip_suffix(']'))
        .expect("a hook is an attribute selector");
    assert!(name.starts_with("data-ovp-"), "{name}");
    // Any value: the start hook carries the loading notice.
    format!(" {name}=\"")
}

fn render(props: WidgetProps) -> String {
    futures::executor::block_on(
        LocalServerRenderer::<Widget>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

fn ready(content: &Content, initial: Option<Quiz>) -> String {
    let ui = Rc::new(content.ui_text());
    render(WidgetProps {
        services: PageServices {
            initial,
            ..PageServices::default()
        },
        ..WidgetProps::new(LoadState::Ready(Rc::new(content.clone())), ui)
    })
}

fn count(html: &str, selector: &str) -> usize {
    html.matches(&attribute(selector)).count()
}

#[test]
fn every_screen_has_the_widget_hook_once() {
    let content = default_content().unwrap();
    let ui = Rc::new(ui_text("en").clone());
    let failure = LoadFailure::from(Content::from_json("{}").unwrap_err());
    let question = Quiz::restore(
        &content,
        Step::Question(0),
        vec![None; content.questions.len()],
    );
    for (screen, html) in [
        ("intro", ready(&content, None)),
        ("question", ready(&content, question)),
        (
            "loading",
            render(WidgetProps::new(LoadState::Loading, ui.clone())),
        ),
        (
            "error",
            render(WidgetProps::new(LoadState::Failed(Rc::new(failure)), ui)),
        ),
    ] {
        assert_eq!(count(&html, hooks::WIDGET), 1, "{screen}: {html}");
    }
}

#[test]
fn the_intro_has_its_start_hook_and_a_question_its_question_hook() {
    let content = default_content().unwrap();
    let intro = ready(&content, None);
    assert_eq!(count(&intro, hooks::START), 1, "{intro}");
    assert_eq!(count(&intro, hooks::QUESTION), 0);

    let answers = vec![None; content.questions.len()];
    let question = ready(
        &content,
        Quiz::restore(&content, Step::Question(0), answers),
    );
    assert_eq!(count(&question, hooks::QUESTION), 1, "{question}");
    assert_eq!(count(&question, hooks::START), 0);
}

#[test]
fn the_prerendered_intro_carries_the_same_hooks() {
    let content = default_content().unwrap();
    let prerendered = intro_html(&content, "widget.css");
    for hook in [hooks::WIDGET, hooks::START] {
        assert_eq!(count(&prerendered, hook), 1, "{hook} in {prerendered}");
    }
    // The start hook sits on the Start button itself.
    let start = prerendered.find(&attribute(hooks::START)).unwrap();
    let tag = prerendered[..start].rfind('<').unwrap();
    assert!(prerendered[tag..].starts_with("<button"));
    // Its value is the loading notice embed.js reads out if the button is pressed before
    // the code has arrived, in the widget's language.
    let value = &prerendered[start + attribute(hooks::START).len()..];
    assert!(
        value.starts_with(&format!("{}\"", content.ui_text().loading())),
        "{value}"
    );
}
