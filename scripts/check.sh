#!/usr/bin/env bash
# The quick checks, before any slow tier (`make check`; scripts/test.sh runs it first):
# formatting, clippy with warnings denied (native, and each Wasm build: the widget, its
# test build, the studio), ESLint over the JavaScript, and the native tests but the
# slow walks over every answer set.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

step "formatting"
cargo fmt --check
cargo fmt --check --manifest-path fuzz/Cargo.toml

step "clippy (every crate natively, and the widget's, its test build's and the studio's Wasm)"
cargo clippy --quiet --workspace --all-targets -- -D warnings
cargo clippy --quiet --lib --target wasm32-unknown-unknown -p open-vs-proprietary -p ovp-studio -- -D warnings
cargo clippy --quiet --lib --target wasm32-unknown-unknown -p open-vs-proprietary --features test-hooks -- -D warnings

step "ESLint (the shipped JavaScript and every script)"
eslint --max-warnings 0 .

# The walks over every answer set of the shipped packs are left to scripts/test.sh.
step "native tests of every crate (cargo test)"
cargo test --quiet --workspace --all-targets
