//! What both tables share: a closed disclosure whose summary is the table's caption, and
//! inside it, once the result has painted (`filled`), the table in a region that scrolls
//! on its own when it is wider than the widget.

use yew::prelude::*;

/// One table's own parts.
pub struct Table<'a> {
    pub caption: &'a str,
    /// The table's own class, beside `chart-table`, which every table has (widget.css
    /// styles them all by it), and its `part` name, which hosts style it by.
    pub class: &'static str,
    pub part: &'static str,
    /// The header row, the body rows and any footer, as `<thead>`, `<tbody>`, `<tfoot>`.
    pub sections: Html,
}

pub fn table_disclosure(table: Table, filled: bool) -> Html {
    let Table {
        caption,
        class,
        part,
        sections,
    } = table;
    html! {
        <details class="disclosure">
            <summary>{caption.to_owned()}</summary>
            if filled {
            // Focusable so keyboard users can scroll it when it is wider than the widget.
            <div class="table-scroll" tabindex="0" role="region" aria-label={caption.to_owned()}>
            <table class={format!("chart-table {class}")} {part}>
                // Named by its caption, which only screen readers get: the summary shows the same words.
                <caption>{caption.to_owned()}</caption>
                {sections}
            </table>
            </div>
            }
        </details>
    }
}
