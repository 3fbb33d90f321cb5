//! The widget's model (`src/model/`), compiled on its own for the fuzz targets. The
//! model is plain Rust that knows nothing of Yew or the browser, so the fuzzers build it
//! from the very same source files without the view and its dependency tree: a fresh
//! build instruments a handful of crates instead of a few hundred. The library takes
//! the main crate's name, so `properties.rs` reads the same here as in the native test
//! that replays the kept inputs (`tests/fuzz_regressions.rs`) against the main crate.

#[path = "../../src/model/mod.rs"]
pub mod model;
