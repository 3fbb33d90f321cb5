//! CLDR plural categories: which form of a counted string ("1 question", "2 questions")
//! a number takes in a language. The rules are Unicode's CLDR data, never hand-written:
//! in the browser they come from the JavaScript engine's `Intl.PluralRules`, so the Wasm
//! carries no rule tables of its own; natively (tests, the schema, prerendering) from the
//! `icu_plurals` crate (ICU4X). Both are keyed by the language's primary subtag, which is
//! all CLDR's cardinal rules depend on for the languages the widget ships.

/// A CLDR plural category, in CLDR's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Category {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Category {
    pub const ALL: [Category; 6] = [
        Category::Zero,
        Category::One,
        Category::Two,
        Category::Few,
        Category::Many,
        Category::Other,
    ];

    /// CLDR's name for it, as a pack's `ui` writes it: `one`.
    pub fn name(self) -> &'static str {
        match self {
            Category::Zero => "zero",
            Category::One => "one",
            Category::Two => "two",
            Category::Few => "few",
            Category::Many => "many",
            Category::Other => "other",
        }
    }

    pub fn from_name(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// The language whose rules apply to `lang`: its primary subtag when that is a
/// well-formed one (2 to 8 letters), else English; a malformed tag must not make
/// `Intl.PluralRules` throw.
fn rules_language(lang: &str) -> String {
    let primary = super::ui_text::primary_language(lang);
    if (2..=8).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_lowercase()) {
        primary
    } else {
        "en".to_owned()
    }
}

/// A number as the widget writes it, reduced to what CLDR's operands read: ASCII digits
/// and a decimal point, without sign. `−1.5` gives `1.5`; the count of digits after the
/// point matters ("1.0 points" is plural in English).
fn operand(number: &str) -> Option<&str> {
    let digits = number.trim().trim_start_matches(['−', '-', '+']);
    let well_formed = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && digits.bytes().filter(|&b| b == b'.').count() <= 1
        && !digits.starts_with('.')
        && !digits.ends_with('.');
    well_formed.then_some(digits)
}

/// The category `number` (ASCII, as `operand` reads it) takes in `lang`; `Other` for
/// anything that is not a number.
pub fn category(lang: &str, number: &str) -> Category {
    match operand(number) {
        Some(digits) => rules::select(&rules_language(lang), digits),
        None => Category::Other,
    }
}

/// The categories `lang` distinguishes, in CLDR order; always ends with `Other`.
pub fn categories(lang: &str) -> Vec<Category> {
    rules::categories(&rules_language(lang))
}

#[cfg(target_arch = "wasm32")]
mod rules {
    use super::Category;
    use js_sys::{Array, Intl::PluralRules, Object, Reflect};
    use wasm_bindgen::JsValue;

    fn plural_rules(lang: &str, fraction_digits: usize) -> PluralRules {
        let options = Object::new();
        // Reflect::set on a fresh plain object cannot fail.
        let _ = Reflect::set(
            &options,
            &JsValue::from_str("minimumFractionDigits"),
            &JsValue::from_f64(fraction_digits as f64),
        );
        PluralRules::new(&Array::of1(&JsValue::from_str(lang)), &options)
    }

    pub fn select(lang: &str, digits: &str) -> Category {
        let fraction_digits = digits.split_once('.').map_or(0, |(_, f)| f.len());
        // JavaScript's parseFloat: Rust's own float parser would add kilobytes to the Wasm.
        let value = js_sys::Number::parse_float(digits);
        let name = String::from(plural_rules(lang, fraction_digits).select(value));
        Category::from_name(&name).unwrap_or(Category::Other)
    }

    pub fn categories(lang: &str) -> Vec<Category> {
        let resolved = plural_rules(lang, 0).resolved_options();
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

#[cfg(not(target_arch = "wasm32"))]
mod rules {
    use super::Category;
    use fixed_decimal::Decimal;
    use icu_locale_core::Locale;
    use icu_plurals::{PluralCategory, PluralOperands, PluralRules};

    fn plural_rules(lang: &str) -> PluralRules {
        lang.parse::<Locale>()
            .ok()
            .and_then(|locale| PluralRules::try_new_cardinal((&locale).into()).ok())
            .or_else(|| PluralRules::try_new_cardinal(Default::default()).ok())
            .expect("ICU4X's compiled data has the root plural rules")
    }

    fn from_icu(category: PluralCategory) -> Category {
        match category {
            PluralCategory::Zero => Category::Zero,
            PluralCategory::One => Category::One,
            PluralCategory::Two => Category::Two,
            PluralCategory::Few => Category::Few,
            PluralCategory::Many => Category::Many,
            PluralCategory::Other => Category::Other,
        }
    }

    pub fn select(lang: &str, digits: &str) -> Category {
        match digits.parse::<Decimal>() {
            Ok(number) => from_icu(plural_rules(lang).category_for(PluralOperands::from(&number))),
            Err(_) => Category::Other,
        }
    }

    pub fn categories(lang: &str) -> Vec<Category> {
        let mut found: Vec<Category> = plural_rules(lang).categories().map(from_icu).collect();
        found.sort();
        found
    }
}
