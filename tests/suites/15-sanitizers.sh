#!/usr/bin/env bash
# The whole Catch2 suite again, built with AddressSanitizer and UBSan
# (CMake preset debug-asan): any out-of-bounds read, leak or undefined
# behaviour on the tests' hostile inputs fails the run.
source "$(dirname "$0")/../../scripts/lib.sh"
ensure_native_toolchain
ensure_apt python3 ruby golang-go openjdk-17-jdk-headless
build="$ROOT/build/debug-asan"
if [ ! -f "$build/build.ninja" ]; then
  cmake --preset debug-asan -S "$ROOT" >/dev/null
fi
cmake --build "$build" -j2 >/dev/null
out="$(mktemp)"
set +e
# halt_on_error + detect_leaks: a report is a failure, never just a log line.
(cd "$build" && ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --output-on-failure -j2) | tee "$out"
status=${PIPESTATUS[0]}
set -e
total=$(grep -oE 'out of [0-9]+' "$out" | grep -oE '[0-9]+' | tail -1)
bad=$(grep -oE '[0-9]+ tests failed' "$out" | grep -oE '^[0-9]+' | tail -1)
[ -n "$total" ] || { total=0; bad=1; }
record_counts sanitizers "$(( total - ${bad:-0} ))" "${bad:-0}"
rm -f "$out"
exit "$status"
