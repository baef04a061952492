// Small helpers shared by the format parsers: keyword table, percent-decoding.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "parse_internal.hpp"

namespace crdb_connect::parsing {
namespace {

constexpr std::array<std::string_view, 48> kLibpqKeywords{{
    "application_name", "channel_binding", "client_encoding", "connect_timeout", "dbname",
    "fallback_application_name", "gssdelegation", "gssencmode", "gsslib", "host", "hostaddr",
    "keepalives", "keepalives_count", "keepalives_idle", "keepalives_interval", "krbsrvname",
    "load_balance_hosts", "max_protocol_version", "min_protocol_version", "options", "passfile",
    "password", "port", "replication", "require_auth", "requirepeer", "scram_client_key",
    "scram_server_key", "service", "ssl_max_protocol_version", "ssl_min_protocol_version", "sslcert",
    "sslcertmode", "sslcompression", "sslcrl", "sslcrldir", "sslkey", "sslkeylogfile", "sslmode",
    "sslnegotiation", "sslpassword", "sslrootcert", "sslsni", "target_session_attrs", "tcp_user_timeout",
    "user", "oauth_issuer", "oauth_client_id",
}};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

void add(std::vector<Diagnostic>& out, Severity severity, std::string_view code, std::string_view field,
         std::string message, long offset, long length, std::vector<std::string> drivers) {
  Diagnostic d;
  d.code = std::string(code);
  d.field = std::string(field);
  d.severity = severity;
  d.message = std::move(message);
  d.drivers = std::move(drivers);
  d.offset = offset;
  d.length = length;
  out.push_back(std::move(d));
}

bool is_libpq_keyword(std::string_view key) {
  return std::find(kLibpqKeywords.begin(), kLibpqKeywords.end(), key) != kLibpqKeywords.end();
}

std::string_view field_for_key(std::string_view key) {
  if (key == "user") return "username";
  if (key == "password") return "password";
  if (key == "host") return "host";
  if (key == "port") return "port";
  if (key == "dbname") return "database";
  if (key == "sslrootcert") return "rootCert";
  if (key == "sslcert") return "clientCert";
  if (key == "sslkey") return "clientKey";
  if (key == "options") return "routingId";
  return "";
}

bool percent_decode(std::string_view in, long offset, bool plus_is_space, std::string& out,
                    std::vector<Diagnostic>& diagnostics) {
  out.clear();
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '+' && plus_is_space) {
      out += ' ';
      continue;
    }
    if (c != '%') {
      out += c;
      continue;
    }
    const int hi = i + 1 < in.size() ? hex_value(in[i + 1]) : -1;
    const int lo = i + 2 < in.size() ? hex_value(in[i + 2]) : -1;
    if (hi < 0 || lo < 0) {
      const std::size_t len = std::min<std::size_t>(3, in.size() - i);
      add(diagnostics, Severity::error, "percent-encoding-invalid", "",
          fmt::format("\"{}\" is not a valid percent-encoded byte: '%' must be followed by two hex digits. "
                      "Write a literal % as %25.",
                      in.substr(i, len)),
          offset + static_cast<long>(i), static_cast<long>(len));
      return false;
    }
    if (hi == 0 && lo == 0) {
      add(diagnostics, Severity::error, "nul-character", "",
          "%00 encodes a NUL character, which libpq forbids and no driver can carry.",
          offset + static_cast<long>(i), 3);
      return false;
    }
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return true;
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::size_t uri_prefix_length(std::string_view text) {
  if (starts_with_ci(text, "jdbc:postgresql:")) {
    return starts_with_ci(text, "jdbc:postgresql://") ? 18 : 16;
  }
  // postgresql, postgres and cockroachdb, optionally with a SQLAlchemy
  // "+dialect" suffix (postgresql+psycopg2://, cockroachdb+asyncpg://).
  for (std::string_view scheme : {"postgresql", "postgres", "cockroachdb"}) {
    if (!starts_with_ci(text, scheme)) continue;
    std::size_t i = scheme.size();
    if (i < text.size() && text[i] == '+') {
      ++i;
      while (i < text.size() && ((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= '0' && text[i] <= '9') ||
                                 text[i] == '_'))
        ++i;
    }
    if (text.substr(i, 3) == "://") return i + 3;
  }
  return 0;
}

}  // namespace crdb_connect::parsing
