//! The catalogue of the widget's own strings: one declaration of every field (its
//! blanks, and the blank whose number picks a plural form), from which `UiText`, the
//! schema of a pack's replacements and each template's checks are generated, so none of
//! them can disagree. Templates name their blanks in braces, for example `{step}`.

use super::language::{direction, Direction};
use super::plural::{category, Category};
use std::borrow::Cow;

/// Declares `UiText`, the schema of the strings a content pack may override, and each
/// template's blanks, from one list of fields, so none of them can disagree. A field
/// written `step_of(step, total)` is a template with the blanks `{step}` and `{total}`:
/// it gets a method `ui.step_of(step, total)` that fills them, so a call with a wrong or
/// missing blank does not compile, and `blanks("step_of")` lists them, which tests check
/// every built-in table against and `Content::validate` checks a pack's `ui` against.
macro_rules! ui_strings {
    ($( $(#[doc = $doc:literal])* $field:ident $(( $($blank:ident),* ))? $(per $count:ident)?, )*) => {
        /// The strings, one per field in declared order, read through a method per field,
        /// with the language whose plural rules choose a counted string's form. One
        /// array rather than a struct of named fields: cloning, comparing and replacing
        /// by key are then loops, not code per field (less code in the Wasm).
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct UiText {
            pub(in crate::l10n) lang: Cow<'static, str>,
            /// The direction the page's author set on the element, over the language's.
            pub(in crate::l10n) direction: Option<Direction>,
            pub(in crate::l10n) messages: [Message; FIELD_COUNT],
        }

        /// Each field's place in `UiText`.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy)]
        enum Field { $($field),* }

        const FIELD_COUNT: usize = [$(stringify!($field)),*].len();

        // The schema of `UiTextOverrides` (which is read as a plain map); its doc comment
        // is the schema's description.
        /// Strings a content pack replaces; any subset of `UiText`'s fields, in camelCase.
        /// A string with a count may instead give one text per plural category.
        #[cfg(not(target_arch = "wasm32"))]
        #[derive(schemars::JsonSchema)]
        #[schemars(rename = "UiTextOverrides")]
        #[serde(deny_unknown_fields, rename_all = "camelCase")]
        pub struct UiTextOverridesSchema {
            $( $(#[doc = $doc])* $(#[doc = blanks_doc!($($blank),*)])? $(#[doc = counted_doc!($count)])?
               #[serde(default)] pub $field: Option<override_schema!($($count)?)>, )*
        }

        impl UiText {
            /// Every field's name, as declared (snake_case).
            pub(in crate::l10n) const FIELD_NAMES: &'static [&'static str] = &[$(stringify!($field)),*];
            /// Each field's blanks, in field order (none for plain strings).
            const BLANKS: &'static [&'static [&'static str]] = &[$(&[$($(stringify!($blank)),*)?]),*];
            /// Each field's counted blank, the one whose number chooses the plural form.
            pub(in crate::l10n) const COUNTED: &'static [Option<&'static str>] = &[$(counted_name!($($count)?)),*];

            $( accessor!($(#[doc = $doc])* $field $(($($blank),*))? $(per $count)?); )*
        }
    };
}

macro_rules! counted_name {
    () => {
        None
    };
    ($count:ident) => {
        Some(stringify!($count))
    };
}

/// The method that reads field `$field`: the text of a plain string, or a template with
/// its blanks filled, one `&str` argument per blank. A counted template picks the form
/// for the number in its counted blank, given as the widget writes it (`UiText::number`).
macro_rules! accessor {
    ($(#[doc = $doc:literal])* $field:ident) => {
        $(#[doc = $doc])*
        pub fn $field(&self) -> &str {
            self.text(Field::$field, None)
        }
    };
    ($(#[doc = $doc:literal])* $field:ident ($($blank:ident),*)) => {
        $(#[doc = $doc])*
        #[doc = concat!("Fills the blanks", $(" {", stringify!($blank), "}",)* ".")]
        pub fn $field(&self, $($blank: &str),*) -> String {
            fill(self.text(Field::$field, None), &[$(stringify!($blank)),*], &[$($blank),*])
        }
    };
    ($(#[doc = $doc:literal])* $field:ident ($($blank:ident),*) per $count:ident) => {
        $(#[doc = $doc])*
        #[doc = concat!("Fills the blanks", $(" {", stringify!($blank), "}",)* " in the plural form {", stringify!($count), "} takes.")]
        pub fn $field(&self, $($blank: &str),*) -> String {
            fill(self.text(Field::$field, Some($count)), &[$(stringify!($blank)),*], &[$($blank),*])
        }
    };
}

/// A built-in table: its language, then every field once, in the declared order, or it
/// does not compile. A counted field is written `forms! { one: "…", other: "…" }`.
macro_rules! ui_table {
    ($lang:literal; $($field:ident: $text:tt $(! $forms:tt)?,)*) => {{
        const _: () = assert!(
            $crate::l10n::catalogue::same_names(&[$(stringify!($field)),*], UiText::FIELD_NAMES),
            "a UiText table lists every field once, in the declared order"
        );
        UiText {
            lang: Cow::Borrowed($lang),
            direction: None,
            messages: [$(message!($text $(! $forms)?)),*],
        }
    }};
}

macro_rules! message {
    ($text:literal) => { Message::Text(Cow::Borrowed($text)) };
    (forms ! { $($category:ident: $form:literal),* $(,)? }) => {
        Message::Forms(Cow::Borrowed(&[$((category!($category), Cow::Borrowed($form))),*]))
    };
}

macro_rules! category {
    (zero) => {
        Category::Zero
    };
    (one) => {
        Category::One
    };
    (two) => {
        Category::Two
    };
    (few) => {
        Category::Few
    };
    (many) => {
        Category::Many
    };
    (other) => {
        Category::Other
    };
}

/// One of the widget's strings: a text, or for a string with a count, one text per plural
/// category of its language (CLDR's zero, one, two, few, many, other).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Text(Cow<'static, str>),
    Forms(Cow<'static, [(Category, Cow<'static, str>)]>),
}

/// Whether two lists of names are equal, at compile time.
pub(in crate::l10n) const fn same_names(a: &[&str], b: &[&str]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        let (x, y) = (a[i].as_bytes(), b[i].as_bytes());
        if x.len() != y.len() {
            return false;
        }
        let mut j = 0;
        while j < x.len() {
            if x[j] != y[j] {
                return false;
            }
            j += 1;
        }
        i += 1;
    }
    true
}

// Only the schema (native builds) documents the blanks.
#[cfg(not(target_arch = "wasm32"))]
macro_rules! blanks_doc {
    ($($blank:ident),*) => { concat!("Blanks the widget fills in, which a replacement must keep:", $(" {", stringify!($blank), "}",)*) };
}
#[cfg(not(target_arch = "wasm32"))]
macro_rules! counted_doc {
    ($count:ident) => { concat!("Counted by {", stringify!($count), "}: one string for every number, or an object with a text for each plural category of the pack's language (English: one, other; Arabic: zero, one, two, few, many, other).") };
}
#[cfg(not(target_arch = "wasm32"))]
macro_rules! override_schema {
    () => {
        String
    };
    ($count:ident) => {
        CountedTextSchema
    };
}

/// The schema of a counted string's replacement.
#[cfg(not(target_arch = "wasm32"))]
#[derive(schemars::JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum CountedTextSchema {
    /// The same text for every number.
    Text(String),
    /// A text per CLDR plural category; give each category the pack's language uses.
    Forms(PluralFormsSchema),
}

/// A text per CLDR plural category (https://cldr.unicode.org/index/cldr-spec/plural-rules).
#[cfg(not(target_arch = "wasm32"))]
#[derive(schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct PluralFormsSchema {
    zero: Option<String>,
    one: Option<String>,
    two: Option<String>,
    few: Option<String>,
    many: Option<String>,
    other: Option<String>,
}

ui_strings! {
    /// Accessible name of the widget as a whole. Empty in the built-in tables: the pack's
    /// title names the widget unless the pack gives a name here (`Content::name`).
    widget_label,
    /// `{count}` is the number of questions.
    intro_meta(count) per count,
    /// Under it: the minutes a reader takes to answer (`ovp_model::time_to_take`).
    time_to_take(minutes) per minutes,
    start,
    back,
    next,
    /// The last question's button, which opens the check-your-answers summary.
    review_answers,
    /// The summary's button, which opens the result.
    see_result,
    retake,
    step_of(step, total),
    choose_an_answer,
    result_heading(approach),
    scores_caption,
    /// Under the scores: what a point is, and what a score below zero means.
    scores_note,
    /// A score with its unit, such as "8.3 points".
    points(score) per score,
    why_heading,
    /// `{gap}`: points ahead of `{runner_up}`, the best other approach still open.
    why_lead(gap, runner_up) per gap,
    why_item(answer, question),
    why_no_reasons,
    /// The pack's near-tie rule decided.
    why_near_tie(first, second, gap, margin, approach),
    /// Heads the answers that favoured the suggestion after a near tie.
    why_favoured(runner_up),
    /// A lead of at most a point: said as a close call; what would tip it follows.
    why_close_call(gap, runner_up) per gap,
    /// Heads the answers that counted against the suggestion.
    in_spite_heading,
    /// An answer that counted against the suggestion, with what following it takes.
    in_spite_item(answer, takes),
    /// Heads the suggestion's next steps, the first thing the result says.
    next_steps_heading,
    /// Every other approach was ruled out.
    why_only_one_left,
    /// An exact tie at the top.
    why_tie(approaches, score) per score,
    /// How a tie was broken.
    why_tie_by_priorities(approach, dimensions),
    /// A tie nothing else separated.
    why_tie_by_order(approach),
    /// Result heading when every approach is ruled out.
    no_fit_heading,
    /// The line under it.
    no_fit_body,
    /// Heading of the list of ruled-out approaches.
    ruled_out_heading,
    /// `{answer}` is the answer that ruled `{approach}` out.
    ruled_out_item(approach, answer, reason),
    /// Beside a ruled-out approach in scores, charts and tables.
    ruled_out_mark,
    /// How the mark goes beside the approach's name, with the language's brackets:
    /// `{approach} ({mark})`, `{approach}（{mark}）`.
    marked(approach, mark),
    /// A fact's source line: `{source}` is the word "Source", `{title}` the linked title.
    fact_source(source, title, date),
    /// When the content was last checked against its sources.
    content_reviewed(date),
    chart_heading,
    chart_description(approaches, count) per count,
    chart_priorities(dimensions),
    chart_no_priorities,
    /// The dimensions where the approach alone rates highest.
    chart_leads(approach, dimensions),
    /// The best mean rating on the reader's priorities.
    chart_priority_best(approach, score, max),
    table_caption,
    dimension,
    /// Read by screen readers after a starred dimension.
    your_priority,
    priority_mark,
    reasons_summary,
    rating_of(score, max),
    /// Before an approach's reason for a rating: the approach and its rating
    /// (`rating_of`), with the language's brackets and colon.
    rating_label(approach, rating),
    facts_heading,
    source,
    /// Shown while a content URL loads.
    loading,
    /// Shown in place of the result while its code is still on its way (a reader who
    /// reached it within moments of starting).
    working_out_result,
    /// In its place when that code could not be loaded; the button under it is `retry`.
    result_code_failed,
    error_heading,
    /// `{count}` problems are listed below it.
    error_intro(count) per count,
    retry,
    /// Heading of the panel shown when the widget itself failed (a bug, not the content).
    crash_heading,
    /// The line under it; the panel's button is `retry`.
    crash_body,
    load_not_found(url),
    load_status(status, url),
    load_timeout(url, seconds) per seconds,
    load_unreachable(url),
    /// The twelve month names, comma-separated, January first.
    month_names,
    /// `{month}` is a name from `month_names`.
    date_day_month_year(day, month, year),
    date_month_year(month, year),
    date_year(year),
    summary_heading,
    summary_intro,
    change,
    /// Accessible name of a Change button.
    change_answer_to(question),
    why_counterfactual(answer, question, approach),
    why_no_counterfactual,
    contributions_heading,
    contributions_description(approaches),
    contributions_caption,
    answer,
    total,
    /// Under the comparison chart, before any bar was pointed at.
    chart_hint,
    /// On a phone, the button that shows the charts, their tables and the facts.
    see_details,
    /// Heads the result's list of the reader's answers, each changeable in place.
    explore_heading,
    /// Under it: what changing an answer there does.
    explore_hint,
    /// While an answer differs from those the result was first reached with: the
    /// suggestion now (`{approach}`, or `explore_no_fit`).
    explore_now(approach),
    /// And the suggestion before the reader changed any answer.
    explore_before(approach),
    /// Beside an approach's score while an answer differs: `{points}` is its score
    /// before, with its unit (`points`).
    score_was(points),
    /// Returns to the answers the result was first reached with.
    explore_reset,
    /// In `explore_now` and `explore_before` when those answers ruled out every approach.
    explore_no_fit,
    /// Under a question that asks for a number: the answer the number counts as.
    number_counts_as(answer),
    /// Heads the chart of monthly cost against volume (packs with `costs`).
    cost_heading,
    /// Under it: that the figures are estimates, not a quote.
    cost_disclaimer,
    /// The cost chart's description for screen readers; `{unit}` is what the volume counts.
    cost_description(approaches, unit),
    /// Marks the reader's volume on the chart and in its table.
    cost_you,
    /// Before what each approach costs at the reader's volume (`{volume}` with its unit).
    cost_at_volume(volume),
    /// One approach's estimated monthly cost at the reader's volume, and its range.
    cost_line(approach, estimate, low, high),
    /// Where the cheaper approach changes: above `{volume}`, `{cheaper}` costs less.
    cost_break_even(volume, cheaper, dearer),
    /// When the cheapest approach is the same over the whole range.
    cost_no_break_even(approach),
    /// A range of monthly costs in the cost table.
    cost_range(low, high),
    /// The cost table's caption.
    cost_caption,
    /// Heads the sliders for the cost chart's assumptions.
    assume_heading,
    /// The slider for the hourly price of a unit of capacity (a GPU).
    assume_unit_hour(price),
    /// The slider for how busy the capacity is kept, `{percent}` without its sign.
    assume_utilisation(percent),
    /// The slider for prices per million units of volume (API prices).
    assume_per_million(price),
    /// Heading of the reasons for one dimension's ratings.
    reasons_for(dimension),
    copy_link,
    link_copied,
    /// Label of the field holding the link when the clipboard refused it.
    copy_link_manually,
    /// Shown when a share link in the address could not be read.
    share_link_invalid,
    download_svg,
    download_png,
    /// Shown under the download buttons when the browser refused to make the file (a
    /// page's Content-Security-Policy without `img-src data:` refuses the PNG).
    download_failed,
    /// Accessible name of a download button; `{button}` is its text.
    download_chart_as(button, chart),
    /// Inside a downloaded chart.
    chart_source(title, url),
    /// What separates the items of a list inside a sentence: `, `, `، `, `、`.
    list_separator,
    /// What goes before a list's last item instead: ` and `, ` y `, ` و`, `和`.
    list_last_separator,
    /// The ten digits numbers are written with, zero first: `0123456789`, `٠١٢٣٤٥٦٧٨٩`.
    digits,
    /// What separates a number's whole part from its decimals: `.`, `,`, `٫`.
    decimal_separator,
}

impl UiText {
    /// This table for a pack in `lang`: its counted strings follow that language's
    /// plural rules (a form the table lacks falls back to `other`).
    pub fn for_lang(&self, lang: &str) -> UiText {
        UiText {
            lang: Cow::Owned(lang.to_owned()),
            ..self.clone()
        }
    }

    /// The language of the pack this table is for (`es`, `zh-Hant`).
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// A count (as the browser's compact format writes it) followed by its `unit`.
    /// Spanish puts "de" between a count that ends in a noun (millón, billón and their
    /// plurals) and what it counts ("510 millones de tokens", "1 mil millones de tokens")
    /// but not after "mil" or digits ("20 mil tokens"); a pack's unit cannot say both.
    pub fn count_with_unit(&self, count: &str, unit: &str) -> String {
        let noun = self.cldr_language() == "es"
            && ["millón", "millones", "billón", "billones"]
                .iter()
                .any(|noun| count.ends_with(noun));
        if noun {
            format!("{count} de {unit}")
        } else {
            format!("{count} {unit}")
        }
    }

    /// The language whose CLDR data (plural rules, number formats) applies: the primary
    /// subtag of `lang` when well formed, else English, so that a malformed tag in a
    /// pack never makes the browser's `Intl` throw.
    pub fn cldr_language(&self) -> String {
        super::plural::rules_language(&self.lang)
    }

    /// The direction the widget's text runs: the element's `dir` when its author set
    /// one, else the language's.
    pub fn direction(&self) -> Direction {
        self.direction.unwrap_or_else(|| direction(&self.lang))
    }

    /// This table with the direction an author set on the element (`None`: the
    /// language's).
    pub fn with_direction(self, direction: Option<Direction>) -> UiText {
        UiText { direction, ..self }
    }

    /// Every string with its field name (snake_case), in declaration order.
    pub fn fields(&self) -> Vec<(&'static str, &Message)> {
        Self::FIELD_NAMES
            .iter()
            .copied()
            .zip(self.messages.iter())
            .collect()
    }

    /// The text of `field`; for a counted one, the form its count takes in this table's
    /// language, else `other`.
    fn text(&self, field: Field, count: Option<&str>) -> &str {
        match &self.messages[field as usize] {
            Message::Text(text) => text,
            Message::Forms(forms) => {
                let wanted = count.map_or(Category::Other, |count| {
                    category(&self.lang, &self.ascii(count))
                });
                forms
                    .iter()
                    .find(|(c, _)| *c == wanted)
                    .or_else(|| forms.iter().find(|(c, _)| *c == Category::Other))
                    .or(forms.first())
                    .map_or("", |(_, text)| text)
            }
        }
    }

    /// The ten digits of this language, when `digits` holds exactly ten.
    pub(super) fn digit_set(&self) -> Option<Vec<char>> {
        let digits: Vec<char> = self.digits().chars().collect();
        (digits.len() == 10).then_some(digits)
    }

    /// The reverse of `number`, for choosing a plural form from a number as shown.
    pub(in crate::l10n) fn ascii(&self, shown: &str) -> String {
        let digits = self.digit_set();
        let shown = shown.replace(self.decimal_separator(), ".");
        shown
            .chars()
            .map(|c| {
                digits
                    .as_ref()
                    .and_then(|d| d.iter().position(|&x| x == c))
                    .map_or(c, |i| char::from(b'0' + i as u8))
            })
            .collect()
    }
}

/// The blanks of the widget's string `field` (snake_case), such as `["step", "total"]`
/// for `step_of`; empty for a plain string, `None` for no such string.
pub fn blanks(field: &str) -> Option<&'static [&'static str]> {
    let i = UiText::FIELD_NAMES.iter().position(|f| *f == field)?;
    Some(UiText::BLANKS[i])
}

/// The counted blank of the widget's string `field` (snake_case), whose number chooses
/// its plural form: `count` for `intro_meta`; `None` for a string without one.
pub fn counted(field: &str) -> Option<&'static str> {
    let i = UiText::FIELD_NAMES.iter().position(|f| *f == field)?;
    UiText::COUNTED[i]
}

/// What is wrong with `text` as the widget's string `field` (snake_case): a blank it
/// lacks or one it does not have, in words; `None` when its blanks are exactly the
/// declared ones.
pub fn template_problem(field: &str, text: &str) -> Option<String> {
    blanks_problem(field, text, None)
}

/// `template_problem` for the `category` form of the counted string `field` in `lang`,
/// which may leave its number out where the language does (`may_omit_count`).
pub fn form_problem(field: &str, lang: &str, category: Category, text: &str) -> Option<String> {
    let may_lack = counted(field).filter(|_| may_omit_count(field, lang, category));
    blanks_problem(field, text, may_lack)
}

/// Whether the `category` form of the counted string `field` may leave its number out in
/// `lang`, as Arabic writes «سؤالان» ("two questions") with no numeral: only for a count
/// of whole things, and only where the category holds a single whole number (Arabic's
/// `one` and `two`; not Russian's `one`, which also holds 21, 31 and so on).
pub fn may_omit_count(field: &str, lang: &str, category: Category) -> bool {
    const WHOLE_COUNTS: [&str; 3] = ["count", "minutes", "seconds"];
    counted(field).is_some_and(|blank| WHOLE_COUNTS.contains(&blank))
        && (0..=200)
            .filter(|n: &u32| super::plural::category(lang, &n.to_string()) == category)
            .take(2)
            .count()
            == 1
}

fn blanks_problem(field: &str, text: &str, may_lack: Option<&str>) -> Option<String> {
    let declared = blanks(field)?;
    let used = blanks_in(text);
    if let Some(unknown) = used.iter().find(|b| !declared.contains(b)) {
        let takes = if declared.is_empty() {
            "none".to_owned()
        } else {
            braced(declared)
        };
        return Some(format!(
            "{{{unknown}}} is not a blank of this string; it takes {takes}"
        ));
    }
    let missing: Vec<&str> = declared
        .iter()
        .copied()
        .filter(|b| !used.contains(b) && Some(*b) != may_lack)
        .collect();
    (!missing.is_empty()).then(|| format!("lacks {}, which the widget fills in", braced(&missing)))
}

/// The `{name}` blanks in `text`, in order of appearance.
fn blanks_in(text: &str) -> Vec<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| {
            let name = &rest[..rest.find('}')?];
            (!name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
                .then_some(name)
        })
        .collect()
}

fn braced(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("{{{n}}}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Replaces each `{name}` in `template` with the value at the same place. Only the
/// generated template methods call it, so every blank a caller fills is a declared one.
fn fill(template: &str, names: &[&str], values: &[&str]) -> String {
    names
        .iter()
        .zip(values)
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}
