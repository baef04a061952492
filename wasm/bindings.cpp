// The generate module: what createGenerator() and the page load. It holds
// generate() and the driver table and nothing else, so the parser, the JSON
// and text formatters and the CLI (wasm/bindings_full.cpp, the full module)
// are not downloaded until something needs them.
//
// Every call hands back one buffer (the tape), because crossing the boundary
// once is far cheaper than crossing it per field; the JS layer decodes it
// once. Parameters arrive as one value_object, so JS passes a plain object and
// never holds an Embind handle that would need .delete().
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

// generate() for the JS API: returns the address of a TapeView that stays
// valid until the next call (JS reads it at once; the module is single-threaded).
// The result is built in the call arena and copied onto the tape (whose
// buffers, allocated outside the arena, keep their capacity between calls).
std::uint32_t generate_tape(const ConnectionParams& params, const std::string& drivers) {
  static wasm::Tape tape;
  GenerateResult result;
  {
    const wasm::CallArenaScope arena;
    result = generate(params, wasm::options_from(drivers));
  }
  return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(&tape.write(result)));
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
  function("generateTape", &generate_tape);
  function("driversJson", &drivers_json);
  function("version", &version);
  function("defaultParams", &default_params);
  function("heapTop", &heap_top);
}
