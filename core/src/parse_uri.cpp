// URIs: postgresql:// and postgres:// (libpq's grammar), cockroachdb:// and
// SQLAlchemy's scheme+dialect:// (the same grammar), and jdbc:postgresql://
// (pgJDBC: user and password in the query, '+' decoded as a space).
#include <fmt/compile.h>

#include <algorithm>
#include <cstring>

#include "parse_internal.hpp"

namespace crdb_connect::parsing {
namespace {

struct HostEntry {
  std::string_view host;  // raw, without IPv6 brackets
  long host_offset = 0;
  std::string_view port;  // raw
  long port_offset = -1;  // -1: no ':' at all
};

// What ends a host, and a port, in the authority.
bool ends_host(char c) { return c == ':' || c == '/' || c == '?' || c == ','; }
bool ends_port(char c) { return c == '/' || c == '?' || c == ','; }

class UriParser {
 public:
  UriParser(std::string_view text, std::size_t prefix, RawParse& out) : s_(text), prefix_(prefix), out_(out) {}

  void run() {
    const std::size_t prefix = prefix_;
    jdbc_ = starts_with_ci(s_, "jdbc:");
    out_.jdbc = jdbc_;
    out_.format = jdbc_ ? "jdbc" : starts_with_ci(s_, "cockroachdb") ? "cockroachdb-uri" : "postgresql-uri";
    p_ = prefix;
    if (jdbc_ && prefix == 16) {
      opaque_jdbc();
      return;
    }
    if (!userinfo()) return;
    if (!hosts()) return;
    if (p_ < s_.size() && s_[p_] == '/') path();
    if (p_ < s_.size() && s_[p_] == '?') query(p_ + 1);
  }

 private:
  long at(std::size_t pos) const { return static_cast<long>(pos); }

  // A setting the grammar itself names (user, host, ...), so its keyword is known.
  void store(Keyword keyword, std::string_view key, std::string_view value, std::size_t offset, std::size_t length) {
    out_.settings.push_back(Setting{key, value, at(offset), at(length), true, {}, keyword});
  }

  // A query parameter, named by the user.
  void store_parameter(std::string_view key, std::string_view value, std::size_t offset, std::size_t length,
                       bool known, Keyword keyword) {
    out_.settings.push_back(Setting{key, value, at(offset), at(length), known, {}, keyword});
  }

  bool decode(std::string_view raw, std::size_t offset, std::string_view& into) {
    if (jdbc_ && raw.find('+') != std::string_view::npos) {
      add(out_.diagnostics, Severity::warning, "jdbc-plus-is-space", "",
          "pgJDBC decodes '+' as a space (java.net.URLDecoder), so it is read as a space here too. "
          "If you meant a plus sign, write %2B.",
          at(offset + raw.find('+')), 1, {"jdbc", "hibernate"});
    }
    return percent_decode(raw, at(offset), jdbc_, *out_.store, into, out_.diagnostics);
  }

  // jdbc:postgresql:dbname (pgJDBC's form without a host: localhost:5432).
  void opaque_jdbc() {
    if (p_ < s_.size() && s_[p_] == '/') {
      add(out_.diagnostics, Severity::error, "uri-syntax", "",
          "pgJDBC rejects \"jdbc:postgresql:/...\": write jdbc:postgresql://host:port/database.", at(0),
          at(s_.size()));
      return;
    }
    const std::size_t q = s_.find('?', p_);
    const std::size_t end = q == std::string_view::npos ? s_.size() : q;
    std::string_view db;
    if (!decode(s_.substr(p_, end - p_), p_, db)) return;
    store(Keyword::host, "host", "localhost", p_, 0);
    store(Keyword::port, "port", "5432", p_, 0);
    out_.settings[out_.settings.size() - 2].offset = -1;  // pgJDBC's defaults, not written
    out_.settings.back().offset = -1;
    if (!db.empty()) store(Keyword::dbname, "dbname", db, p_, end - p_);
    if (q != std::string_view::npos) query(q + 1);
  }

  // user[:password]@ -- libpq ends the user info at the first '@' before any '/'.
  bool userinfo() {
    std::size_t scan = p_;
    while (scan < s_.size() && s_[scan] != '@' && s_[scan] != '/') ++scan;
    if (scan >= s_.size()) return true;
    if (s_[scan] == '/') {
      check_slash_in_password(scan);
      return true;
    }
    const std::size_t slash = s_.find('/', scan);
    const std::size_t auth_end = slash == std::string_view::npos ? s_.size() : slash;
    const std::size_t last_at = s_.rfind('@', auth_end - 1);
    const std::string_view info = s_.substr(p_, last_at - p_);
    const std::size_t colon = info.find(':');
    if (last_at != scan) {
      const bool in_password = colon != std::string_view::npos && p_ + colon < scan;
      add(out_.diagnostics, Severity::error, "password-raw-at", in_password ? "password" : "username",
          fmt::format(FMT_COMPILE("The {} contains a raw '@'. libpq (psycopg2, ruby-pg, ActiveRecord) ends the user "
                      "name and password at the first '@' and would connect to the wrong host; "
                      "node-postgres and Go use the last one. Percent-encode it as %40. It is read here "
                      "up to the last '@'."),
                      in_password ? "password" : "user name"),
          at(scan), 1);
    }
    if (jdbc_) {
      add(out_.diagnostics, Severity::error, "uri-syntax", "",
          "pgJDBC does not read user:password@ in the URL; it takes it as part of the host name. Put "
          "them in the query: ?user=...&password=....",
          at(p_), at(last_at + 1 - p_), {"jdbc", "hibernate"});
    }
    if (const std::size_t space = info.find(' '); space != std::string_view::npos) {
      add(out_.diagnostics, Severity::error, "unexpected-spaces", colon != std::string_view::npos && space > colon ? "password" : "username",
          "The user info contains a raw space, which Go's net/url (lib/pq, GORM) and pgx reject; write it as %20.",
          at(p_ + space), 1);
    }
    const std::string_view user_raw = info.substr(0, colon);
    std::string_view user;
    if (!decode(user_raw, p_, user)) return false;
    if (!user.empty()) store(Keyword::user, "user", user, p_, user_raw.size());
    if (colon != std::string_view::npos) {
      const std::size_t pw_start = p_ + colon + 1;
      const std::string_view pw_raw = info.substr(colon + 1);
      const std::size_t raw_colon = pw_raw.find(':');
      if (raw_colon != std::string_view::npos) {
        add(out_.diagnostics, Severity::warning, "password-raw-colon", "password",
            "The password contains a raw ':'. libpq and most drivers split user and password at the first "
            "':' and keep the rest, but URL tools that re-encode or rebuild the URL may not; "
            "percent-encode it as %3A.",
            at(pw_start + raw_colon), 1);
      }
      std::string_view password;
      if (!decode(pw_raw, pw_start, password)) return false;
      store(Keyword::password, "password", password, pw_start, pw_raw.size());
    }
    p_ = last_at + 1;
    return true;
  }

  // user:pa/ss@host: the '/' ends the authority for libpq, Go's net/url and
  // WHATWG URL alike, so libpq reads "user" as the host, "pa" as the port and
  // "ss@host..." as the database, and Go and node-postgres reject the URL
  // (SQLAlchemy alone reads the password up to the '@'). Reported when what
  // would be the port is not a number and an '@' follows in the path: a real
  // host:port/database never looks like that.
  void check_slash_in_password(std::size_t slash) {
    if (jdbc_) return;  // pgJDBC takes the password from the query
    const std::string_view authority = s_.substr(p_, slash - p_);
    const std::size_t colon = authority.find(':');
    if (colon == std::string_view::npos || authority.find_first_of("[,?") != std::string_view::npos) return;
    const std::string_view port = authority.substr(colon + 1);
    const bool port_is_number =
        !port.empty() && std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; });
    const std::size_t path_end = std::min(s_.find('?', slash), s_.size());
    if (port_is_number || s_.substr(slash, path_end - slash).find('@') == std::string_view::npos) return;
    add(out_.diagnostics, Severity::error, "password-raw-slash", "password",
        "The password contains a raw '/', which ends the host part of a URL: libpq (psycopg2, ruby-pg, "
        "ActiveRecord) reads the user name as the host and connects there, and Go (pgx, pq, GORM) and "
        "node-postgres reject the URL. Percent-encode it as %2F.",
        at(slash), 1, {"node-postgres", "sequelize", "typeorm", "psycopg2", "pgx", "pq", "gorm", "ruby-pg", "activerecord"});
  }

  // host[:port][,host[:port]]... with [IPv6] literals, as libpq reads them.
  bool hosts() {
    const std::size_t list_start = p_;
    HostEntry first;
    if (!host_entry(first)) return false;
    if (p_ >= s_.size() || s_[p_] != ',') return store_hosts(&first, 1, list_start);
    // Several hosts: rare enough that one vector is no cost.
    std::vector<HostEntry> entries{first};
    while (p_ < s_.size() && s_[p_] == ',') {
      ++p_;
      HostEntry e;
      if (!host_entry(e)) return false;
      entries.push_back(e);
    }
    return store_hosts(entries.data(), entries.size(), list_start);
  }

  // One host[:port] from p_, leaving p_ on what follows it.
  bool host_entry(HostEntry& e) {
    if (p_ < s_.size() && s_[p_] == '[') {
      const std::size_t close = s_.find(']', p_ + 1);
      if (close == std::string_view::npos) {
        add(out_.diagnostics, Severity::error, "uri-syntax", "host",
            "The IPv6 address has no closing ']'.", at(p_), at(s_.size() - p_));
        return false;
      }
      if (close == p_ + 1) {
        add(out_.diagnostics, Severity::error, "uri-syntax", "host", "The IPv6 address between [ and ] is empty.",
            at(p_), 2);
        return false;
      }
      e.host = s_.substr(p_ + 1, close - p_ - 1);
      e.host_offset = at(p_ + 1);
      p_ = close + 1;
      if (p_ < s_.size() && !ends_host(s_[p_])) {
        add(out_.diagnostics, Severity::error, "uri-syntax", "host",
            fmt::format(FMT_COMPILE("Unexpected '{}' after the IPv6 address: expected ':' and a port, '/', '?' or ','."),
                        s_[p_]),
            at(p_), 1);
        return false;
      }
    } else {
      const std::size_t start = p_;
      while (p_ < s_.size() && !ends_host(s_[p_])) ++p_;
      e.host = s_.substr(start, p_ - start);
      e.host_offset = at(start);
    }
    if (p_ < s_.size() && s_[p_] == ':') {
      const std::size_t start = ++p_;
      while (p_ < s_.size() && !ends_port(s_[p_])) ++p_;
      e.port = s_.substr(start, p_ - start);
      e.port_offset = at(start);
    }
    return true;
  }

  // pgJDBC reads an empty host as localhost and a missing port as 5432.
  std::string_view host_of(const HostEntry& e) const { return jdbc_ && e.host.empty() ? "localhost" : e.host; }
  std::string_view port_of(const HostEntry& e) const { return jdbc_ && e.port.empty() ? "5432" : e.port; }

  // libpq joins the hosts, and the ports, with ',' (one host needs no join).
  std::string_view join(const HostEntry* entries, std::size_t count,
                        std::string_view (UriParser::*part)(const HostEntry&) const) {
    if (count == 1) return (this->*part)(entries[0]);
    std::size_t size = count - 1;
    for (std::size_t i = 0; i < count; ++i) size += (this->*part)(entries[i]).size();
    char* out = out_.store->reserve(size);
    std::size_t used = 0;
    for (std::size_t i = 0; i < count; ++i) {
      if (i > 0) out[used++] = ',';
      const std::string_view text = (this->*part)(entries[i]);
      if (!text.empty()) std::memcpy(out + used, text.data(), text.size());
      used += text.size();
    }
    return out_.store->commit(used);
  }

  // libpq decodes the joined host list, and the joined port list, whole.
  bool store_hosts(const HostEntry* entries, std::size_t count, std::size_t list_start) {
    const std::string_view host_raw = join(entries, count, &UriParser::host_of);
    const std::string_view port_raw = join(entries, count, &UriParser::port_of);
    long port_offset = -1;
    for (std::size_t i = 0; i < count && port_offset < 0; ++i) port_offset = entries[i].port_offset;
    // Stored when the joined list is non-empty, as libpq does: "h1,h2" has the port list ",".
    const std::size_t list_len = p_ - list_start;
    std::string_view host;
    if (!decode(host_raw, list_start, host)) return false;
    if (!host_raw.empty()) store(Keyword::host, "host", host, list_start, list_len);
    std::string_view port;
    const long port_at = port_offset < 0 ? at(list_start) : port_offset;
    if (!percent_decode(port_raw, port_at, false, *out_.store, port, out_.diagnostics)) return false;
    if (!port_raw.empty()) store(Keyword::port, "port", port, static_cast<std::size_t>(port_at), list_len - (port_at - at(list_start)));
    return true;
  }

  void path() {
    const std::size_t start = ++p_;
    const std::size_t q = s_.find('?', start);
    const std::size_t end = q == std::string_view::npos ? s_.size() : q;
    std::string_view db;
    p_ = end;
    const std::string_view raw = s_.substr(start, end - start);
    if (jdbc_ && raw.find('/') != std::string_view::npos) {
      add(out_.diagnostics, Severity::error, "uri-syntax", "database",
          "pgJDBC rejects a '/' in the database name; percent-encode it as %2F.", at(start + raw.find('/')), 1,
          {"jdbc", "hibernate"});
    }
    if (!decode(raw, start, db)) return;
    if (!db.empty()) store(Keyword::dbname, "dbname", db, start, end - start);
  }

  static std::size_t trim_left(std::string_view v) {
    std::size_t i = 0;
    while (i < v.size() && v[i] == ' ') ++i;
    return i;
  }
  static std::size_t trim_right(std::string_view v) {
    std::size_t i = v.size();
    while (i > 0 && v[i - 1] == ' ') --i;
    return i;
  }

  // Trims outer spaces as libpq does.
  static void trim(std::string_view raw, std::size_t offset, std::string_view& out, std::size_t& out_offset) {
    const std::size_t l = trim_left(raw);
    const std::size_t r = std::max(l, trim_right(raw));
    out = raw.substr(l, r - l);
    out_offset = offset + l;
  }

  // Interior raw spaces are an error in libpq.
  bool no_interior_space(std::size_t space, std::size_t offset) {
    if (space == std::string_view::npos || jdbc_) return true;
    add(out_.diagnostics, Severity::error, "unexpected-spaces", "",
        "libpq rejects a raw space inside a query parameter; write it as %20.", at(offset + space), 1);
    return false;
  }

  // Where the bytes a query value is checked for first occur (npos when
  // absent), found in one pass: most values contain none of them.
  struct ValueMarks {
    std::size_t space = std::string_view::npos;
    std::size_t equals = std::string_view::npos;
    std::size_t plus = std::string_view::npos;
    std::size_t percent = std::string_view::npos;
  };

  static ValueMarks marks_of(std::string_view value) {
    ValueMarks m;
    const auto mark = [](std::size_t& first, std::size_t i) {
      if (first == std::string_view::npos) first = i;
    };
    for (std::size_t i = 0; i < value.size(); ++i) {
      switch (value[i]) {
        case ' ': mark(m.space, i); break;
        case '=': mark(m.equals, i); break;
        case '+': mark(m.plus, i); break;
        case '%': mark(m.percent, i); break;
        default: break;
      }
    }
    return m;
  }

  void query(std::size_t start) {
    std::size_t pos = start;
    while (pos <= s_.size()) {
      const std::size_t amp = s_.find('&', pos);
      const std::size_t end = amp == std::string_view::npos ? s_.size() : amp;
      const std::string_view segment = s_.substr(pos, end - pos);
      if (!segment.empty() || (amp != std::string_view::npos && !jdbc_)) parameter(segment, pos);
      if (amp == std::string_view::npos) break;
      pos = amp + 1;
    }
  }

  void parameter(std::string_view segment, std::size_t offset) {
    const std::size_t eq = segment.find('=');
    if (eq == std::string_view::npos) {
      if (jdbc_) {  // pgJDBC sets a bare key to ""
        std::string_view key;
        if (!decode(segment, offset, key)) return;
        Keyword keyword = Keyword::other;
        const bool known = find_libpq_keyword(key, keyword);
        store_parameter(key, "", offset + segment.size(), 0, known, keyword);
        return;
      }
      add(out_.diagnostics, Severity::error, "query-missing-equals", "",
          fmt::format(FMT_COMPILE("The query parameter \"{}\" has no '=': write key=value."), segment), at(offset),
          at(segment.size()));
      return;
    }
    std::string_view key_raw;
    std::size_t key_offset = 0;
    trim(segment.substr(0, eq), offset, key_raw, key_offset);
    if (!no_interior_space(key_raw.find(' '), key_offset)) return;
    std::string_view value_raw;
    std::size_t value_offset = 0;
    trim(segment.substr(eq + 1), offset + eq + 1, value_raw, value_offset);
    const ValueMarks marks = marks_of(value_raw);
    if (!no_interior_space(marks.space, value_offset)) return;
    std::string_view key;
    if (!percent_decode(key_raw, at(key_offset), false, *out_.store, key, out_.diagnostics)) return;
    const std::size_t second_eq = marks.equals;
    if (second_eq != std::string_view::npos && !jdbc_) {
      const bool cluster = key == "options" && value_raw.find("cluster=") != std::string_view::npos;
      add(out_.diagnostics, Severity::error, "query-unencoded-equals", key == "options" ? "routingId" : "",
          cluster ? "libpq (psycopg2, ruby-pg, ActiveRecord) rejects the raw '=' in options=--cluster=...: "
                    "write options=--cluster%3D<routing-id>. The value is read here anyway."
                  : fmt::format(FMT_COMPILE("libpq rejects a second raw '=' in the value of \"{}\"; write it as %3D."), key),
          at(value_offset + second_eq), 1);
    }
    const std::size_t plus = marks.plus;
    if (plus != std::string_view::npos && !jdbc_) {
      add(out_.diagnostics, Severity::warning, "query-plus-ambiguous", "",
          fmt::format(FMT_COMPILE("The raw '+' in \"{}\" is kept by libpq and pgx, but pgJDBC and Go's net/url (lib/pq) "
                      "read it as a space. Write %2B for a plus sign or %20 for a space."),
                      key),
          at(value_offset + plus), 1, {"pq", "gorm", "jdbc", "hibernate"});
    }
    std::string_view value = value_raw;
    const bool encoded = marks.percent != std::string_view::npos || marks.plus != std::string_view::npos;
    if (encoded && !decode(value_raw, value_offset, value)) return;
    // libpq's only alias: ssl=true means sslmode=require.
    if (!jdbc_ && key == "ssl" && value == "true") {
      store(Keyword::sslmode, "sslmode", "require", value_offset, value_raw.size());
      out_.settings.back().alias = "ssl";
      return;
    }
    Keyword keyword = Keyword::other;
    const bool known = find_libpq_keyword(key, keyword) || jdbc_;
    if (!known) {
      add(out_.diagnostics, Severity::warning, "parameter-unknown", "",
          fmt::format(FMT_COMPILE("\"{}\" is not a libpq parameter: libpq-based drivers (psycopg2, ruby-pg, ActiveRecord) "
                      "reject the URL, while pgx and node-postgres send it to the server as a session setting. "
                      "It is kept as an extra parameter."),
                      key),
          at(key_offset), at(key_raw.size()));
    }
    store_parameter(key, value, value_offset, value_raw.size(), known, keyword);
  }

  std::string_view s_;
  std::size_t prefix_;
  RawParse& out_;
  std::size_t p_ = 0;
  bool jdbc_ = false;
};

}  // namespace

void parse_uri(std::string_view text, std::size_t prefix, RawParse& out) { UriParser(text, prefix, out).run(); }

}  // namespace crdb_connect::parsing
