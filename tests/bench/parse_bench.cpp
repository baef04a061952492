// Benchmark (not a test): parse a 20,000-string corpus with crdb_connect::parse
// and with libpq's PQconninfoParse, and print microseconds per string and the
// ratio. The corpus mixes URIs and keyword/value strings that both read.
#include <libpq-fe.h>

#include <chrono>
#include <cstdio>
#include <random>
#include <string>
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

template <typename F>
double micros_per_string(const std::vector<std::string>& strings, int rounds, F parse_one) {
  double best = 1e18;
  for (int r = 0; r < rounds; ++r) {
    const auto start = std::chrono::steady_clock::now();
    for (const auto& s : strings) parse_one(s);
    const std::chrono::duration<double, std::micro> took = std::chrono::steady_clock::now() - start;
    best = std::min(best, took.count() / static_cast<double>(strings.size()));
  }
  return best;
}

}  // namespace

int main() {
  const auto strings = corpus(20000);
  std::size_t sink = 0;
  const double ours = micros_per_string(strings, 5, [&](const std::string& s) {
    sink += crdb_connect::parse(s).params.host.size();
  });
  const double libpq = micros_per_string(strings, 5, [&](const std::string& s) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(s.c_str(), &error);
    sink += options != nullptr;
    if (options) PQconninfoFree(options);
    if (error) PQfreemem(error);
  });
  std::printf("corpus: %zu strings (best of 5 rounds)\n", strings.size());
  std::printf("crdb_connect::parse : %.3f us/string\n", ours);
  std::printf("libpq PQconninfoParse: %.3f us/string\n", libpq);
  std::printf("ratio (ours / libpq): %.2f\n", ours / libpq);
  return sink == 0 ? 1 : 0;
}
