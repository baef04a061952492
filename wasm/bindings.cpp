// The generate module: what createGenerator() and the page load. It holds
// generate() and the driver table and nothing else, so the parser, the JSON
// and text formatters and the CLI (wasm/bindings_full.cpp, the full module)
// are not downloaded until something needs them.
//
// Every call hands back one buffer (the tape), because crossing the boundary
// once is far cheaper than crossing it per field; the JS layer decodes it
// once. generate()'s parameters arrive the same way, as one buffer JS writes
// into the heap (wasm/wire.hpp), and the core's default parameters leave on a
// tape too. JS passes plain objects and never holds an Embind handle that
// needs .delete().
#include <emscripten/bind.h>
#include <unistd.h>

#include <cstdint>
#include <new>
#include <string>

#include "call_arena.hpp"
#include "crdb_connect/crdb_connect.hpp"
#include "tape.hpp"
#include "wire.hpp"

namespace {

using namespace crdb_connect;

// Where JS writes generate()'s parameters (see read_params in wire.hpp).
wasm::InputBuffer params_input;

std::uint32_t params_buffer(std::uint32_t capacity) { return params_input.reserve(capacity); }

// generate() for the JS API, on the parameters in the buffer: returns the
// address of a TapeView that stays valid until the next call (JS reads it at
// once; the module is single-threaded). The result is built in the call arena
// and copied onto the tape, whose buffers, allocated outside the arena, keep
// their capacity between calls.
//
// When the result fits the arena's block (every call short of hostile input),
// it is abandoned rather than destroyed: destroying it would walk its ~300
// strings and vectors to free nothing (~0.6 us of a 13-driver call).
std::uint32_t generate_tape(std::uint32_t items, std::uint32_t text_bytes, bool jdbc_pk8_key) {
  static wasm::Tape tape;
  alignas(GenerateResult) static unsigned char result_storage[sizeof(GenerateResult)];
  GenerateResult* result;
  bool all_in_block;
  {
    const wasm::CallArenaScope arena;
    ConnectionParams params;
    GenerateOptions options;
    wasm::read_params(params_input.all(), items, text_bytes, params, options);
    params.jdbc_pk8_key = jdbc_pk8_key;
    result = new (result_storage) GenerateResult(generate(params, options));
    all_in_block = arena.all_in_block();
  }
  const wasm::TapeView& view = tape.write(*result, wasm::params_text(params_input.all(), items, text_bytes));
  if (!all_in_block) result->~GenerateResult();  // its malloc'd parts are freed
  return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(&view));
}

// The driver table for JS, as a tape like generate()'s.
std::uint32_t drivers_tape() {
  static wasm::Tape tape;
  return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(&tape.write(driver_table())));
}

std::string version() { return kVersion; }

// The core's defaults, so JS fills in missing fields without a copy of them:
// a tape of ConnectionParams' fields (wasm/wire.hpp's order, then the flag).
std::uint32_t default_params_tape() {
  static wasm::Tape tape;
  return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(&tape.write(ConnectionParams{})));
}

// Top of the wasm heap: lets the tests prove that repeated calls do not leak.
double heap_top() { return static_cast<double>(reinterpret_cast<std::uintptr_t>(sbrk(0))); }

}  // namespace

EMSCRIPTEN_BINDINGS(crdb_connect) {
  using emscripten::function;
  function("paramsBuffer", &params_buffer);
  function("generateTape", &generate_tape);
  function("driversTape", &drivers_tape);
  function("version", &version);
  function("defaultParamsTape", &default_params_tape);
  function("heapTop", &heap_top);
}
