//! What a widget carries when embed.js moves it to a new Wasm instance. Widgets share
//! instances (web/embed.js says why), and a panic stops the whole instance it happens
//! in; the widgets beside the one that failed are mounted again elsewhere, where the
//! reader was. So every widget hands its state, as it changes, to `keep` (a JavaScript
//! function of embed.js's, outside the Wasm), and a moved widget starts from `state`.
//! The state is `model::saved`'s record, the format saved progress already has, and it
//! is kept whatever the `storage` option says: it never leaves the page.

use crate::model::content::Content;
use crate::model::quiz::Quiz;
use crate::model::saved;
use wasm_bindgen::JsValue;

#[derive(Default)]
pub struct Handover {
    /// The record to start from (a widget being moved), if any.
    pub state: Option<String>,
    /// Told every new state of the widget's quiz.
    pub keep: Option<js_sys::Function>,
}

impl Handover {
    /// The carried state, if it is sound for `content`; anything else starts as a new
    /// mount would, with a console warning.
    pub fn carried(&self, content: &Content) -> Option<Quiz> {
        let record = self.state.as_deref()?;
        saved::load(content, record, js_sys::Date::now())
            .inspect_err(|err| {
                web_sys::console::warn_1(
                    &format!("open-vs-proprietary: the widget's state was not carried over: {err}")
                        .into(),
                )
            })
            .ok()
    }

    /// Gives `quiz` to embed.js, to carry if this instance stops.
    pub fn keep(&self, content: &Content, quiz: &Quiz) {
        if let Some(keep) = &self.keep {
            let record = saved::save(content, quiz, js_sys::Date::now());
            let _ = keep.call1(&JsValue::NULL, &JsValue::from_str(&record));
        }
    }
}
