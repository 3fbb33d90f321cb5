//! What a widget carries when embed.js moves it to a new Wasm instance. Widgets share
//! instances (web/embed.js says why), and a panic stops the whole instance it happens
//! in; the widgets beside the one that failed are mounted again elsewhere, where the
//! reader was. So every widget hands its state, as it changes, to `keep` (a JavaScript
//! function of embed.js's, outside the Wasm), and a moved widget starts from `state`.
//! The state is `ovp_model::saved`'s record, the format saved progress already has, with
//! whether it is still a result a share link opened; it is kept whatever the `storage`
//! option says: it never leaves the page.

use ovp_model::content::Content;
use ovp_model::saved;
use ovp_model::start::Carried;
use wasm_bindgen::JsValue;

#[derive(Default)]
pub struct Handover {
    /// The record to start from (a widget being moved, or one resumed with `mount()`'s
    /// `resume`), if any.
    pub state: Option<String>,
    /// Whether `state` is a result a share link opened, not yet the reader's own.
    pub shared: bool,
    /// Whether this is a widget moved from a stopped instance, which the page already
    /// heard was ready (a resumed one is new to the page).
    pub moved: bool,
    /// Told every new state of the widget's quiz.
    pub keep: Option<js_sys::Function>,
}

impl Handover {
    /// Whether this widget was moved here from a stopped instance.
    pub fn moved(&self) -> bool {
        self.moved
    }

    /// The carried state, if it is sound for `content`; anything else starts as a new
    /// mount would, with a console warning.
    pub fn carried(&self, content: &Content) -> Option<Carried> {
        let record = self.state.as_deref()?;
        saved::load(content, record, js_sys::Date::now())
            .map(|quiz| Carried {
                quiz,
                shared: self.shared,
            })
            .inspect_err(|err| {
                web_sys::console::warn_1(
                    &format!("open-vs-proprietary: the widget's state was not carried over: {err}")
                        .into(),
                )
            })
            .ok()
    }

    /// Gives the quiz's `record` (`saved::save`'s) to embed.js, to carry if this instance
    /// stops; `shared` when it is a result a share link opened.
    pub fn keep(&self, record: &str, shared: bool) {
        if let Some(keep) = self.keep.as_ref().filter(|_| !super::panic::has_panicked()) {
            let _ = keep.call2(
                &JsValue::NULL,
                &JsValue::from_str(record),
                &JsValue::from_bool(shared),
            );
        }
    }
}
