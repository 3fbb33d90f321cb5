//! Fetching a content URL, with a timeout, turning every way it can fail into a
//! `LoadFailure` the error panel can explain.

use crate::model::content::Content;
use crate::model::load::{LoadFailure, FETCH_TIMEOUT_SECONDS};
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestInit, Response};

pub async fn fetch_content(url: &str) -> Result<Content, LoadFailure> {
    let text = fetch_text(url).await?;
    Content::from_json(&text).map_err(|error| LoadFailure::InvalidAt {
        url: url.to_owned(),
        error,
    })
}

async fn fetch_text(url: &str) -> Result<String, LoadFailure> {
    let unreachable = || LoadFailure::Unreachable {
        url: url.to_owned(),
    };
    let window = web_sys::window().ok_or_else(unreachable)?;
    let controller = AbortController::new().map_err(|_| unreachable())?;
    let init = RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    // A built-in pack must be the file this build made: the browser refuses any other.
    if let Some(hash) = super::source::pack_integrity(url) {
        init.set_integrity(&hash);
    }
    let abort = controller.clone();
    // Dropping the timer (on any return) cancels it.
    let _timer = Timeout::new(FETCH_TIMEOUT_SECONDS * 1000, move || abort.abort());
    let failed = |_| {
        if controller.signal().aborted() {
            LoadFailure::Timeout {
                url: url.to_owned(),
            }
        } else {
            unreachable()
        }
    };

    let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(failed)?
        .unchecked_into();
    if !response.ok() {
        return Err(LoadFailure::Status {
            url: url.to_owned(),
            status: response.status(),
        });
    }
    let body = response.text().map_err(|_| unreachable())?;
    let text = JsFuture::from(body).await.map_err(failed)?;
    text.as_string().ok_or_else(unreachable)
}
