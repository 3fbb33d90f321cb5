//! What every fuzz target checks, one function per target, each taking the raw input.
//! A function returns normally when the properties hold and panics (with the reason)
//! when one breaks, which libFuzzer reports as a crash.
//!
//! This file is compiled into each fuzz target (`fuzz_targets/*.rs`) and into the
//! native test `crates/model/tests/fuzz_regressions.rs`, which replays every input kept in
//! `fuzz/regressions/<target>/`, so the same checks run under `cargo test -p ovp-model`
//! without cargo-fuzz.
//!
//! Text inputs are read as the browser hands them over: `Response.text()` and
//! `localStorage` give strings, and invalid UTF-8 becomes U+FFFD on the way.

#![allow(dead_code)]

use ovp_model::content::{
    Content, ContentError, DEFAULT_CONTENT_EN, MAX_PROBLEM_CHARS, MAX_REPORTED_PROBLEMS,
};
use ovp_model::events::CompleteDetail;
use ovp_model::l10n::ui_text;
use ovp_model::load::LoadFailure;
use ovp_model::quiz::{Action, Quiz, Step};
use ovp_model::saved;
use ovp_model::scoring::{
    answers_fit, contribution, counterfactual, score, shown, try_score, Outcome, TieBreak, Verdict,
    AGAINST, PRIORITY_COUNT, REASON_COUNT,
};
use ovp_model::share;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::sync::OnceLock;

/// When the saved progress here is saved and read back: 6 December 2026, in ms since 1970.
const NOW: f64 = 1_796_515_200_000.0;

/// A fuzz target's checks, given one input.
pub type Check = fn(&[u8]);

/// The fuzz targets, by name: the folders of `fuzz/regressions/` and the binaries of
/// `fuzz/Cargo.toml`.
pub const TARGETS: &[(&str, Check)] = &[
    ("content", content),
    ("share_code", share_code),
    ("saved", saved),
    ("scoring", scoring),
    ("quiz", quiz),
];

/// The packs shipped in `content/`, parsed once: the built-in English pack first, then
/// every other pack of the folder by name, so a new pack is fuzzed without a change here.
pub fn packs() -> &'static [Content] {
    static PACKS: OnceLock<Vec<Content>> = OnceLock::new();
    PACKS.get_or_init(|| {
        // This file is compiled into the fuzz crate and into the model's tests: the
        // folder is `content/` in the nearest directory above either crate that has one.
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .ancestors()
            .map(|dir| dir.join("content"))
            .find(|dir| dir.join("en.json").is_file())
            .expect("content/ is above the crate");
        let mut others: Vec<_> = std::fs::read_dir(&folder)
            .expect("content/ is readable")
            .map(|entry| entry.expect("content/ is readable").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .filter(|path| !path.ends_with("en.json"))
            .collect();
        others.sort();
        let others = others
            .iter()
            .map(|path| std::fs::read_to_string(path).expect("a shipped pack is readable"));
        std::iter::once(DEFAULT_CONTENT_EN.to_owned())
            .chain(others)
            .map(|json| Content::from_json(&json).expect("a shipped pack is valid"))
            .collect()
    })
}

/// The pack an input's first byte picks, and the rest of the input.
fn pick_pack(data: &[u8]) -> (&'static Content, &[u8]) {
    let packs = packs();
    match data.split_first() {
        Some((&first, rest)) => (&packs[usize::from(first) % packs.len()], rest),
        None => (&packs[0], data),
    }
}

/// The most characters a problem's path or message may have and still be read at a
/// glance in the error panel.
const READABLE_CHARS: usize = 300;

/// A message a person can act on: words, not an empty string or a lone symbol.
fn assert_readable(message: &str, context: &dyn std::fmt::Debug) {
    assert!(
        message.trim().chars().count() >= 5 && message.chars().any(char::is_alphabetic),
        "unreadable message {message:?} for {context:?}"
    );
}

// ---------------------------------------------------------------------------------------
// content: the parser and validator on arbitrary bytes, as the widget reads a pack.

/// Arbitrary bytes as a content pack. A rejection lists at least one problem, each in
/// words and with a path that leads to a node of the document (or is empty, for the whole
/// file); a pack that is accepted can be played through, scored, shared and saved.
pub fn content(data: &[u8]) {
    let json = String::from_utf8_lossy(data);
    match Content::from_json(&json) {
        Err(error) => check_rejection(&json, &error),
        Ok(content) => check_accepted(&content, data),
    }
}

fn check_rejection(json: &str, error: &ContentError) {
    assert!(!error.problems.is_empty(), "a rejection without problems");
    assert!(
        error.problems.len() <= MAX_REPORTED_PROBLEMS + 1,
        "{} problems listed; the limit is {MAX_REPORTED_PROBLEMS} and a count of the rest",
        error.problems.len()
    );
    // The summary (the console line) names the first problem.
    let summary = error.to_string();
    assert!(
        summary.contains(&error.problems[0].to_string()),
        "{summary}"
    );
    // The error panel shows them through LoadFailure, unchanged, and offers no Retry.
    let failure = LoadFailure::from(error.clone());
    assert!(!failure.retryable());
    assert_eq!(failure.problems(ui_text("en")), error.problems);

    let document: Option<Node> = serde_json::from_str(json).ok();
    for problem in &error.problems {
        assert_readable(&problem.message, problem);
        // Short enough to read, whatever the pack quotes back.
        for text in [&problem.path, &problem.message] {
            let chars = text.chars().count();
            assert!(
                chars <= MAX_PROBLEM_CHARS.min(READABLE_CHARS),
                "{problem:?}"
            );
        }
        // Where the text is JSON, the path leads to the node the problem is about (a
        // missing field is reported at the object that lacks it).
        if let Some(document) = &document {
            let cut = problem.path.chars().count() == MAX_PROBLEM_CHARS;
            let path = match problem.path.strip_suffix('…') {
                Some(start) if cut => start,
                _ => &problem.path,
            };
            assert!(
                path_exists(document, path, cut),
                "the path of {problem:?} leads nowhere in the document"
            );
        }
    }
}

/// A JSON document as written: unlike `serde_json::Value`, an object keeps every entry,
/// duplicate keys included, since the parser may stop at either of two equal keys.
enum Node {
    Object(Vec<(String, Node)>),
    Array(Vec<Node>),
    Scalar,
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Node, D::Error> {
        struct NodeVisitor;
        impl<'de> Visitor<'de> for NodeVisitor {
            type Value = Node;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_bool<E>(self, _: bool) -> Result<Node, E> {
                Ok(Node::Scalar)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Node, E> {
                Ok(Node::Scalar)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Node, E> {
                Ok(Node::Scalar)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Node, E> {
                Ok(Node::Scalar)
            }
            fn visit_str<E>(self, _: &str) -> Result<Node, E> {
                Ok(Node::Scalar)
            }
            fn visit_unit<E>(self) -> Result<Node, E> {
                Ok(Node::Scalar)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Node::Array(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Node::Object(entries))
            }
        }
        deserializer.deserialize_any(NodeVisitor)
    }
}

/// Whether `path`, as the model writes it (`questions[2].options[0].weights.open`), leads
/// to a node of `node`. Keys may hold dots or brackets themselves, so every reading of
/// the path is tried. A path `cut` short (it ended in "…") only has to start like one.
fn path_exists(node: &Node, path: &str, cut: bool) -> bool {
    if path.is_empty() {
        return true;
    }
    match node {
        Node::Array(items) => {
            let Some(rest) = path.strip_prefix('[') else {
                return false;
            };
            let Some(end) = rest.find(']') else {
                return cut && rest.chars().all(|c| c.is_ascii_digit());
            };
            let Some(item) = rest[..end].parse::<usize>().ok().and_then(|i| items.get(i)) else {
                return false;
            };
            let rest = &rest[end + 1..];
            path_exists(item, rest.strip_prefix('.').unwrap_or(rest), cut)
        }
        Node::Object(entries) => entries.iter().any(|(key, child)| {
            (cut && key.starts_with(path))
                || path.strip_prefix(key.as_str()).is_some_and(|rest| {
                    rest.is_empty()
                        || (rest.starts_with('[') && path_exists(child, rest, cut))
                        || rest
                            .strip_prefix('.')
                            .is_some_and(|r| path_exists(child, r, cut))
                })
        }),
        Node::Scalar => false,
    }
}

/// An accepted pack works end to end: it validates again, every answer set picked from
/// `data` scores soundly, and its share codes and saved progress round-trip.
fn check_accepted(content: &Content, data: &[u8]) {
    assert_eq!(content.validate(), Ok(()), "accepted but not valid");
    let _ = content.ui_text();
    let counts: Vec<usize> = content.questions.iter().map(|q| q.options.len()).collect();
    let first: Vec<usize> = vec![0; counts.len()];
    let last: Vec<usize> = counts.iter().map(|c| c - 1).collect();
    let picked: Vec<usize> = counts
        .iter()
        .enumerate()
        .map(|(q, c)| usize::from(data.get(q).copied().unwrap_or(0)) % c)
        .collect();
    for answers in [first, last, picked] {
        check_answer_set(content, &answers);
    }
    let quiz = Quiz::new(content);
    assert_eq!(
        saved::load(content, &saved::save(content, &quiz, NOW), NOW),
        Ok(quiz),
        "the first screen does not survive a reload"
    );
}

// ---------------------------------------------------------------------------------------
// share_code: the decoder on arbitrary text, against every shipped pack.

/// Arbitrary text as a share code (the fragment after `#ovp=`). A code that is refused
/// says why in words; a code that is accepted names a complete answer set of that pack
/// and is exactly the code the widget would write for it.
pub fn share_code(data: &[u8]) {
    let code = String::from_utf8_lossy(data);
    for content in packs() {
        match share::decode(content, &code) {
            Ok(answers) => {
                assert!(answers_fit(content, &answers), "{code:?} -> {answers:?}");
                assert_eq!(
                    share::encode(content, &answers).as_deref(),
                    Some(&*code),
                    "accepted {code:?} is not the code of the answers it gave"
                );
            }
            Err(error) => assert_readable(&error.to_string(), &code),
        }
    }
}

// ---------------------------------------------------------------------------------------
// saved: the saved-progress reader on arbitrary text, against every shipped pack.

/// Arbitrary text as saved progress from `localStorage`. A refusal says why in words;
/// whatever is accepted is a state the quiz can reach, and saving it again and reading
/// that back gives the same state.
pub fn saved(data: &[u8]) {
    let json = String::from_utf8_lossy(data);
    for content in packs() {
        match saved::load(content, &json, NOW) {
            Ok(quiz) => check_quiz(content, &quiz),
            Err(error) => assert_readable(&error.to_string(), &json),
        }
    }
}

/// A quiz state that can happen, and that survives a reload.
fn check_quiz(content: &Content, quiz: &Quiz) {
    assert_eq!(quiz.question_count(), content.questions.len());
    for (question, answer) in content.questions.iter().zip(&quiz.answers) {
        assert!(
            answer.is_none_or(|o| o < question.options.len()),
            "{quiz:?}"
        );
    }
    let restored = Quiz::restore(content, quiz.step, quiz.answers.clone());
    assert!(restored.is_some(), "a state that cannot happen: {quiz:?}");
    // The answers before exploring are kept only on the result, while they differ.
    if let Some(before) = &quiz.before_exploring {
        assert_eq!(quiz.step, Step::Result, "{quiz:?}");
        assert_ne!(Some(before), quiz.complete_answers().as_ref(), "{quiz:?}");
        assert!(Quiz::restore(
            content,
            Step::Result,
            before.iter().map(|&o| Some(o)).collect()
        )
        .is_some());
    }
    if quiz.reviewing {
        assert!(
            matches!(quiz.step, Step::Question(_)) && quiz.complete_answers().is_some(),
            "reviewing outside a complete summary: {quiz:?}"
        );
    }
    if matches!(quiz.step, Step::Summary | Step::Result) {
        let answers = quiz
            .complete_answers()
            .expect("the summary needs every answer");
        assert!(answers_fit(content, &answers));
    }
    // What a reload sees is the same state, but for the one-off "choose an answer"
    // notice and the answers before exploring (a reload shows the answers as they stand).
    let mut kept = quiz.clone();
    kept.missing_answer = false;
    kept.before_exploring = None;
    let json = saved::save(content, quiz, NOW);
    assert_eq!(
        saved::load(content, &json, NOW),
        Ok(kept),
        "saved as {json}, read back differently"
    );
}

// ---------------------------------------------------------------------------------------
// scoring: arbitrary answer sets against the shipped packs.

/// The first byte picks a pack; every further byte is one answer, the byte taken modulo
/// one more than the question's option count, so answers out of range, missing or extra
/// all occur. Answers that do not fit are refused by `try_score` and by the share code;
/// answers that fit score soundly.
pub fn scoring(data: &[u8]) {
    let (content, rest) = pick_pack(data);
    let answers: Vec<usize> = rest
        .iter()
        .enumerate()
        .map(|(q, &byte)| {
            let options = content.questions.get(q).map_or(3, |q| q.options.len());
            usize::from(byte) % (options + 1)
        })
        .collect();
    if answers_fit(content, &answers) {
        check_answer_set(content, &answers);
    } else {
        assert_eq!(try_score(content, &answers), None, "{answers:?}");
        assert_eq!(share::encode(content, &answers), None, "{answers:?}");
    }
}

/// A complete answer set: the outcome adds up and explains itself, the counterfactual
/// really changes the suggestion, and the share code and saved result round-trip.
fn check_answer_set(content: &Content, answers: &[usize]) {
    let outcome = try_score(content, answers).expect("a complete answer set scores");
    check_outcome(content, answers, &outcome);

    let code = share::encode(content, answers).expect("a complete answer set has a code");
    assert_eq!(
        share::decode(content, &code).as_deref(),
        Ok(answers),
        "{code}"
    );

    let at_result = Quiz::restore(
        content,
        Step::Result,
        answers.iter().copied().map(Some).collect(),
    )
    .expect("a complete answer set can be at the result");
    check_quiz(content, &at_result);
}

fn check_outcome(content: &Content, answers: &[usize], outcome: &Outcome) {
    let approaches = content.approaches.len();
    assert_eq!(outcome.answers, answers);
    assert_eq!(outcome.scores.len(), approaches);
    assert_eq!(outcome.contributions.len(), answers.len());
    assert!(outcome.scores.iter().all(|s| s.is_finite()), "{outcome:?}");
    for (q, &o) in answers.iter().enumerate() {
        assert_eq!(outcome.contributions[q], contribution(content, q, o));
    }
    // Each score is exactly the sum of what the answers contributed to it.
    for (a, total) in outcome.scores.iter().enumerate() {
        let sum: f64 = outcome.contributions.iter().map(|c| c[a]).sum();
        assert!((sum - total).abs() < 1e-9, "approach {a}: {sum} != {total}");
    }
    // Importance is finite and never negative; the priorities are the top dimensions.
    assert_eq!(outcome.importance.len(), content.dimensions.len());
    assert!(outcome
        .importance
        .iter()
        .all(|i| i.is_finite() && *i >= 0.0));
    assert!(outcome.priorities.len() <= PRIORITY_COUNT);
    assert!(outcome
        .priorities
        .iter()
        .all(|&d| outcome.importance[d] > 0.0));

    check_advice(content, answers, outcome);
    // The ovp:complete event names every approach and answer once, with the scores as
    // the widget shows them.
    let detail = CompleteDetail::new(content, answers, outcome, false);
    assert_eq!(detail.scores.len(), approaches);
    assert_eq!(detail.answers.len(), answers.len());
    assert_eq!(
        detail.recommendation.as_deref(),
        outcome
            .recommended
            .map(|a| content.approaches[a].id.as_str())
    );
    for (a, approach) in content.approaches.iter().enumerate() {
        assert_eq!(detail.scores[&approach.id], shown(outcome.scores[a]));
        assert_eq!(
            detail.ruled_out.contains(&approach.id),
            !outcome.ruled_out[a].is_empty()
        );
    }
}

/// The advice an expert can sign, for one answer set: what `README.md` ("How scoring
/// works") promises a reader, checked against the widget's outcome.
pub fn check_advice(content: &Content, answers: &[usize], outcome: &Outcome) {
    let approaches = content.approaches.len();
    // Which answers rule each approach out: exactly those whose option names it.
    for (a, approach) in content.approaches.iter().enumerate() {
        let by: Vec<usize> = (0..answers.len())
            .filter(|&q| {
                content.questions[q].options[answers[q]]
                    .rules_out
                    .contains_key(&approach.id)
            })
            .collect();
        assert_eq!(outcome.ruled_out[a], by, "{approach:?}");
    }
    let open: Vec<usize> = (0..approaches)
        .filter(|&a| outcome.ruled_out[a].is_empty())
        .collect();
    // The rule, stated independently of `scoring::decide`, gives the same suggestion.
    assert_eq!(
        outcome.recommended,
        expected_recommendation(content, answers),
        "{outcome:?}"
    );
    let Some(winner) = outcome.recommended else {
        // Nothing is suggested only when every approach is ruled out.
        assert!(open.is_empty(), "{outcome:?}");
        assert_eq!(outcome.verdict, Verdict::NoFit);
        assert!(outcome.reasons.is_empty() && outcome.in_spite_of.is_empty());
        check_counterfactual(content, answers, outcome);
        return;
    };
    // A ruled-out approach is never suggested, and the suggestion's score (as shown)
    // is within the tie margin of the best score still open (equal to it without one).
    assert!(
        open.contains(&winner),
        "suggested a ruled-out approach: {outcome:?}"
    );
    let best = open
        .iter()
        .map(|&a| shown(outcome.scores[a]))
        .fold(f64::NEG_INFINITY, f64::max);
    let margin = content.tie.as_ref().map_or(0.0, |rule| rule.margin);
    assert!(
        shown(outcome.scores[winner]) >= best - margin - 1e-9,
        "suggested an approach {margin} points or more behind the best: {outcome:?}"
    );
    // The runner-up is the best-scoring other approach still open.
    let rivals: Vec<usize> = open.iter().copied().filter(|&a| a != winner).collect();
    match outcome.runner_up {
        None => assert!(rivals.is_empty()),
        Some(r) => {
            assert!(rivals.contains(&r));
            assert!(rivals
                .iter()
                .all(|&b| shown(outcome.scores[b]) <= shown(outcome.scores[r])));
        }
    }
    match &outcome.verdict {
        Verdict::Lead { gap } => {
            let r = outcome.runner_up.expect("a lead is over someone");
            assert!(*gap > 0.0);
            assert!(
                (gap - (shown(outcome.scores[winner]) - shown(outcome.scores[r]))).abs() < 1e-9
            );
        }
        Verdict::OnlyOneLeft => assert_eq!(open, vec![winner]),
        Verdict::Tie { tied, by } => {
            // A tie is announced only when the scores as shown are equal.
            assert!(tied.len() >= 2 && tied.contains(&winner));
            assert!(tied
                .iter()
                .all(|&a| shown(outcome.scores[a]) == best && open.contains(&a)));
            if *by == TieBreak::ContentOrder {
                assert_eq!(winner, *tied.iter().min().unwrap());
            }
        }
        Verdict::NearTie {
            between,
            gap,
            behind,
        } => {
            let rule = content.tie.as_ref().expect("a near tie needs the tie rule");
            let ids = between.map(|a| content.approaches[a].id.as_str());
            assert_eq!(ids, [rule.between[0].as_str(), rule.between[1].as_str()]);
            assert_eq!(content.approaches[winner].id, rule.recommend);
            assert!(*gap <= rule.margin && *behind <= rule.margin);
        }
        Verdict::NoFit => panic!("no fit with a suggestion: {outcome:?}"),
    }
    // Never the lowest-scoring approach still open, when the others score more.
    let lowest = open
        .iter()
        .map(|&a| shown(outcome.scores[a]))
        .fold(f64::INFINITY, f64::min);
    assert!(
        shown(outcome.scores[winner]) > lowest || best == lowest,
        "suggested the lowest-scoring approach still open: {outcome:?}"
    );
    // "Why" names only answers that counted for the suggestion and more for it than for
    // the runner-up, the largest lead first; a tie names none. Computed here from the
    // pack's numbers, not from `outcome.contributions`.
    let counted = |q: usize, a: usize| expected_contribution(content, q, answers[q], a);
    assert!(outcome.reasons.len() <= REASON_COUNT);
    if let Some(r) = outcome.runner_up {
        let lead = |q: usize| counted(q, winner) - counted(q, r);
        assert!(
            outcome
                .reasons
                .iter()
                .all(|&q| lead(q) > 0.0 && counted(q, winner) > 0.0),
            "a reason that did not count for the suggestion: {outcome:?}"
        );
        assert!(outcome
            .reasons
            .windows(2)
            .all(|w| lead(w[0]) >= lead(w[1]) - 1e-9));
        // The best reasons are not left out: no unlisted answer favoured it more.
        if outcome.reasons.len() == REASON_COUNT {
            let weakest = lead(*outcome.reasons.last().unwrap());
            for q in (0..answers.len()).filter(|q| !outcome.reasons.contains(q)) {
                assert!(
                    !(counted(q, winner) > 0.0 && lead(q) > weakest + 1e-9),
                    "answer {q} counted more for the suggestion than a listed reason: {outcome:?}"
                );
            }
        }
    } else {
        assert!(outcome.reasons.is_empty());
    }
    // "In spite of" lists exactly the answers that took at least AGAINST points from the
    // suggestion, or added nothing to it while their option says what following it
    // takes, the most against first.
    let id = &content.approaches[winner].id;
    let mut against: Vec<usize> = (0..answers.len())
        .filter(|&q| {
            let caveat = content.questions[q].options[answers[q]]
                .caveats
                .contains_key(id);
            counted(q, winner) <= -AGAINST + 1e-9 || (caveat && counted(q, winner) <= 1e-9)
        })
        .collect();
    against.sort_by(|&a, &b| {
        counted(a, winner)
            .total_cmp(&counted(b, winner))
            .then(a.cmp(&b))
    });
    assert_eq!(outcome.in_spite_of, against, "{outcome:?}");
    assert!(outcome
        .in_spite_of
        .iter()
        .all(|q| !outcome.reasons.contains(q)));
    if matches!(outcome.verdict, Verdict::Tie { .. }) {
        assert!(outcome.reasons.is_empty());
    }
    check_counterfactual(content, answers, outcome);
}

/// The "what would change it" answer, applied, gives exactly the approach it names;
/// when none is named, no single changed answer leads to another suggestion.
fn check_counterfactual(content: &Content, answers: &[usize], outcome: &Outcome) {
    match counterfactual(content, outcome) {
        Some(change) => {
            assert_ne!(change.option, answers[change.question]);
            let mut changed = answers.to_vec();
            changed[change.question] = change.option;
            let other = score(content, &changed);
            assert_eq!(other.recommended, Some(change.recommended));
            assert_ne!(other.recommended, outcome.recommended);
        }
        None => {
            for (q, question) in content.questions.iter().enumerate() {
                for o in 0..question.options.len() {
                    let mut changed = answers.to_vec();
                    changed[q] = o;
                    let other = expected_recommendation(content, &changed);
                    assert!(
                        other.is_none() || other == outcome.recommended,
                        "answer {o} to question {q} would change the suggestion, but none is named"
                    );
                }
            }
        }
    }
}

/// What answer `option` to question `q` adds to approach `a`, as the README states it:
/// its weight, plus each priority times the approach's rating minus 3, halved.
pub fn expected_contribution(content: &Content, q: usize, option: usize, a: usize) -> f64 {
    let option = &content.questions[q].options[option];
    let approach = &content.approaches[a].id;
    let mut sum = option.weights.get(approach).copied().unwrap_or(0.0);
    for (d, dimension) in content.dimensions.iter().enumerate() {
        if let Some(p) = option.priorities.get(&dimension.id) {
            sum += p * (content.rating(d, a).score - 3.0) / 2.0;
        }
    }
    sum
}

/// The recommendation rule as the README states it, written without `scoring`'s code:
/// sum the weights and the priorities times the scaled ratings, round to one decimal,
/// drop what the answers rule out, take the highest (an exact tie to the approach rated
/// higher on the reader's priorities, then to the first listed), and let the near-tie
/// rule pick its third approach only when that is within the margin of the leader and
/// not the lowest-scoring approach still open.
pub fn expected_recommendation(content: &Content, answers: &[usize]) -> Option<usize> {
    let n = content.approaches.len();
    let chosen: Vec<_> = answers
        .iter()
        .enumerate()
        .map(|(q, &o)| &content.questions[q].options[o])
        .collect();
    let mut raw = vec![0.0; n];
    for option in &chosen {
        for (a, approach) in content.approaches.iter().enumerate() {
            raw[a] += option.weights.get(&approach.id).copied().unwrap_or(0.0);
            for (d, dimension) in content.dimensions.iter().enumerate() {
                if let Some(p) = option.priorities.get(&dimension.id) {
                    raw[a] += p * (content.rating(d, a).score - 3.0) / 2.0;
                }
            }
        }
    }
    let score: Vec<f64> = raw.iter().map(|s| (s * 10.0).round() / 10.0).collect();
    let allowed: Vec<bool> = content
        .approaches
        .iter()
        .map(|approach| {
            chosen
                .iter()
                .all(|o| !o.rules_out.contains_key(&approach.id))
        })
        .collect();
    let top = (0..n)
        .filter(|&a| allowed[a])
        .map(|a| score[a])
        .fold(f64::NEG_INFINITY, f64::max);
    let tied: Vec<usize> = (0..n).filter(|&a| allowed[a] && score[a] == top).collect();
    let leader = match tied.len() {
        0 => return None,
        1 => tied[0],
        _ => {
            let mut importance = vec![0.0; content.dimensions.len()];
            for option in &chosen {
                for (d, dimension) in content.dimensions.iter().enumerate() {
                    importance[d] += option.priorities.get(&dimension.id).copied().unwrap_or(0.0);
                }
            }
            let fit = |a: usize| -> f64 {
                (0..importance.len())
                    .map(|d| importance[d] * content.rating(d, a).score)
                    .sum()
            };
            let best_fit = tied
                .iter()
                .map(|&a| fit(a))
                .fold(f64::NEG_INFINITY, f64::max);
            let on_top: Vec<usize> = tied
                .iter()
                .copied()
                .filter(|&a| fit(a) > best_fit - 1e-9)
                .collect();
            if on_top.len() == 1 {
                on_top[0]
            } else {
                tied[0]
            }
        }
    };
    let Some(rule) = &content.tie else {
        return Some(leader);
    };
    let id = |a: usize| content.approaches[a].id.as_str();
    let find = |name: &str| (0..n).find(|&a| id(a) == name);
    let (Some(x), Some(y), Some(third)) = (
        find(&rule.between[0]),
        find(&rule.between[1]),
        find(&rule.recommend),
    ) else {
        return Some(leader);
    };
    let close = |a: f64, b: f64| ((a - b).abs() * 10.0).round() / 10.0 <= rule.margin;
    let lowest = (0..n)
        .filter(|&a| allowed[a])
        .map(|a| score[a])
        .fold(f64::INFINITY, f64::min);
    let applies = (leader == x || leader == y)
        && score[third] > lowest
        && allowed[x]
        && allowed[y]
        && allowed[third]
        && third != leader
        && close(score[x], score[y])
        && close(score[leader], score[third]);
    Some(if applies { third } else { leader })
}

// ---------------------------------------------------------------------------------------
// quiz: arbitrary sequences of reader actions on the state machine.

/// The first byte picks a pack; then every three bytes are one action (kind, question,
/// option), with indices up to two past the last, so choices that do not exist occur.
/// The first `MAX_ACTIONS` count: enough to reach every state several times over, and
/// each action costs a save and a reload.
/// After every action the state is one that can happen, answers change only by choosing,
/// retaking or exploring on the result, the result needs every answer, and the state
/// survives a reload.
pub fn quiz(data: &[u8]) {
    const MAX_ACTIONS: usize = 100;
    let (content, rest) = pick_pack(data);
    let questions = content.questions.len();
    let mut quiz = Quiz::new(content);
    for chunk in rest.chunks(3).take(MAX_ACTIONS) {
        let [kind, question, option] = [0, 1, 2].map(|i| chunk.get(i).copied().unwrap_or(0));
        let question = usize::from(question) % (questions + 2);
        let option = usize::from(option) % 10;
        let action = match kind % 8 {
            0 => Action::Start,
            1 => Action::Choose { question, option },
            2 => Action::Next,
            3 => Action::Back,
            4 => Action::Change(question),
            5 => Action::Explore { question, option },
            6 => Action::StopExploring,
            _ => Action::Retake,
        };
        let before = quiz.clone();
        quiz = quiz.apply(&action);
        match action {
            Action::Choose { question, option } => {
                for q in (0..questions).filter(|&q| q != question) {
                    assert_eq!(quiz.answers[q], before.answers[q], "{action:?}");
                }
                let chosen = before.step == Step::Question(question)
                    && option < content.questions[question].options.len();
                if chosen {
                    assert_eq!(quiz.answers[question], Some(option));
                } else {
                    assert_eq!(quiz, before, "{action:?} should change nothing");
                }
            }
            Action::Explore { question, option } => {
                for q in (0..questions).filter(|&q| q != question) {
                    assert_eq!(quiz.answers[q], before.answers[q], "{action:?}");
                }
                let explored = before.step == Step::Result
                    && question < questions
                    && option < content.questions[question].options.len();
                if explored {
                    assert_eq!(
                        (quiz.step, quiz.answers[question]),
                        (Step::Result, Some(option))
                    );
                } else {
                    assert_eq!(quiz, before, "{action:?} should change nothing");
                }
            }
            Action::StopExploring => match (&before.before_exploring, before.step) {
                (Some(answers), Step::Result) => {
                    assert_eq!(quiz.complete_answers().as_ref(), Some(answers));
                    assert_eq!((quiz.step, &quiz.before_exploring), (Step::Result, &None));
                }
                _ => assert_eq!(quiz, before, "{action:?} should change nothing"),
            },
            Action::Retake => {
                assert!(quiz.answers.iter().all(Option::is_none));
                assert_eq!(quiz.step, Step::Question(0));
            }
            _ => assert_eq!(quiz.answers, before.answers, "{action:?} changed an answer"),
        }
        if quiz.step == Step::Result {
            let answers = quiz
                .complete_answers()
                .expect("the result needs every answer");
            // What the result screen shows, checked each time the reader arrives there.
            if before.step != Step::Result {
                check_answer_set(content, &answers);
            }
        }
        check_quiz(content, &quiz);
    }
}
