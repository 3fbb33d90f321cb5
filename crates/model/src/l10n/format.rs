//! Numbers, lists, dates and bidirectional isolation, written the reader's language's way
//! from its catalogue (`UiText`): its digits, decimal separator, list separators and
//! month names. Content dates are ISO-like (`2025-01-20`, `2024-03`, `2025`); anything
//! else is shown as written.

use super::catalogue::UiText;
use super::language::Direction;
use std::borrow::Cow;

impl UiText {
    /// `items` as a list inside a sentence, the language's way: "A, B and C", "A、B和C".
    pub fn list(&self, items: &[&str]) -> String {
        match items {
            [] => String::new(),
            [only] => (*only).to_owned(),
            [rest @ .., last] => {
                let separator = match self.list_last_separator() {
                    " y " if self.lang.split('-').next() == Some("es") && sounds_like_i(last) => {
                        " e "
                    }
                    separator => separator,
                };
                format!("{}{separator}{last}", rest.join(self.list_separator()))
            }
        }
    }

    /// `text` set apart from the text around it for the bidirectional algorithm (first
    /// strong isolate … pop directional isolate) when the widget runs right to left, so
    /// a URL or a Latin name inside Arabic keeps its own order and its punctuation
    /// stays where it belongs; left to right it is unchanged.
    pub fn isolated<'a>(&self, text: &'a str) -> Cow<'a, str> {
        match self.direction() {
            Direction::Rtl => Cow::Owned(format!("\u{2068}{text}\u{2069}")),
            Direction::Ltr => Cow::Borrowed(text),
        }
    }

    /// A number written with ASCII digits and a decimal point (`8.3`, `−1.5`), in this
    /// language's digits and decimal separator (`8,3`, `٨٫٣`).
    pub fn number(&self, ascii: &str) -> String {
        let digits = self.digit_set();
        let mut out = String::with_capacity(ascii.len() * 2);
        for c in ascii.chars() {
            match (c, &digits) {
                ('0'..='9', Some(digits)) => out.push(digits[c as usize - '0' as usize]),
                ('.', _) => out.push_str(self.decimal_separator()),
                _ => out.push(c),
            }
        }
        out
    }
}

/// Whether a Spanish word starts with the sound of "i" (i-, í-, hi-, hí-, but not a
/// diphthong as in "hielo" or "hiato"), before which "y" is written "e".
fn sounds_like_i(word: &str) -> bool {
    // Letter by letter rather than through to_lowercase, whose Unicode tables would
    // weigh on the Wasm.
    let mut chars = word.chars();
    let (first, second, third) = (chars.next(), chars.next(), chars.next());
    let is_i = |c: Option<char>| matches!(c, Some('i' | 'I' | 'í' | 'Í'));
    match first {
        Some('h' | 'H') => is_i(second) && !matches!(third, Some('a' | 'e' | 'o' | 'u')),
        _ => is_i(first),
    }
}

/// `date` in the reader's language: `2025-01-20` as "20 January 2025", "٢٠ يناير ٢٠٢٥".
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
