// The generate module: what createGenerator() and the page load. It holds
// generate() and the driver table and nothing else, so the parser, the JSON
// and text formatters and the CLI (wasm/bindings_full.cpp, the full module)
// are not downloaded until something needs them.
//
// Every call hands back one buffer (the tape), because crossing the boundary
// once is far cheaper than crossing it per field; the JS layer decodes it
// once. generate()'s parameters arrive the same way, as one buffer JS writes
// into the heap (wasm/wire.hpp); the ConnectionParams value_object remains for
// defaultParams() and the full module's generateJson/generateText, so JS
// passes plain objects and never holds an Embind handle that needs .delete().
#include <emscripten/bind.h>
#include <unistd.h>

#include <cstdint>
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
std::uint32_t generate_tape(std::uint32_t items, std::uint32_t text_bytes, bool jdbc_pk8_key) {
  static wasm::Tape tape;
  GenerateResult result;
  {
    const wasm::CallArenaScope arena;
    ConnectionParams params;
    GenerateOptions options;
    wasm::read_params(params_input.all(), items, text_bytes, params, options);
    params.jdbc_pk8_key = jdbc_pk8_key;
    result = generate(params, options);
  }
  return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(&tape.write(result)));
}

// The driver table for JS, as a tape like generate()'s.
std::uint32_t drivers_tape() {
  static wasm::Tape tape;
  return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(&tape.write(driver_table())));
}

std::string version() { return kVersion; }

// The core's defaults, so JS fills in missing fields without a copy of them.
ConnectionParams default_params() { return {}; }

// Top of the wasm heap: lets the tests prove that repeated calls do not leak.
double heap_top() { return static_cast<double>(reinterpret_cast<std::uintptr_t>(sbrk(0))); }

}  // namespace

EMSCRIPTEN_BINDINGS(crdb_connect) {
  using emscripten::function;
  emscripten::value_object<ConnectionParams>("ConnectionParams")
      .field("deployment", &ConnectionParams::deployment)
      .field("username", &ConnectionParams::username)
      .field("password", &ConnectionParams::password)
      .field("host", &ConnectionParams::host)
      .field("port", &ConnectionParams::port)
      .field("database", &ConnectionParams::database)
      .field("routingId", &ConnectionParams::routing_id)
      .field("rootCert", &ConnectionParams::root_cert)
      .field("clientCert", &ConnectionParams::client_cert)
      .field("clientKey", &ConnectionParams::client_key)
      .field("os", &ConnectionParams::os)
      .field("shell", &ConnectionParams::shell)
      .field("clusterId", &ConnectionParams::cluster_id)
      .field("jdbcPk8Key", &ConnectionParams::jdbc_pk8_key);
  function("paramsBuffer", &params_buffer);
  function("generateTape", &generate_tape);
  function("driversTape", &drivers_tape);
  function("version", &version);
  function("defaultParams", &default_params);
  function("heapTop", &heap_top);
}
