//! The widget's stylesheet, shared by every widget on the page: `widget.css`, the same
//! file the prerendered intro links, made once by `embed.js` (copied from that link's
//! parsed rules, or fetched) and handed over as a constructable stylesheet. Each shadow root adopts it; that works under
//! `style-src 'self'`, where an inline `<style>` would be blocked, and keeps a second
//! copy of the CSS out of the Wasm.

use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsError};
use web_sys::{CssStyleSheet, ShadowRoot};

thread_local! {
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// Keeps the stylesheet every widget adopts.
pub fn set_sheet(sheet: CssStyleSheet) {
    SHEET.with(|slot| *slot.borrow_mut() = Some(sheet));
}

pub fn adopt(shadow: &ShadowRoot) -> Result<(), JsError> {
    SHEET.with(|sheet| match &*sheet.borrow() {
        Some(sheet) => {
            let sheets = js_sys::Array::of1(sheet);
            shadow.set_adopted_style_sheets(sheets.unchecked_ref());
            Ok(())
        }
        None => Err(JsError::new(
            "open-vs-proprietary: the widget's stylesheet was not given; load the widget through embed.js",
        )),
    })
}
