//! Test-only hooks, compiled only with the cargo feature `test-hooks` (the browser tests
//! build a second dist with it; release builds never contain any of this).
//!
//! `armPanic()` on a widget handle makes the next quiz action that widget's reader
//! takes panic inside the reducer, where a real bug would: in a Yew callback, deep in a
//! click handler. `panicSoon()` panics in a timer instead, outside anything a reader
//! did, so embed.js cannot tell which widget had it. The panic-containment tests use them.

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
    /// The next quiz action in this widget's Wasm instance panics. Widgets share
    /// instances, so a test arms the widget it acts on next.
    #[wasm_bindgen(js_name = armPanic)]
    pub fn arm_panic(&self) {
        ARMED.with(|armed| armed.set(true));
    }

    /// Panics in a timer, outside any reader action or call for a widget.
    #[wasm_bindgen(js_name = panicSoon)]
    pub fn panic_soon(&self) {
        gloo_timers::callback::Timeout::new(0, || {
            panic!("test hook: a panic provoked on purpose by panicSoon(), in a timer")
        })
        .forget();
    }

    /// The plural category the widget finds for `number` in `lang` (through the rules the
    /// Wasm build gives the model: the browser's).
    #[wasm_bindgen(js_name = pluralCategory)]
    pub fn plural_category(&self, lang: &str, number: &str) -> String {
        ovp_model::l10n::plural::category(lang, number)
            .name()
            .to_owned()
    }

    /// The plural categories the widget finds for `lang`, in CLDR order.
    #[wasm_bindgen(js_name = pluralCategories)]
    pub fn plural_categories(&self, lang: &str) -> Vec<String> {
        ovp_model::l10n::plural::categories(lang)
            .into_iter()
            .map(|c| c.name().to_owned())
            .collect()
    }
}
