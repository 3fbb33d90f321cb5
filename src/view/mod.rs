//! The widget's screens as Yew function components, one per file. The quiz state lives
//! in one reducer in `App` and flows down as props; components report what the reader
//! did through callbacks. Browser APIs appear only where an event or focus needs them.
//!
//! Classes are for styling. Code outside the view (the embed layer, `web/embed.js`)
//! finds things by the `data-ovp-*` attributes in `hooks`, which the components render
//! (the prerendered intro too), so a change of markup or style cannot break it.

mod app;
mod app_hooks;
mod chart_download;
mod chart_frame;
mod comparison_chart;
mod comparison_table;
mod contribution_chart;
mod contribution_table;
mod cost_chart;
mod error_panel;
mod explore;
mod facts;
mod format;
mod intro;
mod message_panel;
mod mirror;
mod next_steps;
mod number_answer;
mod patterns;
mod progress;
mod question_step;
mod rating_reasons;
mod result;
mod result_wait;
mod score_list;
mod services;
mod share_link;
mod state;
mod summary;
mod table_disclosure;
mod why;
mod widget;

pub use services::{ChartDownload, ImageFormat, PageServices};
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;

pub use widget::{LoadState, Widget, WidgetProps};

/// The class of the element inside the widget's shadow root that holds its screens
/// (made by the embed layer, the prerendered intro and embed.js's panel alike).
pub const ROOT_CLASS: &str = "ovp-root";

/// Selectors of the hooks the view renders for code to find things by.
pub mod hooks {
    /// The outer section of every screen (the quiz, the loading notice, the error
    /// panel): the widget's box, whose colours and font a downloaded chart takes.
    pub const WIDGET: &str = "[data-ovp-widget]";
    /// The intro's Start button (embed.js presses the live one when a reader pressed
    /// the prerendered one before the widget was live). Its value is the loading notice
    /// in the widget's language, which embed.js announces meanwhile.
    pub const START: &str = "[data-ovp-start]";
    /// A question's form: while one is on screen the widget keeps its height steady.
    pub const QUESTION: &str = "[data-ovp-question]";
}
