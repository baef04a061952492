// Round trip: for every driver whose output is a connection string,
// parse(generate(p).outputs[d].connectionString) gives back p -- for the fields
// that output carries. Random parameter sets (Unicode, quotes, @:/?#%+&=,
// spaces, IPv6 hosts, Windows paths) from a fixed seed; CRDB_ROUNDTRIP_SEED and
// CRDB_ROUNDTRIP_CASES override it, and a failure prints the seed and case.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <random>
#include <sstream>
#include <string>

#include "crdb_connect/generate.hpp"
#include "crdb_connect/parse.hpp"

namespace {

using crdb_connect::ConnectionParams;

class Gen {
 public:
  explicit Gen(std::uint64_t seed) : rng_(seed) {}

  std::size_t below(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }

  // Text mixing the characters URLs and shells treat specially with non-ASCII ones.
  std::string text(std::size_t min_len, std::size_t max_len) {
    static const char* const kPieces[] = {"a", "Z", "0", "9", "_", "-", ".", "~", "@", ":", "/", "?", "#", "%",
                                          "+", "&", "=", " ", "'", "\"", "\\", "$", "%41", "%zz", ",", ";", "[",
                                          "]", "é", "ß", "中文", "😀", "\u00a0", "Ω", "\t", "!", "*", "(", ")"};
    const std::size_t n = min_len + below(max_len - min_len + 1);
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += kPieces[below(std::size(kPieces))];
    return out;
  }

  std::string label() {
    static const char kChars[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::string out;
    const std::size_t n = 1 + below(12);
    for (std::size_t i = 0; i < n; ++i) out += kChars[below(36)];
    return out;
  }

  std::string host(const std::string& deployment) {
    switch (below(4)) {
      case 0: {
        std::ostringstream v6;
        v6 << std::hex << "2001:db8:" << below(0xffff) << "::" << below(0xffff);
        return below(2) ? v6.str() : "::1";
      }
      case 1: return std::to_string(1 + below(254)) + "." + std::to_string(below(256)) + ".0." + std::to_string(1 + below(254));
      default:
        return deployment == "serverless" ? label() + ".gcp-us-central1.cockroachlabs.cloud"
                                          : label() + "." + label() + ".example";
    }
  }

  std::string path() {
    switch (below(3)) {
      case 0: return "C:\\Users\\" + text(1, 6) + "\\certs\\" + label() + ".crt";
      case 1: return "/home/" + label() + "/.postgresql/" + text(1, 6) + ".crt";
      default: return "D:/certs/" + text(1, 8);
    }
  }

  ConnectionParams params() {
    static const char* const kDeployments[] = {"serverless", "dedicated", "self-hosted"};
    ConnectionParams p;
    p.deployment = kDeployments[below(3)];
    p.username = text(1, 10);
    p.host = host(p.deployment);
    p.port = std::to_string(1 + below(65535));
    p.database = text(1, 10);
    if (p.deployment != "self-hosted") p.password = text(1, 16);
    if (p.deployment == "serverless") {
      p.routing_id = label() + "cluster-" + std::to_string(2 + below(100000));
      if (below(3) == 0) p.root_cert = path();
    }
    if (p.deployment == "dedicated") p.root_cert = path();
    if (p.deployment == "self-hosted") {
      p.root_cert = path();
      p.client_cert = path();
      p.client_key = path();
    }
    return p;
  }

 private:
  std::mt19937_64 rng_;
};

std::uint64_t env_number(const char* name, std::uint64_t fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::strtoull(v, nullptr, 10) : fallback;
}

// Compares what an output carries; returns "" or the first difference.
std::string compare(const ConnectionParams& want, const crdb_connect::ParseResult& got, bool url_has_query) {
  if (!got.ok) {
    for (const auto& d : got.diagnostics)
      if (d.severity == crdb_connect::Severity::error) return "parse error " + d.code + ": " + d.message;
  }
  const auto differ = [](const char* name, const std::string& a, const std::string& b) {
    return a == b ? std::string() : std::string(name) + ": want \"" + a + "\", got \"" + b + "\"";
  };
  std::string why;
  for (const std::string& d :
       {differ("username", want.username, got.params.username), differ("password", want.password, got.params.password),
        differ("host", want.host, got.params.host), differ("port", want.port, got.params.port),
        differ("database", want.database, got.params.database)})
    if (why.empty()) why = d;
  if (!why.empty() || !url_has_query) return why;
  for (const std::string& d : {differ("deployment", want.deployment, got.params.deployment),
                               differ("routingId", want.routing_id, got.params.routing_id),
                               differ("rootCert", want.root_cert, got.params.root_cert),
                               differ("clientCert", want.client_cert, got.params.client_cert),
                               differ("clientKey", want.client_key, got.params.client_key)})
    if (why.empty()) why = d;
  return why;
}

}  // namespace

TEST_CASE("round trip: parse(generate(p)) gives back p for every driver's connection string", "[roundtrip]") {
  const std::uint64_t seed = env_number("CRDB_ROUNDTRIP_SEED", 20250101);
  const std::uint64_t cases = env_number("CRDB_ROUNDTRIP_CASES", 10000);
  std::uint64_t checked = 0;
  int failures = 0;
  for (std::uint64_t i = 0; i < cases && failures < 5; ++i) {
    Gen gen(seed * 1000003u + i);
    const ConnectionParams p = gen.params();
    const auto generated = crdb_connect::generate(p);
    for (const auto& out : generated.outputs) {
      std::vector<std::pair<std::string, std::string>> strings{{std::string(out.driver), out.connection_string}};
      for (const auto& v : out.variants)
        if (v.value.rfind("postgresql://", 0) == 0) strings.emplace_back(std::string(out.driver) + " / " + v.label, v.value);
      for (const auto& [label, s] : strings) {
        if (s.empty()) continue;  // Django: a settings dict, no string
        ++checked;
        const bool has_query = s.find('?') != std::string::npos;
        const std::string why = compare(p, crdb_connect::parse(s), has_query);
        if (why.empty()) continue;
        ++failures;
        FAIL_CHECK("CRDB_ROUNDTRIP_SEED=" << seed << " case " << i << " (" << label << "): " << why
                                          << "\n  string: " << s);
      }
    }
  }
  std::printf("round trip: %llu parameter sets, %llu connection strings parsed back, seed %llu\n",
              static_cast<unsigned long long>(cases), static_cast<unsigned long long>(checked),
              static_cast<unsigned long long>(seed));
  CHECK(checked >= cases * 11);
}
