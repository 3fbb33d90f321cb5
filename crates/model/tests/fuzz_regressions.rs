//! Replays every input kept in `fuzz/regressions/<target>/` (crashes the fuzzers found
//! once, and a small minimized corpus per target) through the fuzz targets' own property
//! checks in `fuzz/properties.rs`, so they run under `cargo test -p ovp-model`, without
//! cargo-fuzz.

#[path = "../../../fuzz/properties.rs"]
mod properties;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

fn regressions() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions")
}

fn check(target: &str) {
    let (_, properties) = properties::TARGETS
        .iter()
        .find(|(name, _)| *name == target)
        .expect("a fuzz target of that name");
    let folder = regressions().join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap_or_else(|err| panic!("{}: {err}", folder.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    assert!(
        files.len() >= 3,
        "{} holds {} inputs; keep a few per target",
        folder.display(),
        files.len()
    );
    let failures: Vec<String> = files
        .iter()
        .filter_map(|file| {
            let data = std::fs::read(file).unwrap();
            catch_unwind(AssertUnwindSafe(|| properties(&data)))
                .err()
                .map(|_| file.display().to_string())
        })
        .collect();
    assert!(failures.is_empty(), "properties broken by {failures:#?}");
}

#[test]
fn content_regressions() {
    check("content");
}

#[test]
fn share_code_regressions() {
    check("share_code");
}

#[test]
fn saved_regressions() {
    check("saved");
}

#[test]
fn scoring_regressions() {
    check("scoring");
}

#[test]
fn quiz_regressions() {
    check("quiz");
}

/// Every folder in `fuzz/regressions/` is a target replayed above, and every target has one.
#[test]
fn every_target_has_a_regression_folder() {
    let mut folders: Vec<String> = std::fs::read_dir(regressions())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    let mut targets: Vec<String> = properties::TARGETS
        .iter()
        .map(|(name, _)| name.to_string())
        .collect();
    targets.sort();
    assert_eq!(folders, targets);
    let manifest = include_str!("../../../fuzz/Cargo.toml");
    for target in &targets {
        assert!(
            manifest.contains(&format!("path = \"fuzz_targets/{target}.rs\"")),
            "fuzz/Cargo.toml has no binary for {target}"
        );
    }
}
