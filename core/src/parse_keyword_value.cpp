// libpq keyword/value strings: host=h user='a b' password='it\'s'. Follows
// libpq's conninfo_parse: white space separates pairs, white space may surround
// '=', a value may be single-quoted, and a backslash takes the next character
// literally (quoted or not).
#include <fmt/compile.h>

#include <cstring>

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
          fmt::format(FMT_COMPILE("\"{}\" is not followed by '=': a keyword/value string is key=value pairs separated by "
                      "spaces."),
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
    const bool quoted = p < s.size() && s[p] == '\'';
    if (quoted) ++p;
    // A value without backslashes is the input itself; only unescaping writes
    // a copy, into the store.
    const std::size_t text_start = p;
    const auto ends_value = [&](char c) { return quoted ? c == '\'' : is_space(c); };
    while (p < s.size() && s[p] != '\\' && !ends_value(s[p])) ++p;
    std::string_view value = s.substr(text_start, p - text_start);
    if (p < s.size() && s[p] == '\\') {
      char* buffer = out.store->reserve(s.size() - text_start);
      std::size_t used = value.size();
      if (used > 0) std::memcpy(buffer, value.data(), used);
      while (p < s.size() && !ends_value(s[p])) {
        if (s[p] == '\\') {
          ++p;
          if (p < s.size()) buffer[used++] = s[p++];
          continue;
        }
        buffer[used++] = s[p++];
      }
      value = out.store->commit(used);
    }
    if (quoted) {
      if (p >= s.size()) {
        add(out.diagnostics, Severity::error, "unterminated-quote", "",
            fmt::format(FMT_COMPILE("The quoted value of \"{}\" has no closing quote. Inside quotes, write \\' for a quote "
                        "and \\\\ for a backslash."),
                        key),
            at(value_start), at(s.size() - value_start));
        return;
      }
      ++p;  // the closing quote
    }
    Keyword keyword = Keyword::other;
    const bool known = find_libpq_keyword(key, keyword);
    if (!known) {
      add(out.diagnostics, Severity::warning, "parameter-unknown", "",
          fmt::format(FMT_COMPILE("\"{}\" is not a libpq keyword: libpq-based drivers reject the string, while pgx sends it "
                      "to the server as a session setting. It is kept as an extra parameter."),
                      key),
          at(key_start), at(key.size()));
    }
    out.settings.push_back(Setting{key, value, at(value_start), at(p - value_start), known, {}, keyword});
  }
}

}  // namespace crdb_connect::parsing
