#!/usr/bin/env bash
# Assembles the static page in dist/web: the page's own files from web/, one
# script that holds the page's modules and the npm package's browser loader
# (see scripts/bundle-page.mjs), and the package's compiled files in
# dist/web/crdb-connect/dist/, where that script looks for them.
source "$(dirname "$0")/lib.sh"
ensure_apt emscripten libfmt-dev  # the wasm build uses fmt header-only
ensure_npm
bash "$ROOT/wasm/build.sh"

OUT="$ROOT/dist/web"
rm -rf "$OUT"
mkdir -p "$OUT/crdb-connect/dist"
# generator.css goes into the script (scripts/bundle-page.mjs), page.css into
# index.html, allowed by its hash in the page's policy.
cp "$ROOT/web/index.html" "$ROOT/web/page.css" "$OUT/"
node "$ROOT/scripts/inline-page-style.mjs" "$OUT"
# The page's modules (small files with one job in web/) and the package's
# loader, joined into one minified ES module: see scripts/bundle-page.mjs.
node "$ROOT/scripts/bundle-page.mjs" "$OUT/crdb-connect-generator.js"
# The generate module's .wasm is fetched by the page on load; the full
# module (glue and .wasm) only when someone pastes a string to parse.
cp "$ROOT"/dist/crdb-connect-wasm.wasm "$ROOT"/dist/crdb-connect-full.{mjs,wasm} "$OUT/crdb-connect/dist/"
log "page assembled in dist/web ($(du -sk "$OUT" | cut -f1) KiB)"
