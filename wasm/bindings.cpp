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
#include "args.hpp"
#include "tape.hpp"

namespace {

using namespace crdb_connect;

// Lists (driver ids, CLI arguments) arrive as one string, each item followed
// by a NUL: an item cannot be split wrongly by a separator it contains, and
// [""] stays distinct from []. JS rejects items that contain a NUL.
std::vector<std::string> split_nul_terminated(const std::string& items) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t end; (end = items.find('\0', start)) != std::string::npos; start = end + 1) {
    out.emplace_back(items, start, end - start);
  }
  return out;
}

GenerateOptions options_from(const std::string& nul_terminated_ids) {
  GenerateOptions options;
  options.drivers = split_nul_terminated(nul_terminated_ids);
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
  const auto parsed = cli::parse_args(split_nul_terminated(nul_terminated_args));
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

// What `crdb-connect generate` prints, and whether it exits 0.
struct CliOutput {
  bool ok = false;
  std::string text;
};

CliOutput cli_generate(const ConnectionParams& params, const std::string& drivers, bool json) {
  const GenerateResult result = generate(params, options_from(drivers));
  return {result.ok, json ? to_json(result) + "\n" : to_text(result)};
}

std::string parse_json(const std::string& text) { return to_json(parse(text)); }

// `crdb-connect parse` without --json, and whether it exits 0.
CliOutput cli_parse(const std::string& text, bool json) {
  const ParseResult result = parse(text);
  return {result.ok, json ? to_json(result) + "\n" : to_text(result)};
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
  function("generateTape", &generate_tape);
  function("generateJson", &generate_json);
  function("generateText", &generate_text);
  function("parseJson", &parse_json);
  function("cliParse", &cli_parse);
  function("cliArgs", &cli_args);
  function("cliUsage", &cli_usage);
  function("cliGenerate", &cli_generate);
  function("driversJson", &drivers_json);
  function("version", &version);
  function("defaultParams", &default_params);
  function("heapTop", &heap_top);
}
