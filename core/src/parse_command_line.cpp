// The whole pasted text: a bare string, or one wrapped in a command line as
// copied from a console or README -- cockroach sql --url "...", psql "...",
// DATABASE_URL="..." or export DATABASE_URL=..., or just surrounding quotes.
// Words are split as a POSIX shell does (no expansion), and every byte of a
// word remembers where it came from so diagnostics point into the original.
// The psql and cockroach sql readers are parse_psql.cpp and
// parse_cockroach_sql.cpp.
#include "parse_command_line.hpp"

#include <fmt/compile.h>

#include <algorithm>

namespace crdb_connect::parsing {
namespace {

void push(Word& w, char c, std::size_t from) {
  w.text += c;
  w.origin.push_back(static_cast<long>(from));
}

// POSIX shell quoting: '...' is literal; "..." honours \" \\ \$ \` ; an
// unquoted backslash escapes the next character.
std::vector<Word> split_words(std::string_view s, long base, std::vector<Diagnostic>& diagnostics) {
  std::vector<Word> words;
  std::size_t p = 0;
  while (p < s.size()) {
    while (p < s.size() && is_space(s[p])) ++p;
    if (p >= s.size()) break;
    Word w;
    w.start = base + static_cast<long>(p);
    while (p < s.size() && !is_space(s[p])) {
      const char c = s[p];
      if (c == '\'' || c == '"') {
        const std::size_t open = p++;
        bool closed = false;
        while (p < s.size()) {
          if (s[p] == c) {
            closed = true;
            ++p;
            break;
          }
          if (c == '"' && s[p] == '\\' && p + 1 < s.size() &&
              (s[p + 1] == '"' || s[p + 1] == '\\' || s[p + 1] == '$' || s[p + 1] == '`')) {
            ++p;
          }
          push(w, s[p], base + p);
          ++p;
        }
        if (!closed) {
          add(diagnostics, Severity::error, "unterminated-quote", "",
              fmt::format(FMT_COMPILE("The {} quote opened here is never closed."), c == '"' ? "double" : "single"),
              base + static_cast<long>(open), static_cast<long>(s.size() - open));
        }
        continue;
      }
      if (c == '\\' && p + 1 < s.size()) ++p;
      push(w, s[p], base + p);
      ++p;
    }
    w.origin.push_back(base + static_cast<long>(p));
    words.push_back(std::move(w));
  }
  return words;
}

long remap_offset(const Word& w, long offset) {
  if (offset < 0) return offset;
  const auto i = static_cast<std::size_t>(offset);
  return i < w.origin.size() ? w.origin[i] : w.origin.back();
}

// Moves positions relative to a word's text to positions in the input.
void remap(RawParse& raw, const Word& w, std::size_t from_diagnostic) {
  const auto fix = [&](long& offset, long& length) {
    if (offset < 0) return;
    const long start = remap_offset(w, offset);
    const long end = length > 0 ? remap_offset(w, offset + length - 1) + 1 : start;
    offset = start;
    length = end - start;
  };
  for (std::size_t i = from_diagnostic; i < raw.diagnostics.size(); ++i)
    fix(raw.diagnostics[i].offset, raw.diagnostics[i].length);
  for (auto& setting : raw.settings) fix(setting.offset, setting.length);
}

void shift(RawParse& raw, long base) {
  for (auto& d : raw.diagnostics)
    if (d.offset >= 0) d.offset += base;
  for (auto& s : raw.settings)
    if (s.offset >= 0) s.offset += base;
}

// A string without a wrapper: a URI or a keyword/value string.
void parse_bare(std::string_view text, RawParse& out) {
  if (const std::size_t prefix = uri_prefix_length(text); prefix > 0) {
    parse_uri(text, prefix, out);
  } else if (is_connection_string(text)) {
    parse_keyword_value(text, out);
  } else {
    add(out.diagnostics, Severity::error, "format-unknown", "",
        "This is not a connection string crdb-connect reads: expected a postgresql://, postgres://, "
        "cockroachdb:// or jdbc:postgresql:// URL, libpq key=value pairs, or a command line such as "
        "cockroach sql --url \"...\".",
        0, static_cast<long>(text.size()));
  }
}

std::string_view basename(std::string_view path) {
  std::size_t start = path.size();
  while (start > 0 && path[start - 1] != '/' && path[start - 1] != '\\') --start;
  std::string_view name = path.substr(start);
  if (name.size() > 4 && starts_with_ci(name.substr(name.size() - 4), ".exe")) name.remove_suffix(4);
  return name;
}

// NAME=value where NAME looks like an environment variable (upper case), so
// libpq's lower-case key=value pairs are never taken for one.
bool is_assignment(std::string_view word, std::size_t& eq) {
  eq = word.find('=');
  if (eq == std::string_view::npos || eq == 0) return false;
  bool upper = false;
  for (std::size_t i = 0; i < eq; ++i) {
    const char c = word[i];
    if (c >= 'a' && c <= 'z') return false;
    if (!((c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9'))) return false;
    upper = upper || (c >= 'A' && c <= 'Z');
  }
  return upper;
}

}  // namespace

bool is_connection_string(std::string_view text) {
  return uri_prefix_length(text) > 0 || text.find('=') != std::string_view::npos;
}

const Setting* last_setting(const RawParse& raw, std::string_view key) {
  const auto found = std::find_if(raw.settings.rbegin(), raw.settings.rend(),
                                  [&](const Setting& s) { return s.key == key; });
  return found == raw.settings.rend() ? nullptr : &*found;
}

void parse_word(const Word& w, RawParse& out) {
  RawParse inner(*out.store);
  // The word dies before the settings do: they point into the store's copy.
  parse_bare(out.store->keep(w.text), inner);
  remap(inner, w, 0);
  out.format = inner.format;
  out.jdbc = inner.jdbc;
  for (auto& s : inner.settings) out.settings.push_back(std::move(s));
  for (auto& d : inner.diagnostics) out.diagnostics.push_back(std::move(d));
}

Word tail(const Word& w, std::size_t from) {
  Word t;
  t.text = w.text.substr(from);
  t.origin.assign(w.origin.begin() + static_cast<long>(from), w.origin.end());
  t.start = t.origin.front();
  return t;
}

void keep_flag(RawParse& out, std::string_view name, const Word* value) {
  Setting s;
  s.key = out.store->keep(name);
  s.known = false;
  if (value) {
    s.value = out.store->keep(value->text);
    s.offset = value->start;
    s.length = value->origin.back() - value->start;
  }
  out.settings.push_back(std::move(s));
}

void no_connection_string(RawParse& out, std::string_view text, std::string_view tool) {
  add(out.diagnostics, Severity::error, "command-line-no-connection-string", "",
      fmt::format(FMT_COMPILE("This {} command line has no connection string to read."), tool), 0,
      static_cast<long>(text.size()));
}

Setting whole_word_setting(RawParse& out, std::string_view key, const Word& w) {
  return make_setting(key, out.store->keep(w.text), w.start, w.origin.back() - w.start, true);
}

Setting part_setting(RawParse& out, std::string_view key, const Word& w, std::size_t from, std::size_t to) {
  return make_setting(key, out.store->keep(std::string_view(w.text).substr(from, to - from)), w.origin[from],
                      w.origin[to] - w.origin[from], true);
}

void parse_any(std::string_view text, RawParse& out, std::string& wrapper) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && is_space(text[begin])) ++begin;
  while (end > begin && is_space(text[end - 1])) --end;
  const std::string_view t = text.substr(begin, end - begin);
  const long base = static_cast<long>(begin);
  if (t.empty()) {
    add(out.diagnostics, Severity::error, "input-empty", "", "There is nothing to parse: paste a connection string.",
        0, static_cast<long>(text.size()));
    return;
  }
  if (const std::size_t prefix = uri_prefix_length(t); prefix > 0) {
    parse_uri(t, prefix, out);
    if (base != 0) shift(out, base);
    return;
  }
  // Only a wrapper needs shell word splitting; plain key=value strings skip it.
  std::size_t first_word_end = 0;
  while (first_word_end < t.size() && !is_space(t[first_word_end])) ++first_word_end;
  const std::string_view first_word = t.substr(0, first_word_end);
  const std::string_view first_name = basename(first_word);
  std::size_t assignment_eq = 0;
  const bool maybe_wrapped = t.front() == '"' || t.front() == '\'' || first_word == "export" ||
                             is_assignment(first_word, assignment_eq) || first_name == "cockroach" ||
                             first_name == "psql";
  std::vector<Diagnostic> quote_diagnostics;
  const std::vector<Word> words = maybe_wrapped ? split_words(t, base, quote_diagnostics) : std::vector<Word>{};
  const auto keep_quote_diagnostics = [&] {
    for (auto& d : quote_diagnostics) out.diagnostics.push_back(d);
  };
  if (!words.empty()) {
    std::size_t first = 0;
    if (words[0].text == "export" && words.size() > 1) first = 1;
    std::size_t eq = 0;
    if (words.size() == first + 1 && is_assignment(words[first].text, eq)) {
      wrapper = "env-assignment";
      keep_quote_diagnostics();
      parse_word(tail(words[first], eq + 1), out);
      return;
    }
    const std::string_view tool = basename(words[0].text);
    if (tool == "cockroach") {
      wrapper = "cockroach-sql";
      keep_quote_diagnostics();
      parse_cockroach_sql(words, t, out);
      return;
    }
    if (tool == "psql") {
      wrapper = "psql";
      keep_quote_diagnostics();
      parse_psql(words, t, out);
      return;
    }
    if (words.size() == 1 && (t.front() == '"' || t.front() == '\'')) {
      wrapper = "quoted";
      keep_quote_diagnostics();
      parse_word(words[0], out);
      return;
    }
  }
  parse_bare(t, out);
  if (base != 0) shift(out, base);
}

}  // namespace crdb_connect::parsing
