//! The glue between the page and the widget: `mount` attaches a shadow root to the host
//! element, adopts the widget's stylesheet, renders the Yew app into it and turns the
//! app's events into DOM `CustomEvent`s on the host. `web/embed.js` calls into this.

mod address;
mod download;
mod options;
mod storage;
mod styles;

use crate::model::content::default_content;
use crate::model::content::Content;
use crate::model::events::WidgetEvent;
use crate::model::quiz::{Quiz, Step};
use crate::model::share;
use crate::model::ui_text::{ui_text, UiText};
use crate::view::{App, AppProps, PageServices};
use options::{MountOptions, StorageMode};
use serde::Serialize;
use std::rc::Rc;
use storage::SavedProgress;
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement, ShadowRootInit, ShadowRootMode};
use yew::{AppHandle, Callback, Renderer};

/// A mounted widget. `destroy()` unmounts it and frees its memory.
#[wasm_bindgen]
pub struct WidgetHandle {
    app: Option<AppHandle<App>>,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Removes the widget from its host; safe to call more than once.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Mounts a widget into `host`. `options` is a plain object (see `MountOptions`); a
/// mistake in it is reported as an `Error` naming the option.
#[wasm_bindgen]
pub fn mount(host: HtmlElement, options: JsValue) -> Result<WidgetHandle, JsError> {
    let options = MountOptions::from_js(options)?;
    if let Some(theme) = options.theme {
        host.set_attribute("theme", theme.as_str())
            .map_err(js_error)?;
    }
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => {
            let init = ShadowRootInit::new(ShadowRootMode::Open);
            host.attach_shadow(&init).map_err(js_error)?
        }
    };
    // A remount into the same host starts from an empty root.
    shadow.set_text_content(None);
    styles::adopt(&shadow)?;
    let document = host
        .owner_document()
        .ok_or_else(|| JsError::new("the host element is not in a document"))?;
    let root = document.create_element("div").map_err(js_error)?;
    root.set_class_name("ovp-root");
    shadow.append_child(&root).map_err(js_error)?;

    let lang = options.lang.unwrap_or_else(|| page_lang(&document));
    let content = Rc::new(default_content());
    let ui = Rc::new(ui_text(&lang).clone());
    let instance = Some(host.id()).filter(|id| !id.is_empty());
    let services = page_services(&content, &ui, instance.as_deref(), options.storage);
    let props = AppProps {
        content,
        ui,
        on_event: Callback::from(move |event: WidgetEvent| dispatch(&host, event.name(), &event)),
        services,
    };
    let app = Renderer::<App>::with_root_and_props(root, props).render();
    Ok(WidgetHandle { app: Some(app) })
}

/// Where the widget starts and how it keeps and shares results. A share code in the
/// address wins over saved progress; a code that cannot be read is ignored with a
/// notice, and the quiz starts fresh.
fn page_services(
    content: &Rc<Content>,
    ui: &UiText,
    instance: Option<&str>,
    storage: Option<StorageMode>,
) -> PageServices {
    let store = (storage != Some(StorageMode::None))
        .then(|| Rc::new(SavedProgress::open(instance, content)));
    let key = address::fragment_key(instance);
    let (initial, notice) = match address::read_code(&key) {
        Some(code) => match share::decode(content, &code) {
            Ok(answers) => (
                Quiz::restore(
                    content,
                    Step::Result,
                    answers.into_iter().map(Some).collect(),
                ),
                None,
            ),
            Err(err) => {
                web_sys::console::warn_1(
                    &format!("open-vs-proprietary: the share link was ignored: {err}").into(),
                );
                (None, Some(ui.share_link_invalid.to_string().into()))
            }
        },
        None => (store.as_ref().and_then(|store| store.load(content)), None),
    };
    // A result opened from someone else's link is not saved over the reader's own
    // progress unless they go on from it.
    let shared = initial
        .clone()
        .filter(|_| address::read_code(&key).is_some());
    let save = {
        let content = content.clone();
        Callback::from(move |quiz: Quiz| {
            if let Some(store) = store.as_ref().filter(|_| shared.as_ref() != Some(&quiz)) {
                store.save(&content, &quiz);
            }
        })
    };
    let share_link = {
        let content = content.clone();
        Callback::from(move |answers: Vec<usize>| {
            share::encode(&content, &answers).map(|code| address::link_with(&key, &code))
        })
    };
    PageServices {
        initial,
        notice,
        save,
        share_link: Some(share_link),
        copy: Callback::from(|(text, done): (String, Callback<bool>)| {
            address::copy_to_clipboard(&text, done)
        }),
        download: Callback::from(download::download),
        page_url: address::page_url().into(),
    }
}

/// The page's `<html lang>`, else English.
fn page_lang(document: &web_sys::Document) -> String {
    document
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .filter(|lang| !lang.trim().is_empty())
        .unwrap_or_else(|| "en".to_owned())
}

/// Fires `name` on the host; it bubbles out of the shadow root to the page.
fn dispatch(host: &HtmlElement, name: &str, detail: &impl Serialize) {
    // Plain objects rather than JS `Map`s, so hosts can read `detail.scores.open`.
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let detail = match detail.serialize(&serializer) {
        Ok(detail) => detail,
        Err(err) => {
            web_sys::console::error_1(
                &format!("open-vs-proprietary: cannot send {name}: {err}").into(),
            );
            return;
        }
    };
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

fn js_error(err: JsValue) -> JsError {
    JsError::new(&format!(
        "open-vs-proprietary: {}",
        err.as_string().unwrap_or_else(|| format!("{err:?}"))
    ))
}
