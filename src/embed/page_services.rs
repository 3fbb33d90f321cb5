//! What the view may ask of the page (`PageServices`), filled in for one widget once
//! its content is ready: where the quiz starts, saving, share links, the clipboard,
//! downloads and the next paint. Where it starts is decided by the model
//! (`choose_start`: a share code in the address wins over saved progress, and a bad
//! code is ignored with a notice); this file reads the address and storage for it.

use super::handover::Handover;
use super::options::StorageMode;
use super::storage::SavedProgress;
use super::{address, after_paint, download, result_code};
use crate::view::PageServices;
use ovp_model::content::Content;
use ovp_model::l10n::UiText;
use ovp_model::quiz::Quiz;
use ovp_model::start::{choose_start, Start};
use ovp_model::{saved, share};
use std::rc::Rc;
use web_sys::{HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::Callback;

/// The services of the widget on `host` showing `content`.
pub fn page_services(
    content: &Rc<Content>,
    ui: &UiText,
    host: &HtmlElement,
    element_id: Option<&str>,
    storage: Option<StorageMode>,
    handover: &Rc<Handover>,
) -> PageServices {
    let store = (storage != Some(StorageMode::None))
        .then(|| Rc::new(SavedProgress::open(element_id, content)));
    let key = address::fragment_key(element_id);
    let code = address::read_code(&key);
    let start = choose_start(content, code.as_deref(), handover.carried(content), || {
        store.as_ref().and_then(|store| store.load(content))
    });
    let notice = match &start {
        Start::BadCode(err) => {
            web_sys::console::warn_1(
                &format!("open-vs-proprietary: the share link was ignored: {err}").into(),
            );
            Some(ui.share_link_invalid().to_string().into())
        }
        _ => None,
    };
    let initial = start.quiz().cloned();
    // A result opened from someone else's link is not saved over the reader's own
    // progress unless they go on from it (trying other answers on it is not).
    let shared = match start {
        Start::Shared(quiz) => Some(quiz),
        _ => None,
    };
    // Whoever opens a shared link came for the result: once it is painted, the page
    // scrolls to the widget rather than leaving it somewhere down the article. A link
    // may carry other widgets' codes too; the one it was made for is the last.
    // A widget moved to another instance after a neighbour's panic has been scrolled to.
    if shared.is_some() && address::last_code_key_is(&key) && !handover.moved() {
        let host = host.clone();
        after_paint::after_paint(Callback::from(move |()| {
            let options = ScrollIntoViewOptions::new();
            options.set_block(ScrollLogicalPosition::Start);
            host.scroll_into_view_with_scroll_into_view_options(&options);
        }));
    }
    let save = {
        let (content, handover) = (content.clone(), handover.clone());
        Callback::from(move |quiz: Quiz| {
            // Trying other answers on a shared result is not going on from it.
            let still_shared = shared.as_ref().is_some_and(|shared| {
                *shared == quiz
                    || (quiz.before_exploring.is_some()
                        && quiz.before_exploring == shared.complete_answers())
            });
            // One record for both: what embed.js carries and what storage keeps.
            let record = saved::save(&content, &quiz, js_sys::Date::now());
            handover.keep(&record, still_shared);
            if let Some(store) = store.as_ref().filter(|_| !still_shared) {
                store.save(&record);
            }
        })
    };
    let share_link = {
        let content = content.clone();
        Callback::from(move |answers: Vec<usize>| {
            share::encode(&content, &answers).map(|code| address::link_with(&key, &code))
        })
    };
    PageServices {
        initial,
        notice,
        save,
        share_link: Some(share_link),
        copy: Callback::from(|(text, done): (String, Callback<bool>)| {
            address::copy_to_clipboard(&text, done)
        }),
        download: Callback::from(download::download),
        page_url: address::page_url().into(),
        after_paint: Some(Callback::from(after_paint::after_paint)),
        result_code: result_code::is_split().then(|| Callback::from(result_code::load)),
    }
}
