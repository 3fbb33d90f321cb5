//! Scoring: a complete set of answers to a score per approach, how much each answer
//! contributed, which dimensions the reader made important, and the recommendation.
//!
//! The score is linear in the answers, so it explains itself: an approach's score is
//! exactly the sum of every answer's contribution to it. An answer contributes
//! - its direct weight toward the approach, plus
//! - for every dimension the answer makes matter (its priorities), the priority times
//!   how far the approach's rating on that dimension sits from neutral, scaled so that
//!   a rating of 5 adds the full priority and a rating of 1 takes it away.

use super::content::{Content, RATING_MAX, RATING_MIN};

/// Ratings above this help an approach; below it they count against it.
const NEUTRAL_RATING: f64 = (RATING_MIN + RATING_MAX) / 2.0;
const HALF_RANGE: f64 = (RATING_MAX - RATING_MIN) / 2.0;
/// How many answers the "why" names.
pub const REASON_COUNT: usize = 3;
/// How many dimensions the chart marks as the reader's priorities.
pub const PRIORITY_COUNT: usize = 3;

#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The answers scored: chosen option per question.
    pub answers: Vec<usize>,
    /// Score per approach, in content order.
    pub scores: Vec<f64>,
    /// `contributions[q][a]`: what the answer to question `q` added to approach `a`.
    pub contributions: Vec<Vec<f64>>,
    /// How much the reader's answers made each dimension matter, in content order.
    pub importance: Vec<f64>,
    /// The dimensions that mattered most (indices, most important first, only those
    /// the answers raised at all).
    pub priorities: Vec<usize>,
    /// Index of the recommended approach.
    pub recommended: usize,
    /// Index of the approach with the highest score (differs from `recommended` only
    /// when the tie rule applied).
    pub leader: usize,
    pub basis: Basis,
}

/// Why the recommended approach won, naming the answers that mattered.
#[derive(Debug, Clone, PartialEq)]
pub enum Basis {
    /// The recommended approach scored highest; these questions (indices) gave it the
    /// largest lead over the runner-up, largest first.
    Lead {
        runner_up: usize,
        questions: Vec<usize>,
    },
    /// The two approaches of the tie rule finished within its margin; for each, the
    /// question whose answer pulled hardest toward it.
    NearTie {
        sides: [(usize, Option<usize>); 2],
        gap: f64,
    },
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
    let approach_count = content.approaches.len();
    let contributions: Vec<Vec<f64>> = answers
        .iter()
        .enumerate()
        .map(|(q, &o)| contribution(content, q, o))
        .collect();
    let scores: Vec<f64> = (0..approach_count)
        .map(|a| contributions.iter().map(|c| c[a]).sum())
        .collect();
    let importance: Vec<f64> = content
        .dimensions
        .iter()
        .map(|dimension| {
            answers
                .iter()
                .enumerate()
                .filter_map(|(q, &o)| {
                    content.questions[q].options[o]
                        .priorities
                        .get(&dimension.id)
                })
                .sum()
        })
        .collect();

    let mut priorities: Vec<usize> = rank(&importance)
        .into_iter()
        .filter(|&d| importance[d] > 0.0)
        .collect();
    priorities.truncate(PRIORITY_COUNT);

    let (leader, near_tie) = decide(content, &scores);
    let (recommended, basis) = match near_tie {
        Some(NearTie {
            x,
            y,
            recommend,
            gap,
        }) => {
            let strongest = |a: usize| strongest_pulls(&contributions, a, None).first().copied();
            (
                recommend,
                Basis::NearTie {
                    sides: [(x, strongest(x)), (y, strongest(y))],
                    gap,
                },
            )
        }
        None => {
            let runner_up = rank(&scores).get(1).copied().unwrap_or(leader);
            let mut questions = strongest_pulls(&contributions, leader, Some(runner_up));
            questions.truncate(REASON_COUNT);
            (
                leader,
                Basis::Lead {
                    runner_up,
                    questions,
                },
            )
        }
    };

    Outcome {
        answers: answers.to_vec(),
        scores,
        contributions,
        importance,
        priorities,
        recommended,
        leader,
        basis,
    }
}

/// The tie rule's verdict: approaches `x` and `y` finished `gap` apart, within its margin.
struct NearTie {
    x: usize,
    y: usize,
    recommend: usize,
    gap: f64,
}

/// The leader of `scores` and, when the tie rule applies, the near tie.
fn decide(content: &Content, scores: &[f64]) -> (usize, Option<NearTie>) {
    let leader = rank(scores)[0];
    let near_tie = content.tie.as_ref().and_then(|tie| {
        let x = content.approach_index(&tie.between[0])?;
        let y = content.approach_index(&tie.between[1])?;
        let recommend = content.approach_index(&tie.recommend)?;
        let gap = (scores[x] - scores[y]).abs();
        ((leader == x || leader == y) && gap <= tie.margin).then_some(NearTie {
            x,
            y,
            recommend,
            gap,
        })
    });
    (leader, near_tie)
}

/// The approach recommended for `scores`: the leader, unless the tie rule applies.
pub fn recommend(content: &Content, scores: &[f64]) -> usize {
    match decide(content, scores) {
        (_, Some(near_tie)) => near_tie.recommend,
        (leader, None) => leader,
    }
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

/// The smallest single change of answer that changes the recommendation: every other
/// option of every question is tried, and of those that change it, the one that moves
/// the scores least (summed over approaches) wins; equal moves go to the earlier
/// question and option, so the answer is always the same. `None` when no single answer
/// would change it.
pub fn counterfactual(content: &Content, outcome: &Outcome) -> Option<Counterfactual> {
    let mut best: Option<(f64, Counterfactual)> = None;
    for (q, question) in content.questions.iter().enumerate() {
        let current = &outcome.contributions[q];
        for option in (0..question.options.len()).filter(|&o| o != outcome.answers[q]) {
            let other = contribution(content, q, option);
            let scores: Vec<f64> = (0..outcome.scores.len())
                .map(|a| outcome.scores[a] - current[a] + other[a])
                .collect();
            let recommended = recommend(content, &scores);
            if recommended == outcome.recommended {
                continue;
            }
            let moved: f64 = current.iter().zip(&other).map(|(c, o)| (c - o).abs()).sum();
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

/// Questions whose answers favoured approach `a` (over `rival`, if given), most first.
/// Only answers that actually helped are listed.
fn strongest_pulls(contributions: &[Vec<f64>], a: usize, rival: Option<usize>) -> Vec<usize> {
    let advantages: Vec<f64> = contributions
        .iter()
        .map(|c| c[a] - rival.map_or(0.0, |r| c[r]))
        .collect();
    let mut questions = rank(&advantages);
    questions.retain(|&q| advantages[q] > 0.0);
    questions
}
