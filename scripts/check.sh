#!/usr/bin/env bash
# The quick checks, before any slow tier (`make check`; scripts/test.sh runs it first):
# formatting, clippy with warnings denied (native, and each Wasm build: the widget, its
# test build, the studio), ESLint over the JavaScript, and the model's tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

step "formatting"
cargo fmt --check
cargo fmt --check --manifest-path fuzz/Cargo.toml

step "clippy (native, and the widget's, its test build's and the studio's Wasm)"
cargo clippy --quiet --all-targets -- -D warnings
for features in "" "test-hooks" "studio"; do
  cargo clippy --quiet --lib --target wasm32-unknown-unknown --features "$features" -- -D warnings
done

step "ESLint (the shipped JavaScript and every script)"
eslint --max-warnings 0 .

step "model tests (cargo test)"
cargo test --quiet --all-targets
