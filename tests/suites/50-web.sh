#!/usr/bin/env bash
# The web page in Debian's Chromium with Playwright: outputs against the npm
# package's generate(), copy, hash, diagnostics, filter, paste, keyboard,
# network isolation, axe-core, phone width and embedding under a sub-path.
source "$(dirname "$0")/../../scripts/lib.sh"
ensure_apt chromium emscripten libfmt-dev
ensure_npm
bash "$ROOT/scripts/build-web.sh"

out="$(mktemp)"
set +e
(cd "$ROOT" && npx playwright test -c tests/web/playwright.config.js --reporter=line) 2>&1 | tee "$out"
status=${PIPESTATUS[0]}
set -e
# Playwright's summary lines: "  27 passed (41.2s)", "  2 failed", "  1 flaky".
# awk, not grep: a summary without a "failed" line is not an error under pipefail.
passed=$(awk '/^ *[0-9]+ passed/ { n = $1 } END { print n + 0 }' "$out")
failed=$(awk '/^ *[0-9]+ (failed|flaky|timed out|interrupted)/ { n += $1 } END { print n + 0 }' "$out")
# A run that crashed before reporting still counts as a failure.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
record_counts web "$passed" "$failed"
rm -f "$out"
exit "$status"
