#!/usr/bin/env bash
# The npm package: builds the wasm module, then runs node's test runner over
# tests/js (API vs golden files and the native CLI, bad input, heap, CLI
# parity, .d.ts, npm pack + install + import + npx + Chromium).
source "$(dirname "$0")/../../scripts/lib.sh"
ensure_apt emscripten libfmt-dev chromium
ensure_npm
build_native
log "building the wasm module"
bash "$ROOT/wasm/build.sh"
out="$(mktemp)"
set +e
(cd "$ROOT" && node --test --test-reporter=tap tests/js/) | tee "$out"
status=${PIPESTATUS[0]}
set -e
# node's TAP summary: "# pass N" and "# fail M"
passed=$(grep -E '^# pass [0-9]+' "$out" | grep -oE '[0-9]+' | tail -1)
failed=$(grep -E '^# fail [0-9]+' "$out" | grep -oE '[0-9]+' | tail -1)
[ "$status" -ne 0 ] && [ "${failed:-0}" -eq 0 ] && failed=1
record_counts js "${passed:-0}" "${failed:-1}"
rm -f "$out"
exit "$status"
