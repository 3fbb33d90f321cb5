//! What a pack's first screen says, word by word. The intro component shows these words,
//! and the studio fills them into the prerendered first screen it gives an author for
//! their own pack, so the two cannot say different things.

use crate::content::Content;
use crate::l10n::UiText;
use crate::time_to_take::minutes_to_take;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IntroWords {
    /// The widget's accessible name (`Content::name`).
    pub label: String,
    /// The pack's language, as the widget's `lang` attribute says it.
    pub lang: String,
    /// `ltr` or `rtl`.
    pub dir: &'static str,
    pub title: String,
    pub intro: String,
    /// How many questions, and that nothing leaves the browser.
    pub meta: String,
    /// The minutes a reader takes to answer (`time_to_take`).
    pub time: String,
    /// What a press of the prerendered Start announces while the code is on its way.
    pub loading: String,
    pub start: String,
}

impl IntroWords {
    pub fn of(content: &Content, ui: &UiText) -> Self {
        let count = ui.number(&content.questions.len().to_string());
        let minutes = ui.number(&minutes_to_take(content).to_string());
        IntroWords {
            label: content.name(ui),
            lang: content.lang.clone(),
            dir: ui.direction().attribute(),
            title: content.title.clone(),
            intro: content.intro.clone(),
            meta: ui.intro_meta(&count).to_string(),
            time: ui.time_to_take(&minutes).to_string(),
            loading: ui.loading().to_owned(),
            start: ui.start().to_owned(),
        }
    }
}
