//! Localisation: everything the widget says in the reader's language that is not the
//! quiz's content. One way through, no circles: `language` (tags, direction) knows
//! nothing else here, and `plural` (CLDR categories, from a service) only `language`;
//! `catalogue` declares every string once; `tables` hold the built-in languages, one
//! file each, and the one list of them; `format` writes numbers, lists and dates with a
//! table; `overrides` reads and checks a pack's replacements for the strings. Those last
//! three use the catalogue, never each other, and nothing here uses the rest of the model.
//!
//! Adding a built-in language: a table in `tables/` (listed in `tables/mod.rs`), a pack
//! of the same name in `content/` and its plural cases in `tests/plural-cases.json`;
//! everything else reads the list (ARCHITECTURE.md, "Where to add a language").

pub mod language;
pub mod plural;
#[macro_use]
mod catalogue;
mod format;
mod overrides;
mod tables;

#[cfg(not(target_arch = "wasm32"))]
pub use catalogue::UiTextOverridesSchema;
pub use catalogue::{
    blanks, counted, form_problem, may_omit_count, template_problem, Message, UiText,
};
pub use format::format_date;
pub use language::{direction, primary_language, Direction};
pub use overrides::{forms_problems, Override, UiTextOverrides};
pub use tables::{ui_text, AR, EN, ES, LANGUAGES, ZH};
