//! The release package's version and licence have one source, Cargo.toml, and the files
//! beside it agree: CHANGELOG.md's newest release is the crate's version
//! (scripts/package.mjs, which takes it from the build's manifest.json, refuses to pack
//! otherwise, and `embed.js` exports the same version, checked in
//! tests/browser/package.test.mjs), LICENSE is the licence Cargo.toml names, and every
//! versioned CDN address in README.md is for this version.

const CHANGELOG: &str = include_str!("../CHANGELOG.md");
const LICENSE: &str = include_str!("../LICENSE");
const README: &str = include_str!("../README.md");

/// The release headings of CHANGELOG.md, newest first: `## [0.1.0] - 2026-11-30` gives
/// `("0.1.0", "2026-11-30")`. `## [Unreleased]` is not a release.
fn releases() -> Vec<(&'static str, &'static str)> {
    CHANGELOG
        .lines()
        .filter_map(|line| line.strip_prefix("## ["))
        .filter(|rest| !rest.starts_with("Unreleased]"))
        .map(|rest| {
            let (version, date) = rest.split_once("] - ").unwrap_or_else(|| {
                panic!("CHANGELOG.md: `## [{rest}` is not `## [VERSION] - DATE`")
            });
            (version, date)
        })
        .collect()
}

#[test]
fn changelog_newest_release_is_the_crate_version() {
    let releases = releases();
    assert!(!releases.is_empty(), "CHANGELOG.md lists no release");
    assert_eq!(
        releases[0].0,
        env!("CARGO_PKG_VERSION"),
        "CHANGELOG.md's newest release must be Cargo.toml's version"
    );
}

#[test]
fn changelog_releases_are_dated_and_newest_first() {
    let releases = releases();
    for (version, date) in &releases {
        let parts: Vec<&str> = version.split('.').collect();
        assert!(
            parts.len() == 3 && parts.iter().all(|p| p.parse::<u64>().is_ok()),
            "CHANGELOG.md: {version} is not MAJOR.MINOR.PATCH"
        );
        let digits = date.chars().filter(char::is_ascii_digit).count();
        assert!(
            date.len() == 10 && digits == 8 && &date[4..5] == "-" && &date[7..8] == "-",
            "CHANGELOG.md: {version} is dated {date}, not YYYY-MM-DD"
        );
    }
    let key = |v: &str| -> Vec<u64> { v.split('.').map(|p| p.parse().unwrap()).collect() };
    for pair in releases.windows(2) {
        assert!(
            key(pair[0].0) > key(pair[1].0) && pair[0].1 >= pair[1].1,
            "CHANGELOG.md: {} is listed above {} but is not newer",
            pair[0].0,
            pair[1].0
        );
    }
}

#[test]
fn license_is_the_one_cargo_toml_names() {
    assert_eq!(env!("CARGO_PKG_LICENSE"), "MIT");
    assert!(
        LICENSE.starts_with("MIT License\n"),
        "LICENSE holds the MIT text"
    );
    assert!(LICENSE.contains("open-vs-proprietary contributors"));
}

#[test]
fn readme_cdn_addresses_name_the_crate_version() {
    let versions: Vec<&str> = README
        .split("open-vs-proprietary@")
        .skip(1)
        .map(|rest| rest.split('/').next().unwrap())
        .collect();
    assert!(
        versions.len() >= 2,
        "README.md gives the jsDelivr and unpkg addresses"
    );
    for version in versions {
        assert_eq!(
            version,
            env!("CARGO_PKG_VERSION"),
            "README.md's CDN addresses must carry Cargo.toml's version"
        );
    }
}
