#!/usr/bin/env bash
# Installs every tool the build and the tests need, skipping what is already present.
# Safe to run again: each step checks the installed version first. `setup.sh check`
# stops once the quick checks' tools are there (the Rust targets and components, and the
# npm packages for ESLint): `make check` needs no browser, blog engine or cargo install.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Dependency review (bans, licenses, sources) in scripts/test.sh. cargo-fuzz is installed
# by scripts/fuzz.sh, which also runs on its own (`make fuzz`).
CARGO_DENY_VERSION=0.20.2
# The wasm-bindgen CLI must match the crate pinned in Cargo.toml exactly.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
[ -n "$WASM_BINDGEN_VERSION" ] || { echo "setup: no exact wasm-bindgen pin found in Cargo.toml" >&2; exit 1; }

log() { printf 'setup: %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# scripts/trunk.sh rebuilds the standard library for the Wasm target from its source.
if ! rustup component list --installed | grep -qx rust-src; then
  log "adding the rust-src component"
  rustup component add rust-src
fi

# scripts/check.sh formats and lints with them (a minimal rustup profile lacks both).
for component in rustfmt clippy; do
  if ! cargo "${component/rustfmt/fmt}" --version >/dev/null 2>&1; then
    log "adding the $component component"
    rustup component add "$component"
  fi
done

# wasm-opt (npm binaryen), esbuild, playwright-core and axe-core, pinned in
# package-lock.json. The stamp records which lock file node_modules was installed from.
if ! cmp -s package-lock.json node_modules/.installed-from-lock 2>/dev/null; then
  log "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.installed-from-lock
fi

if [ "${1:-all}" = check ]; then
  log "tools for the quick checks ready"
  exit 0
fi

# binaryen's wasm-split, which release builds split the Wasm with (scripts/split-wasm.mjs):
# scripts/binaryen.sh installs it on first use, from Debian trixie (it says why).
scripts/binaryen.sh wasm-split --version >/dev/null

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  log "installing trunk $TRUNK_VERSION (takes a few minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: its lock file names a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ "$(cargo deny --version 2>/dev/null)" != "cargo-deny $CARGO_DENY_VERSION" ]; then
  log "installing cargo-deny $CARGO_DENY_VERSION (takes a few minutes)"
  cargo install cargo-deny --version "$CARGO_DENY_VERSION" --locked
fi

if ! { [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; }; then
  log "installing Chromium and ChromeDriver from Debian"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# The blog engines the browser tests publish in: WordPress with PHP and MariaDB
# (scripts/wordpress.sh, for tests/browser/wordpress.test.mjs) and Hugo
# (tests/browser/hugo.test.mjs), from Debian.
scripts/wordpress.sh
if ! command -v hugo >/dev/null; then
  log "installing Hugo from Debian"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends hugo >/dev/null
fi

log "tools ready: $(trunk --version), $(wasm-bindgen --version), $(cargo deny --version), $(node_modules/.bin/wasm-opt --version), $(scripts/binaryen.sh wasm-split --version), $(/usr/bin/chromium --version 2>/dev/null)"
