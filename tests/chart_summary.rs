//! The chart's finding in words: who leads where, and who is best on given dimensions.

use open_vs_proprietary::model::chart_summary::{best_on, leads};
use open_vs_proprietary::model::content::default_content;

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
