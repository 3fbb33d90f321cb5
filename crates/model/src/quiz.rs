//! The quiz as a state machine: which step the reader is on and what they answered.
//! Pure and deterministic; the view wraps it in Yew's `Reducible`.

use super::content::Content;

/// Where the reader is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Intro,
    /// Question index, from 0.
    Question(usize),
    /// "Check your answers": every question with its answer, before the result.
    Summary,
    Result,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Action {
    Start,
    /// The reader picked `option` for `question`.
    Choose {
        question: usize,
        option: usize,
    },
    /// The reader gave `value` for `question`, which asks for a number; `option` is the
    /// band it falls in (`NumberQuestion::option_for`), which is the answer.
    Enter {
        question: usize,
        value: f64,
        option: usize,
    },
    Next,
    Back,
    /// From the summary: revisit this question; Next (or Back) then returns to the summary.
    Change(usize),
    /// Clears every answer and starts again at the first question.
    Retake,
    /// On the result: the reader tries `option` for `question` and stays on the result,
    /// which follows the answers as they now stand.
    Explore {
        question: usize,
        option: usize,
    },
    /// On the result: back to the answers as they were before exploring began.
    StopExploring,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quiz {
    pub step: Step,
    /// Chosen option per question; `None` until answered.
    pub answers: Vec<Option<usize>>,
    /// The number given, per question that asks for one. It stands for the answer only
    /// while it falls in the answer's band: an answer changed on the result leaves it
    /// behind, and Back to my answers brings both together again.
    pub numbers: Vec<Option<f64>>,
    /// Set when Next was pressed without an answer, so the view can say so.
    pub missing_answer: bool,
    /// Set while the reader changes one answer from the summary: leaving the question
    /// returns there instead of walking through the rest.
    pub reviewing: bool,
    /// On the result, while the answers differ from those the reader first reached it
    /// with: those answers, for the result to show what the change moved and to return
    /// to. `None` once they are the same again, or the reader leaves the result.
    pub before_exploring: Option<Vec<usize>>,
    /// How many options each question has, to refuse a choice that does not exist.
    option_counts: Vec<usize>,
}

impl Quiz {
    pub fn new(content: &Content) -> Self {
        Self::with_option_counts(content.questions.iter().map(|q| q.options.len()).collect())
    }

    fn with_option_counts(option_counts: Vec<usize>) -> Self {
        Quiz {
            step: Step::Intro,
            answers: vec![None; option_counts.len()],
            numbers: vec![None; option_counts.len()],
            missing_answer: false,
            reviewing: false,
            before_exploring: None,
            option_counts,
        }
    }

    /// A quiz for `content` at `step` with `answers`, as saved earlier or read from a
    /// share link. `None` when the pair cannot happen: an answer out of range, the wrong
    /// number of answers, or a step past a question that has no answer yet.
    pub fn restore(content: &Content, step: Step, answers: Vec<Option<usize>>) -> Option<Quiz> {
        let mut quiz = Quiz::new(content);
        if answers.len() != quiz.answers.len()
            || answers
                .iter()
                .zip(&quiz.option_counts)
                .any(|(answer, &count)| answer.is_some_and(|o| o >= count))
        {
            return None;
        }
        let answered_before = |q: usize| answers[..q].iter().all(Option::is_some);
        let possible = match step {
            Step::Intro => true,
            Step::Question(q) => q < answers.len() && answered_before(q),
            Step::Summary | Step::Result => answers.iter().all(Option::is_some),
        };
        if !possible {
            return None;
        }
        quiz.step = step;
        quiz.answers = answers;
        Some(quiz)
    }

    pub fn question_count(&self) -> usize {
        self.answers.len()
    }

    /// Every answer, once all questions have one.
    pub fn complete_answers(&self) -> Option<Vec<usize>> {
        self.answers.iter().copied().collect()
    }

    /// The state after `action`. Actions that make no sense in the current step (a
    /// choice for another question or a missing option, Next on the intro) change nothing.
    pub fn apply(&self, action: &Action) -> Quiz {
        let mut next = self.clone();
        next.missing_answer = false;
        let last = self.question_count().checked_sub(1);
        match (*action, self.step) {
            (Action::Start, Step::Intro) if last.is_some() => next.step = Step::Question(0),
            (Action::Choose { question, option }, Step::Question(current))
                if question == current && option < self.option_counts[current] =>
            {
                next.answers[question] = Some(option);
            }
            (
                Action::Enter {
                    question,
                    value,
                    option,
                },
                Step::Question(current),
            ) if question == current
                && option < self.option_counts[current]
                && value.is_finite() =>
            {
                next.answers[question] = Some(option);
                next.numbers[question] = Some(value);
            }
            (Action::Next, Step::Question(current)) => match self.answers[current] {
                None => next.missing_answer = true,
                Some(_) if self.reviewing || Some(current) == last => {
                    next.reviewing = false;
                    next.step = Step::Summary;
                }
                Some(_) => next.step = Step::Question(current + 1),
            },
            (Action::Next, Step::Summary) if self.complete_answers().is_some() => {
                next.step = Step::Result
            }
            // Changing an answer from the summary: Back returns there too (every question
            // was answered before the summary, so it stays whole).
            (Action::Back, Step::Question(_)) if self.reviewing => {
                next.reviewing = false;
                next.step = Step::Summary;
            }
            (Action::Back, Step::Question(0)) => next.step = Step::Intro,
            (Action::Back, Step::Question(current)) => next.step = Step::Question(current - 1),
            (Action::Back, Step::Summary) => next.step = Step::Question(last.unwrap_or(0)),
            (Action::Back, Step::Result) => {
                next.before_exploring = None;
                next.step = Step::Summary;
            }
            (Action::Change(question), Step::Summary) if question < self.question_count() => {
                next.reviewing = true;
                next.step = Step::Question(question);
            }
            (Action::Explore { question, option }, Step::Result)
                if question < self.question_count() && option < self.option_counts[question] =>
            {
                let before = self
                    .before_exploring
                    .clone()
                    .or_else(|| self.complete_answers());
                next.answers[question] = Some(option);
                next.before_exploring =
                    before.filter(|before| Some(before) != next.complete_answers().as_ref());
            }
            (Action::StopExploring, Step::Result) if self.before_exploring.is_some() => {
                let before = next.before_exploring.take().unwrap_or_default();
                next.answers = before.into_iter().map(Some).collect();
            }
            (Action::Retake, _) => {
                next = Self::with_option_counts(self.option_counts.clone()).apply(&Action::Start)
            }
            _ => return self.clone(),
        }
        next
    }
}
