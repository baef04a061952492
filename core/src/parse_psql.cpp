// Reads a pasted psql command line, psql [option...] [dbname [username]], the
// way psql 15 reads it (each rule below was checked against the real psql):
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
#include <fmt/compile.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <string_view>
#include <vector>

#include "parse_command_line.hpp"

namespace crdb_connect::parsing {
namespace {

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

}  // namespace

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
    const Setting* replaced = last_setting(string_settings, option.key);
    if (!replaced) {
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

}  // namespace crdb_connect::parsing
