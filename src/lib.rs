//! open-vs-proprietary: an embeddable quiz that recommends open-source, proprietary or
//! hybrid AI, explains why, and charts the trade-offs. See ARCHITECTURE.md.
//!
//! Three layers, data flowing one way: `model` (plain Rust, tested natively) feeds
//! `view` (Yew components), which `embed` mounts into the host page.

pub mod model;

#[cfg(target_arch = "wasm32")]
mod embed;
#[cfg(target_arch = "wasm32")]
mod view;
