//! What each approach costs a month as a function of volume (the answer to a number
//! question), from the pack's terms: each a range (low, high) sourced by one of the
//! pack's facts, which gives its source and date. A term is one of
//!
//! - `fixed`: a month, whatever the volume (support, a licence);
//! - `perMillion`: the price of a million units of volume (an API's price per million
//!   tokens);
//! - `unitHour`: the hourly price of one unit of capacity kept running (a rented GPU);
//! - `unitPerSecond`: the volume one unit serves a second when busy (tokens a second);
//! - `utilisation`: the share of the time a unit is busy (above 0, at most 1).
//!
//! Capacity (the last three together) is rented in whole units, at least one. Every cost
//! is worked out at the cheap end of every range, at the dear end, and at the reader's
//! assumptions (by default the middle of each range), so a chart can draw the range as a
//! band and the estimate as a line. Where two approaches' estimates cross, the volume is
//! a break-even point.
//!
//! The kinds are strings checked with the rest of the pack, and the terms one flat list,
//! so the Wasm carries one small deserializer for all of it.

use super::content::{Approach, Content};
use serde::Deserialize;

/// Hours in an average month (365 × 24 / 12): rented capacity runs all month.
pub const HOURS_PER_MONTH: f64 = 730.0;
/// Seconds in an average month.
pub const SECONDS_PER_MONTH: f64 = HOURS_PER_MONTH * 3600.0;
/// The kinds of term, as a pack writes them.
pub const KINDS: [&str; 5] = [
    "fixed",
    "perMillion",
    "unitHour",
    "unitPerSecond",
    "utilisation",
];

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Costs {
    /// The id of the question that asks for the volume; it must ask for a number.
    pub question: String,
    /// The currency of every amount, as its ISO 4217 code (`USD`); each language writes
    /// it its own way ("$2,290", "2290 US$").
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^[A-Z]{3}$")))]
    pub currency: String,
    /// What each approach's monthly cost is made of. An approach with no terms is not
    /// charted.
    pub terms: Vec<Term>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The id of the approach it is a cost of.
    pub approach: String,
    /// `fixed`, `perMillion`, `unitHour`, `unitPerSecond` or `utilisation`.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(regex(pattern = r"^(fixed|perMillion|unitHour|unitPerSecond|utilisation)$"))
    )]
    pub kind: String,
    /// The cheapest end of the range (for `unitPerSecond` and `utilisation`, the
    /// smallest number: the dearest for the approach).
    pub low: f64,
    /// The dearest end of the range (for `unitPerSecond` and `utilisation`, the largest
    /// number: the cheapest for the approach).
    pub high: f64,
    /// The id of the fact (in `facts`) this figure comes from: its source and date.
    pub fact: String,
}

impl Term {
    /// The figure at `at` (0: its low end, 1: its high end).
    fn at(&self, at: f64) -> f64 {
        self.low + (self.high - self.low) * at.clamp(0.0, 1.0)
    }
}

/// Where in their ranges the figures a reader may adjust are taken, each from 0 (the
/// range's low end) to 1 (its high end); 0.5 is the middle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assumptions {
    /// Every unit's hourly price (GPU rent).
    pub unit_hour: f64,
    /// How busy every unit is kept.
    pub utilisation: f64,
    /// Every price per million (API prices).
    pub per_million: f64,
}

impl Default for Assumptions {
    fn default() -> Self {
        Assumptions {
            unit_hour: 0.5,
            utilisation: 0.5,
            per_million: 0.5,
        }
    }
}

/// Which monthly cost: the cheapest the ranges allow, the dearest, or the estimate at
/// the reader's assumptions (every other figure at the middle of its range).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Bound {
    Low,
    High,
    Estimate(Assumptions),
}

impl Bound {
    /// Where in its range a term of `kind` is taken. For throughput and utilisation the
    /// cheap end is the high one.
    fn at(self, kind: &str) -> f64 {
        let cheap_high = matches!(kind, "unitPerSecond" | "utilisation");
        match self {
            Bound::Low if cheap_high => 1.0,
            Bound::Low => 0.0,
            Bound::High if cheap_high => 0.0,
            Bound::High => 1.0,
            Bound::Estimate(a) => match kind {
                "unitHour" => a.unit_hour,
                "utilisation" => a.utilisation,
                "perMillion" => a.per_million,
                _ => 0.5,
            },
        }
    }
}

impl Costs {
    fn terms_of<'a>(&'a self, approach: &'a str) -> impl Iterator<Item = &'a Term> + 'a {
        self.terms.iter().filter(move |t| t.approach == approach)
    }

    /// Whether any term is of `kind` (the view offers only the assumptions that apply).
    pub fn has(&self, kind: &str) -> bool {
        self.terms.iter().any(|t| t.kind == kind)
    }

    /// The approaches with a cost, as indices into `approaches`, in the pack's order.
    pub fn costed(&self, approaches: &[Approach]) -> Vec<usize> {
        (0..approaches.len())
            .filter(|&a| self.terms_of(&approaches[a].id).next().is_some())
            .collect()
    }

    /// What `approach` costs a month at `volume` (units of volume a month).
    pub fn monthly(&self, approach: &str, volume: f64, bound: Bound) -> f64 {
        let volume = volume.max(0.0);
        // Sums per kind: a kind given twice (two fees) adds up.
        let mut sum = [0.0_f64; 5];
        for term in self.terms_of(approach) {
            if let Some(k) = KINDS.iter().position(|kind| *kind == term.kind) {
                sum[k] += term.at(bound.at(&term.kind));
            }
        }
        let [fixed, per_million, unit_hour, per_second, utilisation] = sum;
        let capacity = if unit_hour > 0.0 {
            let per_unit = per_second * utilisation.min(1.0) * SECONDS_PER_MONTH;
            let units = if per_unit > 0.0 {
                (volume / per_unit).ceil().max(1.0)
            } else {
                f64::INFINITY
            };
            units * unit_hour * HOURS_PER_MONTH
        } else {
            0.0
        };
        fixed + per_million * volume / 1e6 + capacity
    }

    /// For each pair of costed approaches, the volume between `min` and `max` (above 0)
    /// above which the same one of them stays the cheaper, where their costs cross; in
    /// order of volume. Capacity bought in whole units can make two costs cross back and
    /// forth just above a break-even (one more GPU, then the volume catches up); only the
    /// last crossing is one a reader can act on ("above this, that costs less").
    pub fn break_evens(
        &self,
        content: &Content,
        min: f64,
        max: f64,
        bound: Bound,
    ) -> Vec<BreakEven> {
        let costed = self.costed(&content.approaches);
        let id = |a: usize| content.approaches[a].id.as_str();
        let step = (max / min).ln() / SAMPLES as f64;
        let mut found = Vec::new();
        for (x, &a) in costed.iter().enumerate() {
            for &b in &costed[x + 1..] {
                let gap = |v: f64| self.monthly(id(a), v, bound) - self.monthly(id(b), v, bound);
                // The last sample where the two differed: costs that meet and part again
                // on the same side (equal for a while, or touching) change nothing.
                let mut last: Option<(f64, f64)> = None;
                let mut crossing = None;
                for k in 0..=SAMPLES {
                    let volume = min * (step * k as f64).exp();
                    let now = gap(volume);
                    if now == 0.0 {
                        continue;
                    }
                    if let Some((low, low_gap)) = last.filter(|(_, g)| g.signum() != now.signum()) {
                        crossing = Some(BreakEven {
                            approaches: (a, b),
                            volume: bisect(&gap, low, volume, low_gap),
                            cheaper_below: if low_gap < 0.0 { a } else { b },
                        });
                    }
                    last = Some((volume, now));
                }
                found.extend(crossing);
            }
        }
        found.sort_by(|x, y| x.volume.total_cmp(&y.volume));
        found
    }
}

/// Where two approaches' estimated monthly costs cross: just below `volume` one of them
/// is the cheaper (`cheaper_below`), just above it the other.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BreakEven {
    /// Indices of the two approaches in the pack.
    pub approaches: (usize, usize),
    pub volume: f64,
    pub cheaper_below: usize,
}

/// Samples of the volume range searched for crossings, on a log scale: two crossings
/// closer than one step ((max / min)^(1/1000), 2.8% for a range of 1e12) can be missed,
/// and only those.
const SAMPLES: usize = 1000;

/// The volume between `low` and `high` where `gap` changes sign (`low_gap` is its sign
/// at `low`), to within a millionth of it: a cost may jump there (one more GPU), so this
/// is where the cheaper approach changes, not always where the costs are equal.
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
