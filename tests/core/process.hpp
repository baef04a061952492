// Runs a real interpreter on a script for the tests that prove escaping.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <vector>
#include <filesystem>
#include <fstream>
#include <string>

namespace crdb_connect::test {

struct RunResult {
  int exit_code = -1;
  std::string output;
};

inline bool has_program(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

// Writes `script` to a temporary file and runs `command <file>`, capturing stdout.
inline RunResult run_script(const std::string& command, const std::string& script, const std::string& suffix = "") {
  static int counter = 0;
  const auto path = std::filesystem::temp_directory_path() /
                    ("crdb-connect-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + suffix);
  std::ofstream(path, std::ios::binary) << script;
  RunResult result;
  FILE* pipe = ::popen((command + " '" + path.string() + "'").c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[65536];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::filesystem::remove(path);
  return result;
}

inline std::vector<std::string> split_nul(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\0') {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

}  // namespace crdb_connect::test
