// The whole JS boundary of the core. Every call hands back one buffer (the
// generate tape, or the core's JSON or text), because crossing the boundary
// once is far cheaper than crossing it per field; the JS layer decodes it
// once. Parameters arrive as one value_object, so JS passes a plain object and
// never holds an Embind handle that would need .delete().
#include <emscripten/bind.h>
#include <unistd.h>

#include <cstdint>
#include <string>

#include "crdb_connect/crdb_connect.hpp"
#include "crdb_connect/parse.hpp"
#include "tape.hpp"

namespace {

using namespace crdb_connect;

// Driver ids arrive as one string, each id followed by a NUL: JS ids cannot be
// split wrongly by a separator they contain, and [""] stays distinct from [].
GenerateOptions options_from(const std::string& nul_terminated_ids) {
  GenerateOptions options;
  std::size_t start = 0;
  for (std::size_t end; (end = nul_terminated_ids.find('\0', start)) != std::string::npos; start = end + 1) {
    options.drivers.emplace_back(nul_terminated_ids, start, end - start);
  }
  return options;
}

// generate() for the JS API: returns the address of a TapeView that stays
// valid until the next call (JS reads it at once; the module is single-threaded).
std::uint32_t generate_tape(const ConnectionParams& params, const std::string& drivers) {
  static wasm::Tape tape;
  return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(&tape.write(generate(params, options_from(drivers)))));
}

// The exact bytes of the native CLI's --json output, for the npm CLI.
std::string generate_json(const ConnectionParams& params, const std::string& drivers) {
  return to_json(generate(params, options_from(drivers)));
}

std::string generate_text(const ConnectionParams& params, const std::string& drivers) {
  return to_text(generate(params, options_from(drivers)));
}

std::string parse_json(const std::string& text) { return to_json(parse(text)); }

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
  function("generateJson", &generate_json);
  function("generateText", &generate_text);
  function("parseJson", &parse_json);
  function("driversJson", &drivers_json);
  function("version", &version);
  function("defaultParams", &default_params);
  function("heapTop", &heap_top);
}
