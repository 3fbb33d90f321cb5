//! The widget's screens as Yew function components, one per file. The quiz state lives
//! in one reducer in `App` and flows down as props; components report what the reader
//! did through callbacks. Browser APIs appear only where an event or focus needs them.

mod app;
mod chart_download;
mod comparison_chart;
mod comparison_table;
mod contribution_chart;
mod contribution_table;
mod error_panel;
mod facts;
mod format;
mod hooks;
mod intro;
mod patterns;
mod progress;
mod question_step;
mod rating_reasons;
mod result;
mod score_list;
mod services;
mod share_link;
mod state;
mod summary;
mod why;
mod widget;

pub use services::{ChartDownload, ImageFormat, PageServices};
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;

pub use widget::{LoadState, Widget, WidgetProps};
