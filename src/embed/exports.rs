//! What embed.js calls besides `mount`: the page-wide settings it gives every Wasm
//! instance, and the handle of a mounted widget.

use super::mounted::MountedWidget;
use super::{result_code, source, styles};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Tells the widget where the built-in content packs are (`content/` beside embed.js),
/// and the integrity hash of each (by file name), which their fetches must match.
#[wasm_bindgen(js_name = setPackBase)]
pub fn set_pack_base(url: String, integrity: js_sys::Object) {
    source::set_pack_base(url, integrity);
}

/// Gives the widget its stylesheet (`widget.css`, made once by embed.js).
#[wasm_bindgen(js_name = setStyleSheet)]
pub fn set_style_sheet(sheet: web_sys::CssStyleSheet) {
    styles::set_sheet(sheet);
}

/// Gives the loader of the result's code, in builds that split it off
/// (`result_code`): a function returning a promise that settles once the code is in place.
#[wasm_bindgen(js_name = setResultCode)]
pub fn set_result_code(load: js_sys::Function) {
    result_code::set_loader(load);
}

/// A mounted widget. `destroy()` unmounts it and frees its memory.
#[wasm_bindgen]
pub struct WidgetHandle {
    pub(super) widget: Rc<MountedWidget>,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Removes the widget from its host; safe to call more than once.
    pub fn destroy(&mut self) {
        self.widget.destroy();
    }

    /// Clears the reader's answers and returns to the first screen.
    pub fn reset(&mut self) {
        self.widget.reset();
    }

    /// The words of the panel embed.js shows in this widget's place if its Wasm instance
    /// panics: `{ lang, heading, body, retry }`, in the widget's language (the content's
    /// own strings when it is at hand). Asked for at mount, while the instance is sound,
    /// because a dead instance is never called again.
    #[wasm_bindgen(js_name = crashText)]
    pub fn crash_text(&self) -> Result<JsValue, JsError> {
        self.widget.crash_text()
    }
}
