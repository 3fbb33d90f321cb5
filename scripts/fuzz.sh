#!/usr/bin/env bash
# Runs every fuzz target in fuzz/ for a bounded time: scripts/fuzz.sh [seconds-per-target]
# (default 20). Installs cargo-fuzz when it is missing, builds the targets, runs each from
# its corpus (the committed inputs in fuzz/regressions/<target>/ plus what earlier runs
# found, kept in fuzz/corpus/, not committed), prints the executions per target and fails
# on any crash, broken property or hang, naming the input that caused it; and fails when
# `cargo fuzz list` fails, names no target or not every one in fuzz_targets/, or a target
# runs no input, rather than passing having fuzzed nothing.
#
# libFuzzer with coverage instrumentation only (`--sanitizer none`): the model has no
# unsafe code, and these flags work on the stable toolchain, which is the only one here.
# FUZZ_SANITIZER=address adds AddressSanitizer (about 4 times fewer executions); its -Z
# flags need RUSTC_BOOTSTRAP=1 on stable, which this script then sets.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

SECONDS_PER_TARGET=${1:-20}
[[ "$SECONDS_PER_TARGET" =~ ^[1-9][0-9]*$ ]] || {
  echo "usage: scripts/fuzz.sh [seconds-per-target]" >&2
  exit 2
}
CARGO_FUZZ_VERSION=0.13.2

log() { printf 'fuzz: %s\n' "$*"; }

if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  log "installing cargo-fuzz $CARGO_FUZZ_VERSION (under a minute)"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

cd fuzz
FUZZ=(cargo fuzz)
SANITIZER=${FUZZ_SANITIZER:-none}
OPTS=(--sanitizer "$SANITIZER")
[ "$SANITIZER" = none ] || export RUSTC_BOOTSTRAP=1

log "building the targets"
mkdir -p artifacts
build_started=$SECONDS
if ! "${FUZZ[@]}" build "${OPTS[@]}" >artifacts/build.log 2>&1; then
  tail -40 artifacts/build.log
  log "build failed; full log: fuzz/artifacts/build.log"
  exit 1
fi
log "built in $((SECONDS - build_started))s"

# The targets: what `cargo fuzz list` names, which must be every file in fuzz_targets/.
# A listing that fails, is empty or leaves a target out would otherwise run nothing and
# pass.
if ! listing=$("${FUZZ[@]}" list 2>&1); then
  printf '%s\n' "$listing" >&2
  log "cargo fuzz list failed, so no target can run"
  exit 1
fi
mapfile -t targets < <(printf '%s\n' "$listing" | sed '/^[[:space:]]*$/d')
if [ "${#targets[@]}" -eq 0 ]; then
  log "cargo fuzz list named no target, so nothing would be fuzzed"
  exit 1
fi
listed=$(printf '%s\n' "${targets[@]}" | sort | tr '\n' ' ')
on_disk=$(find fuzz_targets -maxdepth 1 -name '*.rs' -printf '%f\n' | sed 's/\.rs$//' | sort | tr '\n' ' ')
if [ "$listed" != "$on_disk" ]; then
  log "cargo fuzz list names [ ${listed}] but fuzz/fuzz_targets/ holds [ ${on_disk}]"
  exit 1
fi
log "targets: ${listed}"
summary=()
failed=0
for target in "${targets[@]}"; do
  mkdir -p "corpus/$target" "artifacts/$target"
  seeds=("regressions/$target")
  extra=()
  if [ "$target" = content ]; then
    # The shipped packs are the starting points for mutations of real content.
    seeds+=(../content)
    extra+=(-dict=content.dict)
  fi
  log "running $target for ${SECONDS_PER_TARGET}s"
  output="artifacts/$target/last-run.log"
  # New inputs go to the first folder only; the seeds are read, never written.
  if "${FUZZ[@]}" run "${OPTS[@]}" "$target" "corpus/$target" "${seeds[@]}" -- \
    -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 "${extra[@]}" >"$output" 2>&1; then
    status=ok
  else
    status=FAILED
    failed=1
    grep -E 'panicked at|^==[0-9]+== ERROR|Test unit written to|SUMMARY' "$output" | head -20 || true
    log "$target failed; full log: fuzz/$output"
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$output" | tail -1)
  # A run that reports no executions fuzzed nothing, whatever its exit status.
  if [ "$status" = ok ] && ! [[ "${runs:-0}" =~ ^[1-9][0-9]*$ ]]; then
    status=FAILED
    failed=1
    tail -20 "$output"
    log "$target ran no input (executions: ${runs:-none reported}); full log: fuzz/$output"
  fi
  corpus=$(find "corpus/$target" -type f | wc -l)
  summary+=("$(printf '%-11s %-6s %12s executions  %5s inputs in corpus' "$target" "$status" "${runs:-?}" "$corpus")")
done

printf '\n%s\n' "fuzzing, ${SECONDS_PER_TARGET}s per target, sanitizer $SANITIZER:"
printf '  %s\n' "${summary[@]}"
if [ "$failed" != 0 ]; then
  cat <<'EOF'
A target failed. Its input is in fuzz/artifacts/<target>/ (see "Test unit written to"
above). Replay it with `cargo fuzz run --sanitizer none <target> <file>` in fuzz/ (or
`cargo test -p ovp-model --test fuzz_regressions` once it is in regressions/), fix the
cause, then copy the file into fuzz/regressions/<target>/ so `cargo test` keeps checking it.
EOF
  exit 1
fi
