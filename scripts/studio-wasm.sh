#!/usr/bin/env bash
# Builds the authors' studio's Wasm into OUTDIR: the crate crates/studio (checkPack,
# balance; the model without the views), as ovp-studio.js and ovp-studio_bg.wasm for
# the studio's Web Worker. Run by the studio's Trunk hook, so it inherits the settings
# of scripts/trunk.sh (std rebuilt, no panic locations). Its own target directory keeps
# the widget's build from being recompiled after every studio build (the optimisation
# level differs) and the other way round. Optimised for speed, not size (opt-level 3,
# wasm-opt -O3): an author loads it once, and the balance of a pack scores every answer
# set.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/studio-wasm.sh OUTDIR}
target=target/studio
CARGO_PROFILE_RELEASE_OPT_LEVEL=3 cargo build --quiet --release --lib -p ovp-studio \
  --target wasm32-unknown-unknown --target-dir "$target"
wasm-bindgen --target web --no-typescript --out-name ovp-studio --out-dir "$out" \
  "$target/wasm32-unknown-unknown/release/ovp_studio.wasm"
wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types \
  --enable-multivalue --enable-sign-ext --enable-mutable-globals \
  "$out/ovp-studio_bg.wasm" -o "$out/ovp-studio_bg.wasm"
