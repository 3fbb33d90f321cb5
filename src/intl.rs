//! The browser's `Intl` services the model asks for, given to it by both Wasm builds (the
//! widget and the studio) when their instance starts. Today that is CLDR's plural rules
//! (`model::plural::PluralRules`) from `Intl.PluralRules`, so the Wasm carries no rule
//! tables of its own.

use crate::model::plural::{self, Category, PluralRules};
use js_sys::{Array, Object, Reflect};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsValue;

/// Runs once per Wasm instance, when it is initialised.
#[wasm_bindgen(start)]
fn start() {
    plural::use_rules(Rc::new(IntlPluralRules));
}

struct IntlPluralRules;

impl IntlPluralRules {
    fn rules(lang: &str, fraction_digits: usize) -> js_sys::Intl::PluralRules {
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
        let name = String::from(Self::rules(lang, fraction_digits).select(value));
        Category::from_name(&name).unwrap_or(Category::Other)
    }

    fn categories(&self, lang: &str) -> Vec<Category> {
        let resolved = Self::rules(lang, 0).resolved_options();
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
