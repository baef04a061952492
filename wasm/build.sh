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

sources=("$ROOT"/core/src/*.cpp "$ROOT/wasm/bindings.cpp" "$ROOT/wasm/tape.cpp" "$ROOT/wasm/call_arena.cpp")
full_sources=("${sources[@]}" "$ROOT/core/cli/args.cpp" "$ROOT/wasm/bindings_full.cpp")
inputs=("${full_sources[@]}" "$ROOT"/core/src/*.hpp "$ROOT"/core/include/crdb_connect/*.hpp "$ROOT"/wasm/*.hpp "$ROOT"/core/cli/*.hpp "$ROOT/wasm/build.sh" "$ROOT/wasm/drop-exports.mjs" "$ROOT/wasm/embind-unused-types.js")
# The stamp holds the CRDB_WASM_* knobs the build ran with (see below): a
# build made with other knobs is not current, even when no file changed, so an
# experiment's build never passes for the default one.
knobs="$(env | grep '^CRDB_WASM_' | LC_ALL=C sort || true)"
if [ "${1:-}" != "--force" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$knobs" ] &&
  [ -z "$(find "${inputs[@]}" -newer "$STAMP" 2>/dev/null)" ]; then
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
#  drop-exports.mjs   removes Embind's __getTypeName export, which only names
#                     a type in an error our bindings cannot hit, and with it
#                     musl's printf: -2.3 KB gzip, 6% of the generate module
#  separate .wasm     smaller than base64 SINGLE_FILE; wasm/index.js loads it
#                     relative to import.meta.url (no fetch of file:// in Node)
COMPILE_FLAGS=(-std=c++20 -flto -fno-exceptions -fno-rtti -DEMSCRIPTEN_HAS_UNBOUND_TYPE_NAMES=0 -DFMT_HEADER_ONLY
  -DFMT_USE_FLOAT=0 -DFMT_USE_DOUBLE=0 -DFMT_USE_LONG_DOUBLE=0 -DFMT_USE_INT128=0 "-DFMT_STATIC_THOUSANDS_SEPARATOR=','"
  '-DFMT_THROW(x)=__builtin_trap()' -DNDEBUG
  -I"$ROOT/core/include" -I"$ROOT/core/src" -I"$ROOT/core/cli" -I"$FMT_DIR")
OBJ_DIR="$FMT_DIR/obj"  # removed with FMT_DIR on exit
mkdir -p "$OBJ_DIR"

# name, optimisation flags, allocator, flags for the hot files (empty: as the
# rest), wasm-opt flags for a last pass (empty: none), an Emscripten JS library
# that replaces parts of Embind's glue (empty: none), sources...
build_module() {
  local name="$1" opt="$2" malloc="$3" hot_opt="$4" post_opt="$5" js_library="$6"
  shift 6
  local inputs=() source
  for source in "$@"; do
    # The per-call hot loops (copying the result onto the tape, the arena)
    # are compiled apart, for speed; LTO keeps each function's own level.
    if [ -n "$hot_opt" ] && [[ " ${HOT_SOURCES[*]} " == *" $source "* ]]; then
      local object="$OBJ_DIR/$name-$(basename "$source" .cpp).o"
      em++ "${COMPILE_FLAGS[@]}" $hot_opt -c "$source" -o "$object"
      inputs+=("$object")
    else
      inputs+=("$source")
    fi
  done
  em++ "${COMPILE_FLAGS[@]}" $opt "${inputs[@]}" \
    --bind -sMODULARIZE=1 -sEXPORT_ES6=1 -sEXPORT_NAME=createCrdbConnectModule \
    -sENVIRONMENT=web -sMALLOC=$malloc -sALLOW_MEMORY_GROWTH=1 \
    -sFILESYSTEM=0 -sINCOMING_MODULE_JS_API=instantiateWasm \
    -sDYNAMIC_EXECUTION=0 -sTEXTDECODER=2 ${js_library:+--js-library "$js_library"} \
    ${CRDB_WASM_EXTRA_FLAGS:-} \
    -o "$OUT/$name.mjs"
  node "$ROOT/wasm/drop-exports.mjs" "$OUT/$name.wasm" "$OUT/$name.mjs" ___getTypeName
  if [ -n "$post_opt" ]; then
    wasm-opt "$OUT/$name.wasm" --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
      --zero-filled-memory $post_opt -o "$OUT/$name.wasm"
  fi
  # Emscripten's own minifier keeps local names without Closure, and Debian's
  # Closure Compiler (2013) is too old for Emscripten 3.1.6; terser mangles and
  # compresses the glue instead (9.0 KB -> 5.9 KB gzip). Property names are left
  # alone, so Embind's string-keyed lookups are unaffected.
  "$ROOT/node_modules/.bin/terser" "$OUT/$name.mjs" --module --compress passes=2 --mangle -o "$OUT/$name.mjs"
}
# The generate module is what every page downloads, so it is built for size
# (-Oz) except where speed is cheap (measured in Node 20, 13 drivers; see
# README "Size and speed"):
#  - tape.cpp and call_arena.cpp at -O2: the loops that run for every byte and
#    every allocation of a result, +0.1 KB gzip, -13% time; urls.cpp (every
#    URL, 15 a call) too: -1.3 us for +0.8 KB;
#  - a last wasm-opt pass at -O3 that inlines functions of up to 8 bytes
#    (-aimfs 8): -Oz leaves libc++'s one-line string members (size(),
#    __is_long(), ...) as calls, and Node 20's V8, unlike Chromium's, does not
#    inline wasm calls itself. generate() takes less than half the time, for
#    +0.6 KB gzip. Functions of up to 40 bytes without calls or loops too
#    (-fimfs 40, libc++'s short-string paths): -2 us for +1 KB.
#  - _LIBCPP_DISABLE_EXTERN_TEMPLATE: libc++'s string members are compiled
#    with the module instead of taken pre-built, so LTO and wasm-opt can inline them.
#  - wasm/embind-unused-types.js: Embind's glue for std::wstring,
#    emscripten::val and memory views, which no binding of this module uses,
#    is left out (-0.7 KB gzip).
# The full module, fetched only when something parses, is built for speed: at
# -O2 parse() runs about 2.5x faster than at -Oz. The two links run side by
# side: each is one single-threaded LTO step.
# CRDB_WASM_HOT_EXTRA (more sources) and CRDB_WASM_HOT_OPT (their flags) are
# for trying other splits; measured in README "Size and speed".
HOT_SOURCES=("$ROOT/wasm/tape.cpp" "$ROOT/wasm/call_arena.cpp" "$ROOT/core/src/urls.cpp" ${CRDB_WASM_HOT_EXTRA:-})
build_module crdb-connect-wasm "${CRDB_WASM_OPT:--Oz -D_LIBCPP_DISABLE_EXTERN_TEMPLATE -mbulk-memory}" \
  "${CRDB_WASM_MALLOC:-emmalloc}" "${CRDB_WASM_HOT_OPT:--O2 -D_LIBCPP_DISABLE_EXTERN_TEMPLATE -mbulk-memory}" \
  "${CRDB_WASM_POST_OPT--aimfs 8 -fimfs 40 -O3}" "$ROOT/wasm/embind-unused-types.js" "${sources[@]}" &
generate_build=$!
build_module crdb-connect-full "${CRDB_WASM_FULL_OPT:--O2 -D_LIBCPP_DISABLE_EXTERN_TEMPLATE -mbulk-memory}" \
  "${CRDB_WASM_FULL_MALLOC:-emmalloc}" "" "" "" "${full_sources[@]}"
wait "$generate_build"
printf '%s' "$knobs" > "$STAMP"
