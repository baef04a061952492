#!/usr/bin/env bash
# Builds the page and serves it on 127.0.0.1, printing its URL. A port may be
# given (npm start -- --port 8080, or PORT=8080); otherwise a free one is used.
source "$(dirname "$0")/lib.sh"
ensure_npm
bash "$ROOT/scripts/build-web.sh"
exec node "$ROOT/scripts/serve.mjs" "$ROOT/dist/web" "$@"
