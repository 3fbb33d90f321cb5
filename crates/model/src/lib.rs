//! The widget's logic in plain Rust: content, scoring, the quiz state machine, UI text
//! and the events sent to the host. Nothing here knows about Yew or the browser (this
//! crate's `Cargo.toml` names neither), so all of it is tested natively with
//! `cargo test -p ovp-model`. What the browser knows better (CLDR's plural rules, from
//! `Intl`) is asked through a service the Wasm builds give (`l10n::plural::use_rules`,
//! from the `ovp-intl` crate); natively the model uses ICU4X's.

pub mod balance;
pub mod chart_summary;
pub mod content;
pub mod cost;
pub mod events;
pub mod intro;
mod json_path;
mod json_words;
pub mod l10n;
pub mod load;
pub mod number;
pub mod page_address;
pub mod quiz;
pub mod saved;
pub mod scoring;
pub mod share;
pub mod start;
pub mod time_to_take;
