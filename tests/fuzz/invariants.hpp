// What must hold for every result, whatever the input. The fuzz targets abort
// on a violation so libFuzzer records the input as a crash; the replay test
// (tests/core/fuzz_replay_test.cpp) reports it as a failure.
#pragma once

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "crdb_connect/types.hpp"
#include "json_check.hpp"

namespace crdb_connect::fuzz {

[[noreturn]] inline void violated(const char* what) {
  std::fprintf(stderr, "invariant violated: %s\n", what);
  std::abort();
}

// Strict UTF-8 (no overlongs, surrogates or values past U+10FFFF).
CRDB_FUZZ_UNINSTRUMENTED inline bool is_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : 9;
    if (n == 9 || i + n >= s.size()) return false;
    char32_t cp = n == 0 ? c : c & (0x3F >> n);
    for (std::size_t k = 1; k <= n; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    static constexpr char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n + 1;
  }
  return true;
}

// Returns what is wrong, or nullptr when every invariant holds.
CRDB_FUZZ_UNINSTRUMENTED inline const char* check_result(const GenerateResult& result, std::string_view json) {
  const bool any_error = std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                                     [](const Diagnostic& d) { return d.severity == Severity::error; });
  if (result.ok == any_error) return "ok disagrees with the error diagnostics";
  for (const Output& out : result.outputs) {
    if (result.ok && !out.ok) return "an output failed although the result is ok";
    if (out.ok && out.snippet.empty()) return "an ok output has no snippet";
  }
  for (const Diagnostic& d : result.diagnostics) {
    if (d.code.empty() || d.message.empty()) return "a diagnostic without code or message";
  }
  if (!is_utf8(json)) return "to_json produced invalid UTF-8";
  if (!is_json(json)) return "to_json produced text that is not JSON";
  for (const char c : json) {
    if (static_cast<unsigned char>(c) < 0x20) return "to_json left a raw control character in a string";
  }
  return nullptr;
}

}  // namespace crdb_connect::fuzz
