//! The widget's events as DOM `CustomEvent`s on its host element. The names come from
//! `WidgetEvent::name` alone; embed.js's `EVENTS` mirrors them for the events it sends
//! itself (a crash, a failed load).

use ovp_model::events::WidgetEvent;
use serde::Serialize;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

/// Fires `event` on the host; it bubbles out of the shadow root to the page. Never from
/// an instance that has panicked: its widgets are a panel, or live on elsewhere.
pub fn dispatch(host: &HtmlElement, event: &WidgetEvent) {
    if super::panic::has_panicked() {
        return;
    }
    let name = event.name();
    // Plain objects rather than JS `Map`s, so hosts can read `detail.scores.open`.
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let detail = match event.serialize(&serializer) {
        Ok(detail) => detail,
        Err(err) => {
            web_sys::console::error_1(
                &format!("open-vs-proprietary: cannot send {name}: {err}").into(),
            );
            return;
        }
    };
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}
