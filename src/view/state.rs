//! Adapts the model's pure state machine to Yew's reducer hook.

use ovp_model::quiz::{Action, Quiz};
use std::ops::Deref;
use std::rc::Rc;
use yew::Reducible;

#[derive(Debug, Clone, PartialEq)]
pub struct QuizState(pub Quiz);

impl Reducible for QuizState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        #[cfg(feature = "test-hooks")]
        crate::test_hooks::panic_if_armed();
        let next = self.0.apply(&action);
        if next == self.0 {
            self
        } else {
            Rc::new(QuizState(next))
        }
    }
}

impl Deref for QuizState {
    type Target = Quiz;

    fn deref(&self) -> &Quiz {
        &self.0
    }
}
