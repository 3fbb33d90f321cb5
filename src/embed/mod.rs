//! The glue between the page and the widget: `mount` attaches a shadow root to the host
//! element, adopts the widget's stylesheet, loads the content, renders the Yew app into
//! the shadow root and turns the app's events into DOM `CustomEvent`s on the host.
//! `web/embed.js` calls into this.

mod address;
mod after_paint;
mod download;
mod fetch;
mod options;
mod panic;
mod source;
mod steady_height;
mod storage;
mod styles;

use crate::model::content::Content;
use crate::model::events::WidgetEvent;
use crate::model::load::LoadFailure;
use crate::model::quiz::{Quiz, Step};
use crate::model::share;
use crate::model::ui_text::{ui_text, UiText};
use crate::view::{LoadState, PageServices, Widget, WidgetProps};
use options::{MountOptions, StorageMode};
use serde::Serialize;
use source::ContentSource;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use storage::SavedProgress;
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement, ShadowRootInit, ShadowRootMode};
use yew::{AppHandle, Callback, Renderer};

thread_local! {
    /// The app of the last widget destroyed in this Wasm instance, with its root element,
    /// kept for the next mount. Yew 0.23 never removes the event listeners it puts on an
    /// app's root (it forgets their closures on purpose), so a new app per mount would
    /// leave a listener and the old root element behind every time; one app per instance,
    /// reused, leaves nothing. embed.js gives each widget an instance of its own and
    /// pools them, so a mount finds the app its instance's last widget left.
    static PARKED_APP: RefCell<Option<(HtmlElement, AppHandle<Widget>)>> = const { RefCell::new(None) };
    /// Source of `Instance::generation`: unique within the Wasm instance, so a reused app
    /// always starts a fresh quiz for a new widget.
    static GENERATIONS: Cell<u32> = const { Cell::new(0) };
}

fn next_generation() -> u32 {
    GENERATIONS.with(|g| {
        let next = g.get().wrapping_add(1);
        g.set(next);
        next
    })
}

/// A mounted widget. `destroy()` unmounts it and frees its memory.
#[wasm_bindgen]
pub struct WidgetHandle {
    instance: Rc<Instance>,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Removes the widget from its host; safe to call more than once.
    pub fn destroy(&mut self) {
        self.instance.destroyed.set(true);
        self.instance.steady_height.borrow_mut().take();
        if let Some(app) = self.instance.app.borrow_mut().take() {
            self.instance.park(app);
        }
        // The content and the page services (closures holding it) go now, not when the
        // JS garbage collector gets round to the handle: until then the Wasm memory
        // would have to hold every destroyed widget's content, and it never shrinks.
        *self.instance.state.borrow_mut() = LoadState::Loading;
        *self.instance.services.borrow_mut() = PageServices::default();
    }

    /// Clears the reader's answers and returns to the first screen.
    pub fn reset(&mut self) {
        {
            // The restarted quiz starts fresh, not from saved progress or a share link;
            // its first state then replaces what was saved.
            let mut services = self.instance.services.borrow_mut();
            services.initial = None;
            services.notice = None;
        }
        self.instance.generation.set(next_generation());
        let state = self.instance.state.borrow().clone();
        self.instance.show(state);
    }

    /// The words of the panel embed.js shows in this widget's place if its Wasm instance
    /// panics: `{ lang, heading, body, retry }`, in the widget's language (the content's
    /// own strings when it is at hand). Asked for at mount, while the instance is sound,
    /// because a dead instance is never called again.
    #[wasm_bindgen(js_name = crashText)]
    pub fn crash_text(&self) -> Result<JsValue, JsError> {
        let state = self.instance.state.borrow();
        let (lang, ui) = match &*state {
            LoadState::Ready(content) => (content.lang.clone(), Rc::new(content.ui_text())),
            _ => (self.instance.lang.clone(), self.instance.page_ui.clone()),
        };
        let text = CrashText {
            lang: &lang,
            heading: &ui.crash_heading,
            body: &ui.crash_body,
            retry: &ui.retry,
        };
        text.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|err| JsError::new(&err.to_string()))
    }
}

#[derive(Serialize)]
struct CrashText<'a> {
    lang: &'a str,
    heading: &'a str,
    body: &'a str,
    retry: &'a str,
}

/// Tells the widget where the built-in content packs are (`content/` beside embed.js).
#[wasm_bindgen(js_name = setPackBase)]
pub fn set_pack_base(url: String) {
    source::set_pack_base(url);
}

/// Gives the widget its stylesheet (`widget.css`, made once by embed.js).
#[wasm_bindgen(js_name = setStyleSheet)]
pub fn set_style_sheet(sheet: web_sys::CssStyleSheet) {
    styles::set_sheet(sheet);
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
    let document = host.owner_document().ok_or_else(|| {
        JsError::new("open-vs-proprietary: the host element is not in a document")
    })?;
    let lang = options.lang.clone().unwrap_or_else(|| page_lang(&document));
    let source = ContentSource::choose(&host, &options, &lang)?;

    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .map_err(js_error)?,
    };
    // A remount into the same host starts from an empty root.
    shadow.set_text_content(None);
    styles::adopt(&shadow)?;
    let (root, app) = match PARKED_APP.with(|parked| parked.borrow_mut().take()) {
        Some((root, app)) => (root, Some(app)),
        None => {
            let root: HtmlElement = document
                .create_element("div")
                .map_err(js_error)?
                .unchecked_into();
            root.set_class_name("ovp-root");
            (root, None)
        }
    };
    shadow.append_child(&root).map_err(js_error)?;
    let steady_height = steady_height::SteadyHeight::watch(&root);

    let instance = Rc::new(Instance {
        host,
        source,
        page_ui: Rc::new(ui_text(&lang).clone()),
        lang,
        root,
        app: RefCell::new(app),
        destroyed: Cell::new(false),
        state: RefCell::new(LoadState::Loading),
        generation: Cell::new(next_generation()),
        steady_height: RefCell::new(steady_height),
        storage: options.storage,
        services: RefCell::new(PageServices::default()),
    });
    instance.load();
    Ok(WidgetHandle { instance })
}

/// One mounted widget: where its content comes from and the app showing it.
struct Instance {
    host: HtmlElement,
    source: ContentSource,
    /// Strings for loading and errors, before any content (with its own strings) exists.
    page_ui: Rc<UiText>,
    /// The widget's language before any content says otherwise.
    lang: String,
    /// Where the app renders, inside the shadow root.
    root: HtmlElement,
    /// Created by the first `show`, so the first frame already shows the content
    /// (matching a prerendered intro) rather than a loading notice; or the app an
    /// earlier widget left parked (see `PARKED_APP`).
    app: RefCell<Option<AppHandle<Widget>>>,
    destroyed: Cell<bool>,
    /// What the app shows now.
    state: RefCell<LoadState>,
    /// Counts resets; the app restarts the quiz when it changes.
    generation: Cell<u32>,
    /// `None` once destroyed (or where ResizeObserver is missing).
    steady_height: RefCell<Option<steady_height::SteadyHeight>>,
    /// The `storage` option: `none` keeps nothing.
    storage: Option<StorageMode>,
    /// Saving, resuming, sharing and downloading for the content shown.
    services: RefCell<PageServices>,
}

impl Instance {
    fn props(self: &Rc<Self>, state: LoadState) -> WidgetProps {
        let ui = match &state {
            LoadState::Ready(content) => Rc::new(content.ui_text()),
            _ => self.page_ui.clone(),
        };
        let host = self.host.clone();
        // Weak, so the app's callbacks do not keep the instance alive after destroy().
        let this: Weak<Instance> = Rc::downgrade(self);
        WidgetProps {
            state,
            ui,
            on_event: Callback::from(move |event: WidgetEvent| {
                dispatch(&host, event.name(), &event)
            }),
            on_retry: Callback::from(move |()| {
                if let Some(instance) = this.upgrade() {
                    instance.load();
                }
            }),
            generation: self.generation.get(),
            services: self.services.borrow().clone(),
        }
    }

    /// Empties the app, takes its root out of the page and keeps both for the next mount.
    fn park(&self, mut app: AppHandle<Widget>) {
        app.update(WidgetProps {
            state: LoadState::Loading,
            ui: self.page_ui.clone(),
            on_event: Callback::noop(),
            on_retry: Callback::noop(),
            generation: 0,
            services: PageServices::default(),
        });
        let _ = self.root.style().remove_property("min-height");
        self.root.remove();
        let replaced = PARKED_APP.with(|parked| parked.replace(Some((self.root.clone(), app))));
        // Only when one instance ran two widgets at once (embed.js never does that).
        if let Some((_, older)) = replaced {
            older.destroy();
        }
    }

    fn show(self: &Rc<Self>, state: LoadState) {
        if self.destroyed.get() {
            return;
        }
        *self.state.borrow_mut() = state.clone();
        let props = self.props(state);
        let mut app = self.app.borrow_mut();
        match app.as_mut() {
            Some(app) => app.update(props),
            None => {
                *app = Some(
                    Renderer::<Widget>::with_root_and_props(self.root.clone().into(), props)
                        .render(),
                )
            }
        }
    }

    fn load(self: &Rc<Self>) {
        match &self.source {
            ContentSource::Json(json) => {
                self.finish(Content::from_json(json).map_err(LoadFailure::from))
            }
            ContentSource::Url(url) => {
                self.show(LoadState::Loading);
                let (this, url) = (self.clone(), url.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let result = fetch::fetch_content(&url).await;
                    this.finish(result);
                });
            }
        }
    }

    fn finish(self: &Rc<Self>, result: Result<Content, LoadFailure>) {
        if self.destroyed.get() {
            return; // destroyed while loading
        }
        match result {
            Ok(content) => {
                let content = Rc::new(content);
                let id = Some(self.host.id()).filter(|id| !id.is_empty());
                *self.services.borrow_mut() =
                    page_services(&content, &content.ui_text(), id.as_deref(), self.storage);
                self.show(LoadState::Ready(content))
            }
            Err(failure) => {
                let problems = failure.problems(&self.page_ui);
                let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
                web_sys::console::error_1(
                    &format!(
                        "open-vs-proprietary: the content cannot be used:\n{}",
                        list.join("\n")
                    )
                    .into(),
                );
                if let Some(first) = problems.first() {
                    dispatch(
                        &self.host,
                        "ovp:error",
                        &ErrorDetail {
                            message: &first.message,
                            path: &first.path,
                        },
                    );
                }
                self.show(LoadState::Failed(Rc::new(failure)));
            }
        }
    }
}

#[derive(Serialize)]
struct ErrorDetail<'a> {
    message: &'a str,
    path: &'a str,
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
    let code = address::read_code(&key);
    let (initial, notice) = match &code {
        Some(code) => match share::decode(content, code) {
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
    let shared = initial.clone().filter(|_| code.is_some());
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
        after_paint: Some(Callback::from(after_paint::after_paint)),
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
