//! Every string the widget itself shows (as opposed to the quiz content), in one table
//! per language. Adding a language means adding one table here; a content pack may also
//! override any string (its `ui` object), so an author can supply a language of their own.
//! Templates name their blanks in braces, for example `{step}`; `fill` fills them.

use super::locale::{direction, Direction};
use super::plural::{categories, category, Category};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
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
        /// by key are then loops, not code per field (about 1 KB brotli less).
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct UiText {
            lang: Cow<'static, str>,
            /// The direction the page's author set on the element, over the language's.
            direction: Option<Direction>,
            messages: [Message; FIELD_COUNT],
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
            const FIELD_NAMES: &'static [&'static str] = &[$(stringify!($field)),*];
            /// Each field's blanks, in field order (none for plain strings).
            const BLANKS: &'static [&'static [&'static str]] = &[$(&[$($(stringify!($blank)),*)?]),*];
            /// Each field's counted blank, the one whose number chooses the plural form.
            const COUNTED: &'static [Option<&'static str>] = &[$(counted_name!($($count)?)),*];

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
            same_names(&[$(stringify!($field)),*], UiText::FIELD_NAMES),
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
const fn same_names(a: &[&str], b: &[&str]) -> bool {
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
    /// Accessible name of the widget as a whole.
    widget_label,
    /// `{count}` is the number of questions.
    intro_meta(count) per count,
    /// Under it: the minutes a reader takes to answer (`model::time_to_take`).
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

pub const EN: UiText = ui_table! { "en";
    widget_label: "Open or proprietary AI? A decision quiz",
    intro_meta: forms! {
        one: "{count} question · nothing leaves your browser",
        other: "{count} questions · nothing leaves your browser",
    },
    time_to_take: forms! {
        one: "About {minutes} minute to answer",
        other: "About {minutes} minutes to answer",
    },
    start: "Start",
    back: "Back",
    next: "Next",
    review_answers: "Check your answers",
    see_result: "See result",
    retake: "Retake the quiz",
    step_of: "Step {step} of {total}",
    choose_an_answer: "Choose an answer to continue.",
    result_heading: "Our suggestion: {approach}",
    scores_caption: "Score per approach",
    scores_note: "Points add up how far your answers favour each approach; below zero, they count against it.",
    points: forms! { one: "{score} point", other: "{score} points" },
    why_heading: "Why",
    why_lead: forms! {
        one: "It finished {gap} point ahead of {runner_up}. These answers did most to put it there:",
        other: "It finished {gap} points ahead of {runner_up}. These answers did most to put it there:",
    },
    why_item: "“{answer}” for “{question}”",
    why_no_reasons: "No single answer decided it; it led on the balance of all of them.",
    why_near_tie: "A near tie decided it: {first} and {second} finished {gap} points apart, within this quiz's margin of {margin}, and {approach}, which combines both, scored within that margin of the leader too.",
    why_favoured: "Compared with {runner_up}, these answers counted most in its favour:",
    why_close_call: forms! {
        one: "A close call: it finished only {gap} point ahead of {runner_up}, so weigh both. The last line below says which answer would tip it.",
        other: "A close call: it finished only {gap} points ahead of {runner_up}, so weigh both. The last line below says which answer would tip it.",
    },
    in_spite_heading: "Suggested in spite of these answers, and what that takes",
    in_spite_item: "“{answer}”: {takes}",
    next_steps_heading: "What to do next",
    why_only_one_left: "Your answers ruled out every other approach, so this is the one that fits.",
    why_tie: forms! {
        one: "An exact tie: {approaches} each scored {score} point.",
        other: "An exact tie: {approaches} each scored {score} points.",
    },
    why_tie_by_priorities: "{approach} is suggested because it rates higher on what your answers made matter most: {dimensions}.",
    why_tie_by_order: "Nothing else tells them apart, so {approach}, listed first, is suggested; weigh both.",
    no_fit_heading: "No approach fits all of these answers",
    no_fit_body: "Your answers rule out every approach, so they conflict. Each rule is listed below; change one of those answers to get a suggestion.",
    ruled_out_heading: "Ruled out by your answers",
    ruled_out_item: "{approach}, ruled out by your answer “{answer}”: {reason}",
    ruled_out_mark: "ruled out",
    marked: "{approach} ({mark})",
    fact_source: "{source}: {title}, {date}.",
    content_reviewed: "Content reviewed {date}.",
    chart_heading: "How the approaches compare",
    chart_description: forms! {
        one: "Ratings from 1 (weak) to 5 (strong) for {approaches} on {count} dimension.",
        other: "Ratings from 1 (weak) to 5 (strong) for {approaches} on {count} dimensions.",
    },
    chart_priorities: "Your answers made these matter most: {dimensions}.",
    chart_no_priorities: "Your answers did not single out any dimension.",
    chart_leads: "{approach} rates highest on {dimensions}.",
    chart_priority_best: "On your priorities, {approach} rates highest on average: {score} of {max}.",
    table_caption: "Ratings from 1 (weak) to 5 (strong); ★ marks your priorities",
    dimension: "Dimension",
    your_priority: "your priority",
    priority_mark: "★",
    reasons_summary: "The reason behind each rating",
    rating_of: "{score} of {max}",
    rating_label: "{approach} ({rating}): ",
    facts_heading: "Facts behind the ratings",
    source: "Source",
    loading: "Loading the quiz…",
    error_heading: "This quiz cannot be shown",
    error_intro: forms! {
        one: "Its content has {count} problem. Whoever added it to this page can fix it:",
        other: "Its content has {count} problems. Whoever added it to this page can fix them:",
    },
    retry: "Retry",
    crash_heading: "Something went wrong",
    crash_body: "Reload the page or try again.",
    load_not_found: "the content file {url} was not found (HTTP 404).",
    load_status: "the server answered HTTP {status} for the content file {url}.",
    load_timeout: forms! {
        one: "the content file {url} did not arrive within {seconds} second.",
        other: "the content file {url} did not arrive within {seconds} seconds.",
    },
    load_unreachable: "the content file {url} could not be fetched: the server cannot be reached, it does not allow this page to read the file (CORS), or the file does not match the integrity hash it must have.",
    month_names: "January,February,March,April,May,June,July,August,September,October,November,December",
    date_day_month_year: "{day} {month} {year}",
    date_month_year: "{month} {year}",
    date_year: "{year}",
    summary_heading: "Check your answers",
    summary_intro: "Change any answer before you see the result.",
    change: "Change",
    change_answer_to: "Change your answer to “{question}”",
    why_counterfactual: "If you had answered “{answer}” to “{question}”, we would suggest {approach}.",
    why_no_counterfactual: "No single answer, changed on its own, would change this suggestion.",
    contributions_heading: "How each answer moved the scores",
    contributions_description: "Points each answer added to or took away from {approaches}, the answers that moved them most first.",
    contributions_caption: "Points each answer added (+) or took away (−), largest first",
    answer: "Answer",
    total: "Total",
    chart_hint: "Point at, tap or focus a dimension to read the reason behind each rating.",
    see_details: "See the details: charts, tables and sources",
    reasons_for: "Why these ratings for {dimension}",
    copy_link: "Copy link",
    link_copied: "Link copied. Anyone who opens it sees this result.",
    copy_link_manually: "Copy this link to share the result:",
    share_link_invalid: "That share link could not be read, so the quiz starts fresh.",
    download_svg: "Download SVG",
    download_png: "Download PNG",
    download_failed: "This page does not allow the image to be made here. Try Download SVG.",
    download_chart_as: "{button} of “{chart}”",
    chart_source: "Source: {title}, {url}",
    list_separator: ", ",
    list_last_separator: " and ",
    digits: "0123456789",
    decimal_separator: ".",
};

pub const ZH: UiText = ui_table! { "zh";
    widget_label: "开放权重还是专有 AI？决策小测验",
    intro_meta: forms! { other: "{count} 个问题 · 所有内容都只留在你的浏览器里" },
    time_to_take: forms! { other: "作答大约需要 {minutes} 分钟" },
    start: "开始",
    back: "上一步",
    next: "下一步",
    review_answers: "核对回答",
    see_result: "查看结果",
    retake: "重新测验",
    step_of: "第 {step} 步，共 {total} 步",
    choose_an_answer: "请先选择一个选项，再继续。",
    result_heading: "我们的建议：{approach}",
    scores_caption: "各方案得分",
    scores_note: "分数由你每个回答对各方案的支持程度累加而成；低于零表示你的回答总体上不利于该方案。",
    points: forms! { other: "{score} 分" },
    why_heading: "原因",
    why_lead: forms! { other: "它比{runner_up}多 {gap} 分。最能让它领先的是这些回答：" },
    why_item: "“{question}”：“{answer}”",
    why_no_reasons: "没有哪一个回答单独起决定作用，它靠全部回答的综合结果领先。",
    why_near_tie: "两者几乎打平，因此有了这个建议：{first}和{second}只差 {gap} 分，在本测验 {margin} 分的判定范围之内；兼顾两者的{approach}与第一名的差距也在这个范围内。",
    why_favoured: "与{runner_up}相比，这些回答最支持它：",
    why_close_call: forms! { other: "难分高下：它只比{runner_up}多 {gap} 分，两者都值得考虑。下面最后一行会告诉你，改变哪个回答会让结果翻转。" },
    in_spite_heading: "不利于这个建议的回答，以及照建议做需要付出什么",
    in_spite_item: "“{answer}”：{takes}",
    next_steps_heading: "下一步怎么做",
    why_only_one_left: "你的回答排除了其他所有方案，所以只剩这一个合适。",
    why_tie: forms! { other: "完全平局：{approaches}都得了 {score} 分。" },
    why_tie_by_priorities: "之所以建议{approach}，是因为在你的回答所突出的重点上，它的评分更高：{dimensions}。",
    why_tie_by_order: "没有其他因素能区分它们，所以建议排在前面的{approach}；两者都值得考虑。",
    no_fit_heading: "没有一个方案能满足所有这些回答",
    no_fit_body: "你的回答排除了所有方案，说明这些回答相互矛盾。下面列出了每一条排除规则；修改其中一个回答，即可得到建议。",
    ruled_out_heading: "被你的回答排除的方案",
    ruled_out_item: "{approach}：因你的回答“{answer}”而被排除。{reason}",
    ruled_out_mark: "已排除",
    marked: "{approach}（{mark}）",
    fact_source: "{source}：{title}，{date}。",
    content_reviewed: "内容核对日期：{date}。",
    chart_heading: "各方案对比",
    chart_description: forms! { other: "{approaches}在 {count} 个维度上的评分，从 1（弱）到 5（强）。" },
    chart_priorities: "根据你的回答，这些维度最重要：{dimensions}。",
    chart_no_priorities: "你的回答没有突出哪一个维度。",
    chart_leads: "{approach}在这些维度上评分最高：{dimensions}。",
    chart_priority_best: "在你看重的维度上，{approach}的平均评分最高：{score} 分（满分 {max} 分）。",
    table_caption: "评分从 1（弱）到 5（强）；★ 表示你的重点",
    dimension: "维度",
    your_priority: "你的重点",
    priority_mark: "★",
    reasons_summary: "每项评分的理由",
    rating_of: "{score} / {max}",
    rating_label: "{approach}（{rating}）：",
    facts_heading: "评分背后的事实",
    source: "来源",
    loading: "正在加载测验……",
    error_heading: "无法显示这个测验",
    error_intro: forms! {
        other: "测验内容中有 {count} 处错误，把测验放到本页的人可以修正：",
    },
    retry: "重试",
    crash_heading: "出了点问题",
    crash_body: "请重新加载页面，或者重试。",
    load_not_found: "找不到内容文件 {url}（HTTP 404）。",
    load_status: "服务器对内容文件 {url} 返回了 HTTP {status}。",
    load_timeout: forms! { other: "内容文件 {url} 在 {seconds} 秒内没有加载完成。" },
    load_unreachable: "无法获取内容文件 {url}：可能是服务器无法连接，或者服务器不允许本页读取该文件（CORS 跨域限制），也可能该文件与它应有的完整性哈希值不符。",
    month_names: "1,2,3,4,5,6,7,8,9,10,11,12",
    date_day_month_year: "{year} 年 {month} 月 {day} 日",
    date_month_year: "{year} 年 {month} 月",
    date_year: "{year} 年",
    summary_heading: "核对你的回答",
    summary_intro: "查看结果之前，你可以修改任何一个回答。",
    change: "修改",
    change_answer_to: "修改你对“{question}”的回答",
    why_counterfactual: "如果你对“{question}”的回答是“{answer}”，我们会建议{approach}。",
    why_no_counterfactual: "单独改变任何一个回答，都不会改变这个建议。",
    contributions_heading: "每个回答如何影响得分",
    contributions_description: "每个回答为{approaches}加了或减了多少分，影响最大的回答排在前面。",
    contributions_caption: "每个回答加的分（+）或减的分（−），按影响从大到小排列",
    answer: "回答",
    total: "合计",
    chart_hint: "用鼠标指向、轻触，或用键盘选中某个维度，即可看到每项评分的理由。",
    see_details: "查看详情：图表、表格和来源",
    reasons_for: "{dimension}：评分理由",
    copy_link: "复制链接",
    link_copied: "链接已复制。任何人打开它都会看到这个结果。",
    copy_link_manually: "复制这个链接来分享结果：",
    share_link_invalid: "无法读取这个分享链接，测验将重新开始。",
    download_svg: "下载 SVG",
    download_png: "下载 PNG",
    download_failed: "此页面不允许生成图片，请试试“下载 SVG”。",
    download_chart_as: "{button}：“{chart}”",
    chart_source: "来源：{title}，{url}",
    list_separator: "、",
    list_last_separator: "和",
    digits: "0123456789",
    decimal_separator: ".",
};

pub const ES: UiText = ui_table! { "es";
    widget_label: "¿IA abierta o propietaria? Un cuestionario para decidir",
    intro_meta: forms! {
        one: "{count} pregunta · nada sale de tu navegador",
        many: "{count} de preguntas · nada sale de tu navegador",
        other: "{count} preguntas · nada sale de tu navegador",
    },
    time_to_take: forms! {
        one: "Responder lleva alrededor de {minutes} minuto",
        many: "Responder lleva alrededor de {minutes} de minutos",
        other: "Responder lleva alrededor de {minutes} minutos",
    },
    start: "Empezar",
    back: "Atrás",
    next: "Siguiente",
    review_answers: "Revisar las respuestas",
    see_result: "Ver el resultado",
    retake: "Repetir el cuestionario",
    step_of: "Paso {step} de {total}",
    choose_an_answer: "Elige una respuesta para continuar.",
    result_heading: "Nuestra recomendación: {approach}",
    scores_caption: "Puntuación de cada enfoque",
    scores_note: "Los puntos reflejan cuánto favorecen tus respuestas a cada enfoque; si quedan por debajo de cero, juegan en su contra.",
    points: forms! { one: "{score} punto", many: "{score} de puntos", other: "{score} puntos" },
    why_heading: "Por qué",
    why_lead: forms! {
        one: "Quedó {gap} punto por delante de {runner_up}. Estas respuestas fueron las que más contribuyeron:",
        many: "Quedó {gap} de puntos por delante de {runner_up}. Estas respuestas fueron las que más contribuyeron:",
        other: "Quedó {gap} puntos por delante de {runner_up}. Estas respuestas fueron las que más contribuyeron:",
    },
    why_item: "«{answer}» a la pregunta «{question}»",
    why_no_reasons: "Ninguna respuesta lo decidió por sí sola; quedó por delante por el conjunto de todas ellas.",
    why_near_tie: "Lo decidió un empate técnico: la diferencia de puntuación entre {first} y {second} fue de {gap}, dentro del margen de {margin} de este cuestionario, mientras que {approach}, que combina ambos, también quedó dentro de ese mismo margen respecto al primero.",
    why_favoured: "Frente a {runner_up}, estas respuestas fueron las que más pesaron a su favor:",
    why_close_call: forms! {
        one: "Un resultado muy ajustado: quedó solo {gap} punto por delante de {runner_up}, así que valora los dos. La última línea de abajo indica qué respuesta inclinaría la balanza.",
        many: "Un resultado muy ajustado: quedó solo {gap} de puntos por delante de {runner_up}, así que valora los dos. La última línea de abajo indica qué respuesta inclinaría la balanza.",
        other: "Un resultado muy ajustado: quedó solo {gap} puntos por delante de {runner_up}, así que valora los dos. La última línea de abajo indica qué respuesta inclinaría la balanza.",
    },
    in_spite_heading: "Respuestas en contra y lo que supone seguir la recomendación",
    in_spite_item: "«{answer}»: {takes}",
    next_steps_heading: "Qué hacer ahora",
    why_only_one_left: "Tus respuestas descartaron todos los demás enfoques, así que este es el que encaja.",
    why_tie: forms! {
        one: "Empate exacto: {approaches} obtuvieron {score} punto cada uno.",
        many: "Empate exacto: {approaches} obtuvieron {score} de puntos cada uno.",
        other: "Empate exacto: {approaches} obtuvieron {score} puntos cada uno.",
    },
    why_tie_by_priorities: "Se recomienda {approach} porque puntúa más alto en lo que, según tus respuestas, más importa: {dimensions}.",
    why_tie_by_order: "Ningún otro dato los distingue, así que se recomienda {approach} por aparecer primero en la lista; valora los dos.",
    no_fit_heading: "Ningún enfoque encaja con todas estas respuestas",
    no_fit_body: "Tus respuestas descartan todos los enfoques, así que se contradicen. Debajo se indica cada regla; cambia una de esas respuestas para obtener una recomendación.",
    ruled_out_heading: "Descartados por tus respuestas",
    ruled_out_item: "{approach}: enfoque descartado por tu respuesta «{answer}». {reason}",
    ruled_out_mark: "descartado",
    marked: "{approach} ({mark})",
    fact_source: "{source}: {title}, {date}.",
    content_reviewed: "Contenido revisado: {date}.",
    chart_heading: "Comparación de los enfoques",
    chart_description: forms! {
        one: "Puntuación de {approaches}, de 1 (débil) a 5 (fuerte), en {count} criterio.",
        many: "Puntuación de {approaches}, de 1 (débil) a 5 (fuerte), en {count} de criterios.",
        other: "Puntuación de {approaches}, de 1 (débil) a 5 (fuerte), en {count} criterios.",
    },
    chart_priorities: "Tus respuestas dieron más peso a estos criterios: {dimensions}.",
    chart_no_priorities: "Tus respuestas no destacaron ningún criterio.",
    chart_leads: "{approach} obtiene la puntuación más alta en {dimensions}.",
    chart_priority_best: "En tus prioridades, {approach} obtiene la media más alta: {score} de {max}.",
    table_caption: "Puntuaciones de 1 (débil) a 5 (fuerte); ★ marca tus prioridades",
    dimension: "Criterio",
    your_priority: "tu prioridad",
    priority_mark: "★",
    reasons_summary: "El motivo de cada puntuación",
    rating_of: "{score} de {max}",
    rating_label: "{approach} ({rating}): ",
    facts_heading: "Datos que respaldan las puntuaciones",
    source: "Fuente",
    loading: "Cargando el cuestionario…",
    error_heading: "No se puede mostrar este cuestionario",
    error_intro: forms! {
        one: "Su contenido tiene {count} problema. Quien lo añadió a esta página puede corregirlo:",
        many: "Su contenido tiene {count} de problemas. Quien lo añadió a esta página puede corregirlos:",
        other: "Su contenido tiene {count} problemas. Quien lo añadió a esta página puede corregirlos:",
    },
    retry: "Reintentar",
    crash_heading: "Algo salió mal",
    crash_body: "Recarga la página o inténtalo de nuevo.",
    load_not_found: "no se encontró el archivo de contenido {url} (HTTP 404).",
    load_status: "el servidor respondió con el código HTTP {status} al pedir el archivo de contenido {url}.",
    load_timeout: forms! {
        one: "el archivo de contenido {url} no llegó en el plazo de {seconds} segundo.",
        many: "el archivo de contenido {url} no llegó en el plazo de {seconds} de segundos.",
        other: "el archivo de contenido {url} no llegó en el plazo de {seconds} segundos.",
    },
    load_unreachable: "no se pudo obtener el archivo de contenido {url}: no se puede acceder al servidor, el servidor no permite que esta página lea el archivo (CORS) o el archivo no coincide con el hash de integridad que debe tener.",
    month_names: "enero,febrero,marzo,abril,mayo,junio,julio,agosto,septiembre,octubre,noviembre,diciembre",
    date_day_month_year: "{day} de {month} de {year}",
    date_month_year: "{month} de {year}",
    date_year: "{year}",
    summary_heading: "Revisa tus respuestas",
    summary_intro: "Puedes cambiar cualquier respuesta antes de ver el resultado.",
    change: "Cambiar",
    change_answer_to: "Cambiar tu respuesta a la pregunta «{question}»",
    why_counterfactual: "Si hubieras respondido «{answer}» a la pregunta «{question}», te recomendaríamos {approach}.",
    why_no_counterfactual: "Cambiar una sola respuesta no bastaría para cambiar esta recomendación.",
    contributions_heading: "Cómo movió cada respuesta las puntuaciones",
    contributions_description: "Puntos que cada respuesta sumó o restó a {approaches}, empezando por las respuestas que más los movieron.",
    contributions_caption: "Puntos que sumó (+) o restó (−) cada respuesta, de mayor a menor",
    answer: "Respuesta",
    total: "Total",
    chart_hint: "Pasa el puntero por encima de un criterio, tócalo o selecciónalo con el teclado para leer el motivo de cada puntuación.",
    see_details: "Ver los detalles: gráficos, tablas y fuentes",
    reasons_for: "Por qué estas puntuaciones en «{dimension}»",
    copy_link: "Copiar enlace",
    link_copied: "Enlace copiado. Quien lo abra verá este resultado.",
    copy_link_manually: "Copia este enlace para compartir el resultado:",
    share_link_invalid: "No se pudo leer ese enlace compartido, así que el cuestionario empieza de cero.",
    download_svg: "Descargar SVG",
    download_png: "Descargar PNG",
    download_failed: "Esta página no permite crear la imagen aquí. Prueba con «Descargar SVG».",
    download_chart_as: "{button} de «{chart}»",
    chart_source: "Fuente: {title}, {url}",
    list_separator: ", ",
    list_last_separator: " y ",
    digits: "0123456789",
    decimal_separator: ",",
};

pub const AR: UiText = ui_table! { "ar";
    widget_label: "ذكاء اصطناعي مفتوح أم مغلق؟ اختبار لاتخاذ القرار",
    intro_meta: forms! {
        zero: "{count} سؤال، لا شيء يغادر متصفحك",
        one: "سؤال واحد، لا شيء يغادر متصفحك",
        two: "سؤالان، لا شيء يغادر متصفحك",
        few: "{count} أسئلة، لا شيء يغادر متصفحك",
        many: "{count} سؤالًا، لا شيء يغادر متصفحك",
        other: "{count} سؤال، لا شيء يغادر متصفحك",
    },
    time_to_take: forms! {
        zero: "تستغرق الإجابة نحو {minutes} دقيقة",
        one: "تستغرق الإجابة نحو دقيقة واحدة",
        two: "تستغرق الإجابة نحو دقيقتين",
        few: "تستغرق الإجابة نحو {minutes} دقائق",
        many: "تستغرق الإجابة نحو {minutes} دقيقة",
        other: "تستغرق الإجابة نحو {minutes} دقيقة",
    },
    start: "ابدأ",
    back: "السابق",
    next: "التالي",
    review_answers: "مراجعة الإجابات",
    see_result: "عرض النتيجة",
    retake: "إعادة الاختبار",
    step_of: "الخطوة {step} من {total}",
    choose_an_answer: "اختر إجابة للمتابعة.",
    result_heading: "اقتراحنا: {approach}",
    scores_caption: "نقاط كل نهج",
    scores_note: "تقيس النقاط مدى ميل إجاباتك إلى كل نهج؛ وما دون الصفر يعني أنها تُحسب ضده.",
    points: forms! {
        zero: "{score} نقطة",
        one: "{score} نقطة",
        two: "{score} نقطة",
        few: "{score} نقاط",
        many: "{score} نقطة",
        other: "{score} نقطة",
    },
    why_heading: "السبب",
    why_lead: forms! {
        zero: "تقدّم على {runner_up} بفارق {gap} نقطة. وهذه الإجابات هي الأكثر إسهامًا في ذلك:",
        one: "تقدّم على {runner_up} بفارق {gap} نقطة. وهذه الإجابات هي الأكثر إسهامًا في ذلك:",
        two: "تقدّم على {runner_up} بفارق {gap} نقطة. وهذه الإجابات هي الأكثر إسهامًا في ذلك:",
        few: "تقدّم على {runner_up} بفارق {gap} نقاط. وهذه الإجابات هي الأكثر إسهامًا في ذلك:",
        many: "تقدّم على {runner_up} بفارق {gap} نقطة. وهذه الإجابات هي الأكثر إسهامًا في ذلك:",
        other: "تقدّم على {runner_up} بفارق {gap} نقطة. وهذه الإجابات هي الأكثر إسهامًا في ذلك:",
    },
    why_item: "«{question}»: «{answer}»",
    why_no_reasons: "لم تحسمه إجابة واحدة بمفردها؛ بل تقدّم بمحصلة الإجابات كلها.",
    why_near_tie: "حسمه تعادل شبه تام: بلغ فارق النقاط بين {first} و{second} ما مقداره {gap}، وهو ضمن هامش هذا الاختبار البالغ {margin}، وجاء {approach}، الذي يجمع بين الاثنين، ضمن هذا الهامش من المتصدّر أيضًا.",
    why_favoured: "مقارنةً بـ{runner_up}، كانت هذه الإجابات أكثر ما رجّح كفّته:",
    why_close_call: forms! {
        zero: "نتيجة متقاربة: لم يتقدّم على {runner_up} إلا بفارق {gap} نقطة، فوازن بين الاثنين. ويبيّن السطر الأخير أدناه أيّ إجابة كانت ستقلب النتيجة.",
        one: "نتيجة متقاربة: لم يتقدّم على {runner_up} إلا بفارق {gap} نقطة، فوازن بين الاثنين. ويبيّن السطر الأخير أدناه أيّ إجابة كانت ستقلب النتيجة.",
        two: "نتيجة متقاربة: لم يتقدّم على {runner_up} إلا بفارق {gap} نقطة، فوازن بين الاثنين. ويبيّن السطر الأخير أدناه أيّ إجابة كانت ستقلب النتيجة.",
        few: "نتيجة متقاربة: لم يتقدّم على {runner_up} إلا بفارق {gap} نقاط، فوازن بين الاثنين. ويبيّن السطر الأخير أدناه أيّ إجابة كانت ستقلب النتيجة.",
        many: "نتيجة متقاربة: لم يتقدّم على {runner_up} إلا بفارق {gap} نقطة، فوازن بين الاثنين. ويبيّن السطر الأخير أدناه أيّ إجابة كانت ستقلب النتيجة.",
        other: "نتيجة متقاربة: لم يتقدّم على {runner_up} إلا بفارق {gap} نقطة، فوازن بين الاثنين. ويبيّن السطر الأخير أدناه أيّ إجابة كانت ستقلب النتيجة.",
    },
    in_spite_heading: "اقترحناه رغم هذه الإجابات، وإليك ما يتطلّبه ذلك منك",
    in_spite_item: "«{answer}»: {takes}",
    next_steps_heading: "خطواتك التالية",
    why_only_one_left: "استبعدت إجاباتك كل النُّهج الأخرى، فهذا هو النهج المناسب.",
    why_tie: forms! {
        zero: "تعادل تام: حصل كلٌّ من {approaches} على {score} نقطة.",
        one: "تعادل تام: حصل كلٌّ من {approaches} على {score} نقطة.",
        two: "تعادل تام: حصل كلٌّ من {approaches} على {score} نقطة.",
        few: "تعادل تام: حصل كلٌّ من {approaches} على {score} نقاط.",
        many: "تعادل تام: حصل كلٌّ من {approaches} على {score} نقطة.",
        other: "تعادل تام: حصل كلٌّ من {approaches} على {score} نقطة.",
    },
    why_tie_by_priorities: "نقترح {approach} لأن تقييمه أعلى في الأبعاد التي جعلتها إجاباتك الأهم: {dimensions}.",
    why_tie_by_order: "لا شيء آخر يميّز بينهما، لذا نقترح {approach} لأنه مذكور أولًا؛ فوازن بين الخيارين.",
    no_fit_heading: "لا يناسب أيُّ نهج جميع هذه الإجابات",
    no_fit_body: "تستبعد إجاباتك كل النُّهج، أي أنها متعارضة. كل قاعدة مذكورة أدناه؛ غيّر إحدى تلك الإجابات لتحصل على اقتراح.",
    ruled_out_heading: "ما استبعدته إجاباتك",
    ruled_out_item: "{approach}، استبعدته إجابتك «{answer}»: {reason}",
    ruled_out_mark: "مستبعد",
    marked: "{approach} ({mark})",
    fact_source: "{source}: {title}، {date}.",
    content_reviewed: "تاريخ مراجعة المحتوى: {date}.",
    chart_heading: "مقارنة بين النُّهج",
    chart_description: forms! {
        zero: "تقييمات من ١ (ضعيف) إلى ٥ (قوي) للنُّهج التالية: {approaches}، في {count} بُعد.",
        one: "تقييمات من ١ (ضعيف) إلى ٥ (قوي) للنُّهج التالية: {approaches}، في بُعد واحد.",
        two: "تقييمات من ١ (ضعيف) إلى ٥ (قوي) للنُّهج التالية: {approaches}، في بُعدين.",
        few: "تقييمات من ١ (ضعيف) إلى ٥ (قوي) للنُّهج التالية: {approaches}، في {count} أبعاد.",
        many: "تقييمات من ١ (ضعيف) إلى ٥ (قوي) للنُّهج التالية: {approaches}، في {count} بُعدًا.",
        other: "تقييمات من ١ (ضعيف) إلى ٥ (قوي) للنُّهج التالية: {approaches}، في {count} بُعد.",
    },
    chart_priorities: "جعلت إجاباتك هذه الأبعاد الأهم: {dimensions}.",
    chart_no_priorities: "لم تُبرز إجاباتك أي بُعد بعينه.",
    chart_leads: "يحصل {approach} على أعلى تقييم في {dimensions}.",
    chart_priority_best: "في أولوياتك، يحصل {approach} على أعلى متوسط تقييم: {score} من {max}.",
    table_caption: "تقييمات من ١ (ضعيف) إلى ٥ (قوي)؛ تشير ★ إلى أولوياتك",
    dimension: "البُعد",
    your_priority: "من أولوياتك",
    priority_mark: "★",
    reasons_summary: "سبب كل تقييم",
    rating_of: "{score} من {max}",
    rating_label: "{approach} ({rating}): ",
    facts_heading: "حقائق تستند إليها التقييمات",
    source: "المصدر",
    loading: "جارٍ تحميل الاختبار…",
    error_heading: "تعذّر عرض هذا الاختبار",
    error_intro: forms! {
        zero: "في محتواه {count} مشكلة. يستطيع من أضافه إلى هذه الصفحة إصلاحها:",
        one: "في محتواه مشكلة واحدة. يستطيع من أضافه إلى هذه الصفحة إصلاحها:",
        two: "في محتواه مشكلتان. يستطيع من أضافه إلى هذه الصفحة إصلاحهما:",
        few: "في محتواه {count} مشكلات. يستطيع من أضافه إلى هذه الصفحة إصلاحها:",
        many: "في محتواه {count} مشكلة. يستطيع من أضافه إلى هذه الصفحة إصلاحها:",
        other: "في محتواه {count} مشكلة. يستطيع من أضافه إلى هذه الصفحة إصلاحها:",
    },
    retry: "إعادة المحاولة",
    crash_heading: "حدث خطأ ما",
    crash_body: "أعد تحميل الصفحة أو حاول مرة أخرى.",
    load_not_found: "لم يُعثر على ملف المحتوى {url} (HTTP 404).",
    load_status: "ردّ الخادم برمز HTTP {status} على طلب ملف المحتوى {url}.",
    load_timeout: forms! {
        zero: "لم يصل ملف المحتوى {url} خلال {seconds} ثانية.",
        one: "لم يصل ملف المحتوى {url} خلال ثانية واحدة.",
        two: "لم يصل ملف المحتوى {url} خلال ثانيتين.",
        few: "لم يصل ملف المحتوى {url} خلال {seconds} ثوانٍ.",
        many: "لم يصل ملف المحتوى {url} خلال {seconds} ثانية.",
        other: "لم يصل ملف المحتوى {url} خلال {seconds} ثانية.",
    },
    load_unreachable: "تعذّر جلب ملف المحتوى {url}: فإما أن الوصول إلى الخادم غير ممكن، أو أنه لا يسمح لهذه الصفحة بقراءة الملف (CORS)، أو أن الملف لا يطابق بصمة التحقق (integrity) المطلوبة له.",
    month_names: "يناير,فبراير,مارس,أبريل,مايو,يونيو,يوليو,أغسطس,سبتمبر,أكتوبر,نوفمبر,ديسمبر",
    date_day_month_year: "{day} {month} {year}",
    date_month_year: "{month} {year}",
    date_year: "{year}",
    summary_heading: "راجع إجاباتك",
    summary_intro: "يمكنك تغيير أي إجابة قبل أن ترى النتيجة.",
    change: "تغيير",
    change_answer_to: "تغيير إجابتك عن «{question}»",
    why_counterfactual: "لو أجبت «{answer}» عن «{question}»، لاقترحنا {approach}.",
    why_no_counterfactual: "لن يتغيّر هذا الاقتراح بتغيير أي إجابة بمفردها.",
    contributions_heading: "كيف غيّرت كل إجابة النقاط",
    contributions_description: "النقاط التي أضافتها كل إجابة إلى {approaches} أو طرحتها منها، بدءًا بالإجابات الأكثر تأثيرًا.",
    contributions_caption: "النقاط التي أضافتها (+) أو طرحتها (−) كل إجابة، من الأكبر إلى الأصغر",
    answer: "الإجابة",
    total: "المجموع",
    chart_hint: "أشِر إلى أي بُعد أو المسه أو انتقل إليه بلوحة المفاتيح لقراءة سبب كل تقييم.",
    see_details: "عرض التفاصيل: الرسوم البيانية والجداول والمصادر",
    reasons_for: "سبب هذه التقييمات في {dimension}",
    copy_link: "نسخ الرابط",
    link_copied: "نُسخ الرابط. كل من يفتحه يرى هذه النتيجة.",
    copy_link_manually: "انسخ هذا الرابط لمشاركة النتيجة:",
    share_link_invalid: "تعذّرت قراءة رابط المشاركة هذا، لذا يبدأ الاختبار من جديد.",
    download_svg: "تنزيل SVG",
    download_png: "تنزيل PNG",
    download_failed: "لا تسمح هذه الصفحة بإنشاء الصورة هنا. جرّب «تنزيل SVG».",
    download_chart_as: "{button}: «{chart}»",
    chart_source: "المصدر: {title}، {url}",
    list_separator: "، ",
    list_last_separator: " و",
    digits: "٠١٢٣٤٥٦٧٨٩",
    decimal_separator: "٫",
};

/// Languages with a built-in table, by their primary `lang` subtag.
pub const LANGUAGES: &[(&str, &UiText)] = &[("en", &EN), ("es", &ES), ("ar", &AR), ("zh", &ZH)];

/// The primary subtag of a language tag, lower-cased: `zh` for `zh-CN`.
pub fn primary_language(lang: &str) -> String {
    lang.split(['-', '_'])
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// The built-in table for a language tag such as `en` or `zh-CN`; English when there is none.
pub fn ui_text(lang: &str) -> &'static UiText {
    let primary = primary_language(lang);
    LANGUAGES
        .iter()
        .find(|(code, _)| *code == primary)
        .map_or(&EN, |(_, table)| table)
}

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
/// path alongside every other problem; a 100-field struct would cost the Wasm a 10 KB
/// deserializer, and a map of its own type kilobytes more.
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

/// Whether a Spanish word starts with the sound of "i" (i-, í-, hi-, hí-, but not a
/// diphthong as in "hielo" or "hiato"), before which "y" is written "e".
fn sounds_like_i(word: &str) -> bool {
    // Letter by letter rather than through to_lowercase, whose Unicode tables would
    // cost the Wasm about 15 KB.
    let mut chars = word.chars();
    let (first, second, third) = (chars.next(), chars.next(), chars.next());
    let is_i = |c: Option<char>| matches!(c, Some('i' | 'I' | 'í' | 'Í'));
    match first {
        Some('h' | 'H') => is_i(second) && !matches!(third, Some('a' | 'e' | 'o' | 'u')),
        _ => is_i(first),
    }
}

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

    /// This table for a pack in `lang`: its counted strings follow that language's
    /// plural rules (a form the table lacks falls back to `other`).
    pub fn for_lang(&self, lang: &str) -> UiText {
        UiText {
            lang: Cow::Owned(lang.to_owned()),
            ..self.clone()
        }
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
    fn digit_set(&self) -> Option<Vec<char>> {
        let digits: Vec<char> = self.digits().chars().collect();
        (digits.len() == 10).then_some(digits)
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

    /// The reverse of `number`, for choosing a plural form from a number as shown.
    fn ascii(&self, shown: &str) -> String {
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
