// Native crdb-connect CLI: the core end to end, for scripts and tests.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "args.hpp"
#include "crdb_connect/crdb_connect.hpp"
#include "crdb_connect/text.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitDiagnosticError = 1;
constexpr int kExitUsage = 2;

std::string read_stdin() {
  return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
}

// A password piped in usually ends with the newline of `echo` or a file; only
// that one line ending is removed.
std::string strip_one_line_ending(std::string s) {
  if (!s.empty() && s.back() == '\n') s.pop_back();
  if (!s.empty() && s.back() == '\r') s.pop_back();
  return s;
}

int run_generate(crdb_connect::cli::Invocation& inv) {
  if (inv.password_stdin) {
    inv.params.password = strip_one_line_ending(read_stdin());
  } else if (!inv.password_given) {
    if (const char* env = std::getenv("CRDB_PASSWORD")) inv.params.password = env;
  }
  const auto result = crdb_connect::generate(inv.params, inv.options);
  const std::string text = inv.json ? crdb_connect::to_json(result) + "\n" : crdb_connect::to_text(result);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return result.ok ? kExitOk : kExitDiagnosticError;
}

// A pasted string usually ends with the newline of echo or a file: one line
// ending is removed, any other white space is the parser's to judge.
int run_parse(const crdb_connect::cli::Invocation& inv) {
  const std::string text = inv.parse_text == "-" ? strip_one_line_ending(read_stdin()) : inv.parse_text;
  const auto result = crdb_connect::parse(text);
  const std::string out = inv.json ? crdb_connect::to_json(result) + "\n" : crdb_connect::to_text(result);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return result.ok ? kExitOk : kExitDiagnosticError;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  auto parsed = crdb_connect::cli::parse_args(args);
  if (!parsed.invocation) {
    std::fprintf(stderr, "crdb-connect: %s\n", parsed.error.c_str());
    return kExitUsage;
  }
  auto& inv = *parsed.invocation;
  switch (inv.command) {
    case crdb_connect::cli::Command::help:
      std::fputs(crdb_connect::cli::kUsage, stdout);
      return kExitOk;
    case crdb_connect::cli::Command::version:
      std::printf("%s\n", crdb_connect::kVersion);
      return kExitOk;
    case crdb_connect::cli::Command::generate:
      return run_generate(inv);
    case crdb_connect::cli::Command::parse:
      return run_parse(inv);
  }
  return kExitUsage;
}
