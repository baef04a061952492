// parse(): reads any pasted connection string, then maps libpq's settings onto
// the form's fields and detects the deployment. The format parsers live in
// parse_uri.cpp, parse_keyword_value.cpp and parse_command_line.cpp.
#include "crdb_connect/parse.hpp"

#include <fmt/compile.h>

#include <algorithm>

#include "parse_internal.hpp"
#include "utf8.hpp"

namespace crdb_connect {
namespace {

using parsing::add;
using parsing::Setting;

constexpr std::size_t kMaxInputBytes = 64 * 1024;

using parsing::Keyword;

// Calls visit(part) for each ','-separated part of a libpq list, without copying.
template <typename Visit>
void for_each_part(std::string_view list, Visit visit) {
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = list.find(',', start);
    visit(list.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    if (comma == std::string_view::npos) return;
    start = comma + 1;
  }
}

std::size_t count_parts(std::string_view list) {
  std::size_t n = 1;
  for (std::size_t comma = list.find(','); comma != std::string_view::npos; comma = list.find(',', comma + 1)) ++n;
  return n;
}

// The i-th ','-separated part of a libpq list.
std::string_view part_at(std::string_view list, std::size_t i) {
  std::size_t start = 0;
  for (; i > 0; --i) start = list.find(',', start) + 1;
  const std::size_t comma = list.find(',', start);
  return list.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && parsing::starts_with_ci(s.substr(s.size() - suffix.size()), suffix);
}

// The shape of a Serverless routing ID: lower-case name, '-', tenant number.
bool looks_like_routing_id(std::string_view id) {
  const std::size_t dash = id.rfind('-');
  if (dash == std::string_view::npos || dash == 0 || !all_digits(id.substr(dash + 1))) return false;
  return std::all_of(id.begin(), id.begin() + static_cast<long>(dash),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// Last one wins, as in libpq, pgx and node-postgres; a changed value is
// reported. In place: a repeat overwrites the first occurrence, which keeps
// its position in the order.
void keep_effective_settings(std::vector<Setting>& settings, std::vector<Diagnostic>& diagnostics) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < settings.size(); ++i) {
    const Setting& s = settings[i];
    const auto first = std::find_if(settings.begin(), settings.begin() + static_cast<long>(kept),
                                    [&](const Setting& e) { return e.key == s.key; });
    if (first == settings.begin() + static_cast<long>(kept)) {
      // Copying a setting onto itself is not free: its fields were just
      // stored one by one, and reading them back whole stalls the CPU.
      if (kept != i) settings[kept] = s;
      ++kept;
      continue;
    }
    if (first->value != s.value) {
      add(diagnostics, Severity::warning, "parameter-repeated", parsing::field_for_key(s.key),
          fmt::format(FMT_COMPILE("\"{}\" is given more than once; drivers use the last value."), s.alias.empty() ? s.key : s.alias),
          s.offset, s.length);
    }
    *first = s;
  }
  settings.resize(kept);
}

struct RoutingCandidate {
  std::string_view id;
  long offset;
  long length;
  std::string_view source;
};

// options: CockroachDB reads --cluster=<routing-id>; other tokens are kept.
std::string take_cluster_options(const Setting& s, std::vector<RoutingCandidate>& candidates) {
  std::string rest;
  std::size_t p = 0;
  const std::string_view v = s.value;
  while (p < v.size()) {
    while (p < v.size() && parsing::is_space(v[p])) ++p;
    const std::size_t start = p;
    while (p < v.size() && !parsing::is_space(v[p])) p += (v[p] == '\\' && p + 1 < v.size()) ? 2 : 1;
    const std::string_view token = v.substr(start, p - start);
    if (token.empty()) continue;
    if (token.substr(0, 10) == "--cluster=") {
      candidates.push_back({token.substr(10), s.offset, s.length, "options=--cluster="});
    } else {
      rest += rest.empty() ? "" : " ";
      rest += token;
    }
  }
  return rest;
}

void check_port_list(const Setting& s, std::vector<Diagnostic>& diagnostics) {
  for_each_part(s.value, [&](std::string_view port) {
    if (port.empty()) return;
    // Converted only once it is known to be at most 5 digits: a long run of
    // bytes overflowed `number` (undefined behaviour, found by fuzz_parse).
    const bool short_number = all_digits(port) && port.size() <= 5;
    long number = 0;
    if (short_number) {
      for (const char c : port) number = number * 10 + (c - '0');
    }
    const bool valid = short_number && number >= 1 && number <= 65535;
    if (!valid) {
      add(diagnostics, Severity::error, "port-invalid", "port",
          fmt::format(FMT_COMPILE("The port \"{}\" is not a number from 1 to 65535 (CockroachDB listens on 26257)."), port),
          s.offset, s.length);
    }
  });
}

void check_sslmode(const Setting& s, std::vector<Diagnostic>& diagnostics) {
  static constexpr std::string_view kModes[] = {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"};
  if (std::find(std::begin(kModes), std::end(kModes), s.value) != std::end(kModes)) return;
  if (s.value == "no-verify") {
    add(diagnostics, Severity::warning, "sslmode-unknown", "",
        "sslmode=no-verify exists only in node-postgres; every other driver rejects it. Use verify-full.",
        s.offset, s.length);
    return;
  }
  add(diagnostics, Severity::error, "sslmode-unknown", "",
      fmt::format(FMT_COMPILE("sslmode \"{}\" is not one of disable, allow, prefer, require, verify-ca, verify-full; drivers "
                  "refuse to connect."),
                  s.value),
      s.offset, s.length);
}

std::string host_with_port(std::string_view host, std::string_view port) {
  const bool bracket = host.find(':') != std::string_view::npos;
  std::string out;
  out.reserve(host.size() + port.size() + 3);
  if (bracket) out += '[';
  out += host;
  if (bracket) out += ']';
  if (!port.empty()) {
    out += ':';
    out += port;
  }
  return out;
}

void map_hosts(const Setting* host, const Setting* port, ParseResult& r) {
  const std::size_t host_count = host ? count_parts(host->value) : 0;
  const std::size_t port_count = port ? count_parts(port->value) : 0;
  if (port_count > 1 && port_count != host_count) {
    add(r.diagnostics, Severity::error, "hosts-ports-mismatch", "port",
        fmt::format(FMT_COMPILE("{} ports are given for {} hosts: give one port for every host, or a single port for all."),
                    port_count, host_count),
        port->offset, port->length);
  }
  if (host_count > 0) r.params.host = part_at(host->value, 0);
  if (port_count > 0) r.params.port = part_at(port->value, 0);
  // libpq: one port applies to every host.
  if (host_count > 1) r.extra_hosts.reserve(host_count - 1);
  for (std::size_t i = 1; i < host_count; ++i) {
    const std::string_view p = port_count == 1 ? port->value : i < port_count ? part_at(port->value, i) : "";
    r.extra_hosts.push_back(host_with_port(part_at(host->value, i), p));
  }
  if (host_count > 1) {
    add(r.diagnostics, Severity::info, "hosts-extra", "host",
        fmt::format(FMT_COMPILE("The string lists {} hosts; the form uses the first, and the others are kept as extra hosts."),
                    host_count),
        host->offset, host->length);
  }
  if (!r.params.host.empty() && (!port || port->offset < 0 || r.params.port.empty())) {
    add(r.diagnostics, Severity::info, "port-missing", "port",
        "No port is given, so drivers connect to PostgreSQL's 5432; CockroachDB listens on 26257.",
        host ? host->offset : -1, host ? host->length : 0);
    if (r.params.port.empty()) r.params.port = "5432";
  }
}

// /<routing-id>.<database>?ssl=true, which Sequelize 6.9 and earlier needed.
void map_legacy_path(const std::vector<Setting>& settings, ParseResult& r, std::vector<RoutingCandidate>& candidates) {
  const bool legacy_ssl = std::any_of(settings.begin(), settings.end(), [](const Setting& s) { return s.alias == "ssl"; });
  if (!legacy_ssl) return;
  auto db = std::find_if(settings.begin(), settings.end(), [](const Setting& s) { return s.key == "dbname"; });
  if (db == settings.end()) return;
  const std::size_t dot = db->value.find('.');
  if (dot == std::string_view::npos || !looks_like_routing_id(db->value.substr(0, dot))) return;
  candidates.push_back({db->value.substr(0, dot), db->offset, static_cast<long>(dot), "the legacy path"});
  r.params.database = db->value.substr(dot + 1);
  r.format = "sequelize-legacy";
}

void detect_deployment(const std::vector<RoutingCandidate>& candidates, ParseResult& r) {
  auto& p = r.params;
  if (!p.routing_id.empty()) {
    p.deployment = "serverless";
    const std::string_view source = candidates.front().source;
    r.deployment_reason.reserve(source.size() + 56);
    r.deployment_reason += "The routing ID in ";
    r.deployment_reason += source;
    r.deployment_reason += " is only used by Serverless clusters.";
  } else if (!p.client_cert.empty() && !p.client_key.empty()) {
    p.deployment = "self-hosted";
    r.deployment_reason = "A client certificate and key (sslcert, sslkey) authenticate users on self-hosted clusters.";
  } else if (!p.root_cert.empty()) {
    p.deployment = "dedicated";
    r.deployment_reason = "Only a CA certificate (sslrootcert) is given, as for a Dedicated cluster's own CA.";
  } else if (ends_with(p.host, ".cockroachlabs.cloud")) {
    p.deployment = "serverless";
    r.deployment_reason = "The host is under cockroachlabs.cloud and no CA certificate is given: Serverless "
                          "clusters use publicly trusted certificates.";
  } else {
    p.deployment = "self-hosted";
    r.deployment_reason = "No routing ID, certificate or CockroachDB Cloud host: assumed to be a self-hosted cluster.";
  }
}

void map_settings(const std::vector<Setting>& settings, ParseResult& r) {
  std::vector<RoutingCandidate> candidates;
  const Setting* host = nullptr;
  const Setting* port = nullptr;
  r.settings.reserve(settings.size());
  const auto is_extra = [](const Setting& s) { return s.keyword == Keyword::other || s.keyword == Keyword::sslmode; };
  if (const auto extras = std::count_if(settings.begin(), settings.end(), is_extra); extras > 0)
    r.extra_params.reserve(static_cast<std::size_t>(extras) + 1);  // + options left after --cluster=
  for (const auto& s : settings) {
    r.settings.emplace_back(s.key, s.value);
    switch (s.keyword) {
      case Keyword::user: r.params.username = s.value; break;
      case Keyword::password: r.params.password = s.value; break;
      case Keyword::host: host = &s; break;
      case Keyword::port: port = &s, check_port_list(s, r.diagnostics); break;
      case Keyword::dbname: r.params.database = s.value; break;
      case Keyword::sslrootcert: r.params.root_cert = s.value; break;
      case Keyword::sslcert: r.params.client_cert = s.value; break;
      case Keyword::sslkey: r.params.client_key = s.value; break;
      case Keyword::options: {
        std::string rest = take_cluster_options(s, candidates);
        if (!rest.empty()) r.extra_params.emplace_back("options", std::move(rest));
        break;
      }
      case Keyword::sslmode: check_sslmode(s, r.diagnostics); [[fallthrough]];
      case Keyword::other:
        if (s.alias.empty()) r.extra_params.emplace_back(s.key, s.value);
        else r.extra_params.emplace_back(s.alias, "true");
        break;
    }
  }
  map_hosts(host, port, r);
  map_legacy_path(settings, r, candidates);
  if (!candidates.empty()) r.params.routing_id = candidates.front().id;
  for (const auto& c : candidates) {
    if (c.id == candidates.front().id) continue;
    add(r.diagnostics, Severity::error, "routing-id-conflict", "routingId",
        fmt::format(FMT_COMPILE("Two different routing IDs are given: \"{}\" from {} and \"{}\" from {}. Keep only the one "
                    "the Cloud Console shows."),
                    candidates.front().id, candidates.front().source, c.id, c.source),
        c.offset, c.length);
  }
  detect_deployment(candidates, r);
}

}  // namespace

ParseResult parse(std::string_view text) {
  ParseResult r;
  if (text.size() > kMaxInputBytes) {
    add(r.diagnostics, Severity::error, "input-too-long", "",
        fmt::format(FMT_COMPILE("The input is {} bytes; connection strings over 64 KiB are not read."), text.size()), 0,
        static_cast<long>(text.size()));
    r.ok = false;
    return r;
  }
  if (!utf8::is_valid(text)) {
    add(r.diagnostics, Severity::warning, "invalid-utf8", "",
        "The input is not valid UTF-8; drivers may reject or mangle the bytes that are not.", 0,
        static_cast<long>(text.size()));
  }
  // A NUL ends a C string: libpq would silently read only what comes before it.
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    add(r.diagnostics, Severity::error, "nul-character", "",
        "The input contains a NUL character; libpq-based drivers stop reading there and pgx rejects it.",
        static_cast<long>(nul), 1);
  }
  parsing::TextStore store;  // decoded text the settings point into, until they are copied out
  parsing::RawParse raw(store);
  // The raw settings' buffer is kept from one call to the next (per thread;
  // parse() never calls itself), so parsing string after string allocates
  // nothing for it. The wasm build has one thread, and wasm-ld refuses
  // thread-local storage next to bulk-memory instructions without threads.
#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
  static std::vector<Setting> spare_settings;
#else
  thread_local std::vector<Setting> spare_settings;
#endif
  raw.settings.swap(spare_settings);
  raw.settings.clear();
  raw.settings.reserve(12);
  parsing::parse_any(text, raw, r.wrapper);
  r.format = raw.format;
  if (r.diagnostics.empty()) {
    r.diagnostics = std::move(raw.diagnostics);
  } else {
    for (auto& d : raw.diagnostics) r.diagnostics.push_back(std::move(d));
  }
  keep_effective_settings(raw.settings, r.diagnostics);
  const std::vector<Setting>& settings = raw.settings;
  map_settings(settings, r);
  if (settings.empty()) r.deployment_reason = "Nothing was read, so no deployment could be detected.";
  if (raw.settings.capacity() <= 64) spare_settings.swap(raw.settings);  // a huge one is not worth keeping
  // Some positions are computed on rebuilt text (pgJDBC's host list, where an
  // empty host reads as "localhost"), which can be longer than the input; a
  // position past the end would make the page slice out of range (found by
  // fuzz_parse). Keep every span inside the input.
  const long size = static_cast<long>(text.size());
  for (auto& d : r.diagnostics) {
    if (d.offset < 0) continue;
    d.offset = std::min(d.offset, size);
    d.length = std::clamp(d.length, 0L, size - d.offset);
  }
  // Positions in the order they appear, so the page can walk through them. They
  // mostly come in order already, and stable_sort would allocate a buffer.
  const auto by_offset = [](const Diagnostic& a, const Diagnostic& b) { return a.offset < b.offset; };
  if (!std::is_sorted(r.diagnostics.begin(), r.diagnostics.end(), by_offset))
    std::stable_sort(r.diagnostics.begin(), r.diagnostics.end(), by_offset);
  r.ok = std::none_of(r.diagnostics.begin(), r.diagnostics.end(),
                      [](const Diagnostic& d) { return d.severity == Severity::error; });
  return r;
}

}  // namespace crdb_connect
