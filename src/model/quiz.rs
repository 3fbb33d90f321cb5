//! The quiz as a state machine: which step the reader is on and what they answered.
//! Pure and deterministic; the view wraps it in Yew's `Reducible`.

use super::content::Content;

/// Where the reader is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Intro,
    /// Question index, from 0.
    Question(usize),
    Result,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Start,
    /// The reader picked `option` for `question`.
    Choose {
        question: usize,
        option: usize,
    },
    Next,
    Back,
    /// Clears every answer and starts again at the first question.
    Retake,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quiz {
    pub step: Step,
    /// Chosen option per question; `None` until answered.
    pub answers: Vec<Option<usize>>,
    /// Set when Next was pressed without an answer, so the view can say so.
    pub missing_answer: bool,
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
            missing_answer: false,
            option_counts,
        }
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
            (Action::Next, Step::Question(current)) => match self.answers[current] {
                None => next.missing_answer = true,
                Some(_) if Some(current) == last => next.step = Step::Result,
                Some(_) => next.step = Step::Question(current + 1),
            },
            (Action::Back, Step::Question(0)) => next.step = Step::Intro,
            (Action::Back, Step::Question(current)) => next.step = Step::Question(current - 1),
            (Action::Back, Step::Result) => next.step = Step::Question(last.unwrap_or(0)),
            (Action::Retake, _) => {
                next = Self::with_option_counts(self.option_counts.clone()).apply(&Action::Start)
            }
            _ => return self.clone(),
        }
        next
    }
}
