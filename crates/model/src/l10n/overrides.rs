//! A content pack's replacements for the widget's strings (its `ui` object), read as a
//! plain list, checked against the catalogue, and applied over a built-in table.

use super::catalogue::{form_problem, template_problem, Message, UiText};
use super::plural::{categories, Category};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::borrow::Cow;

/// A pack's replacement for one of the widget's strings: one text, or for a string with
/// a count, a text per plural category, keyed by CLDR's names (`one`, `few`…) as written,
/// so that validation can name a misspelt one. Forms are a list in the pack's order (a
/// second map type would cost the Wasm kilobytes).
#[derive(Debug, Clone, PartialEq)]
pub enum Override {
    Text(String),
    Forms(Vec<(String, String)>),
}

impl<'de> Deserialize<'de> for Override {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OverrideVisitor;
        impl<'de> Visitor<'de> for OverrideVisitor {
            type Value = Override;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string, or an object with a string per plural category")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Override, E> {
                Ok(Override::Text(text.to_owned()))
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Override, M::Error> {
                let mut forms = Vec::new();
                while let Some(form) = map.next_entry::<String, String>()? {
                    forms.push(form);
                }
                Ok(Override::Forms(forms))
            }
        }
        deserializer.deserialize_any(OverrideVisitor)
    }
}

/// Strings a content pack replaces, by key (`stepOf`), in the pack's order. Read as a
/// plain list and checked by `Content::validate`, so an unknown key is reported with its
/// path alongside every other problem; a struct with a field per string would cost the
/// Wasm a deserializer of its own, and a map of its own type kilobytes more.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UiTextOverrides(Vec<(String, Override)>);

impl<'de> Deserialize<'de> for UiTextOverrides {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OverridesVisitor;
        impl<'de> Visitor<'de> for OverridesVisitor {
            type Value = UiTextOverrides;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of the widget's strings by key")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
                let mut given = Vec::new();
                while let Some(entry) = map.next_entry::<String, Override>()? {
                    given.push(entry);
                }
                Ok(UiTextOverrides(given))
            }
        }
        deserializer.deserialize_map(OverridesVisitor)
    }
}

impl UiTextOverrides {
    /// Each override given, as (key, replacement), in the pack's order.
    pub fn given(&self) -> impl Iterator<Item = (&str, &Override)> {
        self.0.iter().map(|(key, value)| (key.as_str(), value))
    }

    /// Whether `key` names one of the widget's strings.
    pub fn knows(key: &str) -> bool {
        field_index(key).is_some()
    }

    /// The counted blank of the string a pack calls `key`, if it has one.
    pub fn counted(key: &str) -> Option<&'static str> {
        UiText::COUNTED[field_index(key)?]
    }

    /// What is wrong with `text` as the string a pack calls `key` (a blank it lacks or
    /// does not have); `None` when it keeps exactly the blanks the widget fills in.
    pub fn template_problem(key: &str, text: &str) -> Option<String> {
        template_problem(&snake_case(key)?, text)
    }

    /// `template_problem` for one plural form of a counted string in `lang`.
    pub fn form_problem(key: &str, lang: &str, category: Category, text: &str) -> Option<String> {
        form_problem(&snake_case(key)?, lang, category, text)
    }
}

/// The place in `UiText` of the string a pack calls `key` (camelCase).
fn field_index(key: &str) -> Option<usize> {
    let field = snake_case(key)?;
    UiText::FIELD_NAMES.iter().position(|name| *name == field)
}

impl UiText {
    /// This table with the given strings replaced; unknown keys and categories are left
    /// out (validation reports them).
    pub fn with_overrides(&self, overrides: &UiTextOverrides) -> UiText {
        let mut text = self.clone();
        for (key, value) in overrides.given() {
            if let Some(i) = field_index(key) {
                text.messages[i] = match value {
                    Override::Text(text) => Message::Text(Cow::Owned(text.clone())),
                    Override::Forms(forms) => Message::Forms(Cow::Owned(
                        forms
                            .iter()
                            .filter_map(|(name, text)| {
                                Some((Category::from_name(name)?, Cow::Owned(text.clone())))
                            })
                            .collect(),
                    )),
                };
            }
        }
        text
    }
}

/// What is wrong with a pack's forms for a counted string in `lang`, as (category, problem)
/// pairs: a name that is not a CLDR category, one the language does not use, or one it
/// uses that is missing.
pub fn forms_problems(lang: &str, forms: &[(String, String)]) -> Vec<(String, String)> {
    let wanted = categories(lang);
    let names = wanted
        .iter()
        .map(|c| c.name())
        .collect::<Vec<_>>()
        .join(", ");
    let mut problems = Vec::new();
    for (name, _) in forms {
        match Category::from_name(name) {
            None => problems.push((
                name.clone(),
                "is not a plural category; they are zero, one, two, few, many and other".to_owned(),
            )),
            Some(c) if !wanted.contains(&c) => problems.push((
                name.clone(),
                format!("is not a plural form of the pack's language ({lang}), which uses {names}"),
            )),
            Some(_) => {}
        }
    }
    for c in wanted {
        if !forms.iter().any(|(name, _)| name == c.name()) {
            problems.push((
                c.name().to_owned(),
                format!(
                    "is missing: numbers in the pack's language ({lang}) take the forms {names}"
                ),
            ));
        }
    }
    problems
}

/// `stepOf` as `step_of`; `None` for a key that is not camelCase ASCII, so that
/// `step_of` itself is not taken for `stepOf`.
fn snake_case(camel: &str) -> Option<String> {
    if !camel.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let mut snake = String::with_capacity(camel.len() + 4);
    for c in camel.chars() {
        if c.is_ascii_uppercase() {
            snake.push('_');
        }
        snake.push(c.to_ascii_lowercase());
    }
    Some(snake)
}
