//! How long the quiz takes a reader, for the intro's promise: every word a reader meets
//! from the intro to "check your answers" (the intro, each question's prompt, hint and
//! options, and the summary of their answers), read at `WORDS_PER_MINUTE`, plus
//! `SECONDS_PER_ANSWER` to choose each answer, rounded up to whole minutes. Han, kana
//! and hangul carry no spaces, so each `CHARACTERS_PER_WORD` of them counts as a word.

use super::content::Content;

/// A common estimate of silent reading speed for non-fiction on a screen.
pub const WORDS_PER_MINUTE: f64 = 200.0;
/// Time to weigh the options and choose one, once they are read.
pub const SECONDS_PER_ANSWER: f64 = 4.0;
/// Han, kana or hangul characters read in the time of one word.
pub const CHARACTERS_PER_WORD: f64 = 1.5;

/// Whole minutes, at least one, a reader takes from the intro to their answers' summary.
pub fn minutes_to_take(content: &Content) -> u32 {
    let mut total = words(&content.title) + words(&content.intro);
    for question in &content.questions {
        // Read on its step, and its prompt again with the longest answer on the summary.
        let options: f64 = question.options.iter().map(|o| words(&o.label)).sum();
        let longest = question
            .options
            .iter()
            .map(|o| words(&o.label))
            .fold(0.0, f64::max);
        let hint = question.hint.as_deref().map_or(0.0, words);
        total += 2.0 * words(&question.prompt) + hint + options + longest;
    }
    let seconds =
        total / WORDS_PER_MINUTE * 60.0 + SECONDS_PER_ANSWER * content.questions.len() as f64;
    (seconds / 60.0).ceil().max(1.0) as u32
}

/// How many words `text` is to read: its words between spaces, with runs of Han, kana
/// or hangul counted by characters.
fn words(text: &str) -> f64 {
    let unspaced = |c: char| {
        matches!(c as u32,
            0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
    };
    let characters = text.chars().filter(|&c| unspaced(c)).count() as f64;
    let spaced = text
        .split_whitespace()
        .filter(|word| !word.chars().all(unspaced))
        .count() as f64;
    spaced + characters / CHARACTERS_PER_WORD
}
