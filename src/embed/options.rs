//! `mount()` options, read from a JavaScript object with serde-wasm-bindgen. Unknown
//! options and wrong types are refused with a message naming them.

use serde::Deserialize;
use wasm_bindgen::{JsError, JsValue};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct MountOptions {
    /// UI language such as `en`; defaults to the page's `<html lang>`.
    pub lang: Option<String>,
    pub theme: Option<Theme>,
    /// A content pack as an object; `undefined` when not given.
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    pub content: JsValue,
    /// URL of a content pack.
    pub content_url: Option<String>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

impl MountOptions {
    pub fn from_js(value: JsValue) -> Result<Self, JsError> {
        if value.is_undefined() || value.is_null() {
            return Ok(Self::default());
        }
        serde_wasm_bindgen::from_value(value)
            .map_err(|err| JsError::new(&format!("open-vs-proprietary: bad mount options: {err}")))
    }
}
