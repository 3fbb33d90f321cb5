//! Writes the prerendered intro into `index.html` (the demo post) and `web/snippet.html`
//! (the embed snippet for authors), between their `ovp:prerendered` marks, and the words
//! of embed.js's panel into `web/panel.mjs`, and the first screen of any pack, with
//! placeholders for its words, into `studio/intro-template.mjs`.
//! Run by `make prerender`; a test fails while any of them is stale.

use open_vs_proprietary::view::prerender::{
    intro_html, intro_template_module, panel_module, replace_block, INTRO_TEMPLATE_FILE, PANEL_FILE,
};
use ovp_model::content::default_content;

fn main() {
    let content = default_content().expect("the built-in content is valid");
    for (file, href) in [
        ("index.html", "widget.css"),
        ("web/snippet.html", "https://YOUR-HOST/PATH/widget.css"),
    ] {
        let html = std::fs::read_to_string(file).expect("readable");
        let updated = replace_block(&html, &intro_html(&content, href))
            .expect("the file has the prerendered marks");
        std::fs::write(file, updated).expect("writable");
        println!("prerendered the intro into {file}");
    }
    std::fs::write(PANEL_FILE, panel_module()).expect("writable");
    println!("wrote the panel's markup and words into {PANEL_FILE}");
    std::fs::write(INTRO_TEMPLATE_FILE, intro_template_module()).expect("writable");
    println!("wrote the first screen's template for authors' packs into {INTRO_TEMPLATE_FILE}");
}
