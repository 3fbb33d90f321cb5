//! CLDR plural categories: which form of a counted string ("1 question", "2 questions")
//! a number takes in a language. The rules are Unicode's CLDR data, never hand-written,
//! and they come from a service (`PluralRules`): in the browser the Wasm builds give the
//! JavaScript engine's `Intl.PluralRules` (the `ovp-intl` crate, through `use_rules`),
//! so the Wasm carries no rule tables of its own; natively (tests, the schema,
//! prerendering) the model uses the `icu_plurals` crate (ICU4X). Both are asked by the
//! language's primary subtag, which is all CLDR's cardinal rules depend on for the
//! languages the widget ships; `tests/browser/plural.test.mjs` checks the browser's
//! answers agree with ICU4X's for every built-in language.

use std::cell::RefCell;
use std::rc::Rc;

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
pub(crate) fn rules_language(lang: &str) -> String {
    let primary = super::language::primary_language(lang);
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

/// Where plural categories come from.
pub trait PluralRules {
    /// The category `digits` (ASCII digits with at most one point inside, no sign) takes
    /// in `lang`, a well-formed primary subtag.
    fn select(&self, lang: &str, digits: &str) -> Category;
    /// The categories `lang` distinguishes, in CLDR order; always ends with `Other`.
    fn categories(&self, lang: &str) -> Vec<Category>;
}

thread_local! {
    /// The rules given by the embedding (the browser's), if any.
    static GIVEN: RefCell<Option<Rc<dyn PluralRules>>> = const { RefCell::new(None) };
}

/// Makes `rules` the source of plural categories from now on.
pub fn use_rules(rules: Rc<dyn PluralRules>) {
    GIVEN.with(|given| *given.borrow_mut() = Some(rules));
}

/// The rules given with `use_rules`, else ICU4X's natively. A Wasm build that gave none
/// (it always does, at start) would have only `Other`.
fn rules() -> Rc<dyn PluralRules> {
    GIVEN
        .with(|given| given.borrow().clone())
        .unwrap_or_else(|| Rc::new(DefaultRules))
}

/// The category `number` (ASCII, as `operand` reads it) takes in `lang`; `Other` for
/// anything that is not a number.
pub fn category(lang: &str, number: &str) -> Category {
    match operand(number) {
        Some(digits) => rules().select(&rules_language(lang), digits),
        None => Category::Other,
    }
}

/// The categories `lang` distinguishes, in CLDR order; always ends with `Other`.
pub fn categories(lang: &str) -> Vec<Category> {
    rules().categories(&rules_language(lang))
}

/// ICU4X's compiled CLDR data, natively.
#[cfg(not(target_arch = "wasm32"))]
pub use icu::Icu4x as DefaultRules;

/// In a Wasm build that gave no rules: every number is `Other`.
#[cfg(target_arch = "wasm32")]
pub struct DefaultRules;

#[cfg(target_arch = "wasm32")]
impl PluralRules for DefaultRules {
    fn select(&self, _lang: &str, _digits: &str) -> Category {
        Category::Other
    }

    fn categories(&self, _lang: &str) -> Vec<Category> {
        vec![Category::Other]
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod icu {
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

    /// CLDR's plural rules from ICU4X's compiled data.
    pub struct Icu4x;

    impl super::PluralRules for Icu4x {
        fn select(&self, lang: &str, digits: &str) -> Category {
            match digits.parse::<Decimal>() {
                Ok(number) => {
                    from_icu(plural_rules(lang).category_for(PluralOperands::from(&number)))
                }
                Err(_) => Category::Other,
            }
        }

        fn categories(&self, lang: &str) -> Vec<Category> {
            let mut found: Vec<Category> = plural_rules(lang).categories().map(from_icu).collect();
            found.sort();
            found
        }
    }
}
