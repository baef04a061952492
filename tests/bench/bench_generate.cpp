// Benchmark, not a test: time per generate() call as every field grows, to
// show the cost stays linear in the input size up to and past the limits
// (4 KiB per field, 64 KiB in all). Prints one row per size:
//   bytes-per-field  total-bytes  microseconds-per-call  nanoseconds-per-input-byte
//
//   crdb-connect-bench [--calls N]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "crdb_connect/generate.hpp"
#include "crdb_connect/json.hpp"

namespace {

// A value that exercises every escaper: quotes, backslashes, '#', '$', '%',
// non-ASCII and astral characters, repeated to `bytes` (whole characters only).
std::string filler(std::size_t bytes) {
  static const std::string kUnit = "a\"b\\c#{d}$e%f'g é😀 ";
  std::string out;
  while (out.size() + kUnit.size() <= bytes) out += kUnit;
  while (out.size() < bytes) out += 'x';
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  int calls = 200;
  if (argc == 3 && std::string(argv[1]) == "--calls") calls = std::atoi(argv[2]);
  std::printf("%10s %10s %14s %14s\n", "field_B", "total_B", "us_per_call", "ns_per_byte");
  std::size_t sink = 0;
  for (std::size_t field = 64; field <= 16384; field *= 2) {
    crdb_connect::ConnectionParams p;
    p.deployment = "self-hosted";
    p.username = filler(field);
    p.password = filler(field);
    p.host = "localhost";
    p.database = filler(field);
    p.root_cert = "/certs/" + filler(field);
    p.client_cert = "/certs/" + filler(field);
    p.client_key = "/certs/" + filler(field);
    const std::size_t total = p.deployment.size() + p.username.size() + p.password.size() + p.host.size() +
                              p.database.size() + p.root_cert.size() + p.client_cert.size() + p.client_key.size();
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < calls; ++i) sink += crdb_connect::to_json(crdb_connect::generate(p)).size();
    const double us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count() / calls;
    std::printf("%10zu %10zu %14.1f %14.2f\n", field, total, us, us * 1000.0 / static_cast<double>(total));
  }
  return sink == 0;  // keeps the calls from being optimised away
}
