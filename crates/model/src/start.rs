//! Where a widget starts: on the result of a share code in the page's address, where
//! the reader left off (saved progress), or at the intro. The embed layer reads the
//! address and the storage; the decision, and what a bad code does, is made here.

use super::content::Content;
use super::quiz::{Quiz, Step};
use super::share::{self, ShareError};

/// The first state of a widget, and why.
#[derive(Debug, Clone, PartialEq)]
pub enum Start {
    /// At the intro: no share code, and nothing (sound) saved.
    Fresh,
    /// Where the reader left off.
    Saved(Quiz),
    /// On the result of the answers in a share code. Someone else's result: it is not
    /// saved over the reader's own progress unless they go on from it.
    Shared(Quiz),
    /// Where the widget was when the Wasm instance it shared with other widgets
    /// stopped (a panic in one of them), carried over to a new instance: the reader
    /// loses nothing to a neighbour's failure.
    Carried(Quiz),
    /// At the intro, because the address holds a share code that cannot be read
    /// (mistyped, cut short, made for other content). The reader is told; saved
    /// progress is not used either, so a broken link never opens someone's old answers.
    BadCode(ShareError),
}

impl Start {
    /// The state to start in; `None` is a new quiz at the intro.
    pub fn quiz(&self) -> Option<&Quiz> {
        match self {
            Start::Saved(quiz) | Start::Shared(quiz) | Start::Carried(quiz) => Some(quiz),
            Start::Fresh | Start::BadCode(_) => None,
        }
    }
}

/// The state a widget carried from a stopped instance: where its reader was a moment
/// ago, and whether that is still a result a share link opened (not the reader's own).
#[derive(Debug, Clone, PartialEq)]
pub struct Carried {
    pub quiz: Quiz,
    pub shared: bool,
}

/// Where a widget showing `content` starts. A `carried` state wins over everything, as
/// it was (a shared result stays `Shared`, so it is not saved over the reader's own
/// progress). Otherwise a share `code` from the address wins over saved progress, even
/// when it cannot be read; `saved` (which reads the storage, and may drop what it finds
/// there) is called only when there is no code.
pub fn choose_start(
    content: &Content,
    code: Option<&str>,
    carried: Option<Carried>,
    saved: impl FnOnce() -> Option<Quiz>,
) -> Start {
    match (carried, code) {
        (Some(Carried { quiz, shared: true }), _) => Start::Shared(quiz),
        (
            Some(Carried {
                quiz,
                shared: false,
            }),
            _,
        ) => Start::Carried(quiz),
        (None, Some(code)) => from_code(content, code),
        (None, None) => saved().map_or(Start::Fresh, Start::Saved),
    }
}

/// Where a share `code` from the address starts.
fn from_code(content: &Content, code: &str) -> Start {
    match share::decode(content, code) {
        // A decoded code always restores (it holds one answer in range per question);
        // were it refused, the quiz would start fresh, still without the saved progress.
        Ok(answers) => Quiz::restore(
            content,
            Step::Result,
            answers.into_iter().map(Some).collect(),
        )
        .map_or(Start::Fresh, Start::Shared),
        Err(err) => Start::BadCode(err),
    }
}
