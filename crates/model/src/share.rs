//! Share codes: a complete answer set as a short, versioned text for a link's fragment
//! (`#ovp=1Dfq-Xb`), and back.
//!
//! Layout: one version symbol, the answers as one mixed-radix number in base 64
//! (fixed length for a given content pack), then three check symbols. The alphabet is
//! base64url, so a code needs no escaping in a URL. The check is taken over the
//! content's fingerprint (its id, question ids and option ids) and every symbol before
//! it, weighted by position, modulo a prime: a code for other content fails it, and a
//! code with any one symbol changed, two neighbours swapped, or a symbol missing or
//! added is always refused (the last two by its length).
//!
//! For the built-in pack a code is 8 symbols (`crates/model/tests/share.rs` holds it to
//! that).

use super::content::Content;
use std::fmt;

/// The version symbol of codes made now. A new layout gets a new symbol.
pub const VERSION: u8 = b'1';
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/// The largest prime below 64³, so the check fits in three symbols.
const CHECK_MODULUS: u64 = 262_139;
const CHECK_SYMBOLS: usize = 3;

/// Why a code was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareError {
    /// Not the length a code for this content has.
    Length,
    /// A version this widget does not read.
    Version,
    /// A character outside the code's alphabet.
    Character,
    /// The check does not match: mistyped, cut, altered, or made for other content.
    Check,
    /// The answers it holds do not exist in this content.
    Range,
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ShareError::Length => "the code has the wrong length",
            ShareError::Version => "the code is of an unknown version",
            ShareError::Character => "the code holds a character codes never use",
            ShareError::Check => "the code's check does not match this quiz",
            ShareError::Range => "the code names answers this quiz does not have",
        })
    }
}

/// A hash of what answers mean in `content`: its id, and every question id with its
/// option ids in order. Saved progress and share codes made for a pack whose
/// fingerprint differs are refused. FNV-1a, 64 bits: the same on every platform.
pub fn fingerprint(content: &Content) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |text: &str| {
        for byte in text.bytes().chain([0xff]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    feed(&content.id);
    for question in &content.questions {
        feed(&question.id);
        for option in &question.options {
            feed(&option.id);
        }
        feed("");
    }
    hash
}

/// How many answer sets `content` has, or `None` if that does not fit in 128 bits
/// (validation's limits keep it far below).
fn answer_set_count(content: &Content) -> Option<u128> {
    content
        .questions
        .iter()
        .try_fold(1u128, |n, q| n.checked_mul(q.options.len() as u128))
}

/// Base-64 symbols needed to write any answer set of `content`.
fn data_symbols(count: u128) -> usize {
    let mut symbols = 0;
    let mut capacity: u128 = 1;
    while capacity < count {
        capacity = capacity.saturating_mul(64);
        symbols += 1;
    }
    symbols
}

fn check(content: &Content, symbols: &[u8]) -> u64 {
    let weighted = symbols.iter().enumerate().fold(0u64, |sum, (i, &value)| {
        (sum + (i as u64 + 1) * (u64::from(value) + 1)) % CHECK_MODULUS
    });
    (fingerprint(content) % CHECK_MODULUS + weighted) % CHECK_MODULUS
}

fn value_of(symbol: u8) -> Option<u8> {
    ALPHABET.iter().position(|&s| s == symbol).map(|v| v as u8)
}

/// The code for a complete answer set; `None` if `answers` is not one for `content`.
pub fn encode(content: &Content, answers: &[usize]) -> Option<String> {
    if answers.len() != content.questions.len() {
        return None;
    }
    let count = answer_set_count(content)?;
    // Mixed radix, first question least significant.
    let mut number: u128 = 0;
    for (question, &answer) in content.questions.iter().zip(answers).rev() {
        let options = question.options.len();
        if answer >= options {
            return None;
        }
        number = number * options as u128 + answer as u128;
    }
    let mut values = vec![VERSION];
    for _ in 0..data_symbols(count) {
        values.push((number % 64) as u8);
        number /= 64;
    }
    let sum = check(content, &values);
    let mut code: Vec<u8> = Vec::with_capacity(values.len() + CHECK_SYMBOLS);
    code.push(VERSION);
    code.extend(values[1..].iter().map(|&v| ALPHABET[v as usize]));
    code.extend((0..CHECK_SYMBOLS).map(|i| ALPHABET[(sum >> (6 * i)) as usize % 64]));
    String::from_utf8(code).ok()
}

/// The answer set a code holds, if it is a sound code for `content`.
pub fn decode(content: &Content, code: &str) -> Result<Vec<usize>, ShareError> {
    let count = answer_set_count(content).ok_or(ShareError::Range)?;
    let data = data_symbols(count);
    let bytes = code.as_bytes();
    if bytes.len() != 1 + data + CHECK_SYMBOLS {
        return Err(ShareError::Length);
    }
    if bytes[0] != VERSION {
        return Err(ShareError::Version);
    }
    let mut values = vec![VERSION];
    for &symbol in &bytes[1..] {
        values.push(value_of(symbol).ok_or(ShareError::Character)?);
    }
    let (body, check_values) = values.split_at(1 + data);
    let written = check_values
        .iter()
        .enumerate()
        .fold(0u64, |sum, (i, &v)| sum | u64::from(v) << (6 * i));
    if written != check(content, body) {
        return Err(ShareError::Check);
    }
    let mut number = body[1..]
        .iter()
        .rev()
        .fold(0u128, |n, &v| n * 64 + u128::from(v));
    if number >= count {
        return Err(ShareError::Range);
    }
    Ok(content
        .questions
        .iter()
        .map(|question| {
            let options = question.options.len() as u128;
            let answer = (number % options) as usize;
            number /= options;
            answer
        })
        .collect())
}
