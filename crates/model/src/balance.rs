//! How balanced a content pack's advice is: over its answer sets, how often each approach
//! is recommended, and what an author should look at before publishing (an approach
//! that can never win, wins very rarely or nearly always does, a question whose answer
//! never changes the
//! advice, answers that together rule out every approach), each with an answer set that
//! shows it. `make balance` prints it for a pack; the studio shows it for a draft.

use super::content::Content;
use super::scoring::{score, shown, Verdict};

/// Packs with at most this many answer sets are walked exhaustively; larger ones are
/// sampled (a million scorings take a few seconds in the browser, off its main thread).
pub const EXACT_LIMIT: u64 = 1_000_000;
/// Answer sets drawn from a larger pack.
pub const SAMPLE_SIZE: u64 = 100_000;
/// Of those, how many are also tried with every other answer to every question, to
/// find questions that never change the advice (each costs a scoring per option).
const SAMPLE_MATTER_CHECKS: u64 = 2_000;
/// An approach recommended for at least this share of answer sets leaves the quiz
/// little to decide: nine readers in ten get the same advice whatever they answer.
pub const ALMOST_ALWAYS: f64 = 0.9;
/// An approach recommended for fewer than this share of answer sets (but some) reaches
/// one reader in twenty or fewer: worth a look, as an approach that never wins is.
pub const RARELY: f64 = 0.05;

/// What the balance of a pack's advice looks like.
#[derive(Debug, Clone, PartialEq)]
pub struct Balance {
    /// Every possible answer set (the product of each question's option count,
    /// saturating at `u64::MAX`).
    pub answer_sets: u64,
    /// How many were scored: all of them when `exact`, else `SAMPLE_SIZE`.
    pub examined: u64,
    pub exact: bool,
    /// Per approach, in pack order: the answer sets it is recommended for.
    pub wins: Vec<u64>,
    /// Answer sets that rule out every approach.
    pub no_fit: u64,
    /// Decided by an exact tie, or by the near-tie rule.
    pub ties: u64,
    pub near_ties: u64,
    /// Said as a close call: a lead of at most `scoring::CLOSE_CALL` points, a tie or
    /// a near tie.
    pub close_calls: u64,
    pub findings: Vec<Finding>,
}

/// Something an author should look at, with an answer set that shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub kind: FindingKind,
    /// One option index per question.
    pub example: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FindingKind {
    /// The approach is recommended for no answer set; the example is where it came
    /// closest (`behind`: points behind the recommendation, as shown), or `None` when
    /// every answer set examined rules it out.
    NeverWins {
        approach: usize,
        behind: Option<f64>,
    },
    /// The approach is recommended for some answer sets, but fewer than `RARELY` of them;
    /// the example is one it is recommended for.
    RarelyWins { approach: usize, share: f64 },
    /// The approach is recommended for at least `ALMOST_ALWAYS` of the answer sets; the
    /// example is one where it is not, if any.
    AlmostAlwaysWins { approach: usize, share: f64 },
    /// Whatever the reader answers here, the recommendation stays the same (in every
    /// answer set examined); the example is any answer set.
    QuestionNeverMatters { question: usize },
    /// Some answer sets rule out every approach; the example is the first found.
    NoFit,
}

impl Balance {
    /// A pack's balance: exhaustive up to `EXACT_LIMIT` answer sets, else a sample of
    /// `SAMPLE_SIZE` drawn with a fixed seed, so the same draft gives the same figures.
    pub fn of(content: &Content) -> Balance {
        let counts: Vec<usize> = content.questions.iter().map(|q| q.options.len()).collect();
        let answer_sets = counts
            .iter()
            .try_fold(1u64, |n, &c| n.checked_mul(c as u64))
            .unwrap_or(u64::MAX);
        let exact = answer_sets <= EXACT_LIMIT;
        let mut walk = Walk::new(content);
        if exact {
            let mut answers = vec![0; counts.len()];
            for _ in 0..answer_sets {
                walk.visit(&answers);
                next_answer_set(&mut answers, &counts);
            }
            walk.find_exact_question_effects(&counts);
        } else {
            let mut random = XorShift(0x9E37_79B9_7F4A_7C15);
            let mut answers = vec![0; counts.len()];
            for n in 0..SAMPLE_SIZE {
                for (a, &c) in answers.iter_mut().zip(&counts) {
                    *a = random.below(c);
                }
                walk.visit(&answers);
                if n < SAMPLE_MATTER_CHECKS {
                    walk.try_each_other_answer(&answers, &counts);
                }
            }
        }
        walk.finish(answer_sets, exact)
    }

    /// The approach's share of the answer sets examined, from 0 to 1.
    pub fn share(&self, approach: usize) -> f64 {
        self.wins[approach] as f64 / self.examined as f64
    }
}

impl Finding {
    /// What the studio says about it, in English (the studio's language).
    pub fn message(&self, content: &Content, balance: &Balance) -> String {
        let approach = |a: usize| &content.approaches[a].name;
        let sets = if balance.exact {
            "answer set"
        } else {
            "sampled answer set"
        };
        match self.kind {
            FindingKind::NeverWins {
                approach: a,
                behind: Some(behind),
            } => format!(
                "{} is never recommended, for any {sets}. It comes closest, {behind:.1} points behind, with the answers shown.",
                approach(a)
            ),
            FindingKind::NeverWins {
                approach: a,
                behind: None,
            } => format!(
                "{} is never recommended: every {sets} rules it out, as the answers shown do.",
                approach(a)
            ),
            FindingKind::RarelyWins { approach: a, share } => format!(
                "{} is recommended for only {:.1}% of {sets}s, such as the answers shown: few readers will see it.",
                approach(a),
                share * 100.0
            ),
            FindingKind::AlmostAlwaysWins { approach: a, share } => format!(
                "{} is recommended for {:.1}% of {sets}s: the answers rarely change the advice.{}",
                approach(a),
                share * 100.0,
                if share < 1.0 { " The answers shown get other advice." } else { "" }
            ),
            FindingKind::QuestionNeverMatters { question } => format!(
                "No answer to \"{}\" changes the recommendation, in any {sets}.",
                content.questions[question].prompt
            ),
            FindingKind::NoFit => format!(
                "{} of {} {sets}s rule out every approach, such as the answers shown; the reader then gets no recommendation.",
                balance.no_fit, balance.examined
            ),
        }
    }
}

/// The tallies kept while answer sets are scored.
struct Walk<'a> {
    content: &'a Content,
    wins: Vec<u64>,
    /// Where each approach came closest without winning: points behind, answers.
    closest: Vec<Option<(f64, Vec<usize>)>>,
    /// For each approach, an answer set it is not recommended for.
    lost: Vec<Option<Vec<usize>>>,
    /// For each approach, the first answer set it is recommended for.
    won: Vec<Option<Vec<usize>>>,
    no_fit: u64,
    first_no_fit: Option<Vec<usize>>,
    ties: u64,
    near_ties: u64,
    close_calls: u64,
    examined: u64,
    /// The recommendation of every answer set, in walk order (exact walks only);
    /// `NONE` where none fits.
    recommendations: Vec<u8>,
    /// Questions seen to change the recommendation.
    matters: Vec<bool>,
}

const NONE: u8 = u8::MAX;

impl<'a> Walk<'a> {
    fn new(content: &'a Content) -> Walk<'a> {
        let approaches = content.approaches.len();
        Walk {
            content,
            wins: vec![0; approaches],
            closest: vec![None; approaches],
            lost: vec![None; approaches],
            won: vec![None; approaches],
            no_fit: 0,
            first_no_fit: None,
            ties: 0,
            near_ties: 0,
            close_calls: 0,
            examined: 0,
            recommendations: Vec::new(),
            matters: vec![false; content.questions.len()],
        }
    }

    fn visit(&mut self, answers: &[usize]) {
        let outcome = score(self.content, answers);
        self.examined += 1;
        self.recommendations
            .push(outcome.recommended.map_or(NONE, |a| a as u8));
        if outcome.is_close_call() {
            self.close_calls += 1;
        }
        match outcome.verdict {
            Verdict::Tie { .. } => self.ties += 1,
            Verdict::NearTie { .. } => self.near_ties += 1,
            _ => {}
        }
        let Some(winner) = outcome.recommended else {
            self.no_fit += 1;
            self.first_no_fit.get_or_insert_with(|| answers.to_vec());
            return;
        };
        self.wins[winner] += 1;
        self.won[winner].get_or_insert_with(|| answers.to_vec());
        let best = shown(outcome.scores[winner]);
        for a in 0..self.wins.len() {
            if a == winner {
                continue;
            }
            self.lost[a].get_or_insert_with(|| answers.to_vec());
            if !outcome.ruled_out[a].is_empty() {
                continue;
            }
            let behind = best - shown(outcome.scores[a]);
            if self.closest[a].as_ref().is_none_or(|(b, _)| behind < *b) {
                self.closest[a] = Some((behind, answers.to_vec()));
            }
        }
    }

    /// Sampled walks: every other answer to every question, from one answer set.
    fn try_each_other_answer(&mut self, answers: &[usize], counts: &[usize]) {
        let here = score(self.content, answers).recommended;
        let mut changed = answers.to_vec();
        for (q, &count) in counts.iter().enumerate() {
            if self.matters[q] {
                continue;
            }
            for option in (0..count).filter(|&o| o != answers[q]) {
                changed[q] = option;
                if score(self.content, &changed).recommended != here {
                    self.matters[q] = true;
                    break;
                }
            }
            changed[q] = answers[q];
        }
    }

    /// Exact walks: a question matters if two answer sets that differ only in it got
    /// different recommendations. In walk order the first question varies fastest, so
    /// the sets that differ only in question `q` lie `stride` apart, `stride` being the
    /// product of the option counts of the questions before it.
    fn find_exact_question_effects(&mut self, counts: &[usize]) {
        let recommendations = &self.recommendations;
        let mut stride = 1;
        for (q, &count) in counts.iter().enumerate() {
            let block = stride * count;
            self.matters[q] = (0..recommendations.len()).step_by(block).any(|start| {
                (start..start + stride).any(|first| {
                    (1..count)
                        .any(|k| recommendations[first + k * stride] != recommendations[first])
                })
            });
            stride = block;
        }
    }

    fn finish(self, answer_sets: u64, exact: bool) -> Balance {
        let mut findings = Vec::new();
        let first_set = vec![0; self.content.questions.len()];
        for (a, &wins) in self.wins.iter().enumerate() {
            let share = wins as f64 / self.examined as f64;
            if wins == 0 {
                let (behind, example) = match &self.closest[a] {
                    Some((behind, example)) => (Some(*behind), example.clone()),
                    None => (None, first_set.clone()),
                };
                findings.push(Finding {
                    kind: FindingKind::NeverWins {
                        approach: a,
                        behind,
                    },
                    example,
                });
            } else if share < RARELY {
                findings.push(Finding {
                    kind: FindingKind::RarelyWins { approach: a, share },
                    example: self.won[a].clone().unwrap_or_else(|| first_set.clone()),
                });
            } else if share >= ALMOST_ALWAYS {
                findings.push(Finding {
                    kind: FindingKind::AlmostAlwaysWins { approach: a, share },
                    example: self.lost[a].clone().unwrap_or_else(|| first_set.clone()),
                });
            }
        }
        for (question, &matters) in self.matters.iter().enumerate() {
            if !matters {
                findings.push(Finding {
                    kind: FindingKind::QuestionNeverMatters { question },
                    example: first_set.clone(),
                });
            }
        }
        if let Some(example) = self.first_no_fit {
            findings.push(Finding {
                kind: FindingKind::NoFit,
                example,
            });
        }
        Balance {
            answer_sets,
            examined: self.examined,
            exact,
            wins: self.wins,
            no_fit: self.no_fit,
            ties: self.ties,
            near_ties: self.near_ties,
            close_calls: self.close_calls,
            findings,
        }
    }
}

/// The next answer set in walk order: the first question's answer varies fastest.
fn next_answer_set(answers: &mut [usize], counts: &[usize]) {
    for (a, &c) in answers.iter_mut().zip(counts) {
        *a += 1;
        if *a < c {
            return;
        }
        *a = 0;
    }
}

/// A small fixed-seed generator for samples: reproducible, and no dependency for it.
struct XorShift(u64);

impl XorShift {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}
