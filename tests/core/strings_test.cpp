// strings.hpp's number formatting, against the standard library's.
#include <catch2/catch.hpp>

#include <climits>
#include <string>

#include "strings.hpp"

TEST_CASE("strings::number prints a long as std::to_string does") {
  for (const long value : {0L, 7L, 10L, 4096L, 65536L, -1L, -5L, -4096L, LONG_MAX, LONG_MIN}) {
    CHECK(crdb_connect::strings::number(value) == std::to_string(value));
  }
  std::string out = "at ";
  crdb_connect::strings::append_number(out, 12);
  CHECK(out == "at 12");
}
