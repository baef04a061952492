// Reads a pasted cockroach sql command line. It connects with --url and the
// discrete flags --host (host[:port]), --port/-p, --user/-u and --database/-d.
// CockroachDB combines them "in the order it appears in the command line" (its
// Client Connection Parameters page: `cockroach sql --url
// "postgres://root@servername:26257/" --database mydb` connects to mydb), so
// each is read where it stands and a later value wins. With discrete flags,
// what a line leaves out takes cockroach's defaults, and --certs-dir gives the
// certificate files. Other flags are kept as they are.
#include <optional>
#include <string>
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

// What a cockroach sql line has said so far, besides its settings.
struct CockroachLine {
  bool has_url = false;
  bool connects = false;            // a URL or a discrete connection flag
  bool insecure = false;
  std::optional<Word> certs_dir;    // the last --certs-dir
};

void take_cockroach_flag(std::string_view flag, const Word& value, CockroachLine& line, RawParse& out) {
  if (flag == "--url") {
    parse_word(value, out);
    line.has_url = line.connects = true;
    return;
  }
  if (flag == "--certs-dir") {
    line.certs_dir = value;
    return;
  }
  const std::string_view keyword = cockroach_keyword(flag);
  if (keyword.empty()) return keep_flag(out, flag, &value);
  line.connects = true;
  if (keyword == "host") {
    take_cockroach_host(value, out);
  } else {
    out.settings.push_back(whole_word_setting(out, keyword, value));
  }
}

// What cockroach sql's flags default to when a line leaves them out: user
// root, host localhost, port 26257 (its Client Connection Parameters page).
// The port is said, since drivers given no port use PostgreSQL's 5432.
void fill_cockroach_defaults(RawParse& out) {
  if (!last_setting(out, "user")) out.settings.push_back(make_setting("user", "root", -1, 0, true));
  const Setting* host = last_setting(out, "host");
  if (!host) out.settings.push_back(make_setting("host", "localhost", -1, 0, true));
  if (last_setting(out, "port")) return;
  const long offset = host ? host->offset : -1;
  const long length = host ? host->length : 0;
  out.settings.push_back(make_setting("port", "26257", offset, length, true));
  add(out.diagnostics, Severity::info, "port-missing", "port",
      "No port is given, so cockroach sql uses CockroachDB's 26257, and so does the form; the connection strings "
      "will name it, since drivers given no port use PostgreSQL's 5432.",
      offset, length);
}

// With discrete flags, --certs-dir names a folder whose files cockroach picks
// by name: ca.crt, client.<user>.crt and client.<user>.key. With --url the
// URL says which files to use, --insecure uses none, and a line that names no
// host is refused anyway, so the flag is then kept as it is.
void take_certs_dir(const CockroachLine& line, RawParse& out) {
  const Word& dir = *line.certs_dir;
  const Setting* user = last_setting(out, "user");
  if (line.has_url || line.insecure || !line.connects || !user) return keep_flag(out, "--certs-dir", &dir);
  const std::string user_name(user->value);
  std::string folder = dir.text;
  if (!folder.empty() && folder.back() != '/') folder += '/';
  const long offset = dir.start;
  const long length = dir.origin.back() - dir.start;
  const auto file = [&](std::string_view key, const std::string& name) {
    out.settings.push_back(make_setting(key, out.store->keep(folder + name), offset, length, true));
  };
  file("sslrootcert", "ca.crt");
  file("sslcert", "client." + user_name + ".crt");
  file("sslkey", "client." + user_name + ".key");
  out.settings.push_back(make_setting("sslmode", "verify-full", offset, length, true));
}

}  // namespace

void parse_cockroach_sql(const std::vector<Word>& words, std::string_view text, RawParse& out) {
  CockroachLine line;
  for (std::size_t i = 1; i < words.size(); ++i) {
    const std::string_view t = words[i].text;
    if (t == "sql" || t == "cockroach" || t.size() < 2 || t[0] != '-') continue;
    const bool is_long = t[1] == '-';
    const std::size_t eq = t.find('=');
    if (is_long && eq != std::string_view::npos) {
      take_cockroach_flag(t.substr(0, eq), tail(words[i], eq + 1), line, out);
    } else if (!is_long && t.size() > 2) {  // -dmydb or -d=mydb, as pflag reads a shorthand
      take_cockroach_flag(t.substr(0, 2), tail(words[i], t[2] == '=' ? 3 : 2), line, out);
    } else if (i + 1 < words.size() && words[i + 1].text.rfind('-', 0) != 0 && !is_cockroach_switch(t)) {
      take_cockroach_flag(t, words[++i], line, out);
    } else {
      line.insecure = line.insecure || t == "--insecure";
      keep_flag(out, t, nullptr);
    }
  }
  if (line.connects && !line.has_url) {
    out.format = "cockroach-sql-flags";
    fill_cockroach_defaults(out);
  }
  if (line.certs_dir) take_certs_dir(line, out);
  if (!line.connects) no_connection_string(out, text, "cockroach");
}

}  // namespace crdb_connect::parsing
