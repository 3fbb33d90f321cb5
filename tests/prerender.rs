//! The intro prerendered into index.html and web/snippet.html must be what the widget
//! renders, or mounting would shift the page. Regenerate with `make prerender`.

use open_vs_proprietary::view::prerender::{
    intro_html, panel_module, BEGIN_MARK, END_MARK, NO_CODE_SLOT, PANEL_FILE,
};
use ovp_model::content::default_content;

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
