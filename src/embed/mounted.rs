//! One mounted widget's lifecycle: its content is loaded (at once, or fetched), shown
//! through the Yew app, and on `destroy()` the app is emptied and parked for the next
//! mount in this Wasm instance.

use super::events::dispatch;
use super::fetch;
use super::handover::Handover;
use super::options::{MountOptions, StorageMode};
use super::page_services::page_services;
use super::source::ContentSource;
use super::steady_height::SteadyHeight;
use crate::view::{LoadState, PageServices, Widget, WidgetProps};
use ovp_model::content::Content;
use ovp_model::events::{ErrorDetail, WidgetEvent};
use ovp_model::l10n::Direction;
use ovp_model::l10n::{ui_text, UiText};
use ovp_model::load::LoadFailure;
use serde::Serialize;
use std::cell::{Cell, RefCell};
use std::fmt::Write;
use std::rc::{Rc, Weak};
use wasm_bindgen::{JsError, JsValue};
use web_sys::HtmlElement;
use yew::{AppHandle, Callback, Renderer};

thread_local! {
    /// The apps of widgets destroyed in this Wasm instance, with their root elements,
    /// kept for the next mounts. Yew 0.23 never removes the event listeners it puts on an
    /// app's root (it forgets their closures on purpose), so a new app per mount would
    /// leave a listener and the old root element behind every time; apps reused leave
    /// nothing. Several widgets share an instance (web/embed.js), so several may wait here.
    static PARKED_APPS: RefCell<Vec<(HtmlElement, AppHandle<Widget>)>> = const { RefCell::new(Vec::new()) };
    /// Source of `MountedWidget::generation`: unique within the Wasm instance, so a reused app
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

/// An app a destroyed widget left, with its root element, if any.
pub fn take_parked_app() -> Option<(HtmlElement, AppHandle<Widget>)> {
    PARKED_APPS.with(|parked| parked.borrow_mut().pop())
}

/// The words of the panel embed.js shows if the widget's Wasm instance panics.
#[derive(Serialize)]
struct CrashText<'a> {
    lang: &'a str,
    dir: &'a str,
    heading: &'a str,
    body: &'a str,
    retry: &'a str,
}

/// One mounted widget: where its content comes from and the app showing it.
pub struct MountedWidget {
    host: HtmlElement,
    source: ContentSource,
    /// Strings for loading and errors, before any content (with its own strings) exists.
    page_ui: Rc<UiText>,
    /// The direction set on the element (`dir="rtl"`), over the content language's.
    direction: Option<Direction>,
    /// The widget's language before any content says otherwise.
    lang: String,
    /// Where the app renders, inside the shadow root.
    root: HtmlElement,
    /// Created by the first `show`, so the first frame already shows the content
    /// (matching a prerendered intro) rather than a loading notice; or the app an
    /// earlier widget left parked (see `PARKED_APPS`).
    app: RefCell<Option<AppHandle<Widget>>>,
    destroyed: Cell<bool>,
    /// What the app shows now.
    state: RefCell<LoadState>,
    /// Counts resets; the app restarts the quiz when it changes.
    generation: Cell<u32>,
    /// `None` once destroyed (or where ResizeObserver is missing).
    steady_height: RefCell<Option<SteadyHeight>>,
    /// The `storage` option: `none` keeps nothing.
    storage: Option<StorageMode>,
    /// The element's `id` (the `id` option), which names its saved progress and share
    /// links.
    element_id: Option<String>,
    /// Saving, resuming, sharing and downloading for the content shown.
    services: RefCell<PageServices>,
    /// The state this widget was moved with, and where it hands on its own.
    handover: Rc<Handover>,
}

impl MountedWidget {
    pub fn new(
        host: HtmlElement,
        source: ContentSource,
        options: &MountOptions,
        root: HtmlElement,
        app: Option<AppHandle<Widget>>,
        handover: Handover,
    ) -> Rc<Self> {
        let lang = options.lang().to_owned();
        let direction = options.dir.as_deref().and_then(Direction::from_attribute);
        let steady_height = SteadyHeight::watch(&root);
        Rc::new(MountedWidget {
            host,
            source,
            page_ui: Rc::new(ui_text(&lang).for_lang(&lang).with_direction(direction)),
            direction,
            lang,
            root,
            app: RefCell::new(app),
            destroyed: Cell::new(false),
            state: RefCell::new(LoadState::Loading),
            generation: Cell::new(next_generation()),
            steady_height: RefCell::new(steady_height),
            storage: options.storage,
            element_id: options.id.clone().filter(|id| !id.is_empty()),
            services: RefCell::new(PageServices::default()),
            handover: Rc::new(handover),
        })
    }

    /// The widget's strings for `state`: the content's own once it is ready, else the
    /// page's language.
    fn ui(&self, state: &LoadState) -> Rc<UiText> {
        match state {
            LoadState::Ready(content) => Rc::new(content.ui_text().with_direction(self.direction)),
            _ => self.page_ui.clone(),
        }
    }

    /// Starts the quiz again from the first screen, as if nothing had been saved or shared.
    pub fn reset(self: &Rc<Self>) {
        {
            // The restarted quiz starts fresh, not from saved progress or a share link;
            // its first state then replaces what was saved.
            let mut services = self.services.borrow_mut();
            services.initial = None;
            services.notice = None;
        }
        self.generation.set(next_generation());
        let state = self.state.borrow().clone();
        self.show(state);
    }

    /// `CrashText` as a JavaScript object: `{ lang, dir, heading, body, retry }` in the
    /// widget's language (the content's own strings once it is ready).
    pub fn crash_text(&self) -> Result<JsValue, JsError> {
        let state = self.state.borrow();
        let lang = match &*state {
            LoadState::Ready(content) => &content.lang,
            _ => &self.lang,
        };
        let ui = self.ui(&state);
        let text = CrashText {
            lang,
            dir: ui.direction().attribute(),
            heading: ui.crash_heading(),
            body: ui.crash_body(),
            retry: ui.retry(),
        };
        text.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|err| JsError::new(&err.to_string()))
    }

    fn props(self: &Rc<Self>, state: LoadState) -> WidgetProps {
        let ui = self.ui(&state);
        let host = self.host.clone();
        // A widget moved to another instance carries on; the page heard it was ready.
        let moved = self.handover.moved();
        // Weak, so the app's callbacks do not keep the widget alive after destroy().
        let this: Weak<MountedWidget> = Rc::downgrade(self);
        WidgetProps {
            on_event: Callback::from(move |event: WidgetEvent| {
                if !(moved && matches!(event, WidgetEvent::Ready(_))) {
                    dispatch(&host, &event)
                }
            }),
            on_retry: Callback::from(move |()| {
                if let Some(widget) = this.upgrade() {
                    widget.load();
                }
            }),
            generation: self.generation.get(),
            services: self.services.borrow().clone(),
            ..WidgetProps::new(state, ui)
        }
    }

    /// Stops showing anything and parks the app; safe to call more than once.
    pub fn destroy(&self) {
        self.destroyed.set(true);
        self.steady_height.borrow_mut().take();
        if let Some(app) = self.app.borrow_mut().take() {
            self.park(app);
        }
        // The content and the page services (closures holding it) go now, not when the
        // JS garbage collector gets round to the handle: until then the Wasm memory
        // would have to hold every destroyed widget's content, and it never shrinks.
        *self.state.borrow_mut() = LoadState::Loading;
        *self.services.borrow_mut() = PageServices::default();
    }

    /// Empties the app, takes its root out of the page and keeps both for the next mount.
    fn park(&self, mut app: AppHandle<Widget>) {
        app.update(WidgetProps::new(LoadState::Loading, self.page_ui.clone()));
        let _ = self.root.style().remove_property("min-height");
        self.root.remove();
        PARKED_APPS.with(|parked| parked.borrow_mut().push((self.root.clone(), app)));
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

    pub fn load(self: &Rc<Self>) {
        match &self.source {
            ContentSource::Json(json) => {
                self.finish(Content::from_json(json).map_err(LoadFailure::from))
            }
            ContentSource::Url { url, integrity } => {
                self.show(LoadState::Loading);
                let (this, url, integrity) = (self.clone(), url.clone(), integrity.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let result = fetch::fetch_content(&url, integrity.as_deref()).await;
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
                *self.services.borrow_mut() = page_services(
                    &content,
                    &content.ui_text(),
                    &self.host,
                    self.element_id.as_deref(),
                    self.storage,
                    &self.handover,
                );
                self.show(LoadState::Ready(content))
            }
            Err(failure) => {
                let problems = failure.problems(&self.page_ui);
                let mut list = String::from("open-vs-proprietary: the content cannot be used:");
                for problem in &problems {
                    let _ = write!(list, "\n{problem}");
                }
                web_sys::console::error_1(&list.into());
                if let Some(first) = problems.first() {
                    let (message, path) = (first.message.clone(), first.path.clone());
                    dispatch(
                        &self.host,
                        &WidgetEvent::Error(ErrorDetail { message, path }),
                    );
                }
                self.show(LoadState::Failed(Rc::new(failure)));
            }
        }
    }
}
