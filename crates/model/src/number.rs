//! A question answered with a number (a volume, a team's size) rather than a choice: a
//! slider and a typed field on a linear or logarithmic scale, whose bands map the number
//! to one of the question's options. The option is the answer the rest of the model sees,
//! so scoring, share codes, saved progress and the balance are the same for it.

use super::content::AnswerOption;
use serde::Deserialize;

/// How a number question's slider runs between its ends.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Scale {
    /// Equal steps of the slider add equal amounts.
    #[default]
    Linear,
    /// Equal steps multiply by equal factors: for a range over orders of magnitude
    /// (ten thousand to a hundred billion tokens a month).
    Log,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NumberQuestion {
    /// What the number counts, written after it: `tokens a month`.
    pub unit: String,
    /// The smallest number a reader can give (above 0 on a `log` scale).
    pub min: f64,
    /// The largest number a reader can give.
    pub max: f64,
    #[serde(default)]
    pub scale: Scale,
    /// Where the slider starts, between `min` and `max`.
    pub start: f64,
    /// From the smallest numbers up: a number below a band's `below` takes its option;
    /// the last band, without `below`, takes the rest. Every option of the question is in
    /// one band.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(min = 2, max = 8)))]
    pub bands: Vec<Band>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// The id of the option a number in this band answers.
    pub option: String,
    /// Numbers below this are in this band (or an earlier one); omitted on the last band.
    #[serde(default)]
    pub below: Option<f64>,
}

impl NumberQuestion {
    /// The index (in `options`) of the option that `value` answers: its band's.
    pub fn option_for(&self, value: f64, options: &[AnswerOption]) -> Option<usize> {
        let band = self
            .bands
            .iter()
            .find(|band| band.below.is_none_or(|below| value < below))?;
        options.iter().position(|option| option.id == band.option)
    }

    /// `value` clamped to the question's range: what a typed number out of range becomes.
    pub fn clamp(&self, value: f64) -> f64 {
        if value.is_nan() {
            self.start
        } else {
            value.clamp(self.min, self.max)
        }
    }

    /// Where `value` sits on the slider, from 0 (`min`) to 1 (`max`).
    pub fn position(&self, value: f64) -> f64 {
        let value = self.clamp(value);
        let position = match self.scale {
            Scale::Linear => (value - self.min) / (self.max - self.min),
            Scale::Log => (value / self.min).ln() / (self.max / self.min).ln(),
        };
        position.clamp(0.0, 1.0)
    }

    /// The number at `position` (0 to 1) of the slider: `position`'s inverse.
    pub fn value_at(&self, position: f64) -> f64 {
        let position = position.clamp(0.0, 1.0);
        let value = match self.scale {
            Scale::Linear => self.min + position * (self.max - self.min),
            Scale::Log => self.min * (self.max / self.min).powf(position),
        };
        self.clamp(value)
    }

    /// A number that stands for the option `option_id` when only the option is known (a
    /// share link carries options, not numbers): the middle of its band on the slider.
    pub fn typical(&self, option_id: &str) -> Option<f64> {
        let i = self
            .bands
            .iter()
            .position(|band| band.option == option_id)?;
        let low = if i == 0 {
            self.min
        } else {
            self.bands[i - 1].below?
        };
        let high = self.bands[i].below.unwrap_or(self.max);
        Some(self.value_at((self.position(low) + self.position(high)) / 2.0))
    }

    /// What is wrong with the question's number, as (path under `at`, message).
    pub(crate) fn problems(&self, at: &str, options: &[AnswerOption]) -> Vec<(String, String)> {
        let mut problems = Vec::new();
        let mut problem = |path: String, message: String| problems.push((path, message));
        if self.unit.trim().is_empty() {
            problem(
                format!("{at}.unit"),
                "is empty; write what the number counts, such as \"tokens a month\"".into(),
            );
        }
        let finite = [self.min, self.max, self.start]
            .iter()
            .all(|n| n.is_finite());
        if !finite || self.min >= self.max {
            problem(
                format!("{at}.max"),
                format!("must be larger than min ({})", self.min),
            );
        } else if self.scale == Scale::Log && self.min <= 0.0 {
            problem(format!("{at}.min"), "must be above 0 on a log scale".into());
        } else if !(self.min..=self.max).contains(&self.start) {
            problem(
                format!("{at}.start"),
                format!(
                    "{} is outside min to max ({} to {})",
                    self.start, self.min, self.max
                ),
            );
        }
        let last = self.bands.len().saturating_sub(1);
        let mut floor = self.min;
        for (i, band) in self.bands.iter().enumerate() {
            let path = format!("{at}.bands[{i}]");
            if !options.iter().any(|option| option.id == band.option) {
                let ids: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
                problem(
                    format!("{path}.option"),
                    format!(
                        "\"{}\" is not an option of this question; the options are {}",
                        band.option,
                        ids.join(", ")
                    ),
                );
            }
            match (band.below, i == last) {
                (Some(_), true) => problem(format!("{path}.below"), "the last band takes every number above the others: leave below out".into()),
                (None, false) => problem(format!("{path}.below"), "is missing; every band but the last says where it ends".into()),
                (Some(below), false) if !(below > floor && below < self.max) => problem(
                    format!("{path}.below"),
                    format!("{below} must be above {floor} (the band before it, or min) and below max ({})", self.max),
                ),
                (Some(below), false) => floor = below,
                (None, true) => {}
            }
        }
        for option in options {
            let bands = self
                .bands
                .iter()
                .filter(|band| band.option == option.id)
                .count();
            if bands != 1 {
                problem(format!("{at}.bands"), format!("option \"{}\" is in {bands} bands; each option is in exactly one, so every number has one answer", option.id));
            }
        }
        problems
    }
}
