//! The widget's logic in plain Rust: content, scoring, the quiz state machine, UI text
//! and the events sent to the host. Nothing here knows about Yew or the browser, so all
//! of it is tested natively with `cargo test`.

pub mod balance;
pub mod chart_summary;
pub mod content;
pub mod events;
mod json_path;
pub mod load;
pub mod locale;
pub mod plural;
pub mod quiz;
pub mod saved;
pub mod scoring;
pub mod share;
pub mod start;
pub mod ui_text;
