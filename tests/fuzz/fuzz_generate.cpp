// libFuzzer target: arbitrary parameters for every deployment and any driver
// selection through generate() and the JSON writer. Built with
// -fsanitize=fuzzer,address,undefined (CRDB_CONNECT_BUILD_FUZZERS).
#include <cstddef>
#include <cstdint>

#include "crdb_connect/generate.hpp"
#include "crdb_connect/json.hpp"
#include "generate_input.hpp"
#include "invariants.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto input = crdb_connect::fuzz::decode_generate_input(data, size);
  const auto result = crdb_connect::generate(input.params, input.options);
  if (const char* what = crdb_connect::fuzz::check_result(result, crdb_connect::to_json(result))) {
    crdb_connect::fuzz::violated(what);
  }
  return 0;
}
