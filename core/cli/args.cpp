#include "args.hpp"

#include <array>
#include <string_view>

namespace crdb_connect::cli {

const char* const kUsage = R"~(crdb-connect: connection strings and snippets for CockroachDB, for 13 drivers

Usage:
  crdb-connect generate [--json] --deployment serverless|dedicated|self-hosted
                        --user NAME [--password PASSWORD | --password-stdin]
                        --host HOST [--port 26257] [--database defaultdb]
                        [--routing-id ID] [--root-cert PATH]
                        [--client-cert PATH] [--client-key PATH] [--driver ID]...
                        [--os linux|macos|windows] [--shell bash|zsh|fish|powershell|cmd|dotenv]
                        [--cluster-id UUID] [--jdbc-pk8-key]
  crdb-connect parse [--json] CONNECTION-STRING   (or - to read standard input)
  crdb-connect --help | --version

The password may also come from the CRDB_PASSWORD environment variable, which
keeps it out of shell history. Exit status: 0 ok, 1 a diagnostic is an error,
2 usage error.
Drivers: node-postgres sequelize typeorm psycopg2 sqlalchemy django pgx pq gorm
         jdbc hibernate ruby-pg activerecord
)~";

namespace {

struct ValueFlag {
  std::string_view name;
  std::string ConnectionParams::*field;
};

constexpr std::array<ValueFlag, 14> kValueFlags{{
    {"--deployment", &ConnectionParams::deployment},
    {"--user", &ConnectionParams::username},
    {"--username", &ConnectionParams::username},
    {"--password", &ConnectionParams::password},
    {"--host", &ConnectionParams::host},
    {"--port", &ConnectionParams::port},
    {"--database", &ConnectionParams::database},
    {"--routing-id", &ConnectionParams::routing_id},
    {"--root-cert", &ConnectionParams::root_cert},
    {"--client-cert", &ConnectionParams::client_cert},
    {"--client-key", &ConnectionParams::client_key},
    {"--os", &ConnectionParams::os},
    {"--shell", &ConnectionParams::shell},
    {"--cluster-id", &ConnectionParams::cluster_id},
}};

ArgsResult fail(std::string message) { return ArgsResult{std::nullopt, std::move(message)}; }

}  // namespace

ArgsResult parse_args(const std::vector<std::string>& args) {
  Invocation inv;
  if (args.empty()) return fail("missing command; run crdb-connect --help");
  const std::string& command = args[0];
  if (command == "--help" || command == "-h" || command == "help") {
    inv.command = Command::help;
    return {inv, ""};
  }
  if (command == "--version" || command == "-V") {
    inv.command = Command::version;
    return {inv, ""};
  }
  if (command == "generate") {
    inv.command = Command::generate;
  } else if (command == "parse") {
    inv.command = Command::parse;
  } else {
    return fail("unknown command '" + command + "'; expected generate or parse (see --help)");
  }

  bool have_text = false;
  for (std::size_t i = 1; i < args.size(); ++i) {
    std::string arg = args[i];
    std::optional<std::string> inline_value;
    if (arg.rfind("--", 0) == 0) {
      const std::size_t eq = arg.find('=');
      if (eq != std::string::npos) {
        inline_value = arg.substr(eq + 1);
        arg.resize(eq);
      }
    }
    const auto take_value = [&](std::string& into) -> bool {
      if (inline_value) {
        into = *inline_value;
        return true;
      }
      if (i + 1 >= args.size()) return false;
      into = args[++i];
      return true;
    };
    if (arg == "--help" || arg == "-h") {
      inv.command = Command::help;
      return {inv, ""};
    }
    if (arg == "--json" || arg == "--password-stdin" || arg == "--jdbc-pk8-key") {
      if (inline_value) return fail(arg + " takes no value");
      (arg == "--json" ? inv.json : arg == "--password-stdin" ? inv.password_stdin : inv.params.jdbc_pk8_key) = true;
      continue;
    }
    if (inv.command == Command::generate) {
      if (arg == "--driver") {
        std::string id;
        if (!take_value(id)) return fail("--driver needs a value");
        inv.options.drivers.push_back(id);
        continue;
      }
      bool matched = false;
      for (const auto& flag : kValueFlags) {
        if (arg != flag.name) continue;
        if (!take_value(inv.params.*flag.field)) return fail(arg + " needs a value");
        if (flag.field == &ConnectionParams::password) inv.password_given = true;
        matched = true;
        break;
      }
      if (matched) continue;
    }
    if (inv.command == Command::parse && !have_text && (arg == "-" || arg.rfind("--", 0) != 0)) {
      inv.parse_text = args[i];
      have_text = true;
      continue;
    }
    return fail("unknown option '" + args[i] + "' (see --help)");
  }
  if (inv.password_stdin && inv.password_given) return fail("use either --password or --password-stdin, not both");
  if (inv.command == Command::parse && !have_text) return fail("parse needs a connection string (or - for stdin)");
  return {inv, ""};
}

}  // namespace crdb_connect::cli
