//! Dates in the reader's language. Content dates are ISO-like (`2025-01-20`, `2024-03`,
//! `2025`); anything else is shown as written. English and Chinese both write numbers
//! with a decimal point, so scores need no conversion.

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
        [year] => number(year, 4).map(|_| ui.date_year(year)),
        [year, month] => match (
            number(year, 4),
            number(month, 2).filter(|m| (1..=12).contains(m)),
        ) {
            (Some(_), Some(m)) => month_name(m).map(|name| ui.date_month_year(name, year)),
            _ => None,
        },
        [year, month, day] => match (
            number(year, 4),
            number(month, 2).filter(|m| (1..=12).contains(m)),
            number(day, 2).filter(|d| (1..=31).contains(d)),
        ) {
            (Some(_), Some(m), Some(d)) => {
                month_name(m).map(|name| ui.date_day_month_year(&d.to_string(), name, year))
            }
            _ => None,
        },
        _ => None,
    };
    formatted.unwrap_or_else(|| date.to_owned())
}
