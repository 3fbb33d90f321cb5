//! Every string the widget itself shows (as opposed to the quiz content), in one table
//! per language. Adding a language means adding one table here; a content pack may also
//! override any string (its `ui` object), so an author can supply a language of their own.
//! Templates name their blanks in braces, for example `{step}`; `fill` fills them.

use serde::Deserialize;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Declares `UiText`, the schema of the strings a content pack may override, and each
/// template's blanks, from one list of fields, so none of them can disagree. A field
/// written `step_of(step, total)` is a template with the blanks `{step}` and `{total}`:
/// it gets a method `ui.step_of(step, total)` that fills them, so a call with a wrong or
/// missing blank does not compile, and `blanks("step_of")` lists them, which tests check
/// every built-in table against and `Content::validate` checks a pack's `ui` against.
macro_rules! ui_strings {
    ($( $(#[doc = $doc:literal])* $field:ident $(( $($blank:ident),* ))?, )*) => {
        /// The strings, one per field in declared order, read through a method per field.
        /// One array rather than a struct of named fields: cloning, comparing and
        /// replacing by key are then loops, not code per field (about 1 KB brotli less).
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct UiText([Cow<'static, str>; FIELD_COUNT]);

        /// Each field's place in `UiText`.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy)]
        enum Field { $($field),* }

        const FIELD_COUNT: usize = [$(stringify!($field)),*].len();

        // The schema of `UiTextOverrides` (which is read as a plain map); its doc comment
        // is the schema's description.
        /// Strings a content pack replaces; any subset of `UiText`'s fields, in camelCase.
        #[cfg(not(target_arch = "wasm32"))]
        #[derive(schemars::JsonSchema)]
        #[schemars(rename = "UiTextOverrides")]
        #[serde(deny_unknown_fields, rename_all = "camelCase")]
        pub struct UiTextOverridesSchema {
            $( $(#[doc = $doc])* $(#[doc = blanks_doc!($($blank),*)])? #[serde(default)] pub $field: Option<String>, )*
        }

        impl UiText {
            /// Every field's name, as declared (snake_case).
            const FIELD_NAMES: &'static [&'static str] = &[$(stringify!($field)),*];
            /// Each field's blanks, in field order (none for plain strings).
            const BLANKS: &'static [&'static [&'static str]] = &[$(&[$($(stringify!($blank)),*)?]),*];

            $( accessor!($(#[doc = $doc])* $field $(($($blank),*))?); )*
        }
    };
}

/// The method that reads field `$field`: the text of a plain string, or a template with
/// its blanks filled, one `&str` argument per blank.
macro_rules! accessor {
    ($(#[doc = $doc:literal])* $field:ident) => {
        $(#[doc = $doc])*
        pub fn $field(&self) -> &str {
            &self.0[Field::$field as usize]
        }
    };
    ($(#[doc = $doc:literal])* $field:ident ($($blank:ident),*)) => {
        $(#[doc = $doc])*
        #[doc = concat!("Fills the blanks", $(" {", stringify!($blank), "}",)* ".")]
        pub fn $field(&self, $($blank: &str),*) -> String {
            fill(&self.0[Field::$field as usize], &[$(stringify!($blank)),*], &[$($blank),*])
        }
    };
}

/// A built-in table: every field once, in the declared order, or it does not compile.
macro_rules! ui_table {
    ($($field:ident: $text:expr,)*) => {{
        const _: () = assert!(
            same_names(&[$(stringify!($field)),*], UiText::FIELD_NAMES),
            "a UiText table lists every field once, in the declared order"
        );
        UiText([$(Cow::Borrowed($text)),*])
    }};
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

ui_strings! {
    /// Accessible name of the widget as a whole.
    widget_label,
    /// `{count}` is the number of questions.
    intro_meta(count),
    start,
    back,
    next,
    see_result,
    retake,
    step_of(step, total),
    choose_an_answer,
    result_heading(approach),
    scores_caption,
    points,
    why_heading,
    /// `{gap}`: points ahead of `{runner_up}`, the best other approach still open.
    why_lead(gap, runner_up),
    why_item(answer, question),
    why_no_reasons,
    /// The pack's near-tie rule decided.
    why_near_tie(first, second, gap, margin, approach),
    /// Heads the answers that favoured the suggestion after a near tie.
    why_favoured(runner_up),
    /// Every other approach was ruled out.
    why_only_one_left,
    /// An exact tie at the top.
    why_tie(approaches, score),
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
    /// When the content was last checked against its sources.
    content_reviewed(date),
    chart_heading,
    chart_description(approaches, count),
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
    facts_heading,
    source,
    /// Shown while a content URL loads.
    loading,
    error_heading,
    /// `{count}` problems are listed below it.
    error_intro(count),
    retry,
    /// Heading of the panel shown when the widget itself failed (a bug, not the content).
    crash_heading,
    /// The line under it; the panel's button is `retry`.
    crash_body,
    load_not_found(url),
    load_status(status, url),
    load_timeout(url, seconds),
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
}

pub const EN: UiText = ui_table! {
    widget_label: "Open-source or proprietary AI? A decision quiz",
    intro_meta: "{count} questions · about two minutes · nothing leaves your browser",
    start: "Start",
    back: "Back",
    next: "Next",
    see_result: "See result",
    retake: "Retake the quiz",
    step_of: "Step {step} of {total}",
    choose_an_answer: "Choose an answer to continue.",
    result_heading: "Our suggestion: {approach}",
    scores_caption: "Score per approach",
    points: "points",
    why_heading: "Why",
    why_lead: "It finished {gap} points ahead of {runner_up}. These answers did most to put it there:",
    why_item: "“{answer}” for “{question}”",
    why_no_reasons: "No single answer decided it; it led on the balance of all of them.",
    why_near_tie: "A near tie decided it: {first} and {second} finished {gap} points apart, within this quiz's margin of {margin}, and {approach}, which combines both, scored within {margin} points of the leader too.",
    why_favoured: "Compared with {runner_up}, these answers counted most in its favour:",
    why_only_one_left: "Your answers ruled out every other approach, so this is the one that fits.",
    why_tie: "An exact tie: {approaches} each scored {score} points.",
    why_tie_by_priorities: "{approach} is suggested because it rates higher on what your answers made matter most: {dimensions}.",
    why_tie_by_order: "Nothing else tells them apart, so {approach}, listed first, is suggested; weigh both.",
    no_fit_heading: "No approach fits all of these answers",
    no_fit_body: "Your answers rule out every approach, so they conflict. Each rule is listed below; change one of those answers to get a suggestion.",
    ruled_out_heading: "Ruled out by your answers",
    ruled_out_item: "{approach}, ruled out by your answer “{answer}”: {reason}",
    ruled_out_mark: "ruled out",
    content_reviewed: "Content reviewed {date}.",
    chart_heading: "How the approaches compare",
    chart_description: "Ratings from 1 (weak) to 5 (strong) for {approaches} on {count} dimensions.",
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
    facts_heading: "Facts behind the ratings",
    source: "Source",
    loading: "Loading the quiz…",
    error_heading: "This quiz cannot be shown",
    error_intro: "Its content has {count} problem(s). Whoever added it to this page can fix them:",
    retry: "Retry",
    crash_heading: "Something went wrong",
    crash_body: "Reload the page or try again.",
    load_not_found: "the content file {url} was not found (HTTP 404).",
    load_status: "the server answered HTTP {status} for the content file {url}.",
    load_timeout: "the content file {url} did not arrive within {seconds} seconds.",
    load_unreachable: "the content file {url} could not be fetched: the server cannot be reached, it does not allow this page to read the file (CORS), or the file is not the one this widget was built with.",
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
};

pub const ZH: UiText = ui_table! {
    widget_label: "开源还是专有 AI？决策小测验",
    intro_meta: "{count} 个问题 · 约两分钟 · 所有内容都只留在你的浏览器里",
    start: "开始",
    back: "上一步",
    next: "下一步",
    see_result: "查看结果",
    retake: "重新测验",
    step_of: "第 {step} 步，共 {total} 步",
    choose_an_answer: "请先选择一个答案。",
    result_heading: "我们的建议：{approach}",
    scores_caption: "各方案得分",
    points: "分",
    why_heading: "原因",
    why_lead: "它比{runner_up}多 {gap} 分。最能让它领先的是这些回答：",
    why_item: "“{question}”：“{answer}”",
    why_no_reasons: "没有哪一个回答单独起决定作用，它靠全部回答的综合结果领先。",
    why_near_tie: "接近平局决定了结果：{first}和{second}只相差 {gap} 分，在本测验 {margin} 分的范围之内；兼顾两者的{approach}与领先者的差距也不超过 {margin} 分。",
    why_favoured: "与{runner_up}相比，这些回答最支持它：",
    why_only_one_left: "你的回答排除了其他所有方案，所以只剩这一个合适。",
    why_tie: "完全平局：{approaches}都得了 {score} 分。",
    why_tie_by_priorities: "之所以建议{approach}，是因为它在你的回答最看重的方面评分更高：{dimensions}。",
    why_tie_by_order: "没有其他因素能区分它们，所以建议排在前面的{approach}；两者都值得考虑。",
    no_fit_heading: "没有一个方案能满足所有这些回答",
    no_fit_body: "你的回答排除了所有方案，彼此互相矛盾。下面列出了每一条排除规则；修改其中一个回答即可得到建议。",
    ruled_out_heading: "被你的回答排除的方案",
    ruled_out_item: "{approach}：因你的回答“{answer}”而被排除。{reason}",
    ruled_out_mark: "已排除",
    content_reviewed: "内容核对日期：{date}。",
    chart_heading: "各方案对比",
    chart_description: "{approaches}在 {count} 个维度上的评分，从 1（弱）到 5（强）。",
    chart_priorities: "你的回答最看重：{dimensions}。",
    chart_no_priorities: "你的回答没有特别看重哪个维度。",
    chart_leads: "{approach}在这些维度上评分最高：{dimensions}。",
    chart_priority_best: "在你的重点上，{approach}的平均评分最高：{score} / {max}。",
    table_caption: "评分从 1（弱）到 5（强）；★ 表示你的重点",
    dimension: "维度",
    your_priority: "你的重点",
    priority_mark: "★",
    reasons_summary: "每项评分的理由",
    rating_of: "{score} / {max}",
    facts_heading: "评分背后的事实",
    source: "来源",
    loading: "正在加载测验……",
    error_heading: "无法显示这个测验",
    error_intro: "测验内容有 {count} 个问题，需要由把它放到本页的人来修正：",
    retry: "重试",
    crash_heading: "出了点问题",
    crash_body: "请重新加载页面，或者重试。",
    load_not_found: "找不到内容文件 {url}（HTTP 404）。",
    load_status: "服务器对内容文件 {url} 返回了 HTTP {status}。",
    load_timeout: "内容文件 {url} 在 {seconds} 秒内没有加载完成。",
    load_unreachable: "无法获取内容文件 {url}：服务器无法访问，不允许本页读取该文件（CORS），或者该文件不是本组件构建时的那个文件。",
    month_names: "1,2,3,4,5,6,7,8,9,10,11,12",
    date_day_month_year: "{year}年{month}月{day}日",
    date_month_year: "{year}年{month}月",
    date_year: "{year}年",
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
    chart_hint: "指向、轻触或聚焦某个维度，即可看到每项评分的理由。",
    reasons_for: "{dimension}：评分理由",
    copy_link: "复制链接",
    link_copied: "链接已复制。任何人打开它都会看到这个结果。",
    copy_link_manually: "复制这个链接来分享结果：",
    share_link_invalid: "无法读取这个分享链接，测验将重新开始。",
    download_svg: "下载 SVG",
    download_png: "下载 PNG",
    download_failed: "此页面不允许在这里生成图片。请试试“下载 SVG”。",
    download_chart_as: "{button}：“{chart}”",
    chart_source: "来源：{title}，{url}",
};

/// Languages with a built-in table, by their primary `lang` subtag.
pub const LANGUAGES: &[(&str, &UiText)] = &[("en", &EN), ("zh", &ZH)];

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

/// Strings a content pack replaces, by key (`stepOf`). Read as a plain map and checked
/// by `Content::validate`, so an unknown key is reported with its path alongside every
/// other problem; a 100-field struct would also cost the Wasm a 10 KB deserializer.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct UiTextOverrides(BTreeMap<String, String>);

impl UiTextOverrides {
    /// Each override given, as (key, text), in key order.
    pub fn given(&self) -> Vec<(String, &str)> {
        self.0
            .iter()
            .map(|(key, text)| (key.clone(), text.as_str()))
            .collect()
    }

    /// Whether `key` names one of the widget's strings.
    pub fn knows(key: &str) -> bool {
        snake_case(key).is_some_and(|field| UiText::FIELD_NAMES.contains(&field.as_str()))
    }

    /// What is wrong with `text` as the string a pack calls `key` (a blank it lacks or
    /// does not have); `None` when it keeps exactly the blanks the widget fills in.
    pub fn template_problem(key: &str, text: &str) -> Option<String> {
        template_problem(&snake_case(key)?, text)
    }
}

impl UiText {
    /// This table with the given strings replaced; unknown keys are left out (validation
    /// reports them).
    pub fn with_overrides(&self, overrides: &UiTextOverrides) -> UiText {
        let mut text = self.clone();
        for (key, value) in &overrides.0 {
            let place = snake_case(key)
                .and_then(|field| Self::FIELD_NAMES.iter().position(|name| *name == field));
            if let Some(i) = place {
                text.0[i] = Cow::Owned(value.clone());
            }
        }
        text
    }

    /// Every string with its field name (snake_case), in declaration order.
    pub fn fields(&self) -> Vec<(&'static str, &str)> {
        Self::FIELD_NAMES
            .iter()
            .copied()
            .zip(self.0.iter().map(|text| &**text))
            .collect()
    }
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

/// What is wrong with `text` as the widget's string `field` (snake_case): a blank it
/// lacks or one it does not have, in words; `None` when its blanks are exactly the
/// declared ones.
pub fn template_problem(field: &str, text: &str) -> Option<String> {
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
        .filter(|b| !used.contains(b))
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
