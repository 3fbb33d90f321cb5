//! Fetching a content URL, with a timeout, turning every way it can fail into a
//! `LoadFailure` the error panel can explain. A body over `MAX_CONTENT_BYTES` is refused
//! by its Content-Length before any of it is read, or, without one, as the download
//! passes the limit: no more than the limit and one chunk ever reaches Wasm memory.

use gloo_timers::callback::Timeout;
use js_sys::Uint8Array;
use ovp_model::content::{Content, ContentError, MAX_CONTENT_BYTES};
use ovp_model::load::{LoadFailure, FETCH_TIMEOUT_SECONDS};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReadableStreamDefaultReader, RequestInit, Response};

/// The pack at `url`, whose body must match `integrity` (`sha384-…`) when given.
pub async fn fetch_content(url: &str, integrity: Option<&str>) -> Result<Content, LoadFailure> {
    let invalid = |error| LoadFailure::InvalidAt {
        url: url.to_owned(),
        error,
    };
    let text = fetch_text(url, integrity).await?.map_err(invalid)?;
    Content::from_json(&text).map_err(invalid)
}

/// The body at `url` as text; the inner error when it is over the size limit.
async fn fetch_text(
    url: &str,
    integrity: Option<&str>,
) -> Result<Result<String, ContentError>, LoadFailure> {
    let unreachable = || LoadFailure::Unreachable {
        url: url.to_owned(),
    };
    let window = web_sys::window().ok_or_else(unreachable)?;
    let controller = AbortController::new().map_err(|_| unreachable())?;
    let init = RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    // The browser refuses a body that does not match (reported as a failed fetch).
    if let Some(hash) = integrity {
        init.set_integrity(hash);
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
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|length| length.trim().parse::<u64>().ok());
    if let Some(length) = declared.filter(|&length| length > MAX_CONTENT_BYTES as u64) {
        controller.abort();
        return Ok(Err(ContentError::too_large(&format!("{length} bytes"))));
    }
    let Some(stream) = response.body() else {
        return Ok(Ok(String::new()));
    };
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(failed)?;
        let done = js_sys::Reflect::get(&chunk, &"done".into()).map_err(|_| unreachable())?;
        if done.is_truthy() {
            break;
        }
        let value: Uint8Array = js_sys::Reflect::get(&chunk, &"value".into())
            .map_err(|_| unreachable())?
            .unchecked_into();
        if bytes.len() + value.length() as usize > MAX_CONTENT_BYTES {
            controller.abort();
            return Ok(Err(ContentError::too_large(&format!(
                "more than {MAX_CONTENT_BYTES} bytes"
            ))));
        }
        let start = bytes.len();
        bytes.resize(start + value.length() as usize, 0);
        value.copy_to(&mut bytes[start..]);
    }
    // As response.text() does, a byte-order mark (Windows editors write one) is dropped.
    let bytes = bytes.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(&bytes);
    Ok(std::str::from_utf8(bytes)
        .map(str::to_owned)
        .map_err(|err| ContentError::not_text(err.valid_up_to())))
}
