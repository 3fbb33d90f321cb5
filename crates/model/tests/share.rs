//! Share codes, natively: every answer set of the built-in content round-trips and
//! stays short, and a code changed by one character, cut, lengthened or made of any text
//! is refused without a panic.

mod common;
use common::{all_answer_sets, answer_set, built_in, with_char_replaced};

use ovp_model::content::default_content;

use ovp_model::share::{decode, encode, ShareError};
use proptest::prelude::*;
use std::collections::HashSet;

const ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

#[test]
fn share_codes_round_trip_for_every_answer_set_and_stay_short() {
    let content = default_content().unwrap();
    let sets = all_answer_sets(&content);
    assert_eq!(sets.len(), 419_904);
    let mut seen = HashSet::new();
    for answers in &sets {
        let code = encode(&content, answers).expect("a complete answer set has a code");
        // 1 version symbol + 4 for the answer sets counted above (< 64^4) + 3 check
        // symbols.
        assert_eq!(code.len(), 8, "{code}");
        assert!(code.chars().all(|c| ALPHABET.contains(c)), "{code}");
        assert_eq!(decode(&content, &code).as_ref(), Ok(answers), "{code}");
        // The layout share.rs describes, worked out here: the version, then the answers
        // as one mixed-radix number (first question least significant, each question's
        // digit counting its options) in four base-64 symbols, lowest first.
        let number = answers
            .iter()
            .zip(&content.questions)
            .rev()
            .fold(0, |n, (&a, q)| n * q.options.len() + a);
        let data: String = (0..4)
            .map(|i| ALPHABET.as_bytes()[(number >> (6 * i)) % 64] as char)
            .collect();
        assert_eq!(&code[..5], format!("1{data}"), "{answers:?}");
        assert!(seen.insert(code), "two answer sets share a code");
    }
}

#[test]
fn share_codes_refuse_incomplete_answers_and_other_content() {
    let content = default_content().unwrap();
    let answers = vec![1; content.questions.len()];
    assert_eq!(encode(&content, &answers[1..]), None);
    let mut out_of_range = answers.clone();
    out_of_range[4] = content.questions[4].options.len();
    assert_eq!(encode(&content, &out_of_range), None);

    let code = encode(&content, &answers).unwrap();
    let mut other = content.clone();
    other.id = "another-quiz".to_owned();
    assert_eq!(decode(&other, &code), Err(ShareError::Check));
    let mut renamed = content.clone();
    renamed.questions[3].options[0].id = "renamed".to_owned();
    assert_eq!(decode(&renamed, &code), Err(ShareError::Check));
    let mut shorter = content.clone();
    shorter.questions.pop();
    // A quiz of another shape has fewer answer sets, so its codes differ in length too.
    assert!(matches!(
        decode(&shorter, &code),
        Err(ShareError::Check | ShareError::Length)
    ));

    assert_eq!(decode(&content, ""), Err(ShareError::Length));
    let next_version = format!("2{}", &code[1..]);
    assert_eq!(decode(&content, &next_version), Err(ShareError::Version));
    let foreign = format!("{}%{}", &code[..3], &code[4..]);
    assert_eq!(decode(&content, &foreign), Err(ShareError::Character));
}

proptest! {
    #[test]
    fn a_code_with_one_symbol_changed_is_refused(
        answers in answer_set(),
        position in 0usize..7,
        replacement in 0usize..64,
    ) {
        let content = default_content().unwrap();
        let code = encode(&content, &answers).unwrap();
        let mut symbols: Vec<char> = code.chars().collect();
        let new = ALPHABET.chars().nth(replacement).unwrap();
        prop_assume!(symbols[position] != new);
        symbols[position] = new;
        let corrupted: String = symbols.into_iter().collect();
        prop_assert!(decode(&content, &corrupted).is_err(), "{code} -> {corrupted} accepted");
    }

    #[test]
    fn a_code_with_neighbouring_answer_symbols_swapped_is_refused(
        answers in answer_set(),
        position in 1usize..3,
    ) {
        let content = default_content().unwrap();
        let code = encode(&content, &answers).unwrap();
        let mut symbols: Vec<char> = code.chars().collect();
        prop_assume!(symbols[position] != symbols[position + 1]);
        symbols.swap(position, position + 1);
        let swapped: String = symbols.into_iter().collect();
        prop_assert!(decode(&content, &swapped).is_err(), "{code} -> {swapped} accepted");
    }

    #[test]
    fn a_truncated_or_lengthened_code_is_refused(
        answers in answer_set(),
        cut in 0usize..7,
        extra in "[A-Za-z0-9_-]{1,4}",
    ) {
        let content = default_content().unwrap();
        let code = encode(&content, &answers).unwrap();
        prop_assert!(decode(&content, &code[..cut]).is_err());
        let lengthened = format!("{code}{extra}");
        prop_assert!(decode(&content, &lengthened).is_err());
        let mut without = code.clone();
        without.remove(cut);
        prop_assert!(decode(&content, &without).is_err());
    }

    /// Whatever the text, decoding never panics, and a text it accepts is the code of
    /// the answers it returns. Sound codes are made on purpose (arbitrary text is one
    /// in 262,139 times a sound code at best), as they are and with one character
    /// changed to anything at all, beside arbitrary text.

    #[test]
    fn any_text_decodes_without_panicking(
        answers in answer_set(),
        kind in 0u8..3,
        position in any::<usize>(),
        by in any::<char>(),
        text in "\\PC{0,12}|1[A-Za-z0-9_-]{6}",
    ) {
        let content = built_in();
        let code = encode(content, &answers).unwrap();
        match kind {
            0 => prop_assert_eq!(decode(content, &code), Ok(answers)),
            1 => {
                let changed = with_char_replaced(&code, position, by);
                prop_assume!(changed != code);
                let decoded = decode(content, &changed);
                prop_assert!(decoded.is_err(), "{} -> {} accepted", code, changed);
            }
            _ => {
                if let Ok(answers) = decode(content, &text) {
                    prop_assert_eq!(encode(content, &answers), Some(text));
                }
            }
        }
    }

}
