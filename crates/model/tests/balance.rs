//! The balance of a pack's advice (`ovp_model::balance`), checked against a plain count of
//! `scoring::recommendation` over every answer set, and each finding against packs made
//! to show it.

mod common;

use common::{all_answer_sets, content};
use ovp_model::balance::{Balance, FindingKind, EXACT_LIMIT, RARELY, SAMPLE_SIZE};
use ovp_model::content::Content;
use ovp_model::scoring::{recommendation, score, shown};
use serde_json::{json, Value};

/// A shipped pack, by its file name in `content/`.
fn pack(name: &str) -> Content {
    Content::from_json(&common::shipped(name)).unwrap()
}

/// Wins per approach and answer sets with no recommendation, counted directly.
fn counted(content: &Content) -> (Vec<u64>, u64) {
    let mut wins = vec![0; content.approaches.len()];
    let mut none = 0;
    for answers in all_answer_sets(content) {
        match recommendation(content, &answers) {
            Some(a) => wins[a] += 1,
            None => none += 1,
        }
    }
    (wins, none)
}

/// Whether some answer set changes its recommendation when only question `q` changes,
/// tried directly.
fn question_matters(content: &Content, q: usize) -> bool {
    all_answer_sets(content).iter().any(|answers| {
        let here = recommendation(content, answers);
        (0..content.questions[q].options.len()).any(|o| {
            let mut other = answers.clone();
            other[q] = o;
            recommendation(content, &other) != here
        })
    })
}

#[test]
#[ignore = "walks every answer set of the shipped packs: make test runs it"]
fn shipped_packs_balance_as_counted_with_every_question_mattering() {
    for name in common::shipped_names() {
        let content = pack(&name);
        let balance = Balance::of(&content);
        let (wins, none) = counted(&content);
        assert!(balance.exact, "{name}");
        assert_eq!(balance.answer_sets, all_answer_sets(&content).len() as u64);
        assert_eq!(balance.examined, balance.answer_sets);
        assert_eq!(balance.wins, wins, "{name}");
        assert_eq!(balance.no_fit, none, "{name}");
        // The shipped packs give every approach a real chance and ask nothing idle.
        assert_eq!(balance.findings, vec![], "{name}");
    }
}

#[test]
fn the_built_in_pack_shares_are_the_ones_the_readme_states() {
    // README.md quotes `make balance`: "self-run open wins …%, hosted open …%, …; …% are
    // exact ties and …% close calls", the same figures to one decimal.
    let readme = include_str!("../../../README.md");
    let line = readme
        .split("(`make balance`):\n")
        .nth(1)
        .expect("README.md quotes make balance");
    let quoted: Vec<String> = line
        .split('%')
        .take(6)
        .map(|part| part.rsplit([' ', '\n']).next().unwrap().to_owned())
        .collect();
    let content = pack("en.json");
    let balance = Balance::of(&content);
    let percent = |n: u64| format!("{:.1}", n as f64 / balance.examined as f64 * 100.0);
    let mut shares: Vec<String> = (0..content.approaches.len())
        .map(|a| format!("{:.1}", balance.share(a) * 100.0))
        .collect();
    shares.push(percent(balance.ties));
    shares.push(percent(balance.close_calls));
    assert_eq!(quoted, shares);
    // Every approach wins for at least 8% of answer sets (see advice.rs for why not
    // 10%), none for more than six in ten.
    for a in 0..content.approaches.len() {
        assert!(
            (0.08..=0.60).contains(&balance.share(a)),
            "{}",
            content.approaches[a].id
        );
    }
}

/// Three approaches, three questions: the third question's options weigh the same for
/// all, and Gamma gains a point only where Alpha gains three.
fn small_pack() -> Value {
    json!({
        "id": "t", "lang": "en", "title": "T", "intro": "I",
        "approaches": [
            { "id": "a", "name": "Alpha", "summary": "A." },
            { "id": "b", "name": "Beta", "summary": "B." },
            { "id": "c", "name": "Gamma", "summary": "C." }
        ],
        "dimensions": [{ "id": "d", "name": "D", "ratings": {
            "a": { "score": 3, "reason": "r" }, "b": { "score": 3, "reason": "r" }, "c": { "score": 3, "reason": "r" } } }],
        "questions": [
            { "id": "q1", "prompt": "One?", "options": [
                { "id": "x", "label": "X", "weights": { "a": 2 } },
                { "id": "y", "label": "Y", "weights": { "b": 2 } } ] },
            { "id": "q2", "prompt": "Two?", "options": [
                { "id": "x", "label": "X", "weights": { "a": 3, "c": 1 } },
                { "id": "y", "label": "Y", "weights": { "b": 1 } } ] },
            { "id": "q3", "prompt": "Three?", "options": [
                { "id": "x", "label": "X", "weights": { "a": 1, "b": 1, "c": 1 } },
                { "id": "y", "label": "Y", "weights": { "a": 2, "b": 2, "c": 2 } },
                { "id": "z", "label": "Z" } ] }
        ]
    })
}

#[test]
fn an_idle_question_and_an_approach_that_never_wins_are_found_with_examples() {
    let content = content(&small_pack());
    let balance = Balance::of(&content);
    let idle: Vec<usize> = (0..3).filter(|&q| !question_matters(&content, q)).collect();
    assert_eq!(idle, [2], "the pack is built so that only q3 is idle");

    let kinds: Vec<FindingKind> = balance.findings.iter().map(|f| f.kind).collect();
    assert!(
        kinds.contains(&FindingKind::QuestionNeverMatters { question: 2 }),
        "{kinds:?}"
    );
    assert!(!kinds
        .iter()
        .any(|k| matches!(k, FindingKind::QuestionNeverMatters { question } if *question != 2)));

    // Gamma never wins, and the example is where it came closest, as many points behind
    // as the finding says.
    let never = balance
        .findings
        .iter()
        .find(|f| matches!(f.kind, FindingKind::NeverWins { approach: 2, .. }))
        .expect("Gamma never wins");
    let FindingKind::NeverWins {
        behind: Some(behind),
        ..
    } = never.kind
    else {
        panic!("Gamma is never ruled out, so it has a closest answer set")
    };
    let outcome = score(&content, &never.example);
    let winner = outcome.recommended.unwrap();
    assert_eq!(
        shown(outcome.scores[winner]) - shown(outcome.scores[2]),
        behind
    );
    let closest_anywhere = all_answer_sets(&content)
        .iter()
        .map(|answers| {
            let outcome = score(&content, answers);
            shown(outcome.scores[outcome.recommended.unwrap()]) - shown(outcome.scores[2])
        })
        .fold(f64::INFINITY, f64::min);
    assert_eq!(behind, closest_anywhere);
    let message = never.message(&content, &balance);
    assert!(
        message.starts_with("Gamma is never recommended"),
        "{message}"
    );
    assert!(balance.findings.iter().all(|f| f.example.len() == 3));
}

#[test]
fn an_approach_that_wins_almost_always_is_found_with_an_answer_set_it_loses() {
    let mut value = small_pack();
    // Alpha gets 10 points from two of q3's answers; the third leaves the small pack's
    // 3 wins in 4: Alpha wins 11 of 12 answer sets.
    value["questions"][2]["options"][0]["weights"] = json!({ "a": 10 });
    value["questions"][2]["options"][1]["weights"] = json!({ "a": 10 });
    let content = content(&value);
    let balance = Balance::of(&content);
    let (wins, _) = counted(&content);
    assert_eq!(balance.wins, wins);
    assert_eq!(balance.wins[0], 11);
    let finding = balance
        .findings
        .iter()
        .find(|f| matches!(f.kind, FindingKind::AlmostAlwaysWins { approach: 0, .. }))
        .expect("Alpha wins almost always");
    assert_eq!(
        finding.kind,
        FindingKind::AlmostAlwaysWins {
            approach: 0,
            share: 11.0 / 12.0
        }
    );
    assert_eq!(
        recommendation(&content, &finding.example),
        Some(1),
        "the one answer set Beta wins"
    );
    let message = finding.message(&content, &balance);
    assert!(
        message.starts_with("Alpha is recommended for 91.7% of answer sets"),
        "{message}"
    );
}

#[test]
fn answers_that_together_rule_out_everything_are_found() {
    let mut value = small_pack();
    value["questions"][0]["options"][0]["rulesOut"] = json!({ "a": "No.", "c": "No." });
    value["questions"][1]["options"][1]["rulesOut"] = json!({ "b": "No." });
    let content = content(&value);
    let balance = Balance::of(&content);
    let (_, none) = counted(&content);
    assert_eq!(balance.no_fit, none);
    assert_eq!(none, 3, "q1=x and q2=y, whatever q3 says");
    let finding = balance
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::NoFit)
        .expect("a no-fit finding");
    assert_eq!(recommendation(&content, &finding.example), None);
    assert!(finding
        .message(&content, &balance)
        .starts_with("3 of 12 answer sets rule out every approach"));
}

#[test]
fn a_pack_too_large_to_walk_is_sampled_the_same_way_every_time() {
    // 8 options for each of 7 questions: 2,097,152 answer sets.
    let mut value = small_pack();
    let question = |n: usize| {
        json!({ "id": format!("q{n}"), "prompt": format!("Question {n}?"), "options": (0..8).map(|o| json!({
            "id": format!("o{o}"), "label": format!("O{o}"),
            "weights": { ["a", "b", "c"][(n + o) % 3]: (o % 4) as f64 }
        })).collect::<Vec<_>>() })
    };
    value["questions"] = (0..7).map(question).collect();
    let content = content(&value);
    let balance = Balance::of(&content);
    assert!(balance.answer_sets > EXACT_LIMIT);
    assert!(!balance.exact);
    assert_eq!(balance.examined, SAMPLE_SIZE);
    assert_eq!(
        balance.wins.iter().sum::<u64>() + balance.no_fit,
        SAMPLE_SIZE
    );
    assert_eq!(Balance::of(&content), balance, "a fixed seed");
    // Every approach wins somewhere in so even a pack.
    assert!(
        balance.wins.iter().all(|&w| w > SAMPLE_SIZE / 10),
        "{:?}",
        balance.wins
    );
}

#[test]
fn an_approach_that_wins_very_rarely_is_found_with_an_answer_set_it_wins() {
    // Three more questions whose answers rule Gamma out but for one each, which gives it
    // 10 points: where no answer rules it out, it wins, in 12 answer sets of 288 (4.2%).
    let mut value = small_pack();
    let out = json!({ "c": "No." });
    for (id, open, closed) in [("q4", 1, 2), ("q5", 1, 3), ("q6", 1, 1)] {
        let mut options =
            vec![json!({ "id": "open", "label": "Open", "weights": { "c": 10 / open } })];
        options.extend(
            (0..closed).map(|k| json!({ "id": format!("no{k}"), "label": "No", "rulesOut": out })),
        );
        value["questions"]
            .as_array_mut()
            .unwrap()
            .push(json!({ "id": id, "prompt": "More?", "options": options }));
    }
    let content = content(&value);
    let balance = Balance::of(&content);
    let (wins, _) = counted(&content);
    assert_eq!(balance.wins, wins);
    let share = balance.share(2);
    assert!(share > 0.0 && share < RARELY, "Gamma wins {share}");
    let finding = balance
        .findings
        .iter()
        .find(|f| matches!(f.kind, FindingKind::RarelyWins { approach: 2, .. }))
        .expect("Gamma wins rarely");
    assert_eq!(
        recommendation(&content, &finding.example),
        Some(2),
        "an answer set Gamma wins"
    );
    let message = finding.message(&content, &balance);
    assert!(
        message.starts_with("Gamma is recommended for only 4.2% of answer sets"),
        "{message}"
    );
    // Alpha and Beta win often enough: no such finding for them.
    assert!(!balance
        .findings
        .iter()
        .any(|f| matches!(f.kind, FindingKind::RarelyWins { approach, .. } if approach != 2)));
}
