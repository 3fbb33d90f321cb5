//! Fuzz target `share_code`: see `properties::share_code` for what it checks.
#![no_main]

#[path = "../properties.rs"]
mod properties;

libfuzzer_sys::fuzz_target!(|data: &[u8]| properties::share_code(data));
