//! The widget's stylesheet, shared by every instance on the page. A constructable
//! stylesheet adopted by each shadow root works under `style-src 'self'`, where an
//! inline `<style>` would be blocked.

use wasm_bindgen::{JsCast, JsError, JsValue};
use web_sys::{CssStyleSheet, ShadowRoot};

const WIDGET_CSS: &str = include_str!("../../styles/widget.css");

thread_local! {
    static SHEET: Result<CssStyleSheet, JsValue> = CssStyleSheet::new().and_then(|sheet| {
        sheet.replace_sync(WIDGET_CSS)?;
        Ok(sheet)
    });
}

pub fn adopt(shadow: &ShadowRoot) -> Result<(), JsError> {
    SHEET.with(|sheet| match sheet {
        Ok(sheet) => {
            let sheets = js_sys::Array::of1(sheet);
            shadow.set_adopted_style_sheets(sheets.unchecked_ref());
            Ok(())
        }
        Err(_) => Err(JsError::new(
            "open-vs-proprietary: this browser cannot build the widget's stylesheet",
        )),
    })
}
