//! Where a widget's content comes from, in order of precedence:
//! 1. the `content` mount option (an object, or JSON text: embed.js gives an element's
//!    inline `<script type="application/json">` so);
//! 2. the `contentUrl` mount option (a URL, relative to the page; an element's `src`),
//!    checked against the `integrity` option when there is one;
//! 3. the built-in pack for the widget's language.

use super::options::MountOptions;
use ovp_model::content::{primary_language_has_pack, DEFAULT_CONTENT_EN};
use std::cell::RefCell;
use wasm_bindgen::JsError;

#[derive(Debug, Clone, PartialEq)]
pub enum ContentSource {
    /// JSON text already at hand.
    Json(String),
    /// A URL to fetch, and the integrity hash (`sha384-…`) its body must match, if any:
    /// the author's for a `src`, the build's for a built-in pack.
    Url {
        url: String,
        integrity: Option<String>,
    },
}

thread_local! {
    /// Where the built-in packs other than English live: `content/` beside `embed.js`.
    static PACK_BASE: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The integrity hash of each built-in pack (by file name, such as `zh.json`), as
    /// the build wrote them into embed.js.
    static PACK_INTEGRITY: RefCell<Option<js_sys::Object>> = const { RefCell::new(None) };
}

/// Tells the widget where its built-in content packs are served from, and their hashes.
pub fn set_pack_base(url: String, integrity: js_sys::Object) {
    PACK_BASE.with(|base| *base.borrow_mut() = Some(url));
    PACK_INTEGRITY.with(|hashes| *hashes.borrow_mut() = Some(integrity));
}

/// The hash a built-in pack must match, for a URL `built_in` made.
fn pack_integrity(url: &str) -> Option<String> {
    let name = PACK_BASE.with(|base| {
        url.strip_prefix(base.borrow().as_deref()?)
            .map(str::to_owned)
    })?;
    PACK_INTEGRITY.with(|hashes| {
        js_sys::Reflect::get(hashes.borrow().as_ref()?, &name.into())
            .ok()?
            .as_string()
    })
}

/// `url` made absolute against the page's address, as fetch would.
fn resolved(url: &str) -> String {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten())
        .and_then(|base| web_sys::Url::new_with_base(url, &base).ok())
        .map_or_else(|| url.to_owned(), |absolute| absolute.href())
}

impl ContentSource {
    pub fn choose(options: &MountOptions, lang: &str) -> Result<Self, JsError> {
        let content = &options.content;
        if let Some(json) = content.as_string() {
            return Ok(ContentSource::Json(json));
        }
        if !content.is_undefined() && !content.is_null() {
            let json = js_sys::JSON::stringify(content)
                .ok()
                .and_then(|s| s.as_string())
                .ok_or_else(|| {
                    JsError::new(
                        "open-vs-proprietary: the content option cannot be turned into JSON",
                    )
                })?;
            return Ok(ContentSource::Json(json));
        }
        if let Some(url) = options
            .content_url
            .as_ref()
            .filter(|s| !s.trim().is_empty())
        {
            // The author's hash, else the build's when the URL names a built-in pack.
            let integrity = options
                .integrity
                .clone()
                .filter(|hash| !hash.trim().is_empty())
                .or_else(|| pack_integrity(&resolved(url)));
            return Ok(ContentSource::Url {
                url: url.clone(),
                integrity,
            });
        }
        Ok(Self::built_in(lang))
    }

    /// The built-in pack for `lang`: English is compiled in, the others are fetched.
    fn built_in(lang: &str) -> Self {
        match (
            primary_language_has_pack(lang),
            PACK_BASE.with(|base| base.borrow().clone()),
        ) {
            (Some(code), Some(base)) if code != "en" => {
                // A built-in pack must be the file this build made: the browser refuses any other.
                let url = format!("{base}{code}.json");
                let integrity = pack_integrity(&url);
                ContentSource::Url { url, integrity }
            }
            _ => ContentSource::Json(DEFAULT_CONTENT_EN.to_owned()),
        }
    }
}
