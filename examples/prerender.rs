//! Writes the prerendered intro into `index.html` (the demo post) and `web/snippet.html`
//! (the embed snippet for authors), between their `ovp:prerendered` marks.
//! Run by `make prerender`; a test fails while either file is stale.

use open_vs_proprietary::model::content::default_content;
use open_vs_proprietary::view::prerender::{intro_html, replace_block};

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
}
