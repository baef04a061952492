// libFuzzer target: arbitrary bytes through parse() and its JSON writer.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "crdb_connect/parse.hpp"
#include "invariants.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto result = crdb_connect::parse(std::string_view(reinterpret_cast<const char*>(data), size));
  const std::string json = crdb_connect::to_json(result);
  if (!crdb_connect::fuzz::is_utf8(json)) crdb_connect::fuzz::violated("parse to_json produced invalid UTF-8");
  if (!crdb_connect::fuzz::is_json(json)) crdb_connect::fuzz::violated("parse to_json produced text that is not JSON");
  for (const auto& d : result.diagnostics) {
    if (d.offset > static_cast<long>(size) || d.offset + d.length > static_cast<long>(size) || d.length < 0) {
      crdb_connect::fuzz::violated("a parse diagnostic points outside the input");
    }
  }
  return 0;
}
