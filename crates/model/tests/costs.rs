//! The cost model (`ovp_model::cost`) and the number question (`ovp_model::number`):
//! monthly costs against figures worked out by hand, break-even points over random cost
//! models, the bands of a number question at their edges, and the built-in packs' cost
//! ratings and volume question held to what their cost chart shows.

mod common;

use common::{built_in_json, content};
use ovp_model::content::{default_content, Content};
use ovp_model::cost::{Assumptions, Bound, Costs, HOURS_PER_MONTH, SECONDS_PER_MONTH};
use proptest::prelude::*;
use serde_json::{json, Value};

/// The built-in pack with its cost model replaced by `terms` (approach, kind, low, high).
fn with_terms(terms: &[(&str, &str, f64, f64)]) -> Content {
    let mut pack = built_in_json().clone();
    pack["costs"]["terms"] = Value::Array(
        terms
            .iter()
            .map(|(approach, kind, low, high)| {
                json!({ "approach": approach, "kind": kind, "low": low, "high": high, "fact": "token-prices" })
            })
            .collect(),
    );
    content(&pack)
}

fn costs(content: &Content) -> &Costs {
    content.costs.as_ref().expect("the pack has a cost model")
}

fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() <= expected.abs() * 1e-9 + 1e-9
}

#[test]
fn monthly_costs_match_the_figures_worked_out_by_hand() {
    let pack = with_terms(&[
        ("open", "fixed", 100.0, 300.0),
        ("open", "unitHour", 2.0, 4.0),
        ("open", "unitPerSecond", 500.0, 1000.0),
        ("open", "utilisation", 0.25, 0.5),
        ("proprietary", "perMillion", 5.0, 15.0),
    ]);
    let c = costs(&pack);
    // A month is 730 hours, 2,628,000 seconds.
    assert_eq!(HOURS_PER_MONTH, 730.0);
    assert_eq!(SECONDS_PER_MONTH, 2_628_000.0);
    // Cheapest: one GPU serves 1000 × 0.5 × 2,628,000 = 1,314,000,000 tokens a month.
    // 2 billion tokens need 2 GPUs: 100 + 2 × 2 × 730 = 3,020.
    assert!(close(c.monthly("open", 2e9, Bound::Low), 3_020.0));
    // Dearest: 500 × 0.25 × 2,628,000 = 328,500,000 a GPU, so 7 GPUs for 2 billion:
    // 300 + 7 × 4 × 730 = 20,740.
    assert!(close(c.monthly("open", 2e9, Bound::High), 20_740.0));
    // At the middle of every range: 750 × 0.375 × 2,628,000 = 739,125,000 a GPU, 3 GPUs:
    // 200 + 3 × 3 × 730 = 6,770.
    let middle = Bound::Estimate(Assumptions::default());
    assert!(close(c.monthly("open", 2e9, middle), 6_770.0));
    // However little the volume, one GPU runs all month: 200 + 3 × 730 = 2,390.
    assert!(close(c.monthly("open", 1.0, middle), 2_390.0));
    // GPU rent at its dearest and the GPUs at their busiest, the rest at the middle:
    // 750 × 0.5 × 2,628,000 = 985,500,000 a GPU, 3 GPUs: 200 + 3 × 4 × 730 = 8,960.
    let adjusted = Bound::Estimate(Assumptions {
        unit_hour: 1.0,
        utilisation: 1.0,
        per_million: 0.5,
    });
    assert!(close(c.monthly("open", 2e9, adjusted), 8_960.0));
    // By the token: 2,000 million tokens at $5, $15 and $10.
    assert!(close(c.monthly("proprietary", 2e9, Bound::Low), 10_000.0));
    assert!(close(c.monthly("proprietary", 2e9, Bound::High), 30_000.0));
    assert!(close(c.monthly("proprietary", 2e9, middle), 20_000.0));
    // An approach with no terms costs nothing and is not charted.
    assert_eq!(c.monthly("hybrid", 2e9, middle), 0.0);
    let charted: Vec<&str> = c
        .costed(&pack.approaches)
        .iter()
        .map(|&a| pack.approaches[a].id.as_str())
        .collect();
    assert_eq!(charted, ["open", "proprietary"]);
}

#[test]
fn the_break_even_of_a_gpu_and_a_price_per_token_is_where_the_hand_sum_says() {
    // One GPU at 2,190 a month (3 × 730) that serves 10 billion tokens, against $10 a
    // million: equal at 219 million tokens a month.
    let pack = with_terms(&[
        ("open", "unitHour", 3.0, 3.0),
        (
            "open",
            "unitPerSecond",
            10e9 / SECONDS_PER_MONTH,
            10e9 / SECONDS_PER_MONTH,
        ),
        ("open", "utilisation", 1.0, 1.0),
        ("proprietary", "perMillion", 10.0, 10.0),
    ]);
    let c = costs(&pack);
    let found = c.break_evens(&pack, 1e5, 1e11, Bound::Estimate(Assumptions::default()));
    // Above 10 billion a second GPU joins, and the per-token price, at 100,000 a month by
    // then, stays dearer: one crossing only.
    assert_eq!(found.len(), 1, "{found:?}");
    let proprietary = pack.approach_index("proprietary").unwrap();
    assert!(
        (found[0].volume - 219e6).abs() < 219e6 * 1e-5,
        "{}",
        found[0].volume
    );
    assert_eq!(found[0].cheaper_below, proprietary);
}

/// A random cost model for the built-in pack's open, open-hosted and proprietary
/// approaches: some fixed costs, prices per million, and rented capacity.
fn cost_terms() -> impl Strategy<Value = Vec<(&'static str, &'static str, f64, f64)>> {
    let range =
        |low: f64, high: f64| (low..high, 1.0..3.0f64).prop_map(|(l, spread)| (l, l * spread));
    (
        proptest::option::of(range(10.0, 5000.0)),
        range(0.5, 8.0),
        range(50.0, 3000.0),
        (0.1..0.5f64, 1.0..2.0f64).prop_map(|(l, s)| (l, (l * s).min(1.0))),
        range(0.1, 3.0),
        range(2.0, 40.0),
    )
        .prop_map(|(fixed, hour, speed, busy, hosted, vendor)| {
            let mut terms = vec![
                ("open", "unitHour", hour.0, hour.1),
                ("open", "unitPerSecond", speed.0, speed.1),
                ("open", "utilisation", busy.0, busy.1),
                ("open-hosted", "perMillion", hosted.0, hosted.1),
                ("proprietary", "perMillion", vendor.0, vendor.1),
            ];
            if let Some(fixed) = fixed {
                terms.push(("open-hosted", "fixed", fixed.0, fixed.1));
            }
            terms
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// At every break-even found, the one named cheaper below is cheaper just below it,
    /// the other is cheaper just above it, and the other stays no dearer from there to
    /// the top of the range.
    #[test]
    fn break_evens_are_where_the_cheaper_approach_changes_for_good(
        terms in cost_terms(),
        unit_hour in 0.0..=1.0f64,
        utilisation in 0.0..=1.0f64,
        per_million in 0.0..=1.0f64,
    ) {
        let pack = with_terms(&terms);
        let c = costs(&pack);
        let bound = Bound::Estimate(Assumptions { unit_hour, utilisation, per_million });
        let (min, max) = (1e5, 1e11);
        let cost = |a: usize, v: f64| c.monthly(&pack.approaches[a].id, v, bound);
        let found = c.break_evens(&pack, min, max, bound);
        for pair in found.windows(2) {
            prop_assert!(pair[0].volume <= pair[1].volume);
        }
        for even in &found {
            let (a, b) = even.approaches;
            let above = if even.cheaper_below == a { b } else { a };
            prop_assert!(even.volume > min && even.volume <= max, "{even:?}");
            let below_volume = even.volume * (1.0 - 1e-5);
            prop_assert!(cost(even.cheaper_below, below_volume) <= cost(above, below_volume), "{even:?}");
            // From the break-even up, at the volumes the search samples (a thousand steps
            // over the range, on a log scale), the other is never dearer: crossings closer
            // together than one step are the ones it may miss.
            for k in 0..=1000 {
                let v = min * (max / min).powf(k as f64 / 1000.0);
                if v > even.volume * (1.0 + 1e-5) {
                    prop_assert!(cost(above, v) <= cost(even.cheaper_below, v), "{even:?} at {v}");
                }
            }
        }
        // Two costed approaches whose cheaper one differs at the two ends of the range
        // have a break-even between them.
        let costed = c.costed(&pack.approaches);
        for (i, &a) in costed.iter().enumerate() {
            for &b in &costed[i + 1..] {
                let at_min = cost(a, min) < cost(b, min);
                let at_max = cost(a, max) < cost(b, max);
                let strictly = cost(a, min) != cost(b, min) && cost(a, max) != cost(b, max);
                if strictly && at_min != at_max {
                    prop_assert!(found.iter().any(|e| e.approaches == (a, b)), "{a} and {b} cross, none found");
                }
            }
        }
    }
}

#[test]
fn a_number_question_s_bands_meet_at_their_edges() {
    let content = default_content().unwrap();
    let question = content
        .questions
        .iter()
        .find(|q| q.number.is_some())
        .unwrap();
    let number = question.number.as_ref().unwrap();
    let options = &question.options;
    for (o, option) in options.iter().enumerate() {
        if let Some(below) = option.below {
            // Just under the edge is this band; the edge itself is the next one.
            assert_eq!(number.option_for(below * (1.0 - 1e-12), options), o);
            assert_eq!(number.option_for(below, options), o + 1);
        }
        // The number that stands for a band (a share link's) falls in it.
        assert_eq!(number.option_for(number.typical(o, options), options), o);
    }
    // The ends of the range, and beyond them, held to it.
    assert_eq!(number.option_for(number.min, options), 0);
    assert_eq!(number.option_for(number.max, options), options.len() - 1);
    assert_eq!(number.clamp(number.min / 10.0), number.min);
    assert_eq!(number.clamp(number.max * 10.0), number.max);
    assert_eq!(number.clamp(f64::NAN), number.start);
    // The slider's ends, and its positions turned back into numbers.
    assert_eq!(number.position(number.min), 0.0);
    assert_eq!(number.position(number.max), 1.0);
    for k in 0..=20 {
        let position = k as f64 / 20.0;
        let value = number.value_at(position);
        assert!(
            (number.position(value) - position).abs() < 1e-9,
            "{position}"
        );
        // Rounded to two significant figures, never out of range.
        let rounded = number.rounded_at(position);
        assert!(rounded >= number.min && rounded <= number.max);
        assert!(
            (rounded - value).abs() <= value * 0.05 + 1e-9,
            "{rounded} for {value}"
        );
    }
}

/// For each built-in pack: over the volume question's bands, the estimate at the middle
/// of every figure ranks the charted approaches as the cost dimension ("cheap at high
/// volume") rates them wherever the question gives cost a priority: across the whole
/// band that weighs it most, and at the top of any band that weighs it at all. A band
/// whose volumes the ratings do not describe gives cost no priority.
#[test]
fn the_cost_ratings_and_the_volume_question_agree_with_the_cost_chart() {
    for name in ["en.json", "es.json", "ar.json", "zh.json"] {
        let pack = content(&serde_json::from_str(&common::shipped(name)).unwrap());
        let c = costs(&pack);
        let question = pack.questions.iter().find(|q| q.id == c.question).unwrap();
        let number = question.number.as_ref().unwrap();
        let cost = pack.dimensions.iter().position(|d| d.id == "cost").unwrap();
        let estimate = Bound::Estimate(Assumptions::default());
        let monthly = |a: usize, v: f64| c.monthly(&pack.approaches[a].id, v, estimate);
        let charted = c.costed(&pack.approaches);
        // Pairs the ratings order: (rated higher, rated lower).
        let ordered: Vec<(usize, usize)> = charted
            .iter()
            .flat_map(|&x| charted.iter().map(move |&y| (x, y)))
            .filter(|&(x, y)| pack.rating(cost, x).score > pack.rating(cost, y).score)
            .collect();
        assert!(
            !ordered.is_empty(),
            "{name}: the ratings order no charted approaches"
        );
        let holds_at = |v: f64| ordered.iter().all(|&(x, y)| monthly(x, v) <= monthly(y, v));
        let weight = |o: usize| {
            question.options[o]
                .priorities
                .get("cost")
                .copied()
                .unwrap_or(0.0)
        };
        let heaviest = (0..question.options.len()).map(weight).fold(0.0, f64::max);
        assert!(
            heaviest > 0.0,
            "{name}: the volume question never weighs cost"
        );
        for o in 0..question.options.len() {
            let low = if o == 0 {
                number.min
            } else {
                question.options[o - 1].below.unwrap()
            };
            let high = question.options[o].below.unwrap_or(number.max);
            let samples: Vec<f64> = (0..=100)
                .map(|k| low * (high / low).powf(k as f64 / 100.0))
                .collect();
            let id = &question.options[o].id;
            if weight(o) == heaviest {
                assert!(
                    samples.iter().all(|&v| holds_at(v)),
                    "{name}: {id} weighs cost most, and the chart disagrees with the ratings in it"
                );
            }
            if weight(o) > 0.0 {
                assert!(
                    holds_at(high * (1.0 - 1e-9)),
                    "{name}: {id} weighs cost, and at its top the chart disagrees with the ratings"
                );
            }
            if !samples.iter().any(|&v| holds_at(v)) {
                assert_eq!(
                    weight(o),
                    0.0,
                    "{name}: {id} weighs cost where the chart never agrees with the ratings"
                );
            }
        }
    }
}

/// The English rating reasons quote the chart's own figures: one rented GPU's month at
/// the middle of the figures, and the volume above which rented GPUs stay cheaper than
/// the vendor's per-token price (one GPU is cheaper from about 255 million, but a second
/// is needed from about 434 million, and the two cost more until about 510 million).
#[test]
fn the_rating_reasons_quote_the_cost_chart_s_figures() {
    let pack = default_content().unwrap();
    let c = costs(&pack);
    let estimate = Bound::Estimate(Assumptions::default());
    let reason = &pack
        .rating(
            pack.dimensions.iter().position(|d| d.id == "cost").unwrap(),
            pack.approach_index("open").unwrap(),
        )
        .reason;
    let one_gpu = c.monthly("open", 1.0, estimate);
    assert!(reason.contains("about $2,550 a month"), "{reason}");
    assert!(
        (one_gpu - 2_550.0).abs() < 2_550.0 * 0.01,
        "one GPU's month is {one_gpu}"
    );
    assert!(
        reason.contains("above about 510 million tokens a month"),
        "{reason}"
    );
    let (open, proprietary) = (
        pack.approach_index("open").unwrap(),
        pack.approach_index("proprietary").unwrap(),
    );
    let even = c
        .break_evens(&pack, 1e5, 1e11, estimate)
        .into_iter()
        .find(|e| e.approaches == (open, proprietary) || e.approaches == (proprietary, open))
        .expect("a break-even of the self-run model and the vendor's");
    assert!(
        (even.volume - 510e6).abs() < 510e6 * 0.05,
        "the break-even is at {}",
        even.volume
    );
}

/// The built-in figures agree with a published break-even, not only with themselves:
/// The Neural Base, the source of the utilisation figure, puts the volume above which
/// self-hosting a model beats an API at typically 500 million to 2 billion tokens a
/// month. Throughputs quoted for a 70B model on one H100 differ about fivefold (a few
/// hundred to 2,500 tokens a second, with the batch size and the precision measured
/// under); the built-in 300 to 800 at 20% to 40% use lands the estimate (the volume
/// above which rented GPUs stay cheaper, about 510 million) just inside that range,
/// where 1,500 to 2,500 at the same use would put it at about 255 million, below it.
/// Figures that move it out fail here on purpose: the reasons that quote it, and the
/// sources, then need another look.
#[test]
fn the_self_run_break_even_is_within_the_published_range() {
    let pack = default_content().unwrap();
    let (open, proprietary) = (
        pack.approach_index("open").unwrap(),
        pack.approach_index("proprietary").unwrap(),
    );
    let even = costs(&pack)
        .break_evens(&pack, 1e5, 1e11, Bound::Estimate(Assumptions::default()))
        .into_iter()
        .find(|e| e.approaches == (open, proprietary) || e.approaches == (proprietary, open))
        .expect("a break-even of the self-run model and the vendor's");
    assert!(
        (500e6..=2e9).contains(&even.volume),
        "the estimated break-even, {} tokens a month, is outside the published 500 million to 2 billion",
        even.volume
    );
}
