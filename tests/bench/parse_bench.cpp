// Benchmark (not a test): parse a 20,000-string corpus with crdb_connect::parse
// and with libpq's PQconninfoParse, and print microseconds per string and the
// ratio. The corpus mixes URIs and keyword/value strings that both read.
// `parse_bench ours 1` (or `libpq 1`) runs one side for one round, for
// valgrind --tool=callgrind --toggle-collect='*parse_one_*'.
#include <libpq-fe.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "crdb_connect/parse.hpp"

namespace {

std::vector<std::string> corpus(std::size_t n) {
  std::mt19937_64 rng(42);
  const auto pick = [&](std::size_t k) { return std::uniform_int_distribution<std::size_t>(0, k - 1)(rng); };
  const char* const users[] = {"maxroach", "root", "app_user", "caf%C3%A9", "a%40b"};
  const char* const hosts[] = {"free-tier.gcp-us-central1.cockroachlabs.cloud", "localhost", "10.0.0.12", "[::1]",
                               "db-1.example.com,db-2.example.com"};
  std::vector<std::string> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::string user = users[pick(5)];
    const std::string host = hosts[pick(5)];
    const std::string port = std::to_string(26257 + pick(5));
    switch (pick(4)) {
      case 0:
        out.push_back("postgresql://" + user + ":s3cr%2Bt" + std::to_string(i) + "@" + host + ":" + port +
                      "/defaultdb?sslmode=verify-full&options=--cluster%3Dfunky-skunk-" + std::to_string(100 + i % 900));
        break;
      case 1:
        out.push_back("postgres://" + user + "@" + host + "/bank?sslmode=verify-full&sslrootcert=%2Fhome%2Fu%2Fca.crt"
                      "&sslcert=/c/client.crt&sslkey=/c/client.key&application_name=app" + std::to_string(i));
        break;
      case 2:
        out.push_back("host=localhost port=" + port + " user=" + std::string(users[pick(3)]) +
                      " password='it\\'s " + std::to_string(i) + "' dbname=defaultdb sslmode=require");
        break;
      default:
        out.push_back("postgresql://" + user + "@" + host + ":" + port + "/db" + std::to_string(i));
        break;
    }
  }
  return out;
}

// One string through each parser, result freed included. Not inlined, so
// callgrind can count exactly these (--toggle-collect='*parse_one_*').
[[gnu::noinline]] std::size_t parse_one_ours(const std::string& s) { return crdb_connect::parse(s).params.host.size(); }

[[gnu::noinline]] std::size_t parse_one_libpq(const std::string& s) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(s.c_str(), &error);
  const std::size_t read = options != nullptr;
  if (options) PQconninfoFree(options);
  if (error) PQfreemem(error);
  return read;
}

// Microseconds per string for one pass over the corpus.
template <typename F>
double one_round(const std::vector<std::string>& strings, F parse_one) {
  const auto start = std::chrono::steady_clock::now();
  for (const auto& s : strings) parse_one(s);
  const std::chrono::duration<double, std::micro> took = std::chrono::steady_clock::now() - start;
  return took.count() / static_cast<double>(strings.size());
}

}  // namespace

int main(int argc, char** argv) {
  const std::string_view only = argc > 1 ? argv[1] : "";
  const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  if (!only.empty() && only != "ours" && only != "libpq") {
    std::fprintf(stderr, "usage: parse_bench [ours|libpq [rounds]]\n");
    return 2;
  }
  const auto strings = corpus(20000);
  std::size_t sink = 0;
  double ours = 1e18;
  double libpq = 1e18;
  // Rounds alternate between the two parsers, so a busy machine slows both
  // alike, and the best round of each is kept.
  for (int r = 0; r < rounds; ++r) {
    if (only != "libpq")
      ours = std::min(ours, one_round(strings, [&](const std::string& s) { sink += parse_one_ours(s); }));
    if (only != "ours")
      libpq = std::min(libpq, one_round(strings, [&](const std::string& s) { sink += parse_one_libpq(s); }));
  }
  std::printf("corpus: %zu strings (best of %d alternating rounds)\n", strings.size(), rounds);
  if (only != "libpq") std::printf("crdb_connect::parse : %.3f us/string\n", ours);
  if (only != "ours") std::printf("libpq PQconninfoParse: %.3f us/string\n", libpq);
  if (only.empty()) std::printf("ratio (ours / libpq): %.2f\n", ours / libpq);
  return sink == 0 ? 1 : 0;
}
