#!/usr/bin/env bash
# Runs binaryen's wasm-split or wasm-dis (`scripts/binaryen.sh wasm-split ARGS...`), installing
# them first when missing. scripts/split-wasm.mjs uses them to move the result's code into a
# second Wasm file, fetched once the reader starts the quiz.
#
# Debian's own binaryen (108, bookworm) cannot read the table.fill instruction that
# wasm-bindgen's glue uses, and npm's binaryen has no wasm-split. So this takes binaryen
# 120 from Debian 13 (trixie), with the C and C++ runtimes it was built against, into
# target/tools/, and runs it through that runtime's own loader: nothing on the machine
# changes. The suite's Release file is checked against Debian's archive keys (gpgv, the
# keyring every Debian machine has), the package index against the Release file's
# SHA-256, and each package against the index's. For amd64 machines, as Debian's are here.
set -euo pipefail
cd "$(dirname "$0")/.."

DIR=target/tools/binaryen-trixie
MIRROR=http://deb.debian.org/debian
PACKAGES=(binaryen libc6 libstdc++6 libgcc-s1)
BINARYEN_VERSION=120

tool() {
  local name=$1
  shift
  "$DIR/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2" \
    --library-path "$DIR/usr/lib/x86_64-linux-gnu" "$DIR/usr/bin/$name" "$@"
}

case "${1:-}" in
  wasm-split | wasm-dis) ;;
  *) echo "usage: scripts/binaryen.sh wasm-split|wasm-dis ARGS..." >&2; exit 2 ;;
esac

if ! tool wasm-split --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  echo "binaryen.sh: installing binaryen $BINARYEN_VERSION's tools from Debian trixie into $DIR" >&2
  rm -rf "$DIR" && mkdir -p "$DIR/debs"
  curl -fsSL --retry 3 -o "$DIR/debs/InRelease" "$MIRROR/dists/trixie/InRelease"
  gpgv --quiet --keyring /usr/share/keyrings/debian-archive-keyring.gpg \
    --output "$DIR/debs/Release" "$DIR/debs/InRelease" 2>/dev/null \
    || { echo "binaryen.sh: trixie's Release file does not carry a good Debian signature" >&2; exit 1; }
  index_sum=$(awk '/^SHA256:/ { on = 1; next } /^[A-Za-z]/ { on = 0 } on && $3 == "main/binary-amd64/Packages.xz" { print $1 }' "$DIR/debs/Release")
  curl -fsSL --retry 3 -o "$DIR/debs/Packages.xz" "$MIRROR/dists/trixie/main/binary-amd64/Packages.xz"
  echo "$index_sum  $DIR/debs/Packages.xz" | sha256sum --check --quiet
  index=$(xz -dc "$DIR/debs/Packages.xz")
  for package in "${PACKAGES[@]}"; do
    stanza=$(awk -v p="Package: $package" '$0 == p { on = 1 } on { print } on && /^$/ { exit }' <<<"$index")
    file=$(sed -n 's/^Filename: //p' <<<"$stanza")
    sum=$(sed -n 's/^SHA256: //p' <<<"$stanza")
    [ -n "$file" ] && [ -n "$sum" ] || { echo "binaryen.sh: $package is not in trixie's index" >&2; exit 1; }
    deb="$DIR/debs/${file##*/}"
    curl -fsSL --retry 3 -o "$deb" "$MIRROR/$file"
    echo "$sum  $deb" | sha256sum --check --quiet
    dpkg-deb -x "$deb" "$DIR"
  done
  rm -rf "$DIR/debs"
  tool wasm-split --version | grep -q "version $BINARYEN_VERSION" \
    || { echo "binaryen.sh: trixie's binaryen is not version $BINARYEN_VERSION; update BINARYEN_VERSION after checking it" >&2; exit 1; }
fi

tool "$@"
