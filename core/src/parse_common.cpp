// Small helpers shared by the format parsers: keyword table, percent-decoding.
#include <fmt/compile.h>

#include <algorithm>
#include <array>

#include "parse_internal.hpp"

namespace crdb_connect::parsing {
namespace {

struct KeywordEntry {
  std::string_view name;
  Keyword keyword;
};

constexpr std::array<KeywordEntry, 48> kLibpqKeywords{{
    {"application_name", Keyword::other}, {"channel_binding", Keyword::other}, {"client_encoding", Keyword::other},
    {"connect_timeout", Keyword::other}, {"dbname", Keyword::dbname}, {"fallback_application_name", Keyword::other},
    {"gssdelegation", Keyword::other}, {"gssencmode", Keyword::other}, {"gsslib", Keyword::other},
    {"host", Keyword::host}, {"hostaddr", Keyword::other}, {"keepalives", Keyword::other},
    {"keepalives_count", Keyword::other}, {"keepalives_idle", Keyword::other},
    {"keepalives_interval", Keyword::other}, {"krbsrvname", Keyword::other},
    {"load_balance_hosts", Keyword::other}, {"max_protocol_version", Keyword::other},
    {"min_protocol_version", Keyword::other}, {"options", Keyword::options}, {"passfile", Keyword::other},
    {"password", Keyword::password}, {"port", Keyword::port}, {"replication", Keyword::other},
    {"require_auth", Keyword::other}, {"requirepeer", Keyword::other}, {"scram_client_key", Keyword::other},
    {"scram_server_key", Keyword::other}, {"service", Keyword::other}, {"ssl_max_protocol_version", Keyword::other},
    {"ssl_min_protocol_version", Keyword::other}, {"sslcert", Keyword::sslcert}, {"sslcertmode", Keyword::other},
    {"sslcompression", Keyword::other}, {"sslcrl", Keyword::other}, {"sslcrldir", Keyword::other},
    {"sslkey", Keyword::sslkey}, {"sslkeylogfile", Keyword::other}, {"sslmode", Keyword::sslmode},
    {"sslnegotiation", Keyword::other}, {"sslpassword", Keyword::other}, {"sslrootcert", Keyword::sslrootcert},
    {"sslsni", Keyword::other}, {"target_session_attrs", Keyword::other}, {"tcp_user_timeout", Keyword::other},
    {"user", Keyword::user}, {"oauth_issuer", Keyword::other}, {"oauth_client_id", Keyword::other},
}};

// Every key of every parameter is looked up, so the table is hashed: an
// open-addressing index built at compile time, probed linearly.
constexpr std::size_t kSlots = 128;
constexpr unsigned char kEmpty = 0xFF;

constexpr std::size_t slot_of(std::string_view key) {
  const auto byte = [&](std::size_t i) { return static_cast<std::size_t>(static_cast<unsigned char>(key[i])); };
  return (key.size() * 31 + byte(0) * 7 + byte(key.size() - 1) * 3 + byte(key.size() / 2)) % kSlots;
}

constexpr std::array<unsigned char, kSlots> kKeywordIndex = [] {
  std::array<unsigned char, kSlots> index{};
  for (auto& slot : index) slot = kEmpty;
  for (std::size_t i = 0; i < kLibpqKeywords.size(); ++i) {
    std::size_t slot = slot_of(kLibpqKeywords[i].name);
    while (index[slot] != kEmpty) slot = (slot + 1) % kSlots;
    index[slot] = static_cast<unsigned char>(i);
  }
  return index;
}();

const KeywordEntry* find_keyword(std::string_view key) {
  if (key.empty()) return nullptr;
  for (std::size_t slot = slot_of(key);; slot = (slot + 1) % kSlots) {
    const unsigned char i = kKeywordIndex[slot];
    if (i == kEmpty) return nullptr;
    if (kLibpqKeywords[i].name == key) return &kLibpqKeywords[i];
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

void add(std::vector<Diagnostic>& out, Severity severity, std::string_view code, std::string_view field,
         std::string message, long offset, long length, std::vector<std::string> drivers) {
  // At most kMaxPerCode diagnostics of one code, then one that says more were
  // left out: 64 KiB of '&' would otherwise give 43,000 diagnostics and tens of
  // megabytes of wasm memory (found by the JS boundary fuzzer).
  constexpr long kMaxPerCode = 20;
  const long same = std::count_if(out.begin(), out.end(), [&](const Diagnostic& d) { return d.code == code; });
  if (same > kMaxPerCode) return;
  if (same == kMaxPerCode) {
    message = "More problems like the ones above follow; only the first 20 are listed.";
    drivers.clear();
  }
  // Built in place: a Diagnostic is large, and growing the vector one by one moves them all.
  if (out.capacity() == 0) out.reserve(4);
  Diagnostic& d = out.emplace_back();
  d.code = code;
  d.field = field;
  d.severity = severity;
  d.message = std::move(message);
  d.drivers = std::move(drivers);
  d.offset = offset;
  d.length = length;
}

bool is_libpq_keyword(std::string_view key) { return find_keyword(key) != nullptr; }

bool find_libpq_keyword(std::string_view key, Keyword& keyword) {
  const KeywordEntry* entry = find_keyword(key);
  keyword = entry ? entry->keyword : Keyword::other;
  return entry != nullptr;
}

Keyword keyword_of(std::string_view key) {
  const KeywordEntry* entry = find_keyword(key);
  return entry ? entry->keyword : Keyword::other;
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

namespace {

// Decodes `in` into `out`, which has room for in.size() bytes; returns the
// bytes written, or -1 after reporting an invalid escape.
long decode_into(std::string_view in, long offset, bool plus_is_space, char* out, std::vector<Diagnostic>& diagnostics) {
  long written = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '+' && plus_is_space) {
      out[written++] = ' ';
      continue;
    }
    if (c != '%') {
      out[written++] = c;
      continue;
    }
    const int hi = i + 1 < in.size() ? hex_value(in[i + 1]) : -1;
    const int lo = i + 2 < in.size() ? hex_value(in[i + 2]) : -1;
    if (hi < 0 || lo < 0) {
      const std::size_t len = std::min<std::size_t>(3, in.size() - i);
      add(diagnostics, Severity::error, "percent-encoding-invalid", "",
          fmt::format(FMT_COMPILE("\"{}\" is not a valid percent-encoded byte: '%' must be followed by two hex digits. "
                      "Write a literal % as %25."),
                      in.substr(i, len)),
          offset + static_cast<long>(i), static_cast<long>(len));
      return -1;
    }
    if (hi == 0 && lo == 0) {
      add(diagnostics, Severity::error, "nul-character", "",
          "%00 encodes a NUL character, which libpq forbids and no driver can carry.",
          offset + static_cast<long>(i), 3);
      return -1;
    }
    out[written++] = static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return written;
}

}  // namespace

bool percent_decode(std::string_view in, long offset, bool plus_is_space, std::string& out,
                    std::vector<Diagnostic>& diagnostics) {
  out.resize(in.size());
  const long written = decode_into(in, offset, plus_is_space, out.data(), diagnostics);
  out.resize(written < 0 ? 0 : static_cast<std::size_t>(written));
  return written >= 0;
}

bool percent_decode(std::string_view in, long offset, bool plus_is_space, TextStore& store, std::string_view& out,
                    std::vector<Diagnostic>& diagnostics) {
  const bool plain = in.find('%') == std::string_view::npos &&
                     (!plus_is_space || in.find('+') == std::string_view::npos);
  if (plain) {
    out = in;
    return true;
  }
  const long written = decode_into(in, offset, plus_is_space, store.reserve(in.size()), diagnostics);
  out = store.commit(written < 0 ? 0 : static_cast<std::size_t>(written));
  return written >= 0;
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

std::size_t uri_prefix_length(std::string_view text) {
  // Every scheme starts with j, p or c: anything else (key=value) is out at once.
  const char first = text.empty() ? '\0' : static_cast<char>(text[0] | 0x20);
  if (first != 'j' && first != 'p' && first != 'c') return 0;
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
