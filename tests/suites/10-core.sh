#!/usr/bin/env bash
# Catch2 unit, golden and escaping tests for the C++ core, run through ctest.
source "$(dirname "$0")/../../scripts/lib.sh"
# Interpreters, shells and .env parsers that the escaping and setup tests run.
ensure_apt python3 ruby golang-go fish python3-dotenv ruby-dotenv
ensure_npm
build_native
out="$(mktemp)"
set +e
(cd "$ROOT/build/release" && ctest --output-on-failure) | tee "$out"
status=${PIPESTATUS[0]}
"$ROOT/build/release/tests/core/crdb_connect_tests" --list-test-names-only >/dev/null 2>&1
set -e
# ctest's summary line: "100% tests passed, 0 tests failed out of 3"
total=$(grep -oE 'out of [0-9]+' "$out" | grep -oE '[0-9]+' | tail -1)
bad=$(grep -oE '[0-9]+ tests failed' "$out" | grep -oE '^[0-9]+' | tail -1)
record_counts core "$(( ${total:-0} - ${bad:-0} ))" "${bad:-1}"
rm -f "$out"
exit "$status"
