#!/usr/bin/env bash
# Assembles the static page in dist/web: the page's own files from web/ and the
# npm package's browser files (wasm/*.js and the compiled dist/crdb-connect-*)
# in dist/web/crdb-connect/, laid out as in the package so its relative URLs
# (../dist/crdb-connect-wasm.wasm from wasm/index.js) keep working.
source "$(dirname "$0")/lib.sh"
ensure_apt emscripten libfmt-dev  # the wasm build uses fmt header-only
ensure_npm
bash "$ROOT/wasm/build.sh"

OUT="$ROOT/dist/web"
rm -rf "$OUT"
mkdir -p "$OUT/crdb-connect/wasm" "$OUT/crdb-connect/dist"
cp "$ROOT"/web/*.html "$ROOT"/web/*.css "$OUT/"
# The page's own modules (small files with one job in web/) are joined into
# one minified ES module, still named crdb-connect-generator.js: the browser
# then fetches 8 files instead of 20, which saves a round trip per six files
# (Chromium opens six connections to a host) and 300 bytes of headers each.
# Nothing is bundled at run time; the package's files stay separate, loaded
# by their relative URLs, so the .wasm is still found beside its glue.
"$ROOT/node_modules/.bin/esbuild" "$ROOT/web/crdb-connect-generator.js" --bundle --format=esm --minify \
  --target=es2022 '--external:./crdb-connect/*' --log-level=warning --outfile="$OUT/crdb-connect-generator.js"
# Only the modules the browser loads: index.js and what it imports from wasm/,
# minified like the page's own (the npm package ships them readable).
for module in "$ROOT"/wasm/*.js; do
  case "$(basename "$module")" in
    cli.js|*.test.js) ;;  # Node-only files
    *) "$ROOT/node_modules/.bin/terser" "$module" --module --compress --mangle -o "$OUT/crdb-connect/wasm/$(basename "$module")" ;;
  esac
done
# The full module is fetched only when someone pastes a string to parse.
cp "$ROOT"/dist/crdb-connect-{wasm,full}.{mjs,wasm} "$OUT/crdb-connect/dist/"
log "page assembled in dist/web ($(du -sk "$OUT" | cut -f1) KiB)"
