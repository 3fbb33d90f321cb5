//! The comparison chart's main finding in words, for its description: which approach
//! alone rates highest on which dimensions, and which rates best on the reader's
//! priorities. Screen reader users get the point of the chart without reading every bar.

use super::content::{Content, RATING_MAX};
use super::l10n::UiText;
use super::scoring::shown;

/// Each approach that alone rates highest on at least one dimension, with those
/// dimensions, both in content order. Dimensions where the top rating is shared are left
/// out: no single approach leads there.
pub fn leads(content: &Content) -> Vec<(usize, Vec<usize>)> {
    let mut led_by: Vec<Vec<usize>> = vec![Vec::new(); content.approaches.len()];
    for d in 0..content.dimensions.len() {
        let scores: Vec<f64> = (0..content.approaches.len())
            .map(|a| content.rating(d, a).score)
            .collect();
        let best = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let top: Vec<usize> = (0..scores.len()).filter(|&a| scores[a] == best).collect();
        if let [leader] = top[..] {
            led_by[leader].push(d);
        }
    }
    led_by
        .into_iter()
        .enumerate()
        .filter(|(_, dimensions)| !dimensions.is_empty())
        .collect()
}

/// The approach with the highest mean rating over `dimensions`, with that mean; the one
/// listed first on a tie. `None` when there are no dimensions.
pub fn best_on(content: &Content, dimensions: &[usize]) -> Option<(usize, f64)> {
    if dimensions.is_empty() {
        return None;
    }
    let mean = |a: usize| {
        dimensions
            .iter()
            .map(|&d| content.rating(d, a).score)
            .sum::<f64>()
            / dimensions.len() as f64
    };
    (0..content.approaches.len()).map(|a| (a, mean(a))).fold(
        None,
        |best: Option<(usize, f64)>, (a, m)| match best {
            Some((_, b)) if b >= m => best,
            _ => Some((a, m)),
        },
    )
}

/// The chart's description for screen readers: what it shows, which approach alone
/// rates highest where, the reader's `priorities` (dimension indices, most important
/// first) and which approach rates best on them.
pub fn chart_description(content: &Content, ui: &UiText, priorities: &[usize]) -> String {
    let names = |dimensions: &[usize]| -> String {
        let names: Vec<&str> = dimensions
            .iter()
            .map(|&d| content.dimensions[d].name.as_str())
            .collect();
        ui.list(&names)
    };
    let approaches: Vec<&str> = content.approaches.iter().map(|a| a.name.as_str()).collect();
    let mut text = ui.chart_description(
        &ui.list(&approaches),
        &ui.number(&content.dimensions.len().to_string()),
    );
    let mut add = |sentence: &str| {
        text.push(' ');
        text.push_str(sentence);
    };
    for (a, dimensions) in leads(content) {
        add(&ui.chart_leads(&content.approaches[a].name, &names(&dimensions)));
    }
    if priorities.is_empty() {
        add(ui.chart_no_priorities());
    } else {
        add(&ui.chart_priorities(&names(priorities)));
    }
    if let Some((a, mean)) = best_on(content, priorities) {
        add(&ui.chart_priority_best(
            &content.approaches[a].name,
            &ui.number(&format!("{:.1}", shown(mean))),
            &ui.number(&RATING_MAX.to_string()),
        ));
    }
    text
}
