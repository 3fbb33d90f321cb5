//! The embed contract is written down once per language, and the copies agree:
//! - event names: `WidgetEvent::NAMES` in Rust, `EVENTS` in `web/contract.mjs` (which
//!   embed.js bundles and `web/iframe.js` and the browser tests' harness import), and
//!   the README's events table;
//! - the element's attributes: `ATTRIBUTES` in `web/contract.mjs` and the README's
//!   attribute table;
//! - the view's hooks: what embed.js looks for is what the view renders.

use open_vs_proprietary::view::hooks;
use ovp_model::events::WidgetEvent;
use std::collections::BTreeSet;

fn read(file: &str) -> String {
    std::fs::read_to_string(format!("{}/{file}", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|err| panic!("{file}: {err}"))
}

/// Every single-quoted `'ovp:…'` string in the code of `source` (comments left out).
fn ovp_strings(source: &str) -> BTreeSet<String> {
    let code: String = source
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let source = code.as_str();
    source
        .match_indices("'ovp:")
        .filter_map(|(at, _)| {
            let text = &source[at + 1..];
            let end = text.find('\'')?;
            let name = &text[..end];
            name[4..]
                .chars()
                .all(|c| c.is_ascii_lowercase())
                .then(|| name.to_owned())
        })
        .collect()
}

/// The rows of the first Markdown table after `heading`, split into trimmed cells.
fn table_rows(markdown: &str, heading: &str) -> Vec<Vec<String>> {
    let from = markdown
        .find(heading)
        .unwrap_or_else(|| panic!("README.md has no `{heading}`"));
    markdown[from..]
        .lines()
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .skip(2) // the header and its rule
        .map(|line| {
            line.trim_matches('|')
                .split(" | ")
                .map(|cell| cell.trim().to_owned())
                .collect()
        })
        .collect()
}

/// web/contract.mjs, as node reads it: its events and attributes, in their order.
fn contract() -> serde_json::Value {
    let script = "const c = await import('./web/contract.mjs'); \
        console.log(JSON.stringify({ events: Object.entries(c.EVENTS), attributes: Object.entries(c.ATTRIBUTES) }));";
    let out = std::process::Command::new("node")
        .args(["--input-type=module", "-e", script])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("node (scripts/setup.sh installs it) reads web/contract.mjs");
    assert!(
        out.status.success(),
        "web/contract.mjs: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn contract_events() -> Vec<(String, String)> {
    contract()["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|pair| {
            let text = |i: usize| pair[i].as_str().unwrap().to_owned();
            (text(0), text(1))
        })
        .collect()
}

#[test]
fn the_contract_names_the_events_as_rust_does() {
    let events = contract_events();
    let names: Vec<&str> = events.iter().map(|(_, name)| name.as_str()).collect();
    assert_eq!(names, WidgetEvent::NAMES, "EVENTS in web/contract.mjs");
    for (key, name) in &events {
        assert_eq!(format!("ovp:{key}"), *name, "EVENTS.{key}");
    }
}

#[test]
fn nothing_else_spells_an_event_name() {
    let known: BTreeSet<String> = WidgetEvent::NAMES.iter().map(|n| n.to_string()).collect();
    // The contract spells each name once, in EVENTS; embed.js none.
    let contract = read("web/contract.mjs");
    for name in &known {
        assert_eq!(
            contract.matches(&format!("'{name}'")).count(),
            1,
            "web/contract.mjs spells {name} outside EVENTS"
        );
    }
    assert_eq!(ovp_strings(&read("web/embed.js")), BTreeSet::new());
    // iframe.js forwards EVENTS; its only own message type is its height.
    let iframe = read("web/iframe.js");
    assert!(iframe.contains("import { EVENTS, ATTRIBUTES } from './embed.js';"));
    assert_eq!(
        ovp_strings(&iframe),
        BTreeSet::from(["ovp:resize".to_owned()]),
        "web/iframe.js spells widget event names instead of using EVENTS"
    );
    // The harness (which records them in the page before embed.js loads) takes the list
    // from the contract.
    let harness = read("tests/browser/harness.mjs");
    assert!(harness.contains("import { EVENTS } from '../../web/contract.mjs';"));
    assert_eq!(ovp_strings(&harness), BTreeSet::new());
    // The README documents each one.
    let readme: Vec<String> = table_rows(&read("README.md"), "### Events")
        .into_iter()
        .map(|row| row[0].trim_matches('`').to_owned())
        .collect();
    assert_eq!(readme, WidgetEvent::NAMES, "README.md's events table");
}

/// The mount() option each attribute of the contract becomes, where it becomes one.
fn contract_options() -> Vec<String> {
    contract()["attributes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|pair| pair[1]["option"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn the_readme_attribute_table_is_the_one_written_from_the_contract() {
    let out = std::process::Command::new("node")
        .args(["scripts/attribute-table.mjs", "--check"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Every option an attribute becomes is a mount() option the README lists.
    let readme = read("README.md");
    let api = readme
        .split_once("### JavaScript API")
        .expect("README.md has a JavaScript API section")
        .1;
    for option in contract_options() {
        assert!(api.contains(&format!("`{option}`")), "{option}");
    }
}

#[test]
fn embed_js_finds_the_start_button_by_the_views_hook() {
    let embed = read("web/embed.js");
    assert!(
        embed.contains(&format!("const START = '{}';", hooks::START)),
        "web/embed.js looks for another Start than the view renders"
    );
    // Classes are for styling: no selector by class in the code that finds things.
    for selector in [".intro", "form.question", "closest('.", "querySelector('."] {
        assert!(
            !embed.contains(selector),
            "web/embed.js selects by class: {selector}"
        );
    }
}

#[test]
fn the_studio_opens_no_draft_larger_than_a_content_pack() {
    use ovp_model::content::MAX_CONTENT_BYTES;
    assert!(
        read("studio/share.js").contains(&format!(
            "export const MAX_DRAFT_BYTES = {MAX_CONTENT_BYTES};"
        )),
        "studio/share.js's MAX_DRAFT_BYTES is not ovp_model::content::MAX_CONTENT_BYTES"
    );
}
