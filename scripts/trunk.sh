#!/usr/bin/env bash
# Runs trunk with the size settings every shipped build uses (`make build`, `make serve`,
# `make bench`, scripts/test.sh). Plain `trunk build` still works; it ships a larger Wasm.
#
# The settings rebuild the standard library for the Wasm target, tuned for size, which
# is an unstable cargo feature of the pinned stable toolchain, enabled with
# RUSTC_BOOTSTRAP as large projects pinned to a stable compiler do (needs the rust-src
# component, which scripts/setup.sh adds). Measured on the built-in widget, brotli:
#   std rebuilt with `optimize_for_size`, no panic file/line   -8.2 KB
#   derived Debug shallow (strings and numbers keep theirs)    -0.2 KB
#   every function inlinable across crates (the model is a      -21 KB
#   crate of its own; without it the split cost +2 KB)
# Left out on purpose: -Zfmt-debug=none (-3 KB) turns every `{:?}` into nothing, which
# drops the offending value from serde's messages ('invalid type: string "7"') that
# authors read in the error panel; panic=immediate-abort (-4 KB) loses the panic message
# that the crash panel logs.
set -euo pipefail
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zlocation-detail=none -Zfmt-debug=shallow -Zcross-crate-inline-threshold=always"
exec trunk --skip-version-check "$@"
