//! Saved progress in `localStorage`, one entry per content and element
//! (`saved::storage_key`), kept for `saved::KEEP_DAYS`. Storage that is missing,
//! disabled, full or throws on every call (sandboxed iframes, some privacy modes) just
//! means nothing is kept; saved data that does not fit the quiz, or has expired, is
//! dropped with a console warning.
//!
//! Written against `web_sys::Storage` rather than gloo-storage, whose `LocalStorage`
//! throws when `window.localStorage` itself throws, which is one of the cases to survive.

use ovp_model::content::Content;
use ovp_model::quiz::Quiz;
use ovp_model::saved;
use web_sys::Storage;

pub struct SavedProgress {
    storage: Option<Storage>,
    key: String,
}

impl SavedProgress {
    /// The entry for a widget whose element has the id `element_id` (if any) showing
    /// `content`.
    pub fn open(element_id: Option<&str>, content: &Content) -> Self {
        let key = saved::storage_key(&content.id, element_id);
        // Reading `window.localStorage` may itself throw; web-sys turns that into Err.
        let storage = web_sys::window().and_then(|window| window.local_storage().ok().flatten());
        // Progress an earlier version kept under other keys would never expire there.
        if let Some(storage) = &storage {
            for legacy in saved::legacy_keys(&content.id, element_id) {
                if let Ok(Some(text)) = storage.get_item(&legacy) {
                    if saved::is_legacy_progress(&text) {
                        let _ = storage.remove_item(&legacy);
                    }
                }
            }
        }
        SavedProgress { storage, key }
    }

    /// The saved quiz, if there is sound saved progress for `content`.
    pub fn load(&self, content: &Content) -> Option<Quiz> {
        let text = self.storage.as_ref()?.get_item(&self.key).ok().flatten()?;
        match saved::load(content, &text, js_sys::Date::now()) {
            Ok(quiz) => Some(quiz),
            Err(err) => {
                web_sys::console::warn_1(
                    &format!(
                        "open-vs-proprietary: saved progress under \"{}\" was discarded: {err}",
                        self.key
                    )
                    .into(),
                );
                if let Some(storage) = &self.storage {
                    let _ = storage.remove_item(&self.key);
                }
                None
            }
        }
    }

    /// Keeps `quiz`; a failure (full, disabled) is ignored: the widget works on unsaved.
    /// Keeps `record` (`saved::save`'s); a failure (full, disabled) is ignored: the
    /// widget works on unsaved.
    pub fn save(&self, record: &str) {
        if let Some(storage) = &self.storage {
            let _ = storage.set_item(&self.key, record);
        }
    }
}
