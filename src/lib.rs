//! open-vs-proprietary: an embeddable quiz that recommends open-source, proprietary or
//! hybrid AI, explains why, and charts the trade-offs. See ARCHITECTURE.md.
//!
//! Three layers, data flowing one way: `model` (plain Rust, tested natively) feeds
//! `view` (Yew components), which `embed` mounts into the host page. The view also
//! compiles natively, where `view::prerender` renders the intro to HTML at build time.

pub mod model;
pub mod view;

#[cfg(all(target_arch = "wasm32", not(feature = "studio")))]
mod embed;

// The browser's services the model asks for (plural rules), in both Wasm builds.
#[cfg(target_arch = "wasm32")]
mod intl;

// The authors' studio's Wasm (cargo feature `studio`) exports only its checks on draft
// packs: without the embed layer, nothing reaches the views, so none of Yew is in it.
#[cfg(all(target_arch = "wasm32", feature = "studio"))]
#[path = "embed/studio.rs"]
mod studio;

#[cfg(feature = "test-hooks")]
mod test_hooks;
