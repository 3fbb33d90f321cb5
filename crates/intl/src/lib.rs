//! The browser's `Intl` services the model asks for, which both Wasm builds (the widget
//! and the studio) give it when their instance starts. Today that is CLDR's plural rules
//! (`ovp_model::l10n::plural::PluralRules`) from `Intl.PluralRules`, so the Wasm carries
//! no rule tables of its own.

use js_sys::{Array, Object, Reflect};
use ovp_model::l10n::plural::{self, Category, PluralRules};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// Makes the model ask `Intl.PluralRules`; called once per Wasm instance, at its start.
pub fn use_browser_plural_rules() {
    plural::use_rules(Rc::new(IntlPluralRules::default()));
}

/// Each `Intl.PluralRules` made is kept: making one costs far more than asking it, and a
/// result asks for a plural in every score it shows.
#[derive(Default)]
struct IntlPluralRules {
    made: RefCell<Vec<(String, usize, js_sys::Intl::PluralRules)>>,
}

impl IntlPluralRules {
    fn rules(&self, lang: &str, fraction_digits: usize) -> js_sys::Intl::PluralRules {
        let mut made = self.made.borrow_mut();
        if let Some((_, _, rules)) = made
            .iter()
            .find(|(l, f, _)| l == lang && *f == fraction_digits)
        {
            return rules.clone();
        }
        let rules = Self::make(lang, fraction_digits);
        made.push((lang.to_owned(), fraction_digits, rules.clone()));
        rules
    }

    fn make(lang: &str, fraction_digits: usize) -> js_sys::Intl::PluralRules {
        let options = Object::new();
        // Reflect::set on a fresh plain object cannot fail.
        let _ = Reflect::set(
            &options,
            &JsValue::from_str("minimumFractionDigits"),
            &JsValue::from_f64(fraction_digits as f64),
        );
        js_sys::Intl::PluralRules::new(&Array::of1(&JsValue::from_str(lang)), &options)
    }
}

impl PluralRules for IntlPluralRules {
    fn select(&self, lang: &str, digits: &str) -> Category {
        let fraction_digits = digits.split_once('.').map_or(0, |(_, f)| f.len());
        // JavaScript's parseFloat: Rust's own float parser would add kilobytes to the Wasm.
        let value = js_sys::Number::parse_float(digits);
        let name = String::from(self.rules(lang, fraction_digits).select(value));
        Category::from_name(&name).unwrap_or(Category::Other)
    }

    fn categories(&self, lang: &str) -> Vec<Category> {
        let resolved = self.rules(lang, 0).resolved_options();
        let names: Vec<String> = Reflect::get(&resolved, &JsValue::from_str("pluralCategories"))
            .map(|names| Array::from(&names))
            .unwrap_or_default()
            .iter()
            .filter_map(|name| name.as_string())
            .collect();
        // In CLDR order, without sorting (a sort would cost the Wasm kilobytes).
        Category::ALL
            .into_iter()
            .filter(|c| *c == Category::Other || names.iter().any(|n| n == c.name()))
            .collect()
    }
}

thread_local! {
    /// Each `Intl.NumberFormat` made, by language, digits, currency (none: a count) and
    /// length.
    #[allow(clippy::type_complexity)]
    static NUMBER_FORMATS: RefCell<Vec<(String, &'static str, String, bool, js_sys::Intl::NumberFormat)>> =
        const { RefCell::new(Vec::new()) };
}

/// `value` the way `lang` writes it: with `currency` (an ISO 4217 code such as `USD`) an
/// amount of money, else a count. Long, a count is in words to two significant figures
/// ("12 million", "1200万") and money to three ("$2,290", "2290 US$"); short (for an
/// axis), both are abbreviated ("12M", "$2.3K"). These are the numbers CLDR writes
/// differently in every language; natively the view writes plain digits. `lang` must be
/// a well-formed tag (`UiText::cldr_language`); `digits` is the CLDR numbering system
/// of the digits the widget writes (`latn`, `arab`): a language's own in browsers may
/// differ (Arabic's is Latin digits there).
pub fn format_number(
    lang: &str,
    digits: &'static str,
    value: f64,
    currency: &str,
    short: bool,
) -> String {
    let found = NUMBER_FORMATS.with(|made| {
        made.borrow()
            .iter()
            .find(|(l, d, c, s, _)| l == lang && *d == digits && c == currency && *s == short)
            .map(|(.., format)| format.clone())
    });
    // Made outside the borrow: should the browser throw here, nothing is left borrowed.
    let format = found.unwrap_or_else(|| {
        let options = Object::new();
        let set = |key: &str, value: JsValue| {
            // Reflect::set on a fresh plain object cannot fail.
            let _ = Reflect::set(&options, &JsValue::from_str(key), &value);
        };
        set("numberingSystem", digits.into());
        if !currency.is_empty() {
            set("style", "currency".into());
            set("currency", currency.into());
        }
        if short || currency.is_empty() {
            set("notation", "compact".into());
            set(
                "compactDisplay",
                if short { "short" } else { "long" }.into(),
            );
        }
        set(
            "maximumSignificantDigits",
            if currency.is_empty() || short { 2 } else { 3 }.into(),
        );
        let format = js_sys::Intl::NumberFormat::new(&Array::of1(&lang.into()), &options);
        NUMBER_FORMATS.with(|made| {
            made.borrow_mut().push((
                lang.to_owned(),
                digits,
                currency.to_owned(),
                short,
                format.clone(),
            ))
        });
        format
    });
    format
        .format()
        .call1(&JsValue::NULL, &JsValue::from_f64(value))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}
