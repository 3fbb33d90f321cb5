#!/usr/bin/env bash
# Builds the authors' studio's Wasm into OUTDIR: the widget's crate with the cargo
# feature `studio` (src/embed/studio.rs: checkPack, balance), as ovp-studio.js and
# ovp-studio_bg.wasm for the studio's Web Worker. Run by the studio's Trunk hook, so it
# inherits the size settings of scripts/trunk.sh. Its own target directory keeps the
# widget's build from being recompiled after every studio build and the other way round.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/studio-wasm.sh OUTDIR}
target=target/studio
cargo build --quiet --release --lib --features studio \
  --target wasm32-unknown-unknown --target-dir "$target"
wasm-bindgen --target web --no-typescript --out-name ovp-studio --out-dir "$out" \
  "$target/wasm32-unknown-unknown/release/open_vs_proprietary.wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types \
  --enable-multivalue --enable-sign-ext --enable-mutable-globals \
  "$out/ovp-studio_bg.wasm" -o "$out/ovp-studio_bg.wasm"
