# Shared helpers for the build and test scripts. Source it; do not run it.
# Everything here is idempotent and quick when the machine already has what
# is needed, so the README's two commands can always start with it.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RESULTS_DIR="$ROOT/tests/.results"
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"  # Emscripten 3.1.6's acorn passes need it

log() { printf '\033[1m[crdb-connect]\033[0m %s\n' "$*" >&2; }

# ensure_apt PKG...: installs the Debian packages that are missing.
ensure_apt() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ ! -f /tmp/.crdb-connect-apt-updated ]; then
    $sudo apt-get update -qq && touch /tmp/.crdb-connect-apt-updated
  fi
  # --no-install-recommends: the recommended set pulls Debian's npm, which
  # conflicts with the Node.js already installed on these machines.
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# ensure_npm: installs node_modules from the lock file when it is missing or stale.
ensure_npm() {
  local stamp="$ROOT/node_modules/.crdb-connect-lock"
  if [ -f "$stamp" ] && cmp -s "$ROOT/package-lock.json" "$stamp"; then return 0; fi
  log "npm ci"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  cp "$ROOT/package-lock.json" "$stamp"
}

ensure_native_toolchain() { ensure_apt cmake ninja-build g++ libfmt-dev catch2; }

# build_native: configures and builds the core, CLI and Catch2 tests (release preset).
build_native() {
  ensure_native_toolchain
  if [ ! -f "$ROOT/build/release/build.ninja" ]; then
    cmake --preset release -S "$ROOT" >/dev/null
  fi
  cmake --build "$ROOT/build/release" >/dev/null
}

# record_counts SUITE PASSED FAILED: what tests/run-all.sh adds up at the end.
record_counts() {
  mkdir -p "$RESULTS_DIR"
  printf '%s %s\n' "$2" "$3" > "$RESULTS_DIR/$1.counts"
}
