// The full module adds, to everything in wasm/bindings.cpp, what only some
// callers need: the parser (loaded by the first parse()), the core's JSON and
// text output, and the npm CLI. Kept out of the generate module so the page
// and createGenerator() download 40% less.
#include <emscripten/bind.h>

#include <cstdint>
#include <string>

#include "args.hpp"
#include "crdb_connect/crdb_connect.hpp"
#include "crdb_connect/parse.hpp"
#include "tape.hpp"
#include "wire.hpp"

namespace {

using namespace crdb_connect;

// parse() for the JS API: JS writes the text into this buffer and passes its
// length in bytes; the result comes back as a tape (see generate_tape in
// bindings.cpp).
wasm::InputBuffer parse_input;

std::uint32_t parse_input_buffer(std::uint32_t capacity) { return parse_input.reserve(capacity); }

std::uint32_t parse_tape(std::uint32_t length) {
  static wasm::Tape tape;
  return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(&tape.write(parse(parse_input.written(length)))));
}

// The exact bytes of the native CLI's --json output.
std::string generate_json(const ConnectionParams& params, const std::string& drivers) {
  return to_json(generate(params, wasm::options_from(drivers)));
}

std::string generate_text(const ConnectionParams& params, const std::string& drivers) {
  return to_text(generate(params, wasm::options_from(drivers)));
}

// The npm CLI: the native CLI's own argument parser and usage text, so both
// CLIs accept the same flags and print the same errors.
struct CliInvocation {
  std::string error;  // non-empty: a usage error, for stderr, exit 2
  std::string command;
  bool json = false;
  bool password_stdin = false;
  bool password_given = false;
  ConnectionParams params;
  std::string drivers;  // NUL-terminated ids, as generate takes them
  std::string parse_text;
};

CliInvocation cli_args(const std::string& nul_terminated_args) {
  static constexpr const char* kCommands[] = {"generate", "parse", "help", "version"};
  const auto parsed = cli::parse_args(wasm::split_nul_terminated(nul_terminated_args));
  CliInvocation out;
  if (!parsed.invocation) {
    out.error = parsed.error;
    return out;
  }
  const cli::Invocation& inv = *parsed.invocation;
  out.command = kCommands[static_cast<int>(inv.command)];
  out.json = inv.json;
  out.password_stdin = inv.password_stdin;
  out.password_given = inv.password_given;
  out.params = inv.params;
  for (const auto& id : inv.options.drivers) (out.drivers += id) += '\0';
  out.parse_text = inv.parse_text;
  return out;
}

std::string cli_usage() { return cli::kUsage; }

// What `crdb-connect generate` or `parse` prints, and whether it exits 0.
struct CliOutput {
  bool ok = false;
  std::string text;
};

CliOutput cli_generate(const ConnectionParams& params, const std::string& drivers, bool json) {
  const GenerateResult result = generate(params, wasm::options_from(drivers));
  return {result.ok, json ? to_json(result) + "\n" : to_text(result)};
}

CliOutput cli_parse(const std::string& text, bool json) {
  const ParseResult result = parse(text);
  return {result.ok, json ? to_json(result) + "\n" : to_text(result)};
}

}  // namespace

EMSCRIPTEN_BINDINGS(crdb_connect_full) {
  using emscripten::function;
  // Only the full module takes ConnectionParams as an object (generateJson,
  // generateText, the CLI); the generate module's calls use wasm/wire.hpp.
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
  emscripten::value_object<CliInvocation>("CliInvocation")
      .field("error", &CliInvocation::error)
      .field("command", &CliInvocation::command)
      .field("json", &CliInvocation::json)
      .field("passwordStdin", &CliInvocation::password_stdin)
      .field("passwordGiven", &CliInvocation::password_given)
      .field("params", &CliInvocation::params)
      .field("drivers", &CliInvocation::drivers)
      .field("parseText", &CliInvocation::parse_text);
  emscripten::value_object<CliOutput>("CliOutput")
      .field("ok", &CliOutput::ok)
      .field("text", &CliOutput::text);
  function("parseInputBuffer", &parse_input_buffer);
  function("parseTape", &parse_tape);
  function("generateJson", &generate_json);
  function("generateText", &generate_text);
  function("cliParse", &cli_parse);
  function("cliArgs", &cli_args);
  function("cliUsage", &cli_usage);
  function("cliGenerate", &cli_generate);
}
