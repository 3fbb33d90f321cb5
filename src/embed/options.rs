//! `mount()` options, read from a JavaScript object with serde-wasm-bindgen. Unknown
//! options and wrong types are refused with a message naming them. They are everything
//! the widget learns of its element: embed.js reads the element's attributes and inline
//! pack into them (`mountOptions`), and nothing here reads the element itself.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsError, JsValue};

#[derive(Debug, Default)]
pub struct MountOptions {
    /// UI language such as `en` (embed.js gives the page's `<html lang>` when the
    /// element and the caller give none); English when absent.
    pub lang: Option<String>,
    /// The direction an author set (`ltr`, `rtl`) over the language's; anything else
    /// leaves it to the language, as HTML's `dir` does.
    pub dir: Option<String>,
    pub theme: Option<Theme>,
    /// A content pack as an object or as JSON text; `undefined` when not given.
    pub content: JsValue,
    /// URL of a content pack.
    pub content_url: Option<String>,
    /// The hash (`sha384-…`) the pack at `content_url` must match.
    pub integrity: Option<String>,
    /// Names the widget's saved progress and share links, so several on a page keep
    /// their own (the element's `id`).
    pub id: Option<String>,
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
const OPTION_NAMES: &[&str] = &[
    "lang",
    "dir",
    "theme",
    "content",
    "contentUrl",
    "integrity",
    "id",
    "storage",
];

impl MountOptions {
    /// The widget's language before any content says otherwise: the `lang` option, or
    /// English when a caller of the glue gave none (embed.js always gives one).
    pub fn lang(&self) -> &str {
        self.lang.as_deref().unwrap_or("en")
    }

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
        Ok(Self {
            lang: option(&value, "lang")?,
            dir: option(&value, "dir")?,
            theme: option(&value, "theme")?,
            content: read(&value, "content")?,
            content_url: option(&value, "contentUrl")?,
            integrity: option(&value, "integrity")?,
            id: option(&value, "id")?,
            storage: option(&value, "storage")?,
        })
    }
}

/// Reads the option `name` of `options`; `undefined` and `null` leave it unset. Each
/// option is read on its own so an error can name it.
fn option<T: DeserializeOwned>(options: &JsValue, name: &str) -> Result<Option<T>, JsError> {
    let value = read(options, name)?;
    serde_wasm_bindgen::from_value(value).map_err(|err| {
        // The error prints as a JS Error ("Error: ..."); the prefix adds nothing.
        bad(name, err.to_string().trim_start_matches("Error: "))
    })
}

/// The raw value of the option `name`; a getter on the options object may throw.
fn read(options: &JsValue, name: &str) -> Result<JsValue, JsError> {
    js_sys::Reflect::get(options, &name.into()).map_err(|_| bad(name, "reading it threw"))
}

fn bad(name: &str, reason: &str) -> JsError {
    JsError::new(&format!(
        "open-vs-proprietary: bad mount option `{name}`: {reason}"
    ))
}
