//! The glue between the page and the widget; `web/embed.js` calls into this. By job:
//!
//! - `exports`: what embed.js calls besides `mount`: the page-wide settings
//!   (`setPackBase`, `setStyleSheet`, `setResultCode`) and the `WidgetHandle` a mount returns (`destroy`,
//!   `reset`, `crashText`).
//! - `mount`: `mount(host, options)`: reads the options, attaches the shadow root,
//!   adopts the stylesheet and starts a `MountedWidget`.
//! - `mounted`: one mounted widget's lifecycle: loading its content, showing it,
//!   parking the Yew app for the next mount when destroyed.
//! - `page_services`: what the view may ask of the page: where the quiz starts (the
//!   decision is `ovp_model::start::choose_start`), saving, sharing, downloading.
//! - `events`: `WidgetEvent`s as DOM `CustomEvent`s on the host.
//!
//! The rest are the page's services themselves (`address`, `storage`, `download`,
//! `after_paint`, `steady_height`), where content comes from (`source`, `fetch`), the
//! options (`options`), the stylesheet (`styles`), the result's code where the build split
//! it off (`result_code`) and the panic hook (`panic`).

mod address;
mod after_paint;
mod download;
mod events;
mod exports;
mod fetch;
mod handover;
mod mount;
mod mounted;
mod options;
mod page_services;
mod panic;
mod result_code;
mod source;
mod steady_height;
mod storage;
mod styles;

/// Runs once per Wasm instance, when it is initialised: the model's plural rules are the
/// browser's (`ovp-intl`).
#[wasm_bindgen::prelude::wasm_bindgen(start)]
fn start() {
    ovp_intl::use_browser_plural_rules();
}

#[cfg(feature = "test-hooks")]
pub use exports::WidgetHandle;
