//! WCAG contrast of the theme's colour pairs, read from `styles/widget.css`: the
//! `--ovp-*-default` custom properties of `:host`, each written once as its light and
//! its dark value (`var(--_if-light, L) var(--_if-dark, D)`). Text needs 4.5:1 against
//! what it sits on; bars, outlines and the focus ring need 3:1.

use std::collections::BTreeMap;

const CSS: &str = include_str!("../styles/widget.css");

/// Text colour on background, each used in the widget; ratio 4.5.
const TEXT_PAIRS: &[(&str, &str, &str)] = &[
    ("fg", "bg", "body text, chart labels and values"),
    ("muted", "bg", "step count, hints, axis labels, sources"),
    (
        "accent",
        "bg",
        "links, secondary buttons, the disclosures' summaries",
    ),
    ("accent-fg", "accent", "primary buttons"),
    ("error", "bg", "the missing-answer alert"),
    ("fg", "surface", "a chosen option's label"),
    (
        "fg",
        "priority",
        "the reader's priorities in the table and the chart",
    ),
];

/// Non-text marks on background; ratio 3.
const MARK_PAIRS: &[(&str, &str, &str)] = &[
    (
        "accent",
        "bg",
        "focus ring, button borders, chosen option border",
    ),
    ("accent", "surface", "chosen option's inner border"),
];

/// Series colours (bars, outlines, pattern marks) and what they are drawn on; ratio 3.
const SERIES: usize = 6;
const SERIES_GROUNDS: &[(&str, &str)] = &[
    ("bg", "chart and score bars"),
    ("surface", "score bar track"),
    ("priority", "chart priority band"),
];

type Palette = BTreeMap<String, (f64, f64, f64)>;

/// The light or the dark palette of `css`'s `:host` block.
fn palette(css: &str, theme: Theme) -> Palette {
    let start = css.find(":host {").expect("a `:host` block in widget.css");
    let block = &css[start..];
    let block = &block[..block.find('}').expect("block closes")];
    block
        .lines()
        .filter_map(|line| {
            let line = line.trim().strip_prefix("--ovp-")?;
            let (name, value) = line.split_once(':')?;
            let name = name.strip_suffix("-default")?;
            let value = value.trim().trim_end_matches(';');
            let (light, dark) = value
                .strip_prefix("var(--_if-light, ")
                .and_then(|rest| rest.split_once(") var(--_if-dark, "))
                .and_then(|(light, rest)| Some((light, rest.strip_suffix(')')?)))
                .unwrap_or_else(|| panic!("--ovp-{name}-default is not `var(--_if-light, L) var(--_if-dark, D)`: {value}"));
            let colour = match theme {
                Theme::Light => light,
                Theme::Dark => dark,
            };
            Some((name.to_owned(), hex(colour)))
        })
        .collect()
}

#[derive(Clone, Copy)]
enum Theme {
    Light,
    Dark,
}

fn hex(value: &str) -> (f64, f64, f64) {
    let digits = value
        .strip_prefix('#')
        .unwrap_or_else(|| panic!("{value}: not a hex colour"));
    let digits: String = match digits.len() {
        3 => digits.chars().flat_map(|c| [c, c]).collect(),
        6 => digits.to_owned(),
        _ => panic!("{value}: not a hex colour"),
    };
    let channel = |i: usize| u8::from_str_radix(&digits[i..i + 2], 16).unwrap() as f64 / 255.0;
    (channel(0), channel(2), channel(4))
}

fn luminance((r, g, b): (f64, f64, f64)) -> f64 {
    let linear = |c: f64| {
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

fn ratio(a: (f64, f64, f64), b: (f64, f64, f64)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Every pair the widget relies on, as (fg, bg, minimum, use).
fn pairs() -> Vec<(String, String, f64, String)> {
    let mut pairs = Vec::new();
    for (fg, bg, use_) in TEXT_PAIRS {
        pairs.push((fg.to_string(), bg.to_string(), 4.5, use_.to_string()));
    }
    for (fg, bg, use_) in MARK_PAIRS {
        pairs.push((fg.to_string(), bg.to_string(), 3.0, use_.to_string()));
    }
    for s in 0..SERIES {
        for (bg, use_) in SERIES_GROUNDS {
            pairs.push((format!("series-{s}"), bg.to_string(), 3.0, use_.to_string()));
        }
    }
    pairs
}

/// Each pair below its minimum, described; and a line per pair for the log.
fn check(palette: &Palette, theme: &str) -> (Vec<String>, Vec<String>) {
    let colour = |name: &str| {
        *palette
            .get(name)
            .unwrap_or_else(|| panic!("{theme}: --ovp-{name}-default is missing"))
    };
    let (mut failures, mut log) = (Vec::new(), Vec::new());
    for (fg, bg, minimum, use_) in pairs() {
        let r = ratio(colour(&fg), colour(&bg));
        let line = format!("{theme}: {fg} on {bg} {r:.2}:1 (needs {minimum}; {use_})");
        if r < minimum {
            failures.push(line.clone());
        }
        log.push(line);
    }
    (failures, log)
}

fn light() -> Palette {
    palette(CSS, Theme::Light)
}

fn dark() -> Palette {
    palette(CSS, Theme::Dark)
}

#[test]
fn every_theme_colour_pair_meets_its_wcag_contrast_minimum() {
    let mut failures = Vec::new();
    for (theme, palette) in [("light", light()), ("dark", dark())] {
        let (failed, log) = check(&palette, theme);
        for line in log {
            println!("{line}");
        }
        failures.extend(failed);
    }
    assert!(
        failures.is_empty(),
        "below WCAG minimum:\n{}",
        failures.join("\n")
    );
}

/// The declarations of the first `selector {` block after `from` in widget.css.
fn block_after(from: &str, selector: &str) -> Vec<String> {
    let after = &CSS[CSS.find(from).unwrap_or_else(|| panic!("no {from}"))..];
    let start = after
        .find(&format!("{selector} {{"))
        .unwrap_or_else(|| panic!("no `{selector}` block"));
    let block = &after[start + selector.len() + 2..];
    block[..block.find('}').unwrap()]
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_dark_palette_is_switched_on_the_same_way_forced_or_from_the_system_setting() {
    let switched_on = [
        "--_if-light: ;",
        "--_if-dark: initial;",
        "color-scheme: dark;",
    ];
    assert_eq!(
        block_after(
            "@media (prefers-color-scheme: dark)",
            r#":host(:not([theme="light"]))"#
        ),
        switched_on
    );
    assert_eq!(
        block_after(":host(", r#":host([theme="dark"])"#),
        switched_on
    );
    // Light by default: its switch on, the dark one off.
    let host = block_after("", ":host");
    assert!(
        host.contains(&"--_if-light: initial;".to_owned()),
        "{host:?}"
    );
    assert!(host.contains(&"--_if-dark: ;".to_owned()), "{host:?}");
    assert_eq!(
        light().keys().collect::<Vec<_>>(),
        dark().keys().collect::<Vec<_>>()
    );
    assert!(light().len() >= 9 + SERIES);
}

#[test]
fn a_low_contrast_colour_is_caught() {
    // The same stylesheet with body text turned light grey and a series colour pale.
    let css = CSS
        .replacen(
            "--ovp-fg-default: var(--_if-light, #1b1d22)",
            "--ovp-fg-default: var(--_if-light, #999999)",
            1,
        )
        .replacen(
            "--ovp-series-1-default: var(--_if-light, #6247d6)",
            "--ovp-series-1-default: var(--_if-light, #c8bff5)",
            1,
        );
    assert_ne!(
        css, CSS,
        "the light palette's colours changed; update this test"
    );
    let (failures, _) = check(&palette(&css, Theme::Light), "altered");
    assert!(
        failures.iter().any(|f| f.contains("fg on bg")),
        "{failures:?}"
    );
    assert!(
        failures.iter().any(|f| f.contains("series-1 on bg")),
        "{failures:?}"
    );
    assert!((ratio(hex("#000"), hex("#fff")) - 21.0).abs() < 1e-9);
    assert!((ratio(hex("#777777"), hex("#ffffff")) - 4.48).abs() < 0.01);
}
