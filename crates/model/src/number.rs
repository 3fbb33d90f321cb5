//! A question answered with a number (a volume, a team's size) rather than a choice: a
//! slider and a typed field on a linear or logarithmic scale. The question's options are
//! its bands, from the smallest numbers up: a number below an option's `below` takes the
//! first such option, and the last option takes the rest. The option is the answer the
//! rest of the model sees, so scoring, share codes, saved progress and the balance are
//! the same for it.
//!
//! The scale is a string checked with the rest of the pack, not an enum: a deserializer
//! of its own would cost the Wasm a kilobyte.

use super::content::{AnswerOption, Question};
use serde::Deserialize;

/// Slider positions between `min` and `max` (the slider's steps; typed numbers are taken
/// as typed).
pub const SLIDER_STEPS: f64 = 1000.0;

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
    /// `linear` (the default: equal steps of the slider add equal amounts) or `log`
    /// (equal steps multiply by equal factors, for a range over orders of magnitude such
    /// as ten thousand to a hundred billion tokens a month).
    #[serde(default)]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(regex(pattern = r"^(linear|log)$"))
    )]
    pub scale: String,
    /// Where the slider starts, between `min` and `max`; a reader who goes on without
    /// moving it answers with this number.
    pub start: f64,
}

impl NumberQuestion {
    fn is_log(&self) -> bool {
        self.scale == "log"
    }

    /// The index of the option (band) that `value` answers.
    pub fn option_for(&self, value: f64, options: &[AnswerOption]) -> usize {
        options
            .iter()
            .position(|option| option.below.is_some_and(|below| value < below))
            .unwrap_or(options.len().saturating_sub(1))
    }

    /// `value` held to the question's range: what a typed number out of range becomes.
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
        let position = if self.is_log() {
            (value / self.min).ln() / (self.max / self.min).ln()
        } else {
            (value - self.min) / (self.max - self.min)
        };
        position.clamp(0.0, 1.0)
    }

    /// The number at `position` (0 to 1) of the slider: `position`'s inverse.
    pub fn value_at(&self, position: f64) -> f64 {
        let position = position.clamp(0.0, 1.0);
        let value = if self.is_log() {
            self.min * (position * (self.max / self.min).ln()).exp()
        } else {
            self.min + position * (self.max - self.min)
        };
        self.clamp(value)
    }

    /// The number at `position` of the slider to two significant figures, so the slider
    /// gives round numbers (12,000,000 rather than 12,345,678.9).
    pub fn rounded_at(&self, position: f64) -> f64 {
        let value = self.value_at(position);
        if value == 0.0 {
            return value;
        }
        let digits = (value.abs().ln() / std::f64::consts::LN_10).floor() as i32 - 1;
        let unit = 10f64.powi(digits);
        self.clamp((value / unit).round() * unit)
    }

    /// A number that stands for `option` when only the option is known (a share link
    /// carries options, not numbers): the middle of its band on the slider.
    pub fn typical(&self, option: usize, options: &[AnswerOption]) -> f64 {
        let low = match option {
            0 => self.min,
            _ => options[option - 1].below.unwrap_or(self.min),
        };
        let high = options[option].below.unwrap_or(self.max);
        self.value_at((self.position(low) + self.position(high)) / 2.0)
    }
}

impl Question {
    /// The number the reader gave, while it still falls in the band of `answer` (an
    /// answer changed on the result leaves the number behind).
    pub fn given_number(&self, answer: Option<usize>, given: Option<f64>) -> Option<f64> {
        let number = self.number.as_ref()?;
        given.filter(|&value| Some(number.option_for(value, &self.options)) == answer)
    }

    /// The number that `answer` stands for: the one the reader gave while it falls in
    /// its band, else the middle of the band.
    pub fn number_for(&self, answer: usize, given: Option<f64>) -> Option<f64> {
        let number = self.number.as_ref()?;
        Some(
            self.given_number(Some(answer), given)
                .unwrap_or_else(|| number.typical(answer, &self.options)),
        )
    }
}
