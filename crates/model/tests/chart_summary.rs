//! The chart's finding in words: who leads where, and who is best on given dimensions.

use ovp_model::chart_summary::{best_on, chart_description, leads};
use ovp_model::content::default_content;
use ovp_model::l10n::{EN, ZH};

#[test]
fn every_lead_is_a_strict_top_rating_and_every_strict_top_is_listed() {
    let content = default_content().unwrap();
    let leads = leads(&content);
    assert!(!leads.is_empty());
    let approaches = content.approaches.len();
    for d in 0..content.dimensions.len() {
        let scores: Vec<f64> = (0..approaches)
            .map(|a| content.rating(d, a).score)
            .collect();
        let listed: Vec<usize> = leads
            .iter()
            .filter(|(_, dims)| dims.contains(&d))
            .map(|(a, _)| *a)
            .collect();
        let strict_top: Vec<usize> = (0..approaches)
            .filter(|&a| (0..approaches).all(|b| b == a || scores[a] > scores[b]))
            .collect();
        assert_eq!(listed, strict_top, "dimension {d}: {scores:?}");
    }
    // Approaches in content order, each once.
    assert!(leads.windows(2).all(|w| w[0].0 < w[1].0));
}

#[test]
fn best_on_takes_the_highest_mean_and_the_first_on_a_tie() {
    let content = default_content().unwrap();
    assert_eq!(best_on(&content, &[]), None);
    let all: Vec<usize> = (0..content.dimensions.len()).collect();
    for dims in [vec![0], vec![0, 1], all] {
        let (best, mean) = best_on(&content, &dims).unwrap();
        for a in 0..content.approaches.len() {
            let m = dims
                .iter()
                .map(|&d| content.rating(d, a).score)
                .sum::<f64>()
                / dims.len() as f64;
            assert!(
                m < mean || (m == mean && a >= best),
                "{dims:?}: {a} {m} vs {best} {mean}"
            );
        }
    }
}

#[test]
fn the_description_states_the_finding_in_the_readers_language() {
    let content = default_content().unwrap();
    let [data, quality, operations] = ["data", "quality", "operations"]
        .map(|id| content.dimensions.iter().position(|d| d.id == id).unwrap());
    let text = chart_description(&content, &EN, &[operations, quality]);
    assert!(text.starts_with(
        "Ratings from 1 (weak) to 5 (strong) for Open weights you run yourself, Open weights run by a host, Proprietary model from a vendor and Hybrid: open weights you run plus a vendor's model on 11 dimensions. "
    ), "{text}");
    // Every approach that alone leads somewhere is named with those dimensions.
    for (a, dimensions) in leads(&content) {
        let names: Vec<&str> = dimensions
            .iter()
            .map(|&d| content.dimensions[d].name.as_str())
            .collect();
        let sentence = format!(
            "{} rates highest on {}.",
            content.approaches[a].name,
            EN.list(&names)
        );
        assert!(text.contains(&sentence), "{sentence} missing from {text}");
    }
    // The reader's priorities, most important first, and the best approach on them:
    // Proprietary rates 5 on both (mean 5.0).
    assert!(text.contains(&format!(
        "Your answers made these matter most: {} and {}.",
        content.dimensions[operations].name, content.dimensions[quality].name
    )));
    assert!(
        text.ends_with(
            "On your priorities, Proprietary model from a vendor rates highest on average: 5.0 of 5."
        ),
        "{text}"
    );
    // Without priorities it says so and names no best approach.
    let none = chart_description(&content, &EN, &[]);
    assert!(
        none.ends_with("Your answers did not single out any dimension."),
        "{none}"
    );
    // On data and quality the self-run open model and the hybrid both average 4: the
    // first listed, in Chinese.
    let mixed = chart_description(&content, &ZH, &[data, quality]);
    assert!(mixed.contains("4.0 分（满分 5 分）"), "{mixed}");
}
