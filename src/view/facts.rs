//! The content's facts, each with its source and date, behind a disclosure (closed until
//! the reader opens it, open in print), and when the content was last checked against
//! its sources, which stays in view.

use ovp_model::content::Content;
use ovp_model::l10n::format_date;
use ovp_model::l10n::UiText;
use std::rc::Rc;
use yew::prelude::*;

/// Stands for the linked title in the source line's template, which then splits around it.
const LINK: &str = "\u{1}";

#[derive(Properties, PartialEq)]
pub struct FactsProps {
    pub content: Rc<Content>,
    pub ui: Rc<UiText>,
    /// Whether the disclosures hold their contents yet. The result adds them a paint
    /// after its charts; until then the closed disclosures show their summaries only.
    #[prop_or(true)]
    pub filled: bool,
}

#[component]
pub fn Facts(props: &FactsProps) -> Html {
    let FactsProps {
        content,
        ui,
        filled,
    } = props;
    if content.facts.is_empty() && content.reviewed.is_none() {
        return Html::default();
    }
    let items = content.facts.iter().map(|fact| {
        // The language's source line with the title's place kept for the link.
        let line = ui.fact_source(ui.source(), LINK, &format_date(&fact.date, ui));
        let (before, after) = line.split_once(LINK).unwrap_or((&line, ""));
        html! {
            <li>
                {&fact.text}
                <span class="source">
                    {format!(" {before}")}
                    // Validation admits only http(s) URLs here.
                    <a href={fact.source.url.clone()} rel="noopener noreferrer" target="_blank">{&fact.source.title}</a>
                    {after}
                </span>
            </li>
        }
    });
    html! {
        <section class="facts" part="facts" aria-labelledby="ovp-facts-heading">
            if content.facts.is_empty() {
                <h3 id="ovp-facts-heading">{ui.facts_heading()}</h3>
            } else {
                <details class="disclosure">
                    <summary id="ovp-facts-heading">{ui.facts_heading()}</summary>
                    if *filled {
                        <ul>{for items}</ul>
                    }
                </details>
            }
            if let Some(reviewed) = &content.reviewed {
                <p class="reviewed">{ui.content_reviewed(&format_date(reviewed, ui))}</p>
            }
        </section>
    }
}
