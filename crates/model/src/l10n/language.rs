//! Language tags: the primary language a tag names, and which way its text runs.

/// The primary subtag of a language tag, lower-cased: `zh` for `zh-CN`.
pub fn primary_language(lang: &str) -> String {
    lang.split(['-', '_'])
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
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
