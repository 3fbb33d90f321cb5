//! Dates and text direction in the reader's language. Content dates are ISO-like
//! (`2025-01-20`, `2024-03`, `2025`), shown with the language's month names and digits;
//! anything else is shown as written.

use super::ui_text::UiText;

pub fn format_date(date: &str, ui: &UiText) -> String {
    let parts: Vec<&str> = date.trim().split('-').collect();
    let number = |text: &str, digits: usize| -> Option<u32> {
        (text.len() == digits && text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| text.parse().ok())?
    };
    let month_name = |month: u32| {
        ui.month_names()
            .split(',')
            .nth(month as usize - 1)
            .map(str::trim)
    };
    let formatted = match parts.as_slice() {
        [year] => number(year, 4).map(|_| ui.date_year(&ui.number(year))),
        [year, month] => match (
            number(year, 4),
            number(month, 2).filter(|m| (1..=12).contains(m)),
        ) {
            (Some(_), Some(m)) => {
                month_name(m).map(|name| ui.date_month_year(name, &ui.number(year)))
            }
            _ => None,
        },
        [year, month, day] => match (
            number(year, 4),
            number(month, 2).filter(|m| (1..=12).contains(m)),
            number(day, 2).filter(|d| (1..=31).contains(d)),
        ) {
            (Some(_), Some(m), Some(d)) => month_name(m).map(|name| {
                ui.date_day_month_year(&ui.number(&d.to_string()), name, &ui.number(year))
            }),
            _ => None,
        },
        _ => None,
    };
    formatted.unwrap_or_else(|| date.to_owned())
}

/// Which way a language's text runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    /// The value of an HTML `dir` attribute.
    pub fn attribute(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }

    /// `ltr` or `rtl` as an author writes it on the element; `None` for anything else
    /// (`auto` or nothing: the pack's language decides).
    pub fn from_attribute(value: &str) -> Option<Direction> {
        match value.trim().to_ascii_lowercase().as_str() {
            "ltr" => Some(Direction::Ltr),
            "rtl" => Some(Direction::Rtl),
            _ => None,
        }
    }
}

/// Languages written right to left by default (CLDR's likely scripts Arabic, Hebrew,
/// Thaana, Syriac, N'Ko, Adlam and Hanifi Rohingya).
const RTL_LANGUAGES: &[&str] = &[
    "ar", "arc", "ckb", "dv", "fa", "he", "iw", "lrc", "mzn", "nqo", "ps", "sd", "syr", "ug", "ur",
    "yi", "rhg",
];

/// Script subtags written right to left, for tags that name one (`az-Arab`, `pa-Arab`).
const RTL_SCRIPTS: &[&str] = &[
    "arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg", "mand", "samr",
];

/// The direction of text in `lang`: from its script subtag when it names one
/// (`uz-Arab` is right to left, `ku-Latn` left to right), else from the language.
pub fn direction(lang: &str) -> Direction {
    let lower = lang.trim().to_ascii_lowercase().replace('_', "-");
    let mut subtags = lower.split('-');
    let primary = subtags.next().unwrap_or("");
    let script = subtags.find(|s| s.len() == 4 && s.bytes().all(|b| b.is_ascii_alphabetic()));
    let rtl = match script {
        Some(script) => RTL_SCRIPTS.contains(&script),
        None => RTL_LANGUAGES.contains(&primary),
    };
    if rtl {
        Direction::Rtl
    } else {
        Direction::Ltr
    }
}
