//! Why content could not be shown: invalid content, or a content URL that failed. The
//! embed layer detects these; the view lists them in the error panel; the host gets the
//! first one in `ovp:error`.

use super::content::{ContentError, Problem};
use super::l10n::UiText;

/// How long a content URL may take before the widget gives up, in seconds.
pub const FETCH_TIMEOUT_SECONDS: u32 = 10;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadFailure {
    /// The content was read but is not a valid pack.
    Invalid(ContentError),
    /// The content fetched from `url` is not a valid pack; fixing the file on the
    /// server and retrying may help.
    InvalidAt { url: String, error: ContentError },
    /// The server answered with an error status (404 and the like).
    Status { url: String, status: u16 },
    /// No answer within `FETCH_TIMEOUT_SECONDS`.
    Timeout { url: String },
    /// The request failed outright: offline, unknown host, or blocked by CORS (browsers
    /// do not tell these apart).
    Unreachable { url: String },
}

impl LoadFailure {
    /// Fetch failures may go away; invalid content needs its author.
    pub fn retryable(&self) -> bool {
        !matches!(self, LoadFailure::Invalid(_))
    }

    /// Every problem, with a path and a sentence in the reader's language.
    pub fn problems(&self, ui: &UiText) -> Vec<Problem> {
        let isolated = |url: &str| ui.isolated(url).into_owned();
        let message = match self {
            LoadFailure::Invalid(error) | LoadFailure::InvalidAt { error, .. } => {
                return error.problems.clone();
            }
            LoadFailure::Status { url, status: 404 } => ui.load_not_found(&isolated(url)),
            LoadFailure::Status { url, status } => {
                ui.load_status(&status.to_string(), &isolated(url))
            }
            LoadFailure::Timeout { url } => ui.load_timeout(
                &isolated(url),
                &ui.number(&FETCH_TIMEOUT_SECONDS.to_string()),
            ),
            LoadFailure::Unreachable { url } => ui.load_unreachable(&isolated(url)),
        };
        vec![Problem {
            path: "src".to_owned(),
            message,
        }]
    }
}

impl From<ContentError> for LoadFailure {
    fn from(error: ContentError) -> Self {
        LoadFailure::Invalid(error)
    }
}
