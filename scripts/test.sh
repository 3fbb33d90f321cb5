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

step "browser tests (headless Chromium against dist/)"
node --test --test-reporter=spec tests/browser/
