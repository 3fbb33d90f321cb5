//! Panic containment, the Wasm side. The hook installed here logs the panic (its
//! message, and the JavaScript stack through the Wasm) and tells embed.js, which then
//! never calls into this instance again: the widget that had the panic shows the reader
//! a small panel with Retry, and the others sharing the instance move to a new one
//! with their state (`handover`). With `panic = "abort"` the instance traps right after
//! the hook returns.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::prelude::*;

thread_local! {
    /// embed.js's callback, told the details of the first panic.
    static LISTENER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Set by the first panic. A dead instance can still be entered by a timer or an
/// event embed.js cannot cancel; a panic there again is not reported a second time.
static PANICKED: AtomicBool = AtomicBool::new(false);

/// Whether this instance has panicked. Timers and observers can still enter a dead
/// instance; what it would tell the page then (events, states to carry) is not sent.
pub fn has_panicked() -> bool {
    PANICKED.load(Ordering::Relaxed)
}

/// Installs the panic hook for this instance; `listener(details)` is called on the first
/// panic, with its message.
#[wasm_bindgen(js_name = onPanic)]
pub fn on_panic(listener: js_sys::Function) {
    LISTENER.with(|slot| *slot.borrow_mut() = Some(listener));
    // Through Yew, which otherwise replaces any hook with its own on the first render.
    yew::set_custom_panic_hook(Box::new(report));
}

fn report(info: &std::panic::PanicHookInfo<'_>) {
    if PANICKED.swap(true, Ordering::Relaxed) {
        return;
    }
    // The message only: shipped builds leave out panic locations (scripts/trunk.sh), so
    // `{info}` would say "panicked at <redacted>:0:0".
    let payload = info.payload();
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("panic");
    let details = format!("open-vs-proprietary: internal error, the widget stopped: {message}");
    // The JavaScript stack names the Wasm functions on the way, for whoever debugs it.
    let stack = js_sys::Reflect::get(&js_sys::Error::new("stack:"), &JsValue::from_str("stack"))
        .unwrap_or_default();
    web_sys::console::error_2(&JsValue::from_str(&details), &stack);
    // try_: the panic may have happened while the slot was in use, or during teardown.
    let listener = LISTENER
        .try_with(|slot| slot.try_borrow().ok().and_then(|slot| slot.clone()))
        .ok()
        .flatten();
    if let Some(listener) = listener {
        let _ = listener.call1(&JsValue::NULL, &JsValue::from_str(&details));
    }
}
