//! `mount()` options, read from a JavaScript object with serde-wasm-bindgen. Unknown
//! options and wrong types are refused with a message naming them.

use serde::Deserialize;
use wasm_bindgen::{JsCast, JsError, JsValue};

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
    /// Whether progress is kept in `localStorage`; `local` by default.
    pub storage: Option<StorageMode>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StorageMode {
    Local,
    None,
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

/// Every option `MountOptions` reads, as spelled in JavaScript.
const OPTION_NAMES: &[&str] = &["lang", "theme", "content", "contentUrl", "storage"];

impl MountOptions {
    pub fn from_js(value: JsValue) -> Result<Self, JsError> {
        if value.is_undefined() || value.is_null() {
            return Ok(Self::default());
        }
        if !value.is_object() || js_sys::Array::is_array(&value) {
            return Err(JsError::new(
                "open-vs-proprietary: mount options must be an object such as { lang: 'en' }",
            ));
        }
        // serde-wasm-bindgen reads only the fields it knows, so unknown keys are caught here.
        for key in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter() {
            let key = key.as_string().unwrap_or_default();
            if !OPTION_NAMES.contains(&key.as_str()) {
                return Err(JsError::new(&format!(
                    "open-vs-proprietary: unknown mount option `{key}`; the options are {}",
                    OPTION_NAMES.join(", ")
                )));
            }
        }
        // The path names the option at fault, for example `theme`.
        serde_path_to_error::deserialize(serde_wasm_bindgen::Deserializer::from(value)).map_err(
            |err| {
                let option = err.path().to_string();
                // The inner error prints as a JS Error ("Error: ..."); the prefix adds nothing.
                let reason = err.into_inner().to_string();
                let reason = reason.trim_start_matches("Error: ");
                JsError::new(&if option == "." {
                    format!("open-vs-proprietary: bad mount options: {reason}")
                } else {
                    format!("open-vs-proprietary: bad mount option `{option}`: {reason}")
                })
            },
        )
    }
}
