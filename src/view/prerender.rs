//! The intro as static HTML, rendered at build time by the same components the widget
//! mounts, so a page shows the first screen before the Wasm arrives and mounting
//! replaces it with identical markup (no layout shift). The result is a declarative
//! shadow root: the browser attaches it to `<open-vs-proprietary>` while parsing, with
//! the widget's stylesheet linked from `stylesheet_href`.

use super::widget::{LoadState, Widget, WidgetProps};
use crate::model::content::Content;
use std::rc::Rc;
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
        "{BEGIN_MARK}<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"{stylesheet_href}\"><div class=\"ovp-root\">{body}</div></template>{END_MARK}"
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
