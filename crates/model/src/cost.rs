//! What each approach costs a month as a function of volume, from dated, sourced figures
//! in the pack, each a range: fixed costs, a price per million units of volume (an API's
//! price per million tokens), and capacity that must be rented to serve the volume (GPUs:
//! their hourly price, what one serves a second, and how busy it is kept).
//!
//! Every cost is worked out three ways: `Low` (every figure at its cheapest end), `High`
//! (at its dearest) and at the reader's assumptions (`Assumptions`, by default the middle
//! of each range), so a chart can draw the range as a band and the estimate as a line.
//! Where two approaches' estimates cross, the volume is a break-even point.

use super::content::Source;
use serde::Deserialize;
use std::collections::BTreeMap;

/// Hours in an average month (365 × 24 / 12): rented capacity runs all month.
pub const HOURS_PER_MONTH: f64 = 730.0;
/// Seconds in an average month.
pub const SECONDS_PER_MONTH: f64 = HOURS_PER_MONTH * 3600.0;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Costs {
    /// The id of the number question whose answer is the volume (tokens a month).
    pub question: String,
    /// The currency of every price, as a symbol or code shown before amounts: `$`.
    pub currency: String,
    /// Approach id to what it costs; an approach left out is not charted.
    pub approaches: BTreeMap<String, ApproachCost>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ApproachCost {
    /// What it costs a month whatever the volume (support, staff time, a licence).
    #[serde(default)]
    pub fixed: Option<Figure>,
    /// The price of a million units of volume (an API's price per million tokens).
    #[serde(default, rename = "perMillion")]
    pub per_million: Option<Figure>,
    /// Capacity rented to serve the volume, such as GPUs.
    #[serde(default)]
    pub capacity: Option<Capacity>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Capacity {
    /// The price of one unit (one GPU) an hour.
    #[serde(rename = "hourPrice")]
    pub hour_price: Figure,
    /// Units of volume one unit serves a second when fully busy (tokens a second).
    #[serde(rename = "perSecond")]
    pub per_second: Figure,
    /// The share of the time a unit is busy, above 0 and at most 1.
    pub utilisation: Figure,
    /// Units kept running even at the smallest volume (at least 1).
    #[serde(default = "one")]
    pub minimum: u32,
}

fn one() -> u32 {
    1
}

/// A figure as a range, with where it comes from and when.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub low: f64,
    pub high: f64,
    pub source: Source,
    /// When the figure was published or checked, as written (`2026-06`).
    pub date: String,
}

impl Figure {
    /// The figure at `at` (0: its low end, 1: its high end).
    fn at(&self, at: f64) -> f64 {
        self.low + (self.high - self.low) * at.clamp(0.0, 1.0)
    }
}

/// Where in their ranges the figures a reader may adjust are taken, each from 0 (the
/// range's low end) to 1 (its high end); 0.5 is the middle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assumptions {
    /// Every capacity unit's hourly price (GPU rent).
    pub hour_price: f64,
    /// How busy every capacity unit is kept.
    pub utilisation: f64,
    /// Every price per million units (API prices).
    pub per_million: f64,
}

impl Default for Assumptions {
    fn default() -> Self {
        Assumptions {
            hour_price: 0.5,
            utilisation: 0.5,
            per_million: 0.5,
        }
    }
}

/// Which monthly cost: the cheapest the ranges allow, the dearest, or the estimate at
/// the reader's assumptions (the other figures at the middle of their ranges).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Bound {
    Low,
    High,
    Estimate(Assumptions),
}

impl ApproachCost {
    /// What the approach costs a month at `volume` (units of volume a month).
    pub fn monthly(&self, volume: f64, bound: Bound) -> f64 {
        // Where in its range each figure is taken; for throughput and utilisation the
        // cheap end is the high one.
        let (fixed, hour, busy, million) = match bound {
            Bound::Low => (0.0, 0.0, 1.0, 0.0),
            Bound::High => (1.0, 1.0, 0.0, 1.0),
            Bound::Estimate(a) => (0.5, a.hour_price, a.utilisation, a.per_million),
        };
        let speed = match bound {
            Bound::Low => 1.0,
            Bound::High => 0.0,
            Bound::Estimate(_) => 0.5,
        };
        let volume = volume.max(0.0);
        let fixed_cost = self.fixed.as_ref().map_or(0.0, |f| f.at(fixed));
        let use_cost = self
            .per_million
            .as_ref()
            .map_or(0.0, |p| p.at(million) * volume / 1e6);
        let capacity_cost = self.capacity.as_ref().map_or(0.0, |c| {
            c.units(volume, c.per_second.at(speed), c.utilisation.at(busy))
                * c.hour_price.at(hour)
                * HOURS_PER_MONTH
        });
        fixed_cost + use_cost + capacity_cost
    }
}

impl Capacity {
    /// Units needed for `volume` a month, each serving `per_second` at `utilisation`.
    fn units(&self, volume: f64, per_second: f64, utilisation: f64) -> f64 {
        let per_unit = per_second * utilisation * SECONDS_PER_MONTH;
        let needed = if per_unit > 0.0 {
            (volume / per_unit).ceil()
        } else {
            f64::INFINITY
        };
        needed.max(f64::from(self.minimum.max(1)))
    }
}

/// Where two approaches' estimated monthly costs cross: below `volume` the first is the
/// cheaper, above it the second (or the other way round, as `cheaper_below` says).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BreakEven {
    /// Indices of the two approaches in the pack.
    pub approaches: (usize, usize),
    pub volume: f64,
    /// Which of the two is cheaper just below `volume`.
    pub cheaper_below: usize,
}

/// Samples of the volume range searched for crossings, on a log scale: fine enough that
/// two crossings closer than about 1% of the volume are the only ones that can be missed.
const SAMPLES: usize = 2000;

impl Costs {
    /// The costed approaches as (index in `approaches`, cost), in the pack's order.
    pub fn costed<'a>(
        &'a self,
        approaches: &'a [super::content::Approach],
    ) -> impl Iterator<Item = (usize, &'a ApproachCost)> + 'a {
        approaches
            .iter()
            .enumerate()
            .filter_map(|(i, a)| self.approaches.get(&a.id).map(|cost| (i, cost)))
    }

    /// Every volume between `min` and `max` (above 0) where two costed approaches'
    /// estimates cross, in order of volume.
    pub fn break_evens(
        &self,
        approaches: &[super::content::Approach],
        min: f64,
        max: f64,
        assumptions: Assumptions,
    ) -> Vec<BreakEven> {
        let costed: Vec<_> = self.costed(approaches).collect();
        let bound = Bound::Estimate(assumptions);
        let at = |k: usize| min * (max / min).powf(k as f64 / SAMPLES as f64);
        let mut found = Vec::new();
        for (x, (a, cost_a)) in costed.iter().enumerate() {
            for (b, cost_b) in &costed[x + 1..] {
                let gap = |v: f64| cost_a.monthly(v, bound) - cost_b.monthly(v, bound);
                let mut low = at(0);
                let mut low_gap = gap(low);
                for k in 1..=SAMPLES {
                    let high = at(k);
                    let high_gap = gap(high);
                    if low_gap != 0.0 && (high_gap == 0.0 || low_gap.signum() != high_gap.signum())
                    {
                        let volume = if high_gap == 0.0 {
                            high
                        } else {
                            bisect(&gap, low, high, low_gap)
                        };
                        found.push(BreakEven {
                            approaches: (*a, *b),
                            volume,
                            cheaper_below: if low_gap < 0.0 { *a } else { *b },
                        });
                    }
                    (low, low_gap) = (high, high_gap);
                }
            }
        }
        found.sort_by(|x, y| x.volume.total_cmp(&y.volume));
        found
    }
}

/// The volume between `low` and `high` where `gap` changes sign (`low_gap` is its sign
/// at `low`), to within a millionth of it: a cost may jump there (one more GPU), so this
/// is where the cheaper approach changes, not where the costs are equal.
fn bisect(gap: &impl Fn(f64) -> f64, mut low: f64, mut high: f64, low_gap: f64) -> f64 {
    while (high - low) > high * 1e-6 {
        let middle = (low + high) / 2.0;
        if gap(middle).signum() == low_gap.signum() {
            low = middle;
        } else {
            high = middle;
        }
    }
    high
}
