//! The result's code, where the build split it off (`scripts/split-wasm.mjs`): the
//! result's views, charts, downloads and sharing are a second Wasm file, which embed.js
//! fetches and joins to this instance when asked (`setResultCode`). Asked once a reader
//! leaves the intro, so it is in place long before a reader at a reader's pace reaches
//! the result; the view shows a short wait where it is not (a resumed or shared
//! result). Builds that are not split never give a loader, and the code is always in
//! place.

use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::Callback;

thread_local! {
    static LOADER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Keeps embed.js's loader: called with no arguments, it returns a promise that
/// settles once the result's code is in place in this instance (or could not be).
pub fn set_loader(load: js_sys::Function) {
    LOADER.with(|slot| *slot.borrow_mut() = Some(load));
}

/// Whether this instance needs the result's code loaded before a result is drawn.
pub fn is_split() -> bool {
    LOADER.with(|slot| slot.borrow().is_some())
}

/// Makes sure the result's code is in place, then tells `done` whether it is.
pub fn load(done: Callback<bool>) {
    let Some(loader) = LOADER.with(|slot| slot.borrow().clone()) else {
        return done.emit(true);
    };
    let Ok(promise) = loader.call0(&wasm_bindgen::JsValue::NULL) else {
        return done.emit(false);
    };
    let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else {
        return done.emit(false);
    };
    wasm_bindgen_futures::spawn_local(async move {
        match JsFuture::from(promise).await {
            Ok(_) => done.emit(true),
            Err(why) => {
                // embed.js's reason (the file missing, refused for its hash, or the host
                // unreachable) for whoever looks at the console.
                web_sys::console::error_2(
                    &"open-vs-proprietary: the result's code could not be loaded:".into(),
                    &why,
                );
                done.emit(false);
            }
        }
    });
}
