//! open-vs-proprietary: an embeddable quiz that recommends open-source, proprietary or
//! hybrid AI, explains why, and charts the trade-offs. See ARCHITECTURE.md.
//!
//! Three layers, data flowing one way: the model (the `ovp-model` crate, plain Rust,
//! tested natively) feeds `view` (Yew components), which `embed` mounts into the host
//! page. The view also compiles natively, where `view::prerender` renders the intro to
//! HTML at build time.

pub mod view;

#[cfg(target_arch = "wasm32")]
mod embed;

#[cfg(feature = "test-hooks")]
mod test_hooks;
