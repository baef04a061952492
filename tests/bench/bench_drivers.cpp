// Benchmark, not a test: generate() and to_json() for all 13 drivers with the
// Serverless golden inputs, the call `npm run bench` times in wasm. Prints the
// median microseconds per call of each. Under valgrind --tool=callgrind, run
// with --calls 100 for instruction counts that a noisy machine cannot skew.
//
//   crdb-connect-bench-drivers [--calls N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "crdb_connect/generate.hpp"
#include "crdb_connect/json.hpp"

namespace {

template <typename F>
double median_us(int calls, F&& fn) {
  std::vector<double> times(static_cast<std::size_t>(calls));
  for (auto& t : times) {
    const auto start = std::chrono::steady_clock::now();
    fn();
    t = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  int calls = 20000;
  if (argc == 3 && std::string(argv[1]) == "--calls") calls = std::max(1, std::atoi(argv[2]));
  crdb_connect::ConnectionParams p;  // tests/golden/serverless/*.json params
  p.deployment = "serverless";
  p.username = "maxroach";
  p.password = "Vd8t-2Wq_Lc9";
  p.host = "free-tier.gcp-us-central1.cockroachlabs.cloud";
  p.database = "defaultdb";
  p.routing_id = "funky-skunk-123";
  std::size_t sink = 0;
  const crdb_connect::GenerateResult result = crdb_connect::generate(p);
  const double gen = median_us(calls, [&] { sink += crdb_connect::generate(p).outputs.size(); });
  const double json = median_us(calls, [&] { sink += crdb_connect::to_json(result).size(); });
  std::printf("generate() 13 drivers  median %8.2f us\nto_json() 13 drivers   median %8.2f us\n", gen, json);
  return sink == 0;  // keeps the calls from being optimised away
}
