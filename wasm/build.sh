#!/usr/bin/env bash
# Builds the two wasm modules and their ES-module glue into dist/ from the
# core's sources: crdb-connect-wasm (wasm/bindings.cpp: generate() and the
# driver table, what createGenerator() and the page load) and crdb-connect-full
# (adds wasm/bindings_full.cpp: the parser, JSON and text output and the CLI,
# loaded on first use). LTO drops from each what its bindings do not reach.
# Run by `npm run build:wasm`, `npm pack` and the
# JS test suite. Skips the build when dist/ is newer than every input.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"  # Emscripten 3.1.6's acorn passes need it
OUT="$ROOT/dist"
STAMP="$OUT/.build-inputs"

sources=("$ROOT"/core/src/*.cpp "$ROOT/wasm/bindings.cpp" "$ROOT/wasm/tape.cpp")
full_sources=("${sources[@]}" "$ROOT/core/cli/args.cpp" "$ROOT/wasm/bindings_full.cpp")
inputs=("${full_sources[@]}" "$ROOT"/core/src/*.hpp "$ROOT"/core/include/crdb_connect/*.hpp "$ROOT"/wasm/*.hpp "$ROOT"/core/cli/*.hpp "$ROOT/wasm/build.sh")
if [ "${1:-}" != "--force" ] && [ -f "$STAMP" ] && [ -z "$(find "${inputs[@]}" -newer "$STAMP" 2>/dev/null)" ]; then
  exit 0
fi

# fmt is used header-only; the include dir holds nothing but fmt itself,
# because -I/usr/include would pull the host's libc headers into the wasm build.
FMT_DIR="$(mktemp -d)"
trap 'rm -rf "$FMT_DIR"' EXIT
ln -s /usr/include/fmt "$FMT_DIR/fmt"

mkdir -p "$OUT"
# Size and speed choices, measured (see README "Size and speed"):
#  -Oz -flto          smallest code; LTO drops the unused parts of fmt and libc++
#  FMT_USE_*=0, FMT_STATIC_THOUSANDS_SEPARATOR
#                     the core formats no floating point and no locale: without
#                     these, fmt's type-erased formatter pulls in float printing
#                     and all of libc++'s locale facets (209 KB -> 91 KB raw)
#  FMT_THROW=trap     fmt's format strings are checked at compile time; its
#                     runtime error path would only drag in printf
#  -fno-exceptions    the core never throws; fmt reports format errors by abort
#  emmalloc           a much smaller allocator than dlmalloc; the core's
#                     allocations are short-lived strings (dlmalloc was no
#                     faster for parse() in the full module)
#  -mbulk-memory      memcpy and memset become single memory.copy/fill
#                     instructions instead of calls into a byte loop: ~7%
#                     faster generate() (Chrome 75+, Firefox 79+, Safari 15+,
#                     Node 14+)
#  separate .wasm     smaller than base64 SINGLE_FILE; wasm/index.js loads it
#                     relative to import.meta.url (no fetch of file:// in Node)
build_module() {  # name, optimisation flags, allocator, sources...
  local name="$1" opt="$2" malloc="$3"
  shift 3
  em++ -std=c++20 $opt -flto -fno-exceptions -fno-rtti -DEMSCRIPTEN_HAS_UNBOUND_TYPE_NAMES=0 -DFMT_HEADER_ONLY -DFMT_USE_FLOAT=0 -DFMT_USE_DOUBLE=0 -DFMT_USE_LONG_DOUBLE=0 -DFMT_USE_INT128=0 -DFMT_STATIC_THOUSANDS_SEPARATOR=\',\' '-DFMT_THROW(x)=__builtin_trap()' -DNDEBUG \
    -I"$ROOT/core/include" -I"$ROOT/core/src" -I"$ROOT/core/cli" -I"$FMT_DIR" \
    "$@" \
    --bind -sMODULARIZE=1 -sEXPORT_ES6=1 -sEXPORT_NAME=createCrdbConnectModule \
    -sENVIRONMENT=web -sMALLOC=$malloc -sALLOW_MEMORY_GROWTH=1 \
    -sFILESYSTEM=0 -sINCOMING_MODULE_JS_API=instantiateWasm \
    -sDYNAMIC_EXECUTION=0 -sTEXTDECODER=2 \
    ${CRDB_WASM_EXTRA_FLAGS:-} \
    -o "$OUT/$name.mjs"
  # Emscripten's own minifier keeps local names without Closure, and Debian's
  # Closure Compiler (2013) is too old for Emscripten 3.1.6; terser mangles and
  # compresses the glue instead (9.0 KB -> 5.9 KB gzip). Property names are left
  # alone, so Embind's string-keyed lookups are unaffected.
  "$ROOT/node_modules/.bin/terser" "$OUT/$name.mjs" --module --compress passes=2 --mangle -o "$OUT/$name.mjs"
}
# The generate module is built for size (it is what every page downloads);
# the full module, fetched only when something parses, for speed: at -O2 with
# libc++'s string members inlined (_LIBCPP_DISABLE_EXTERN_TEMPLATE) parse() runs
# about 2.5x faster than at -Oz. The two links run side by side: each is one
# single-threaded LTO step.
build_module crdb-connect-wasm "${CRDB_WASM_OPT:--Oz -mbulk-memory}" "${CRDB_WASM_MALLOC:-emmalloc}" "${sources[@]}" &
generate_build=$!
build_module crdb-connect-full "${CRDB_WASM_FULL_OPT:--O2 -D_LIBCPP_DISABLE_EXTERN_TEMPLATE -mbulk-memory}" "${CRDB_WASM_FULL_MALLOC:-emmalloc}" "${full_sources[@]}"
wait "$generate_build"
touch "$STAMP"
