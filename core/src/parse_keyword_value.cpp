// libpq keyword/value strings: host=h user='a b' password='it\'s'. Follows
// libpq's conninfo_parse: white space separates pairs, white space may surround
// '=', a value may be single-quoted, and a backslash takes the next character
// literally (quoted or not).
#include <fmt/format.h>

#include "parse_internal.hpp"

namespace crdb_connect::parsing {

void parse_keyword_value(std::string_view s, RawParse& out) {
  out.format = "keyword-value";
  const auto at = [](std::size_t pos) { return static_cast<long>(pos); };
  std::size_t p = 0;
  while (p < s.size()) {
    while (p < s.size() && is_space(s[p])) ++p;
    if (p >= s.size()) break;
    const std::size_t key_start = p;
    while (p < s.size() && s[p] != '=' && !is_space(s[p])) ++p;
    const std::string_view key = s.substr(key_start, p - key_start);
    while (p < s.size() && is_space(s[p])) ++p;
    if (p >= s.size() || s[p] != '=') {
      add(out.diagnostics, Severity::error, "keyword-missing-equals", "",
          fmt::format("\"{}\" is not followed by '=': a keyword/value string is key=value pairs separated by "
                      "spaces.",
                      key),
          at(key_start), at(key.size()));
      return;
    }
    if (key.empty()) {
      add(out.diagnostics, Severity::error, "keyword-missing-equals", "",
          "An '=' has no keyword before it: a keyword/value string is key=value pairs separated by spaces.",
          at(p), 1);
      return;
    }
    ++p;
    while (p < s.size() && is_space(s[p])) ++p;
    const std::size_t value_start = p;
    std::string value;
    if (p < s.size() && s[p] == '\'') {
      ++p;
      bool closed = false;
      while (p < s.size()) {
        if (s[p] == '\\') {
          ++p;
          if (p < s.size()) value += s[p++];
          continue;
        }
        if (s[p] == '\'') {
          ++p;
          closed = true;
          break;
        }
        value += s[p++];
      }
      if (!closed) {
        add(out.diagnostics, Severity::error, "unterminated-quote", "",
            fmt::format("The quoted value of \"{}\" has no closing quote. Inside quotes, write \\' for a quote "
                        "and \\\\ for a backslash.",
                        key),
            at(value_start), at(s.size() - value_start));
        return;
      }
    } else {
      while (p < s.size() && !is_space(s[p])) {
        if (s[p] == '\\') {
          ++p;
          if (p < s.size()) value += s[p++];
          continue;
        }
        value += s[p++];
      }
    }
    const bool known = is_libpq_keyword(key);
    if (!known) {
      add(out.diagnostics, Severity::warning, "parameter-unknown", "",
          fmt::format("\"{}\" is not a libpq keyword: libpq-based drivers reject the string, while pgx sends it "
                      "to the server as a session setting. It is kept as an extra parameter.",
                      key),
          at(key_start), at(key.size()));
    }
    out.settings.push_back(Setting{std::string(key), std::move(value), at(value_start), at(p - value_start), known, ""});
  }
}

}  // namespace crdb_connect::parsing
