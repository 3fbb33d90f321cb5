#!/usr/bin/env bash
# Every test: the model natively, then the release build in headless Chromium.
# Expects the tools from scripts/setup.sh (`make test` runs both).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

step "formatting"
cargo fmt --check

step "model tests (cargo test)"
cargo test --quiet --all-targets

step "release build (trunk)"
trunk --skip-version-check build --release

# The panic-containment test provokes a panic through a hook that release builds lack
# (cargo feature test-hooks); it runs against this second build. Everything else uses dist/.
step "test build with the test-hooks feature (trunk, into target/dist-test-hooks)"
trunk --skip-version-check build --release --features test-hooks --dist target/dist-test-hooks

step "browser tests (headless Chromium against dist/)"
node --test --test-reporter=spec tests/browser/
