//! Scoring: a complete set of answers to a score per approach, how much each answer
//! contributed, which approaches the answers rule out, which dimensions the reader made
//! important, and the recommendation with the reason it is given.
//!
//! The score is linear in the answers, so it explains itself: an approach's score is
//! exactly the sum of every answer's contribution to it. An answer contributes
//! - its direct weight toward the approach, plus
//! - for every dimension the answer makes matter (its priorities), the priority times
//!   how far the approach's rating on that dimension sits from neutral, scaled so that
//!   a rating of 5 adds the full priority and a rating of 1 takes it away.
//!
//! The recommendation follows one rule (`decide`), stated in full in the README's "How
//! scoring works":
//! 1. An answer may rule approaches out (`rulesOut` in the pack). A ruled-out approach is
//!    never recommended, whatever it scores; if every approach is ruled out, nothing is.
//! 2. Scores are compared as the reader sees them, rounded to one decimal (`shown`), so
//!    a tie on screen is a tie in the rule.
//! 3. Of the approaches left, the highest score wins. An exact tie is broken by the
//!    reader's priorities (the tied approach rated higher on the dimensions the answers
//!    made important), then by the pack's order, and the result says so.
//! 4. The pack's near-tie rule (`tie`) may then recommend its third approach instead,
//!    but only when the two it names finished within its margin of each other, one of
//!    them leads, and the third is itself within the margin of the leader and is not
//!    the lowest-scoring approach still open: it can never pick an approach that trails
//!    the leader by more than the margin, nor the last of those left.
//! 5. A lead of at most `CLOSE_CALL` points is a close call, and the result says so.
//!
//! The explanation holds to the same standard as the rule. The reasons given for a
//! suggestion are answers that counted *for* it (and more for it than for the
//! runner-up); answers that counted against it are never reasons. Those that took at
//! least `AGAINST` points from it, or added nothing to it while the pack says what
//! following the suggestion takes (`caveats`), are listed apart as "in spite of".

use super::content::{Content, RATING_MAX, RATING_MIN};

/// Ratings above this help an approach; below it they count against it.
const NEUTRAL_RATING: f64 = (RATING_MIN + RATING_MAX) / 2.0;
const HALF_RANGE: f64 = (RATING_MAX - RATING_MIN) / 2.0;
/// How many answers the "why" names.
pub const REASON_COUNT: usize = 3;
/// How many dimensions the chart marks as the reader's priorities.
pub const PRIORITY_COUNT: usize = 3;
/// A lead of at most this many points, as shown, is a close call.
pub const CLOSE_CALL: f64 = 1.0;
/// An answer that took at least this many points from the suggestion counted against
/// it, and the result names it under "in spite of".
pub const AGAINST: f64 = 1.0;

#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The answers scored: chosen option per question.
    pub answers: Vec<usize>,
    /// Score per approach, in content order (unrounded: `shown` rounds for display).
    pub scores: Vec<f64>,
    /// `contributions[q][a]`: what the answer to question `q` added to approach `a`.
    pub contributions: Vec<Vec<f64>>,
    /// `ruled_out[a]`: the questions whose answers ruled approach `a` out, in question
    /// order; empty when it is still open.
    pub ruled_out: Vec<Vec<usize>>,
    /// How much the reader's answers made each dimension matter, in content order.
    pub importance: Vec<f64>,
    /// The dimensions that mattered most (indices, most important first, only those
    /// the answers raised at all).
    pub priorities: Vec<usize>,
    /// Index of the recommended approach; `None` when every approach is ruled out.
    pub recommended: Option<usize>,
    /// The approach the recommendation is compared with: the best-scoring other
    /// approach still open. `None` when no other approach is open.
    pub runner_up: Option<usize>,
    pub verdict: Verdict,
    /// Questions whose answers counted for the recommended approach and more for it
    /// than for the runner-up, most first (at most `REASON_COUNT`). Empty for a tie and
    /// when there is no runner-up.
    pub reasons: Vec<usize>,
    /// Questions whose answers counted against the recommended approach (at least
    /// `AGAINST` points), or added nothing to it and carry a caveat for it, the most
    /// against first.
    pub in_spite_of: Vec<usize>,
}

impl Outcome {
    /// Whether each approach is ruled out, in content order: what the charts and tables
    /// mark.
    pub fn ruled_out_flags(&self) -> Vec<bool> {
        self.ruled_out.iter().map(|by| !by.is_empty()).collect()
    }

    /// Whether the suggestion won by a whisker: an exact tie, a near tie, or a lead of
    /// at most `CLOSE_CALL` points.
    pub fn is_close_call(&self) -> bool {
        match self.verdict {
            Verdict::Lead { gap } => gap <= CLOSE_CALL + 1e-9,
            Verdict::Tie { .. } | Verdict::NearTie { .. } => true,
            Verdict::OnlyOneLeft | Verdict::NoFit => false,
        }
    }
}

/// How the recommendation was reached.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// The recommended approach scored highest of those open, `gap` points (as shown)
    /// ahead of the runner-up.
    Lead { gap: f64 },
    /// Every other approach was ruled out.
    OnlyOneLeft,
    /// These approaches (two or more, the recommended one among them) tied for the top
    /// score as shown; the tie was broken as `by` says.
    Tie { tied: Vec<usize>, by: TieBreak },
    /// The pack's near-tie rule: `between` finished `gap` points apart, and the
    /// recommended approach trails the leader by `behind` points, within the margin.
    NearTie {
        between: [usize; 2],
        gap: f64,
        behind: f64,
    },
    /// Every approach is ruled out: the answers conflict.
    NoFit,
}

/// How an exact tie was broken.
#[derive(Debug, Clone, PartialEq)]
pub enum TieBreak {
    /// The recommended approach rates higher on the reader's priorities (these
    /// dimensions, most important first).
    Priorities(Vec<usize>),
    /// Nothing else told them apart: the pack lists the recommended approach first.
    ContentOrder,
}

/// A score as the reader sees it: rounded to one decimal, halves away from zero (8.25
/// is 8.3 everywhere). The rule compares these, the widget, tables, downloads and
/// `ovp:complete` show them.
pub fn shown(score: f64) -> f64 {
    let rounded = (score * 10.0).round() / 10.0;
    // No "-0" for a score that rounds to nothing.
    if rounded == 0.0 {
        0.0
    } else {
        rounded
    }
}

/// What one answer adds to each approach's score.
pub fn contribution(content: &Content, question: usize, option: usize) -> Vec<f64> {
    let option = &content.questions[question].options[option];
    (0..content.approaches.len())
        .map(|a| {
            let direct = option
                .weights
                .get(&content.approaches[a].id)
                .copied()
                .unwrap_or(0.0);
            let through_priorities: f64 = content
                .dimensions
                .iter()
                .enumerate()
                .filter_map(|(d, dimension)| {
                    let priority = option.priorities.get(&dimension.id)?;
                    let rating = content.rating(d, a).score;
                    Some(priority * (rating - NEUTRAL_RATING) / HALF_RANGE)
                })
                .sum();
            direct + through_priorities
        })
        .collect()
}

/// Whether `answers` is a complete answer set for `content`: one existing option per
/// question. Answers from outside (saved progress, share links) must pass this before
/// they are scored.
pub fn answers_fit(content: &Content, answers: &[usize]) -> bool {
    answers.len() == content.questions.len()
        && answers
            .iter()
            .zip(&content.questions)
            .all(|(&o, q)| o < q.options.len())
}

/// Scores a complete answer set: `answers[q]` is the chosen option of question `q`;
/// `None` when the answers do not fit the content (see `answers_fit`).
pub fn try_score(content: &Content, answers: &[usize]) -> Option<Outcome> {
    answers_fit(content, answers).then(|| score(content, answers))
}

/// Scores a complete answer set: `answers[q]` is the chosen option of question `q`.
/// The answers must fit the content, as `Quiz::complete_answers` guarantees; use
/// `try_score` for answers from outside.
pub fn score(content: &Content, answers: &[usize]) -> Outcome {
    debug_assert!(answers_fit(content, answers));
    let tally = Tally::new(content, answers);
    let decision = decide(content, &tally);

    let mut priorities: Vec<usize> = rank(&tally.importance)
        .into_iter()
        .filter(|&d| tally.importance[d] > 0.0)
        .collect();
    priorities.truncate(PRIORITY_COUNT);

    let reasons = match (&decision.verdict, decision.recommended, decision.runner_up) {
        (Verdict::Tie { .. }, _, _) => Vec::new(),
        (_, Some(winner), Some(rival)) => {
            let mut questions = favouring(&tally.contributions, winner, rival);
            questions.truncate(REASON_COUNT);
            questions
        }
        _ => Vec::new(),
    };
    let in_spite_of = decision
        .recommended
        .map(|winner| against(content, answers, &tally.contributions, winner))
        .unwrap_or_default();

    Outcome {
        answers: answers.to_vec(),
        scores: tally.scores,
        contributions: tally.contributions,
        ruled_out: tally.ruled_out,
        importance: tally.importance,
        priorities,
        recommended: decision.recommended,
        runner_up: decision.runner_up,
        verdict: decision.verdict,
        reasons,
        in_spite_of,
    }
}

/// What the answers add up to, before any decision.
struct Tally {
    contributions: Vec<Vec<f64>>,
    scores: Vec<f64>,
    ruled_out: Vec<Vec<usize>>,
    importance: Vec<f64>,
}

/// What choosing one option does, with its ids looked up: its contribution to each
/// approach's score, the approaches it rules out, and its priority for each dimension.
struct Effect {
    contribution: Vec<f64>,
    rules_out: Vec<bool>,
    priorities: Vec<Option<f64>>,
}

impl Effect {
    fn of(content: &Content, question: usize, option: usize) -> Effect {
        let chosen = &content.questions[question].options[option];
        Effect {
            contribution: contribution(content, question, option),
            rules_out: content
                .approaches
                .iter()
                .map(|approach| chosen.rules_out.contains_key(&approach.id))
                .collect(),
            priorities: content
                .dimensions
                .iter()
                .map(|dimension| chosen.priorities.get(&dimension.id).copied())
                .collect(),
        }
    }

    /// Every option's effect, by question then option: a search over many answer sets
    /// (the counterfactual) looks each option up once rather than once per set it tries.
    fn all(content: &Content) -> Vec<Vec<Effect>> {
        (0..content.questions.len())
            .map(|q| {
                (0..content.questions[q].options.len())
                    .map(|o| Effect::of(content, q, o))
                    .collect()
            })
            .collect()
    }
}

impl Tally {
    fn new(content: &Content, answers: &[usize]) -> Tally {
        let effects: Vec<Effect> = answers
            .iter()
            .enumerate()
            .map(|(q, &o)| Effect::of(content, q, o))
            .collect();
        Tally::of(content, &effects.iter().collect::<Vec<_>>())
    }

    /// The tally of the chosen options' effects, one per question in order. Sums run
    /// in question order whichever way the effects were found, so a score is the same
    /// to the last bit.
    fn of(content: &Content, chosen: &[&Effect]) -> Tally {
        let contributions: Vec<Vec<f64>> = chosen.iter().map(|e| e.contribution.clone()).collect();
        let scores = (0..content.approaches.len())
            .map(|a| contributions.iter().map(|c| c[a]).sum())
            .collect();
        let ruled_out = (0..content.approaches.len())
            .map(|a| {
                (0..chosen.len())
                    .filter(|&q| chosen[q].rules_out[a])
                    .collect()
            })
            .collect();
        let importance = (0..content.dimensions.len())
            .map(|d| chosen.iter().filter_map(|e| e.priorities[d]).sum())
            .collect();
        Tally {
            contributions,
            scores,
            ruled_out,
            importance,
        }
    }
}

struct Decision {
    recommended: Option<usize>,
    runner_up: Option<usize>,
    verdict: Verdict,
}

/// The rule of the module's doc, steps 1 to 4.
fn decide(content: &Content, tally: &Tally) -> Decision {
    let shown_scores: Vec<f64> = tally.scores.iter().map(|&s| shown(s)).collect();
    let open: Vec<usize> = rank(&shown_scores)
        .into_iter()
        .filter(|&a| tally.ruled_out[a].is_empty())
        .collect();
    let Some(&first) = open.first() else {
        return Decision {
            recommended: None,
            runner_up: None,
            verdict: Verdict::NoFit,
        };
    };
    if open.len() == 1 {
        return Decision {
            recommended: Some(first),
            runner_up: None,
            verdict: Verdict::OnlyOneLeft,
        };
    }
    let top = shown_scores[first];
    let tied: Vec<usize> = open
        .iter()
        .copied()
        .filter(|&a| shown_scores[a] == top)
        .collect();
    let (leader, mut verdict) = if tied.len() > 1 {
        let (winner, by) = break_tie(content, &tied, &tally.importance);
        (winner, Verdict::Tie { tied, by })
    } else {
        let gap = shown(top - shown_scores[open[1]]);
        (first, Verdict::Lead { gap })
    };
    let mut recommended = leader;

    if let Some(rule) = &content.tie {
        let index = |id: &str| content.approach_index(id);
        if let (Some(x), Some(y), Some(third)) = (
            index(&rule.between[0]),
            index(&rule.between[1]),
            index(&rule.recommend),
        ) {
            let is_open = |a: usize| open.contains(&a);
            let last = open
                .iter()
                .map(|&a| shown_scores[a])
                .fold(f64::INFINITY, f64::min);
            let gap = shown((shown_scores[x] - shown_scores[y]).abs());
            let behind = shown(shown_scores[leader] - shown_scores[third]);
            if (leader == x || leader == y)
                && is_open(x)
                && is_open(y)
                && is_open(third)
                && third != leader
                && gap <= rule.margin
                && behind <= rule.margin
                && shown_scores[third] > last
            {
                recommended = third;
                verdict = Verdict::NearTie {
                    between: [x, y],
                    gap,
                    behind,
                };
            }
        }
    }
    let runner_up = open.iter().copied().find(|&a| a != recommended);
    Decision {
        recommended: Some(recommended),
        runner_up,
        verdict,
    }
}

/// The winner of an exact tie among `tied` (in content order of equal scores): the one
/// rated highest on the dimensions the reader's answers made important, weighted by how
/// important; when that does not separate them either, the first in the pack.
fn break_tie(content: &Content, tied: &[usize], importance: &[f64]) -> (usize, TieBreak) {
    let on_priorities: Vec<f64> = tied
        .iter()
        .map(|&a| {
            importance
                .iter()
                .enumerate()
                .map(|(d, weight)| weight * content.rating(d, a).score)
                .sum()
        })
        .collect();
    let order = rank(&on_priorities);
    let (best, second) = (order[0], order[1]);
    if on_priorities[best] > on_priorities[second] + 1e-9 {
        let mut dimensions: Vec<usize> = rank(importance)
            .into_iter()
            .filter(|&d| importance[d] > 0.0)
            .collect();
        dimensions.truncate(PRIORITY_COUNT);
        (tied[best], TieBreak::Priorities(dimensions))
    } else {
        let first = *tied.iter().min().expect("a tie has two approaches");
        (first, TieBreak::ContentOrder)
    }
}

/// The approach recommended for a complete answer set, by the full rule; the same as
/// `score(content, answers).recommended`, without the explanation.
pub fn recommendation(content: &Content, answers: &[usize]) -> Option<usize> {
    decide(content, &Tally::new(content, answers)).recommended
}

/// One changed answer that would have changed the recommendation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Counterfactual {
    pub question: usize,
    /// The option that, chosen instead, changes the recommendation.
    pub option: usize,
    /// What would have been recommended then.
    pub recommended: usize,
}

/// The smallest single change of answer that leads to another recommendation, under the
/// full rule (constraints and tie rule included): every other option of every question
/// is tried, and of those that recommend another approach, the one that moves the scores
/// least (summed over approaches) wins; equal moves go to the earlier question and
/// option, so the answer is always the same. A change that would leave every approach
/// ruled out is not offered. `None` when no single answer would change it.
pub fn counterfactual(content: &Content, outcome: &Outcome) -> Option<Counterfactual> {
    let mut best: Option<(f64, Counterfactual)> = None;
    let effects = Effect::all(content);
    let mut changed: Vec<&Effect> = (0..content.questions.len())
        .map(|q| &effects[q][outcome.answers[q]])
        .collect();
    for (q, question) in content.questions.iter().enumerate() {
        let current = &outcome.contributions[q];
        for option in (0..question.options.len()).filter(|&o| o != outcome.answers[q]) {
            changed[q] = &effects[q][option];
            // Decided from scratch, not by adjusting the current scores: summed in the
            // same order, the scores round exactly as they will when the reader applies
            // the change, so the named approach is the one they get.
            let recommended = decide(content, &Tally::of(content, &changed)).recommended;
            changed[q] = &effects[q][outcome.answers[q]];
            let Some(recommended) = recommended.filter(|&r| Some(r) != outcome.recommended) else {
                continue;
            };
            let other = &effects[q][option].contribution;
            let moved: f64 = current.iter().zip(other).map(|(c, o)| (c - o).abs()).sum();
            if best.as_ref().is_none_or(|(least, _)| moved < *least) {
                let change = Counterfactual {
                    question: q,
                    option,
                    recommended,
                };
                best = Some((moved, change));
            }
        }
    }
    best.map(|(_, change)| change)
}

/// Indices from the highest value to the lowest; equal values keep content order, so
/// the same answers always give the same ranking. Every ranking in the widget goes
/// through here, which also keeps the Wasm to one copy of the sort.
pub fn rank(scores: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    order
}

/// Questions whose answers counted for approach `a` and favoured it over `rival`, most
/// first. An answer that took points from `a` is never listed, even when it took more
/// from the rival: nobody is persuaded by the answer that counted against the advice.
fn favouring(contributions: &[Vec<f64>], a: usize, rival: usize) -> Vec<usize> {
    let advantages: Vec<f64> = contributions.iter().map(|c| c[a] - c[rival]).collect();
    let mut questions = rank(&advantages);
    questions.retain(|&q| advantages[q] > 1e-9 && contributions[q][a] > 1e-9);
    questions
}

/// Questions whose answers counted against approach `a` by at least `AGAINST` points,
/// or did not count for it and whose option says what following `a` takes (a need it
/// does not meet, such as the strongest model for an approach rated middling on it),
/// the most against first. Never an answer that counted for `a`.
fn against(
    content: &Content,
    answers: &[usize],
    contributions: &[Vec<f64>],
    a: usize,
) -> Vec<usize> {
    let id = &content.approaches[a].id;
    let cost: Vec<f64> = contributions.iter().map(|c| -c[a]).collect();
    let mut questions = rank(&cost);
    questions.retain(|&q| {
        let caveat = content.questions[q].options[answers[q]]
            .caveats
            .contains_key(id);
        cost[q] >= AGAINST - 1e-9 || (caveat && cost[q] >= -1e-9)
    });
    questions
}
