//! The widget's logic in plain Rust: content, scoring, the quiz state machine, UI text
//! and the events sent to the host. Nothing here knows about Yew or the browser, so all
//! of it is tested natively with `cargo test`; the one exception, plural rules, asks the
//! JavaScript engine's `Intl` in the Wasm and ICU4X natively (`plural.rs`).

pub mod balance;
pub mod chart_summary;
pub mod content;
pub mod events;
mod json_path;
pub mod load;
pub mod locale;
pub mod page_address;
pub mod plural;
pub mod quiz;
pub mod saved;
pub mod scoring;
pub mod share;
pub mod start;
pub mod time_to_take;
pub mod ui_text;
