#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test suite.
# Each suite is a script in tests/suites/, run in name order; each records its
# passed/failed counts, and the total is printed last as "N passed, M failed".
source "$(dirname "$0")/lib.sh"
rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"

failed_suites=()
for suite in "$ROOT"/tests/suites/*.sh; do
  name="$(basename "$suite" .sh)"
  log "suite $name"
  if ! bash "$suite"; then
    failed_suites+=("$name")
    # A suite that died before recording counts still counts as one failure.
    [ -f "$RESULTS_DIR/$name.counts" ] || record_counts "$name" 0 1
  fi
done

passed=0
failed=0
echo
echo "Suite results:"
for counts in "$RESULTS_DIR"/*.counts; do
  read -r p f < "$counts"
  printf '  %-24s %5d passed, %d failed\n' "$(basename "$counts" .counts)" "$p" "$f"
  passed=$((passed + p))
  failed=$((failed + f))
done
echo
echo "$passed passed, $failed failed"
[ ${#failed_suites[@]} -eq 0 ] && [ "$failed" -eq 0 ]
