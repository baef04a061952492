// Command-line parsing for the native CLI. The npm CLI implements the same
// contract; tests compare the two.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "crdb_connect/types.hpp"

namespace crdb_connect::cli {

enum class Command { generate, parse, help, version };

struct Invocation {
  Command command = Command::help;
  bool json = false;
  bool password_stdin = false;
  bool password_given = false;
  ConnectionParams params;
  GenerateOptions options;
  std::string parse_text;  // parse: the string to parse ("-" reads stdin)
};

struct ArgsResult {
  std::optional<Invocation> invocation;
  std::string error;  // one line, for stderr, when invocation is empty
};

ArgsResult parse_args(const std::vector<std::string>& args);

extern const char* const kUsage;

}  // namespace crdb_connect::cli
