//! The glue between the page and the widget; `web/embed.js` calls into this. By job:
//!
//! - `exports`: what embed.js calls besides `mount`: the page-wide settings
//!   (`setPackBase`, `setStyleSheet`) and the `WidgetHandle` a mount returns (`destroy`,
//!   `reset`, `crashText`).
//! - `mount`: `mount(host, options)`: reads the options, attaches the shadow root,
//!   adopts the stylesheet and starts an `Instance`.
//! - `instance`: one mounted widget's lifecycle: loading its content, showing it,
//!   parking the Yew app for the next mount when destroyed.
//! - `page_services`: what the view may ask of the page: where the quiz starts (the
//!   decision is `model::start::choose_start`), saving, sharing, downloading.
//! - `events`: `WidgetEvent`s as DOM `CustomEvent`s on the host.
//!
//! The rest are the page's services themselves (`address`, `storage`, `download`,
//! `after_paint`, `steady_height`), where content comes from (`source`, `fetch`), the
//! options (`options`), the stylesheet (`styles`) and the panic hook (`panic`).
//! `studio.rs` here is not part of it: the studio's own build compiles it instead of this
//! layer (see lib.rs).

mod address;
mod after_paint;
mod download;
mod events;
mod exports;
mod fetch;
mod handover;
mod instance;
mod mount;
mod options;
mod page_services;
mod panic;
mod source;
mod steady_height;
mod storage;
mod styles;

#[cfg(feature = "test-hooks")]
pub use exports::WidgetHandle;
