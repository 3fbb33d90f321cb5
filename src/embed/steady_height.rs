//! Keeps the page below the widget from jumping while a reader moves between questions:
//! while a question is on screen, the widget never gets shorter than the tallest question
//! seen at this width. Elsewhere (intro, result, errors) it takes its natural height.
//! Set through the CSSOM, which a strict `style-src` allows.

use crate::view::hooks;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ResizeObserver};

/// Watches `root`; dropping it stops watching.
pub struct SteadyHeight {
    observer: ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl SteadyHeight {
    pub fn watch(root: &HtmlElement) -> Option<SteadyHeight> {
        let tallest = Rc::new(Cell::new(0.0_f64));
        let width = Rc::new(Cell::new(0.0_f64));
        let target = root.clone();
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries| {
            let style = target.style();
            let screen = target.first_element_child();
            let on_question = screen
                .as_ref()
                .is_some_and(|s| s.query_selector(hooks::QUESTION).ok().flatten().is_some());
            let current_width = target.get_bounding_client_rect().width();
            if !on_question || current_width != width.get() {
                // Another screen, or a new column width: start over from the natural height.
                tallest.set(0.0);
                width.set(current_width);
                let _ = style.remove_property("min-height");
            }
            if !on_question {
                return;
            }
            let natural = screen.map_or(0.0, |s| s.get_bounding_client_rect().height());
            if natural > tallest.get() {
                tallest.set(natural);
                let _ = style.set_property("min-height", &format!("{natural}px"));
            }
        });
        let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(root);
        Some(SteadyHeight {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for SteadyHeight {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
