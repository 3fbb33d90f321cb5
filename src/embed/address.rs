//! The page's address: reading a share code from its fragment (`#ovp=CODE`, or
//! `#ovp-ID=CODE` for the widget whose element has that id) and writing share links.
//! What a link passes on of the page's address is decided by `ovp_model::page_address`.

use ovp_model::page_address::{last_code_key, public_page_url, share_fragment};

/// The fragment key of the widget whose element has the id `element_id` (if any).
pub fn fragment_key(element_id: Option<&str>) -> String {
    match element_id {
        Some(id) => format!("ovp-{}", String::from(js_sys::encode_uri_component(id))),
        None => "ovp".to_owned(),
    }
}

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|window| window.location())
}

/// The code under `key` in the page's fragment, if there is one.
pub fn read_code(key: &str) -> Option<String> {
    let hash = location()?.hash().ok()?;
    hash.trim_start_matches('#')
        .split('&')
        .filter_map(|part| part.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, code)| code.to_owned())
}

/// Whether `key` holds the last share code in the page's fragment (`last_code_key`).
pub fn last_code_key_is(key: &str) -> bool {
    let hash = location().and_then(|l| l.hash().ok()).unwrap_or_default();
    last_code_key(&hash) == Some(key)
}

/// The page's address to pass on (`ovp_model::page_address`): its canonical address, or its
/// own without the fragment and without query parameters that carry secrets.
pub fn page_url() -> String {
    let href = location().and_then(|l| l.href().ok()).unwrap_or_default();
    public_page_url(&href, canonical_url().as_deref())
}

/// The resolved `href` of the page's `<link rel="canonical">`, if it has one.
fn canonical_url() -> Option<String> {
    let link = web_sys::window()?
        .document()?
        .query_selector("link[rel~=canonical][href]")
        .ok()??;
    js_sys::Reflect::get(&link, &"href".into())
        .ok()?
        .as_string()
}

/// A share link: the page's address to pass on, with the widgets' codes as its fragment
/// and `key=code` among them.
pub fn link_with(key: &str, code: &str) -> String {
    let hash = location().and_then(|l| l.hash().ok()).unwrap_or_default();
    format!("{}#{}", page_url(), share_fragment(&hash, key, code))
}

/// Puts `text` on the clipboard and reports whether that worked. Browsers refuse
/// outside secure contexts, without permission, or when the page lacks focus.
pub fn copy_to_clipboard(text: &str, done: yew::Callback<bool>) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    let Some(window) = web_sys::window() else {
        return done.emit(false);
    };
    let navigator = window.navigator();
    // Absent outside secure contexts; calling through it would throw.
    let available = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .is_ok_and(|clipboard| !clipboard.is_undefined() && !clipboard.is_null());
    if !available {
        return done.emit(false);
    }
    let failed = done.clone();
    let on_ok = Closure::once_into_js(move |_: JsValue| done.emit(true));
    let on_err = Closure::once_into_js(move |_: JsValue| failed.emit(false));
    let promise = navigator.clipboard().write_text(text);
    // `then` through Reflect, so the one-shot callbacks free themselves once called.
    if let Ok(then) = js_sys::Reflect::get(&promise, &JsValue::from_str("then"))
        .and_then(|then| then.dyn_into::<js_sys::Function>())
    {
        let _ = then.call2(&promise, &on_ok, &on_err);
    }
}
