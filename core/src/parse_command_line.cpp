// The whole pasted text: a bare string, or one wrapped in a command line as
// copied from a console or README -- cockroach sql --url "...", psql "...",
// DATABASE_URL="..." or export DATABASE_URL=..., or just surrounding quotes.
// Words are split as a POSIX shell does (no expansion), and every byte of a
// word remembers where it came from so diagnostics point into the original.
#include <fmt/compile.h>

#include <algorithm>
#include <optional>

#include "parse_internal.hpp"

namespace crdb_connect::parsing {
namespace {

struct Word {
  std::string text;
  std::vector<long> origin;  // origin[i]: offset in the input of text[i]; one extra entry for the end
  long start = 0;
};

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
  } else if (text.find('=') != std::string_view::npos) {
    parse_keyword_value(text, out);
  } else {
    add(out.diagnostics, Severity::error, "format-unknown", "",
        "This is not a connection string crdb-connect reads: expected a postgresql://, postgres://, "
        "cockroachdb:// or jdbc:postgresql:// URL, libpq key=value pairs, or a command line such as "
        "cockroach sql --url \"...\".",
        0, static_cast<long>(text.size()));
  }
}

// Parses a word's text and maps positions back to the input.
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

Word tail(const Word& w, std::size_t from) {
  Word t;
  t.text = w.text.substr(from);
  t.origin.assign(w.origin.begin() + static_cast<long>(from), w.origin.end());
  t.start = t.origin.front();
  return t;
}

// A flag the command line carries besides the connection string is kept.
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

// A setting whose value is a whole word, positioned at the word (quotes included).
Setting whole_word_setting(RawParse& out, std::string_view key, const Word& w) {
  return make_setting(key, out.store->keep(w.text), w.start, w.origin.back() - w.start, true);
}

// A setting whose value is w.text[from, to), positioned at those characters.
Setting part_setting(RawParse& out, std::string_view key, const Word& w, std::size_t from, std::size_t to) {
  return make_setting(key, out.store->keep(std::string_view(w.text).substr(from, to - from)), w.origin[from],
                      w.origin[to] - w.origin[from], true);
}

// cockroach sql --host takes host[:port], [IPv6]:port included.
void take_cockroach_host(const Word& w, RawParse& out) {
  const std::string_view v = w.text;
  std::size_t host_from = 0;
  std::size_t host_to = v.size();
  std::size_t colon = v.find(':') == v.rfind(':') ? v.find(':') : std::string_view::npos;
  if (!v.empty() && v.front() == '[') {
    const std::size_t close = v.find(']');
    if (close != std::string_view::npos) {
      host_from = 1;
      host_to = close;
      colon = close + 1 < v.size() && v[close + 1] == ':' ? close + 1 : std::string_view::npos;
    }
  } else if (colon != std::string_view::npos) {
    host_to = colon;
  }
  out.settings.push_back(part_setting(out, "host", w, host_from, host_to));
  if (colon != std::string_view::npos) out.settings.push_back(part_setting(out, "port", w, colon + 1, v.size()));
}

// cockroach sql connects with --url and the discrete flags --host
// (host[:port]), --port/-p, --user/-u and --database/-d. CockroachDB combines
// them "in the order it appears in the command line" (its Client Connection
// Parameters page: `cockroach sql --url "postgres://root@servername:26257/"
// --database mydb` connects to mydb), so each is read where it stands and a
// later value wins. Other flags are kept as they are.
std::string_view cockroach_keyword(std::string_view flag) {
  if (flag == "--host") return "host";
  if (flag == "--port" || flag == "-p") return "port";
  if (flag == "--user" || flag == "-u") return "user";
  if (flag == "--database" || flag == "-d") return "dbname";
  return "";
}

// Flags of cockroach sql that take no value, so the next word is not theirs.
bool is_cockroach_switch(std::string_view flag) {
  return flag == "--insecure" || flag == "--echo-sql" || flag == "--safe-updates" || flag == "--read-only" ||
         flag == "--embedded";
}

// Returns whether the flag says where to connect.
bool take_cockroach_flag(std::string_view flag, const Word& value, RawParse& out) {
  if (flag == "--url") {
    parse_word(value, out);
    return true;
  }
  const std::string_view keyword = cockroach_keyword(flag);
  if (keyword.empty()) {
    keep_flag(out, flag, &value);
    return false;
  }
  if (keyword == "host") {
    take_cockroach_host(value, out);
  } else {
    out.settings.push_back(whole_word_setting(out, keyword, value));
  }
  return true;
}

void parse_cockroach_sql(const std::vector<Word>& words, std::string_view text, RawParse& out) {
  bool has_url = false;
  bool connects = false;
  for (std::size_t i = 1; i < words.size(); ++i) {
    const std::string_view t = words[i].text;
    if (t == "sql" || t == "cockroach" || t.size() < 2 || t[0] != '-') continue;
    const bool is_long = t[1] == '-';
    const std::size_t eq = t.find('=');
    bool takes = false;
    if (is_long && eq != std::string_view::npos) {
      takes = take_cockroach_flag(t.substr(0, eq), tail(words[i], eq + 1), out);
      has_url = has_url || t.substr(0, eq) == "--url";
    } else if (!is_long && t.size() > 2) {  // -dmydb or -d=mydb, as pflag reads a shorthand
      takes = take_cockroach_flag(t.substr(0, 2), tail(words[i], t[2] == '=' ? 3 : 2), out);
    } else if (i + 1 < words.size() && words[i + 1].text.rfind('-', 0) != 0 && !is_cockroach_switch(t)) {
      takes = take_cockroach_flag(t, words[++i], out);
      has_url = has_url || t == "--url";
    } else {
      keep_flag(out, t, nullptr);
    }
    connects = connects || takes;
  }
  if (!connects) return no_connection_string(out, text, "cockroach");
  if (!has_url) out.format = "cockroach-sql-flags";
}

// psql [option...] [dbname [username]], read the way psql 15 reads it
// (each rule below was checked against the real psql):
//  - options follow getopt: short ones may be bundled and take their value
//    attached or as the next word (-XU alice, -Ualice); long ones as
//    --name=value or --name value. -h, -p, -U and -d set host, port, user
//    and dbname; a value-taking option psql has for other things (-c, -f,
//    -v, ...) keeps its value, so `-c "select 1"` is never read as a user;
//  - the first other argument is the database unless -d gave one, the next
//    the user unless -U gave one; psql ignores any further argument;
//  - psql hands libpq host, port and user before dbname, and a dbname that
//    is a connection string is expanded in its place, so that string's own
//    host, port and user win over -h, -p and -U:
//    psql -U alice "postgresql://bob@h/db" connects as bob.
constexpr std::string_view kShortOptionsWithValue = "cdfFhLopPRTUv";

bool long_option_takes_value(std::string_view name) {
  static constexpr std::string_view kNames[] = {"command", "dbname", "file", "field-separator", "host", "log-file",
                                                "output", "port", "pset", "record-separator", "table-attr",
                                                "username", "set", "variable"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

// The libpq keyword a psql option sets, or "" for psql's other options.
std::string_view psql_keyword(std::string_view option) {
  if (option == "-h" || option == "--host") return "host";
  if (option == "-p" || option == "--port") return "port";
  if (option == "-U" || option == "--username") return "user";
  if (option == "-d" || option == "--dbname") return "dbname";
  return "";
}

struct PsqlCommand {
  std::vector<Setting> options;  // host, port and user from -h, -p and -U, in the order given
  std::optional<Word> dbname;    // the last -d
  std::vector<const Word*> arguments;
};

// Records option `name` (as written, "-U" or "--username") with its value.
void take_psql_option(std::string_view name, const Word& value, PsqlCommand& command, RawParse& out) {
  const std::string_view keyword = psql_keyword(name);
  if (keyword.empty()) return keep_flag(out, name, &value);
  if (keyword != "dbname") {
    command.options.push_back(whole_word_setting(out, keyword, value));
    return;
  }
  if (command.dbname && command.dbname->text != value.text) {
    add(out.diagnostics, Severity::warning, "parameter-repeated", "database",
        "-d is given more than once; psql uses the last one.", value.start, value.origin.back() - value.start);
  }
  command.dbname = value;
}

PsqlCommand read_psql_words(const std::vector<Word>& words, RawParse& out) {
  PsqlCommand command;
  bool options_ended = false;  // after "--" every word is an argument, as getopt has it
  for (std::size_t i = 1; i < words.size(); ++i) {
    const std::string_view t = words[i].text;
    if (options_ended || t.size() < 2 || t[0] != '-') {
      command.arguments.push_back(&words[i]);
      continue;
    }
    if (t == "--") {
      options_ended = true;
      continue;
    }
    if (t.substr(0, 2) == "--") {
      const std::size_t eq = t.find('=');
      const std::string_view name = t.substr(0, eq);
      if (!long_option_takes_value(name.substr(2))) {
        keep_flag(out, t, nullptr);
      } else if (eq != std::string_view::npos) {
        take_psql_option(name, tail(words[i], eq + 1), command, out);
      } else if (i + 1 < words.size()) {
        take_psql_option(name, words[++i], command, out);
      } else {
        keep_flag(out, t, nullptr);
      }
      continue;
    }
    // Bundled short options end at the first one that takes a value.
    std::size_t at = 1;
    while (at < t.size() && kShortOptionsWithValue.find(t[at]) == std::string_view::npos) ++at;
    if (at == t.size()) {
      keep_flag(out, t, nullptr);
      continue;
    }
    const char option[] = {'-', t[at]};
    const std::string_view name(option, 2);
    if (at + 1 < t.size()) {
      take_psql_option(name, tail(words[i], at + 1), command, out);
    } else if (i + 1 < words.size()) {
      take_psql_option(name, words[++i], command, out);
    } else {
      keep_flag(out, t, nullptr);
    }
  }
  return command;
}

bool is_connection_string(std::string_view text) {
  return uri_prefix_length(text) > 0 || text.find('=') != std::string_view::npos;
}

void parse_psql(const std::vector<Word>& words, std::string_view text, RawParse& out) {
  PsqlCommand command = read_psql_words(words, out);
  const Word* dbname = command.dbname ? &*command.dbname : nullptr;
  bool has_user = std::any_of(command.options.begin(), command.options.end(),
                              [](const Setting& s) { return s.key == "user"; });
  std::size_t taken = 0;
  for (; taken < command.arguments.size() && (!dbname || !has_user); ++taken) {
    const Word* argument = command.arguments[taken];
    if (!dbname) {
      dbname = argument;
      continue;
    }
    has_user = true;
    command.options.push_back(whole_word_setting(out, "user", *argument));
  }
  if (const std::size_t ignored = command.arguments.size() - taken; ignored > 0) {
    // One diagnostic for them all, spanning them: a pasted line can hold thousands.
    const Word& first = *command.arguments[taken];
    const Word& last = *command.arguments.back();
    add(out.diagnostics, Severity::warning, "command-line-argument-ignored", "",
        ignored == 1 ? fmt::format(FMT_COMPILE("psql ignores \"{}\": after the database and the user name it "
                                               "takes no further argument."), first.text)
                     : fmt::format(FMT_COMPILE("psql ignores the {} arguments from \"{}\" on: after the database "
                                               "and the user name it takes no further argument."), ignored, first.text),
        first.start, last.origin.back() - first.start);
  }

  if (!dbname || !is_connection_string(dbname->text)) {
    if (dbname) {
      command.options.push_back(whole_word_setting(out, "dbname", *dbname));
    }
    if (command.options.empty()) return no_connection_string(out, text, "psql");
    out.format = "psql-options";
    for (auto& s : command.options) out.settings.push_back(std::move(s));
    return;
  }
  // The connection string's own host, port and user replace the options'.
  RawParse string_settings(*out.store);
  parse_word(*dbname, string_settings);
  out.format = string_settings.format;
  out.jdbc = string_settings.jdbc;
  for (auto& option : command.options) {
    // The string's last value for the key is the one libpq keeps.
    const auto replaced = std::find_if(string_settings.settings.rbegin(), string_settings.settings.rend(),
                                       [&](const Setting& s) { return s.key == option.key; });
    if (replaced == string_settings.settings.rend()) {
      out.settings.push_back(std::move(option));
      continue;
    }
    add(out.diagnostics, Severity::warning, "command-line-option-overridden", field_for_key(option.key),
        fmt::format(FMT_COMPILE("psql uses the connection string's {} \"{}\", not \"{}\" from the command line: "
                                "psql reads the connection string last."),
                    option.key, replaced->value, option.value),
        option.offset, option.length);
  }
  for (auto& s : string_settings.settings) out.settings.push_back(std::move(s));
  for (auto& d : string_settings.diagnostics) out.diagnostics.push_back(std::move(d));
}

}  // namespace

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
