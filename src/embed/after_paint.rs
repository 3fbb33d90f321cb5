//! Running work once the browser has painted the current frame: a frame callback runs
//! just before the paint, and a zero timeout queued from it runs just after.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::Callback;

/// Calls `then` after the next paint. If the page has no window (never in practice),
/// it is called at once, so nothing waits forever.
pub fn after_paint(then: Callback<()>) {
    let Some(window) = web_sys::window() else {
        return then.emit(());
    };
    let after = {
        let window = window.clone();
        let then = then.clone();
        Closure::once_into_js(move || {
            let run = Closure::once_into_js(move || then.emit(()));
            // Setting a timeout cannot fail in a browser.
            let _ = window.set_timeout_with_callback(run.unchecked_ref());
        })
    };
    if window
        .request_animation_frame(after.unchecked_ref())
        .is_err()
    {
        then.emit(());
    }
}
