//! `mount(host, options)`, the entry embed.js calls for every widget: reads the options,
//! attaches the shadow root, adopts the stylesheet and starts a `MountedWidget`.

use super::exports::WidgetHandle;
use super::handover::Handover;
use super::mounted::{take_parked_app, MountedWidget};
use super::options::MountOptions;
use super::source::ContentSource;
use super::styles;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRootInit, ShadowRootMode};

/// Mounts a widget into `host`. `options` is a plain object (see `MountOptions`); a
/// mistake in it is reported as an `Error` naming the option. `state`, `shared`, `moved`
/// and `keep` are embed.js's own, for moving widgets between instances and resuming a
/// state (see `Handover`); the public `mount()` of embed.js takes only the options.
#[wasm_bindgen]
pub fn mount(
    host: HtmlElement,
    options: JsValue,
    state: Option<String>,
    shared: bool,
    moved: bool,
    keep: Option<js_sys::Function>,
) -> Result<WidgetHandle, JsError> {
    let options = MountOptions::from_js(options)?;
    if let Some(theme) = options.theme {
        host.set_attribute("theme", theme.as_str())
            .map_err(js_error)?;
    }
    let document = host.owner_document().ok_or_else(|| {
        JsError::new("open-vs-proprietary: the host element is not in a document")
    })?;
    let source = ContentSource::choose(&options, options.lang())?;

    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .map_err(js_error)?,
    };
    // A remount into the same host starts from an empty root.
    shadow.set_text_content(None);
    styles::adopt(&shadow)?;
    let (root, app) = match take_parked_app() {
        Some((root, app)) => (root, Some(app)),
        None => {
            let root = document.create_element("div").map_err(js_error)?;
            let _ = root.set_attribute("class", crate::view::ROOT_CLASS);
            (root.unchecked_into(), None)
        }
    };
    shadow.append_child(&root).map_err(js_error)?;

    let widget = MountedWidget::new(
        host,
        source,
        &options,
        root,
        app,
        Handover {
            state,
            shared,
            moved,
            keep,
        },
    );
    widget.load();
    Ok(WidgetHandle { widget })
}

fn js_error(err: JsValue) -> JsError {
    JsError::new(&format!(
        "open-vs-proprietary: {}",
        err.as_string().unwrap_or_else(|| format!("{err:?}"))
    ))
}
