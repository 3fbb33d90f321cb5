//! The number question (`number`) and the cost model (`cost`), natively: bands at their
//! edges, the slider's scale, monthly costs against figures worked out by hand, break-even
//! points over random cost models, and the problems a pack's figures can have.

mod common;
use common::{built_in_json, problems};

use ovp_model::content::{Approach, Content};
use ovp_model::cost::{Assumptions, Bound, Costs, HOURS_PER_MONTH};
use proptest::prelude::*;
use serde_json::{json, Value};

/// A source and date, as every figure carries them.
fn sourced(low: f64, high: f64) -> Value {
    json!({ "low": low, "high": high, "date": "2026-06",
            "source": { "title": "A price tracker", "url": "https://example.com/prices" } })
}

/// The built-in pack with its usage question (`scale`) asking for tokens a month, from
/// ten thousand to a hundred billion, in three bands (occasional below 1e5, steady below
/// 1e7, in a product above), and two costed approaches: `open` on rented GPUs, and
/// `proprietary` through an API.
fn costed_pack() -> Value {
    let mut pack = built_in_json().clone();
    let usage = usage(&pack);
    pack["questions"][usage]["number"] = json!({
        "unit": "tokens a month", "min": 1e4, "max": 1e11, "scale": "log", "start": 1e7,
        "bands": [ { "option": "occasional", "below": 1e5 }, { "option": "steady", "below": 1e7 }, { "option": "product" } ],
    });
    pack["costs"] = json!({
        "question": "scale",
        "currency": "$",
        "approaches": {
            "open": { "fixed": sourced(100.0, 300.0),
                      "capacity": { "hourPrice": sourced(2.0, 4.0), "perSecond": sourced(1000.0, 3000.0),
                                    "utilisation": sourced(0.25, 0.75) } },
            "proprietary": { "perMillion": sourced(1.0, 3.0) },
        },
    });
    pack
}

/// The index of the usage question in `pack`.
fn usage(pack: &Value) -> usize {
    pack["questions"]
        .as_array()
        .unwrap()
        .iter()
        .position(|q| q["id"] == "scale")
        .expect("the built-in pack asks about usage")
}

fn content(pack: &Value) -> Content {
    Content::from_json(&pack.to_string()).unwrap_or_else(|e| panic!("{e:?}"))
}

fn costs(content: &Content) -> &Costs {
    content.costs.as_ref().unwrap()
}

fn approach(content: &Content, id: &str) -> usize {
    content.approaches.iter().position(|a| a.id == id).unwrap()
}

#[test]
fn monthly_costs_are_the_figures_worked_out_by_hand() {
    let content = content(&costed_pack());
    let costs = costs(&content);
    let (open, api) = (&costs.approaches["open"], &costs.approaches["proprietary"]);
    let estimate = Bound::Estimate(Assumptions::default());
    // A GPU a month: 730 hours; one serves per-second × utilisation × 2,628,000 seconds.
    for (cost, volume, bound, by_hand) in [
        // The API: its price per million, times a thousand million.
        (api, 1e9, Bound::Low, 1.0 * 1000.0),
        (api, 1e9, Bound::High, 3.0 * 1000.0),
        (api, 1e9, estimate, 2.0 * 1000.0),
        // Cheapest: one GPU serves 3000 × 0.75 × 2,628,000 = 5.913e9 tokens, at $2 an
        // hour, plus $100 fixed.
        (open, 1e9, Bound::Low, 2.0 * HOURS_PER_MONTH + 100.0),
        // Dearest: one serves 1000 × 0.25 × 2,628,000 = 6.57e8, so two GPUs at $4.
        (open, 1e9, Bound::High, 2.0 * 4.0 * HOURS_PER_MONTH + 300.0),
        // The estimate: 2000 × 0.5 × 2,628,000 = 2.628e9 a GPU, one at $3, $200 fixed.
        (open, 1e9, estimate, 3.0 * HOURS_PER_MONTH + 200.0),
        (open, 2.628e9, estimate, 3.0 * HOURS_PER_MONTH + 200.0),
        (open, 2.7e9, estimate, 2.0 * 3.0 * HOURS_PER_MONTH + 200.0),
        // Nothing used: the GPU kept running still costs its month.
        (open, 0.0, estimate, 3.0 * HOURS_PER_MONTH + 200.0),
        (api, 0.0, estimate, 0.0),
    ] {
        let got = cost.monthly(volume, bound);
        assert!(
            (got - by_hand).abs() < 1e-6,
            "{volume} {bound:?}: {got} against {by_hand}"
        );
    }
    // The reader's assumptions move the estimate within the ranges: GPUs kept busy at the
    // high end (0.75) and rented at the low ($2) serve 2000 × 0.75 × 2,628,000 = 3.942e9
    // tokens each.
    let busy = Bound::Estimate(Assumptions {
        utilisation: 1.0,
        hour_price: 0.0,
        ..Assumptions::default()
    });
    for (volume, gpus) in [(3.9e9, 1.0), (5e9, 2.0)] {
        assert!(
            (open.monthly(volume, busy) - (gpus * 2.0 * HOURS_PER_MONTH + 200.0)).abs() < 1e-6,
            "{volume}"
        );
    }
    let cheap_api = Bound::Estimate(Assumptions {
        per_million: 0.0,
        ..Assumptions::default()
    });
    assert!((api.monthly(5e9, cheap_api) - 5000.0).abs() < 1e-6);
}

#[test]
fn the_break_even_is_where_the_cheaper_approach_changes() {
    let content = content(&costed_pack());
    let found = costs(&content).break_evens(&content.approaches, 1e4, 1e11, Assumptions::default());
    // The API at $2 a million against one GPU's $2,390 a month: even at 1.195e9 tokens;
    // above it the API stays dearer (the GPUs add $2,190 per 2.628e9 tokens, $0.83 a million).
    assert_eq!(found.len(), 1, "{found:?}");
    let even = found[0];
    assert!((even.volume / 1.195e9 - 1.0).abs() < 1e-5, "{even:?}");
    assert_eq!(even.cheaper_below, approach(&content, "proprietary"));
    let mut pair = [even.approaches.0, even.approaches.1];
    pair.sort();
    let mut expected = [
        approach(&content, "open"),
        approach(&content, "proprietary"),
    ];
    expected.sort();
    assert_eq!(pair, expected);
}

#[test]
fn a_number_takes_its_band_s_option_at_every_edge() {
    let content = content(&costed_pack());
    let question = content.questions.iter().find(|q| q.id == "scale").unwrap();
    let number = question.number.as_ref().unwrap();
    let id = |value: f64| {
        question.options[number.option_for(value, &question.options).unwrap()]
            .id
            .as_str()
    };
    let ids = ["occasional", "steady", "product"];
    // Bands end below 1e5, 1e7, …: a number at a band's `below` is in the next band.
    for (k, option) in ids.iter().enumerate() {
        let below = 10f64.powi(5 + 2 * k as i32);
        let floor = if k == 0 {
            number.min
        } else {
            10f64.powi(3 + 2 * k as i32)
        };
        assert_eq!(id(floor), *option, "{floor}");
        if k + 1 < ids.len() {
            assert_eq!(id(below * (1.0 - 1e-12)), *option, "just below {below}");
            assert_eq!(id(below), ids[k + 1], "at {below}");
        }
    }
    assert_eq!(id(number.max), *ids.last().unwrap());
    // The slider: a log scale, each end where it should be, and back again.
    assert_eq!((number.position(1e4), number.position(1e11)), (0.0, 1.0));
    assert!((number.position(1e7) - 3.0 / 7.0).abs() < 1e-12);
    for position in [0.0, 0.1, 0.5, 0.93, 1.0] {
        assert!((number.position(number.value_at(position)) - position).abs() < 1e-9);
    }
    // Typed numbers out of range are held to it.
    assert_eq!(
        (
            number.clamp(1.0),
            number.clamp(1e20),
            number.clamp(f64::NAN)
        ),
        (1e4, 1e11, 1e7)
    );
    // A shared result knows the option, not the number: the middle of its band.
    assert!((number.typical(ids[1]).unwrap() / 1e6 - 1.0).abs() < 1e-9);
}

#[test]
fn problems_of_numbers_and_costs_name_where_they_are() {
    type Edit = (fn(&mut Value, usize), &'static str);
    let edits: [Edit; 9] = [
        (
            |p, q| p["questions"][q]["number"]["bands"][1]["below"] = json!(10),
            ".number.bands[1].below: 10 must be above 100000",
        ),
        (
            |p, q| p["questions"][q]["number"]["bands"][0]["option"] = json!("lots"),
            ".number.bands[0].option: \"lots\" is not an option of this question",
        ),
        (
            |p, q| p["questions"][q]["number"]["min"] = json!(0),
            ".number.min: must be above 0 on a log scale",
        ),
        (
            |p, q| p["questions"][q]["number"]["start"] = json!(1),
            ".number.start: 1 is outside min to max",
        ),
        (
            |p, q| {
                p["questions"][q]["number"]["bands"]
                    .as_array_mut()
                    .unwrap()
                    .pop();
            },
            ".number.bands[1].below: the last band takes every number above the others",
        ),
        (
            |p, _| p["costs"]["question"] = json!("budget"),
            "costs.question: \"budget\" is not a question that asks for a number; those are scale",
        ),
        (
            |p, _| p["costs"]["approaches"]["open"]["capacity"]["utilisation"]["high"] = json!(1.5),
            "costs.approaches.open.capacity.utilisation.high: 1.5 is out of range",
        ),
        (
            |p, _| p["costs"]["approaches"]["proprietary"]["perMillion"]["high"] = json!(0.5),
            "costs.approaches.proprietary.perMillion.high: 0.5 is out of range",
        ),
        (
            |p, _| p["costs"]["approaches"]["closed"] = json!({ "perMillion": sourced(1.0, 2.0) }),
            "costs.approaches.closed: \"closed\" is not an approach",
        ),
    ];
    for (edit, expected) in edits {
        let mut pack = costed_pack();
        let q = usage(&pack);
        edit(&mut pack, q);
        let found = problems(&pack.to_string());
        let expected = if expected.starts_with('.') {
            format!("questions[{q}]{expected}")
        } else {
            expected.to_owned()
        };
        assert!(
            found.iter().any(|p| p.starts_with(&expected)),
            "expected {expected:?} among {found:#?}"
        );
    }
}

/// Two to four approaches with random costs, each a mix of fixed, per-million and GPU
/// figures, as any pack might give them.
fn random_costs() -> impl Strategy<Value = (Vec<Approach>, Costs)> {
    let figure = |low: std::ops::Range<f64>| {
        (low, 1.0..3.0f64).prop_map(|(low, spread)| sourced(low, low * spread))
    };
    let cost = (
        proptest::option::of(figure(1.0..5000.0)),
        proptest::option::of(figure(0.05..20.0)),
        proptest::option::of((
            figure(0.5..8.0),
            figure(50.0..5000.0),
            (0.05..0.6f64),
            1u32..4,
        )),
    )
        .prop_filter("costs something", |(f, p, c)| {
            f.is_some() || p.is_some() || c.is_some()
        })
        .prop_map(|(fixed, per_million, capacity)| {
            let mut cost = json!({});
            if let Some(fixed) = fixed {
                cost["fixed"] = fixed;
            }
            if let Some(price) = per_million {
                cost["perMillion"] = price;
            }
            if let Some((hour, speed, busy, minimum)) = capacity {
                cost["capacity"] = json!({ "hourPrice": hour, "perSecond": speed,
                    "utilisation": sourced(busy, (busy * 1.5).min(1.0)), "minimum": minimum });
            }
            cost
        });
    proptest::collection::vec(cost, 2..=4).prop_map(|costs| {
        let approaches: Vec<Approach> = (0..costs.len())
            .map(|i| Approach {
                id: format!("a{i}"),
                name: format!("A{i}"),
                short_name: None,
                summary: "x".into(),
                steps: vec![],
            })
            .collect();
        let map: serde_json::Map<String, Value> = costs
            .into_iter()
            .enumerate()
            .map(|(i, c)| (format!("a{i}"), c))
            .collect();
        let costs: Costs =
            serde_json::from_value(json!({ "question": "q", "currency": "$", "approaches": map }))
                .unwrap();
        (approaches, costs)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// At every break-even point the cheaper of its two approaches changes, as it says;
    /// and between the range's ends each pair changes places once per point found.
    #[test]
    fn break_even_points_are_where_the_cheaper_changes((approaches, costs) in random_costs(), hour in 0.0..1.0f64, busy in 0.0..1.0f64, price in 0.0..1.0f64) {
        let assumptions = Assumptions { hour_price: hour, utilisation: busy, per_million: price };
        let bound = Bound::Estimate(assumptions);
        let (min, max) = (1e4, 1e11);
        let found = costs.break_evens(&approaches, min, max, assumptions);
        let cost = |a: usize, v: f64| costs.approaches[&approaches[a].id].monthly(v, bound);
        for even in &found {
            let (a, b) = even.approaches;
            let other = if even.cheaper_below == a { b } else { a };
            let below = even.volume * (1.0 - 2e-6);
            prop_assert!(cost(even.cheaper_below, below) < cost(other, below), "{even:?}");
            prop_assert!(cost(even.cheaper_below, even.volume) >= cost(other, even.volume), "{even:?}");
        }
        for a in 0..approaches.len() {
            for b in a + 1..approaches.len() {
                let crossings = found.iter().filter(|e| e.approaches == (a, b)).count();
                let sign = |v: f64| (cost(a, v) - cost(b, v)).signum();
                let (start, end) = (sign(min), sign(max));
                if start != 0.0 && end != 0.0 {
                    prop_assert_eq!(crossings % 2 == 1, start != end, "{} and {}: {:?}", a, b, found);
                }
            }
        }
    }
}
