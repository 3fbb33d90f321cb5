//! Fuzz target `quiz`: see `properties::quiz` for what it checks.
#![no_main]

#[path = "../properties.rs"]
mod properties;

libfuzzer_sys::fuzz_target!(|data: &[u8]| properties::quiz(data));
