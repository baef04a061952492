// Reads a pasted cockroach sql command line. It connects with --url and the
// discrete flags --host (host[:port]), --port/-p, --user/-u and --database/-d.
// CockroachDB combines them "in the order it appears in the command line" (its
// Client Connection Parameters page: `cockroach sql --url
// "postgres://root@servername:26257/" --database mydb` connects to mydb), so
// each is read where it stands and a later value wins. Other flags are kept as
// they are.
#include <string_view>
#include <vector>

#include "parse_command_line.hpp"

namespace crdb_connect::parsing {
namespace {

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

}  // namespace

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

}  // namespace crdb_connect::parsing
