#!/usr/bin/env bash
# Robustness: escaping property tests (10,000 random strings per snippet
# language through the real interpreters), injection (every snippet for
# hostile values, run or compiled), a short run of each libFuzzer target, and
# the size benchmark (printed, never timed).
source "$(dirname "$0")/../../scripts/lib.sh"
ensure_apt python3 ruby golang-go openjdk-17-jdk-headless libpostgresql-jdbc-java \
  golang-github-jackc-pgx-v4-dev golang-github-lib-pq-dev clang libclang-rt-14-dev
ensure_npm
build_native

passed=0
failed=0
count() { if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi; }
set +e

log "escaping property tests"
seed="${CRDB_CONNECT_SEED:-20261125}"  # fixed, so a failure reproduces; set CRDB_CONNECT_SEED to explore
property_out="$(mktemp)"
"$ROOT/build/release/tests/escape/crdb-connect-escape-property" --count 10000 --seed "$seed" > "$property_out"
property_status=$?
cat "$property_out"
# One line per language: "<language> <passed> <failed>"; a language counts as one check.
while read -r language ok bad; do
  if [ "$bad" -eq 0 ] && [ "$ok" -ge 10000 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done < "$property_out"
[ "$property_status" -eq 0 ] || [ -s "$property_out" ] || failed=$((failed + 1))
rm -f "$property_out"
[ "$property_status" -eq 0 ] || log "property tests failed; reproduce with --seed $seed"

log "injection"
count node "$ROOT/tests/injection/run.mjs" "$ROOT/build/release/core/crdb-connect"

log "fuzzing (${CRDB_CONNECT_FUZZ_SECONDS:-20} s per target)"
fuzz_build="$ROOT/build/fuzz"
if [ ! -f "$fuzz_build/build.ninja" ]; then cmake --preset fuzz -S "$ROOT" >/dev/null; fi
cmake --build "$fuzz_build" -j2 >/dev/null
for target in fuzz_generate fuzz_parse; do
  binary="$fuzz_build/tests/fuzz/$target"
  [ -x "$binary" ] || { log "$target not built"; failed=$((failed + 1)); continue; }
  corpus="$(mktemp -d)"     # new inputs go here; the committed corpus is only read
  artifacts="$(mktemp -d)"
  seeds="$ROOT/tests/fuzz/corpus/${target#fuzz_}"
  fuzz_log="$(mktemp)"
  "$binary" -max_total_time="${CRDB_CONNECT_FUZZ_SECONDS:-20}" -max_len=4096 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "$corpus" "$seeds" > "$fuzz_log" 2>&1
  fuzz_status=$?
  grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY|invariant)" "$fuzz_log"
  if [ "$fuzz_status" -eq 0 ]; then
    passed=$((passed + 1))
    rm -rf "$artifacts"
  else
    failed=$((failed + 1))
    tail -40 "$fuzz_log"
    log "$target crashed; the input is in $artifacts: add it to tests/fuzz/regressions"
  fi
  rm -f "$fuzz_log"
  rm -rf "$corpus"
done

log "benchmark: time per generate() call as fields grow (figures only, not a test)"
"$ROOT/build/release/tests/bench/crdb-connect-bench" --calls 20

set -e
record_counts robustness "$passed" "$failed"
[ "$failed" -eq 0 ]
