//! The built-in tables, one file per language, and the one list of them.

mod ar;
mod en;
mod es;
mod zh;

pub use ar::AR;
pub use en::EN;
pub use es::ES;
pub use zh::ZH;

use super::catalogue::UiText;
use super::language::primary_language;

/// Languages with a built-in table, by their primary `lang` subtag.
pub const LANGUAGES: &[(&str, &UiText)] = &[("en", &EN), ("es", &ES), ("ar", &AR), ("zh", &ZH)];

/// The built-in table for a language tag such as `en` or `zh-CN`; English when there is none.
pub fn ui_text(lang: &str) -> &'static UiText {
    let primary = primary_language(lang);
    LANGUAGES
        .iter()
        .find(|(code, _)| *code == primary)
        .map_or(&EN, |(_, table)| table)
}
