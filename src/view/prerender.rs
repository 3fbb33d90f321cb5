//! The intro as static HTML, rendered at build time by the same components the widget
//! mounts, so a page shows the first screen before the Wasm arrives and mounting
//! replaces it with identical markup (no layout shift). The result is a declarative
//! shadow root: the browser attaches it to `<open-vs-proprietary>` while parsing, with
//! the widget's stylesheet linked from `stylesheet_href`.

use super::message_panel::MessagePanel;
use super::widget::{LoadState, Widget, WidgetProps};
use super::ROOT_CLASS;
use ovp_model::content::Content;
use ovp_model::l10n::LANGUAGES;
use serde_json::{json, Map, Value};
use std::rc::Rc;
use yew::prelude::*;
use yew::LocalServerRenderer;

/// Marks the prerendered block in HTML files, so `make prerender` can replace it.
pub const BEGIN_MARK: &str = "<!-- ovp:prerendered -->";
pub const END_MARK: &str = "<!-- /ovp:prerendered -->";

pub fn intro_html(content: &Content, stylesheet_href: &str) -> String {
    // Nothing saved or shared at build time: the intro as a new reader sees it.
    let props = WidgetProps::new(
        LoadState::Ready(Rc::new(content.clone())),
        Rc::new(content.ui_text()),
    );
    let body = futures::executor::block_on(
        LocalServerRenderer::<Widget>::with_props(props)
            .hydratable(false)
            .render(),
    );
    // Only in the prerendered copy: a slot for the element's own text ("This interactive
    // quiz could not load here"), which widget.css shows in Start's place if embed.js
    // never defines the element (a stripped script, a blocked file), so no dead Start
    // stays. And Start is `hidden` until widget.css shows it: where the stylesheet is
    // refused too (a host without CORS headers refuses both), the intro shows no Start at
    // all, and the element's own text, which no rule then hides.
    let body = body
        .replacen(
            START_END,
            &format!("</button>{NO_CODE_SLOT}</div></div>"),
            1,
        )
        .replacen(
            START_ATTRIBUTE,
            &format!(" hidden=\"\"{START_ATTRIBUTE}"),
            1,
        );
    format!(
        "{BEGIN_MARK}<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"{stylesheet_href}\"><div class=\"{ROOT_CLASS}\">{body}</div></template>{END_MARK}"
    )
}

/// The end of the intro's Start button and its row, as Yew renders them, and the slot put
/// beside the button (tests/prerender.rs checks it is there).
const START_END: &str = "</button></div></div>";
pub const NO_CODE_SLOT: &str = "<slot class=\"no-code\"></slot>";
/// The Start button's hook as Yew renders it, before which `hidden` goes.
const START_ATTRIBUTE: &str = " data-ovp-start=";

/// `html` with its prerendered block (between the marks) replaced by `block`.
pub fn replace_block(html: &str, block: &str) -> Option<String> {
    let start = html.find(BEGIN_MARK)?;
    let end = html[start..].find(END_MARK)? + start + END_MARK.len();
    Some(format!("{}{}{}", &html[..start], block, &html[end..]))
}

/// Where `intro_template_module` goes, from the repository's root.
pub const INTRO_TEMPLATE_FILE: &str = "studio/intro-template.mjs";

/// Those of `INTRO_WORDS` that are attribute values, where `"` is escaped too; the others
/// are text, where only `&`, `<` and `>` are (as Yew's server renderer escapes them).
pub const INTRO_ATTRIBUTES: [&str; 5] = ["stylesheet", "label", "lang", "dir", "loading"];

/// The placeholders `intro_template` holds: the stylesheet's address, and the words of
/// `ovp_model::intro::IntroWords` by name, which the studio fills in for an author's own
/// pack (`crates/studio`, `introWords`).
pub const INTRO_WORDS: [&str; 10] = [
    "stylesheet",
    "label",
    "lang",
    "dir",
    "title",
    "intro",
    "meta",
    "time",
    "loading",
    "start",
];

/// The prerendered block (`intro_html`) of any pack, with `{name}` in place of each of
/// `INTRO_WORDS`: the same components render it, with a pack whose texts are the
/// placeholders.
pub fn intro_template() -> String {
    let mut pack: Value =
        serde_json::from_str(ovp_model::content::DEFAULT_CONTENT_EN).expect("the built-in pack");
    pack["title"] = "{title}".into();
    pack["intro"] = "{intro}".into();
    pack["lang"] = "{lang}".into();
    pack["ui"] = json!({
        "widgetLabel": "{label}",
        "introMeta": "{meta}",
        "timeToTake": "{time}",
        "loading": "{loading}",
        "start": "{start}",
    });
    // Deserialized without validation: a placeholder is no language and keeps no blank.
    let content: Content = serde_json::from_value(pack).expect("a pack's shape");
    let block = intro_html(&content, "{stylesheet}");
    // A placeholder language falls back to English, which is left to right.
    let dir = " dir=\"ltr\"";
    assert_eq!(
        block.matches(dir).count(),
        1,
        "one direction in the intro: {block}"
    );
    block.replacen(dir, " dir=\"{dir}\"", 1)
}

/// The module the studio imports for an author's pack's first screen in its embed code.
pub fn intro_template_module() -> String {
    format!(
        "// Generated by `make prerender` from the widget's own components\n\
         // (src/view/intro.rs, through src/view/prerender.rs); a test fails while it is stale.\n\
         \n\
         // A pack's prerendered first screen, with \"{{name}}\" where each of INTRO_WORDS goes,\n\
         // escaped for HTML: INTRO_ATTRIBUTES as attribute values (`&`, `<`, `>` and `\"`),\n\
         // the others as text (`&`, `<` and `>`).\n\
         export const INTRO_TEMPLATE = {};\n\
         \n\
         export const INTRO_WORDS = {};\n\
         \n\
         export const INTRO_ATTRIBUTES = {};\n",
        serde_json::to_string(&intro_template()).expect("a string"),
        serde_json::to_string(&INTRO_WORDS).expect("strings"),
        serde_json::to_string(&INTRO_ATTRIBUTES).expect("strings"),
    )
}

/// Where `panel_module` goes, from the repository's root.
pub const PANEL_FILE: &str = "web/panel.mjs";

/// The module embed.js imports for the panel it shows where the widget's code never
/// runs (the Wasm could not load, or was not the file this build made, or its instance
/// died before the widget gave its own words): the panel's markup, as `MessagePanel`
/// renders it, and in each built-in language the words the widget itself uses for a
/// quiz that cannot be shown, for a crash and for Retry, and the language's direction.
/// Generated from the widget's own component and strings, so the panel looks and speaks
/// as the widget does without carrying the Wasm.
pub fn panel_module() -> String {
    let words: Map<String, Value> = LANGUAGES
        .iter()
        .map(|(lang, ui)| {
            let words = json!({
                "lang": lang,
                "dir": ui.direction().attribute(),
                "loadHeading": ui.error_heading(),
                "crashHeading": ui.crash_heading(),
                "body": ui.crash_body(),
                "retry": ui.retry(),
            });
            ((*lang).to_owned(), words)
        })
        .collect();
    let pretty = |value: &Value| serde_json::to_string_pretty(value).expect("plain strings");
    format!(
        "// Generated by `make prerender` from the widget's own component\n\
         // (src/view/message_panel.rs) and strings (crates/model/src/l10n/tables);\n\
         // a test fails while it is stale.\n\
         \n\
         // The panel embed.js shows where the widget's code never runs or stops before it\n\
         // speaks, as [tag, {{attributes}}, ...children]; a text or attribute that reads\n\
         // \"{{name}}\" takes the word of that name.\n\
         export const PANEL_MARKUP = {};\n\
         \n\
         // The panel's words by built-in language (English for any other).\n\
         export const PANEL_WORDS = {};\n",
        pretty(&panel_markup()),
        pretty(&Value::Object(words)),
    )
}

/// The panel inside the widget's root, with a placeholder where each word goes.
#[component]
fn PanelTemplate() -> Html {
    let panel = MessagePanel {
        heading: "{heading}",
        lang: Some("{lang}"),
        dir: "{dir}",
        retry: Some(("{retry}", Callback::noop())),
        widget_screen: false,
    };
    html! {
        <div class={ROOT_CLASS}>
            {panel.view(html! { <p>{"{body}"}</p> })}
        </div>
    }
}

fn panel_markup() -> Value {
    let html = futures::executor::block_on(
        LocalServerRenderer::<PanelTemplate>::new()
            .hydratable(false)
            .render(),
    );
    let document =
        roxmltree::Document::parse(&html).expect("the panel renders as well-formed markup");
    element_tree(document.root_element())
}

/// An element as `[tag, {attributes}, ...children]`, text children as strings.
fn element_tree(element: roxmltree::Node) -> Value {
    let attributes: Map<String, Value> = element
        .attributes()
        .map(|attribute| (attribute.name().to_owned(), attribute.value().into()))
        .collect();
    let mut tree = vec![element.tag_name().name().into(), Value::Object(attributes)];
    for child in element.children() {
        if child.is_element() {
            tree.push(element_tree(child));
        } else if let Some(text) = child
            .is_text()
            .then(|| child.text())
            .flatten()
            .filter(|text| !text.is_empty())
        {
            tree.push(text.into());
        }
    }
    Value::Array(tree)
}
