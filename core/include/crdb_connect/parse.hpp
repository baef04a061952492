// Reading a connection string a user already has back into the form's fields.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crdb_connect/types.hpp"

namespace crdb_connect {

struct ParseResult {
  ConnectionParams params;           // deployment is the detected one
  std::string format;                // e.g. "postgresql-uri", "jdbc", "keyword-value", "sequelize-legacy"
  std::string deployment_reason;     // why that deployment was detected
  std::vector<Diagnostic> diagnostics;  // with offset/length into the input
  // Understood but not used by the form: kept and reported, never dropped.
  std::vector<std::pair<std::string, std::string>> extra_params;
  std::vector<std::string> extra_hosts;
  // How the string was wrapped when pasted: "" (bare), "cockroach-sql",
  // "psql", "env-assignment" or "quoted".
  std::string wrapper;
  // Every setting as libpq would see it, keyed by libpq keyword, in input
  // order after "last one wins" (host and port keep libpq's comma-joined
  // multi-host form). This is what the conformance tests compare.
  std::vector<std::pair<std::string, std::string>> settings;
  bool ok = true;  // false when any diagnostic is an error
};

// Never throws; malformed input yields diagnostics.
ParseResult parse(std::string_view text);

std::string to_json(const ParseResult& result);

}  // namespace crdb_connect
