//! Presentation helpers shared by several components. Numbers as the widget writes them: every score and contribution goes through here, so
//! the score list, both charts, both tables and the downloads round alike (`shown`: one
//! decimal, halves away from zero) and all use a true minus sign.

use ovp_model::content::Content;
use ovp_model::l10n::UiText;
use ovp_model::scoring::{rank, shown, Outcome};
use yew::prelude::*;

/// A score in the reader's digits: `8.3`, `−1.5` (`8,3` in Spanish, `٨٫٣` in Arabic).
pub fn points(value: f64, ui: &UiText) -> String {
    ui.number(&format!("{:.1}", shown(value)).replace('-', "−"))
}

/// A signed contribution: `+0.3`, `−1.5`, `+0.0`, in the reader's digits.
pub fn signed(value: f64, ui: &UiText) -> String {
    ui.number(&format!("{:+.1}", shown(value)).replace('-', "−"))
}

/// A whole number in the reader's digits.
pub fn whole(value: impl std::fmt::Display, ui: &UiText) -> String {
    ui.number(&value.to_string())
}

/// A large count the reader's way, in words ("12 million", "1200万"), or `short` for an
/// axis ("12M"): the browser's CLDR data in the Wasm, plain digits natively (tests and
/// prerendering).
pub fn count(value: f64, short: bool, ui: &UiText) -> String {
    #[cfg(target_arch = "wasm32")]
    return in_readers_digits(
        ovp_intl::format_number(&ui.cldr_language(), numbering_system(ui), value, "", short),
        ui,
    );
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = short;
        whole(value.round(), ui)
    }
}

/// A count of `unit` the reader's way ("510 million tokens a month"), joined as the
/// reader's language joins them (`UiText::count_with_unit`).
pub fn count_with_unit(value: f64, unit: &str, ui: &UiText) -> String {
    ui.count_with_unit(&count(value, false, ui), unit)
}

/// The CLDR numbering system of the digits the widget writes for the reader (the
/// language's, or the pack's `digits`), for the browser's number formats: a language's
/// own in `Intl` may differ (Arabic's is Latin digits there). A set CLDR does not name
/// here is formatted in Latin digits and mapped (`in_readers_digits`).
#[cfg(target_arch = "wasm32")]
fn numbering_system(ui: &UiText) -> &'static str {
    match ui.number("0").chars().next() {
        Some('٠') => "arab",
        Some('۰') => "arabext",
        Some('०') => "deva",
        Some('০') => "beng",
        Some('๐') => "thai",
        _ => "latn",
    }
}

/// `text` with any ASCII digit written in the reader's digits (a set `numbering_system`
/// does not name); separators stay as the browser wrote them.
#[cfg(target_arch = "wasm32")]
fn in_readers_digits(text: String, ui: &UiText) -> String {
    if ui.number("0") == "0" || !text.bytes().any(|b| b.is_ascii_digit()) {
        return text;
    }
    text.chars()
        .map(|c| match c {
            '0'..='9' => ui.number(c.encode_utf8(&mut [0; 4])),
            other => other.to_string(),
        })
        .collect()
}

/// An amount of money in `currency` (an ISO 4217 code) the reader's way ("$2,290",
/// "2290 US$"), or `short` for an axis ("$2.3K"); likewise.
pub fn money(value: f64, currency: &str, short: bool, ui: &UiText) -> String {
    #[cfg(target_arch = "wasm32")]
    return in_readers_digits(
        ovp_intl::format_number(
            &ui.cldr_language(),
            numbering_system(ui),
            value,
            currency,
            short,
        ),
        ui,
    );
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = short;
        format!("{currency} {}", whole(value.round(), ui))
    }
}

/// Answer indices ordered by how far their largest contribution reached either way,
/// largest first; equal ones keep question order. The contribution chart and its table
/// list answers in this order.
pub fn by_influence(outcome: &Outcome) -> Vec<usize> {
    let reach: Vec<f64> = outcome
        .contributions
        .iter()
        .map(|c| c.iter().fold(0.0_f64, |m, c| m.max(c.abs())))
        .collect();
    rank(&reach)
}

/// An approach's name as charts and tables write it: with the ruled-out mark after it
/// when the reader's answers ruled it out.
pub fn approach_label(name: &str, ruled_out: bool, ui: &UiText) -> String {
    if ruled_out {
        ui.marked(name, ui.ruled_out_mark())
    } else {
        name.to_owned()
    }
}

/// A column header per approach, its short name with the full name as a tooltip, in the
/// approach's series colour, marked when ruled out; both tables use it.
pub fn approach_headers(content: &Content, ui: &UiText, ruled_out: &[bool]) -> Html {
    let headers = content.approaches.iter().enumerate().map(|(a, approach)| {
        let out = ruled_out[a];
        html! {
            <th scope="col" class={classes!(format!("series-{a}"), out.then_some("ruled-out"))}>
                <abbr title={approach_label(&approach.name, out, ui)}>{approach.short_name()}</abbr>
                if out {
                    <span class="ruled-out-mark">{ui.marked("", ui.ruled_out_mark())}</span>
                }
            </th>
        }
    });
    html! { {for headers} }
}
