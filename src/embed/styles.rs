//! The widget's stylesheet, one for the whole page. A constructable stylesheet adopted by
//! each shadow root works under `style-src 'self'`, where an inline `<style>` would be
//! blocked. Every widget runs in its own Wasm instance (see web/embed.js), so embed.js
//! hands the sheet the first instance built to each later one (`shareStyleSheet`), and
//! the browser parses and matches the rules once rather than once per widget.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, ShadowRoot};

const WIDGET_CSS: &str = include_str!("../../styles/widget.css");

thread_local! {
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// Makes `sheet` (built by another instance) this instance's stylesheet, or builds one
/// when given none; returns the sheet this instance uses.
#[wasm_bindgen(js_name = shareStyleSheet)]
pub fn share_style_sheet(sheet: Option<CssStyleSheet>) -> Result<CssStyleSheet, JsError> {
    if let Some(sheet) = sheet {
        SHEET.with(|slot| *slot.borrow_mut() = Some(sheet));
    }
    sheet_in_use()
}

fn sheet_in_use() -> Result<CssStyleSheet, JsError> {
    SHEET.with(|slot| {
        if let Some(sheet) = &*slot.borrow() {
            return Ok(sheet.clone());
        }
        let sheet = CssStyleSheet::new()
            .and_then(|sheet| sheet.replace_sync(WIDGET_CSS).map(|()| sheet))
            .map_err(|_| {
                JsError::new(
                    "open-vs-proprietary: this browser cannot build the widget's stylesheet",
                )
            })?;
        *slot.borrow_mut() = Some(sheet.clone());
        Ok(sheet)
    })
}

pub fn adopt(shadow: &ShadowRoot) -> Result<(), JsError> {
    let sheet: JsValue = sheet_in_use()?.into();
    let sheets = js_sys::Array::of1(&sheet);
    shadow.set_adopted_style_sheets(sheets.unchecked_ref());
    Ok(())
}
