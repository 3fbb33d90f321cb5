//! Test-only hooks, compiled only with the cargo feature `test-hooks` (the browser tests
//! build a second dist with it; release builds never contain any of this).
//!
//! `armPanic()` on a widget handle makes the next quiz action that widget's reader
//! takes panic inside the reducer, where a real bug would: in a Yew callback, deep in a
//! click handler. The panic-containment test uses it.

use std::cell::Cell;

thread_local! {
    static ARMED: Cell<bool> = const { Cell::new(false) };
}

/// Called by the quiz reducer before every action.
pub fn panic_if_armed() {
    if ARMED.with(|armed| armed.replace(false)) {
        panic!("test hook: a panic provoked on purpose by armPanic()");
    }
}

#[cfg(target_arch = "wasm32")]
use {crate::embed::WidgetHandle, wasm_bindgen::prelude::wasm_bindgen};

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
impl WidgetHandle {
    /// The next action of this widget's reader panics (one Wasm instance per widget, so
    /// the flag is this widget's alone).
    #[wasm_bindgen(js_name = armPanic)]
    pub fn arm_panic(&self) {
        ARMED.with(|armed| armed.set(true));
    }
}
