#!/usr/bin/env bash
# Assembles the static page in dist/web: the page's own files from web/ and the
# npm package's browser files (wasm/*.js and the compiled dist/crdb-connect-wasm.*)
# in dist/web/crdb-connect/, laid out as in the package so its relative URLs
# (../dist/crdb-connect-wasm.wasm from wasm/index.js) keep working. Nothing is
# bundled: each served module is one module of web/ or wasm/.
source "$(dirname "$0")/lib.sh"
ensure_apt emscripten libfmt-dev  # the wasm build uses fmt header-only
ensure_npm
bash "$ROOT/wasm/build.sh"

OUT="$ROOT/dist/web"
rm -rf "$OUT"
mkdir -p "$OUT/crdb-connect/wasm" "$OUT/crdb-connect/dist"
cp "$ROOT"/web/*.html "$ROOT"/web/*.css "$OUT/"
# The page's modules stay separate ES modules (no bundling); terser only drops
# comments and shortens local names, which halves what a visitor downloads.
for module in "$ROOT"/web/*.js; do
  "$ROOT/node_modules/.bin/terser" "$module" --module --compress --mangle -o "$OUT/$(basename "$module")"
done
# Only the modules the browser loads: index.js and what it imports from wasm/.
for module in "$ROOT"/wasm/*.js; do
  case "$(basename "$module")" in
    cli.js|*.test.js) ;;  # Node-only files
    *) cp "$module" "$OUT/crdb-connect/wasm/" ;;
  esac
done
# The full module is fetched only when someone pastes a string to parse.
cp "$ROOT"/dist/crdb-connect-{wasm,full}.{mjs,wasm} "$OUT/crdb-connect/dist/"
log "page assembled in dist/web ($(du -sk "$OUT" | cut -f1) KiB)"
