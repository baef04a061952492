// Random strings aimed at string-literal escapers: every plane of Unicode,
// controls, quotes, backslashes, and the sequences that open interpolation or
// end a literal or comment in some language.
#pragma once

#include <cstdint>
#include <random>
#include <string>

namespace crdb_connect::roundtrip {

class RandomStrings {
 public:
  explicit RandomStrings(std::uint64_t seed) : rng_(seed) {}

  // Valid UTF-8 of 0 to `max_code_points` code points (tokens count as one).
  std::string next(int max_code_points = 24);

 private:
  char32_t code_point();
  std::uint32_t below(std::uint32_t n) { return std::uniform_int_distribution<std::uint32_t>(0, n - 1)(rng_); }

  std::mt19937_64 rng_;
};

}  // namespace crdb_connect::roundtrip
