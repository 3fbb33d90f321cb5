#!/usr/bin/env bash
# Every test: the quick checks (scripts/check.sh: formatting, clippy, ESLint, the native
# tests), the native tests too slow for them, the dependency review, the fuzzers for a bounded time, then the release build
# (and its npm package) in headless Chromium.
# Expects the tools from scripts/setup.sh (`make test` runs both); scripts/fuzz.sh
# installs cargo-fuzz itself. FUZZ_SECONDS sets the fuzzing time per target (default 20).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

# Formatting, clippy, ESLint and cargo test: the quick checks, first.
scripts/check.sh

step "native tests that walk every answer set (cargo test -- --ignored)"
cargo test --quiet --workspace --all-targets -- --ignored

step "dependency review (cargo deny: bans, licenses, sources; advisories need the network)"
cargo deny --log-level error check bans licenses sources

step "fuzzing (${FUZZ_SECONDS:-20}s per target)"
scripts/fuzz.sh "${FUZZ_SECONDS:-20}"

step "release build (trunk)"
scripts/trunk.sh build --release

# What `make package` writes; tests/browser/package.test.mjs packs its own copy of dist/
# and serves it from a second origin.
step "release package (npm pack into target/package/)"
node scripts/package.mjs

# The panic-containment and plural tests use hooks that release builds lack (cargo
# feature test-hooks); they run against this second build. Everything else uses dist/.
step "test build with the test-hooks feature (trunk, into target/dist-test-hooks)"
scripts/trunk.sh build --release --features test-hooks --dist target/dist-test-hooks

step "browser tests (headless Chromium against dist/)"
# A test that hangs fails after five minutes under its own name rather than holding CI
# until its limit; the slowest test takes about a minute and a half.
node --test --test-reporter=spec --test-timeout=300000 tests/browser/
