//! Fuzz target `saved`: see `properties::saved` for what it checks.
#![no_main]

#[path = "../properties.rs"]
mod properties;

libfuzzer_sys::fuzz_target!(|data: &[u8]| properties::saved(data));
