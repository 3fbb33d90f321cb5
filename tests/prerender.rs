//! The intro prerendered into index.html and web/snippet.html must be what the widget
//! renders, or mounting would shift the page. Regenerate with `make prerender`.

use open_vs_proprietary::view::prerender::{
    intro_html, intro_template, intro_template_module, panel_module, BEGIN_MARK, END_MARK,
    INTRO_ATTRIBUTES, INTRO_TEMPLATE_FILE, INTRO_WORDS, NO_CODE_SLOT, PANEL_FILE,
};
use ovp_model::content::{default_content, Content};
use ovp_model::intro::IntroWords;

fn prerendered_block(file: &str) -> String {
    let html = std::fs::read_to_string(format!("{}/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let start = html
        .find(BEGIN_MARK)
        .unwrap_or_else(|| panic!("{file} has no prerendered block"));
    let end = html[start..].find(END_MARK).unwrap() + start + END_MARK.len();
    html[start..end].to_owned()
}

#[test]
fn prerendered_intro_is_current() {
    let content = default_content().unwrap();
    for (file, href) in [
        ("index.html", "widget.css"),
        ("web/snippet.html", "https://YOUR-HOST/PATH/widget.css"),
    ] {
        assert!(
            prerendered_block(file) == intro_html(&content, href),
            "{file} holds a stale intro: run `make prerender` and commit it"
        );
    }
}

#[test]
fn panel_words_are_current() {
    let file = format!("{}/{PANEL_FILE}", env!("CARGO_MANIFEST_DIR"));
    assert!(
        std::fs::read_to_string(&file).unwrap() == panel_module(),
        "{PANEL_FILE} is stale: run `make prerender` and commit it"
    );
}

#[test]
fn prerendered_intro_is_the_real_first_screen() {
    let html = intro_html(&default_content().unwrap(), "widget.css");
    assert!(html.contains("<template shadowrootmode=\"open\">"));
    assert!(html.contains(
        "<h2 tabindex=\"-1\" class=\"title\">Open or proprietary AI: which fits you?</h2>"
    ));
    // Start, and beside it the slot for the element's own text if the code never comes.
    assert!(html.contains(&format!(">Start</button>{NO_CODE_SLOT}</div>")));
    // Start is hidden until the stylesheet shows it, so no stylesheet means no dead Start.
    assert!(html.contains(" hidden=\"\" data-ovp-start="), "{html}");
    assert!(
        !html.contains("<script"),
        "no inline script: it must work under a strict CSP"
    );
    assert!(
        !html.contains(" style="),
        "no inline style: it must work under a strict CSP"
    );
}

#[test]
fn intro_template_is_current() {
    let file = format!("{}/{INTRO_TEMPLATE_FILE}", env!("CARGO_MANIFEST_DIR"));
    assert!(
        std::fs::read_to_string(&file).unwrap() == intro_template_module(),
        "{INTRO_TEMPLATE_FILE} is stale: run `make prerender` and commit it"
    );
}

/// HTML-escaped as Yew's server renderer escapes text and attribute values, and as
/// `studio/embed-code.js` does.
fn escaped(text: &str, attribute: bool) -> String {
    let text = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    if attribute {
        text.replace('"', "&quot;")
    } else {
        text
    }
}

/// The template with a pack's words in it is that pack's prerendered first screen, in a
/// left-to-right and a right-to-left language, with the widget's own words and a pack's
/// replacements of them: what the studio puts in the embed code of an author's pack.
#[test]
fn the_intro_template_filled_with_a_packs_words_is_its_first_screen() {
    let read = |name: &str| {
        let path = format!("{}/content/{name}.json", env!("CARGO_MANIFEST_DIR"));
        Content::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
    };
    let mut relabelled = read("databases");
    relabelled.title = "Tea & \"coffee\" <or> 'neither'?".to_owned();
    relabelled.ui = Some(
        serde_json::from_str(r#"{ "start": "Begin", "widgetLabel": "A \"quiz\" & more" }"#)
            .unwrap(),
    );
    for content in [
        default_content().unwrap(),
        read("ar"),
        read("zh"),
        relabelled,
    ] {
        let words = serde_json::to_value(IntroWords::of(&content, &content.ui_text())).unwrap();
        let mut filled = intro_template();
        for name in INTRO_WORDS {
            let value = match name {
                "stylesheet" => "widget.css".to_owned(),
                _ => escaped(
                    words[name].as_str().unwrap(),
                    INTRO_ATTRIBUTES.contains(&name),
                ),
            };
            filled = filled.replace(&format!("{{{name}}}"), &value);
        }
        assert_eq!(filled, intro_html(&content, "widget.css"), "{}", content.id);
    }
}
