// How fuzz_generate reads its input, shared with the regression test that
// replays the corpus and every crash found:
//   byte 0       deployment: 0 serverless, 1 dedicated, 2 self-hosted, else the first field is the deployment
//   bytes 1-2    driver selection, a little-endian 16-bit value s:
//                  0xFFFF        all 13 (no --driver option)
//                  0xE000 bits   set: bits 0-12 are a mask over driver_table()
//                  otherwise     the single driver s % 13, plus an unknown driver id when bit 12 is set
//                Most inputs select one driver: a call for all 13 costs 13 times as much, and the
//                fuzzer finds more per second when each execution is cheap.
//   the rest     fields in ConnectionParams order (username, password, host, port, database,
//                routing_id, root_cert, client_cert, client_key), separated by 0xFF, a byte
//                that never occurs in UTF-8 so every other byte, NUL included, stays fuzzable.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "crdb_connect/drivers.hpp"
#include "crdb_connect/types.hpp"

namespace crdb_connect::fuzz {

struct GenerateInput {
  ConnectionParams params;
  GenerateOptions options;
};

inline GenerateInput decode_generate_input(const std::uint8_t* data, std::size_t size) {
  GenerateInput input;
  if (size < 3) return input;
  const std::uint8_t deployment = data[0];
  const unsigned mask = data[1] | (data[2] << 8);
  std::string_view rest(reinterpret_cast<const char*>(data + 3), size - 3);

  std::string* fields[] = {&input.params.username,   &input.params.password,   &input.params.host,
                           &input.params.port,       &input.params.database,   &input.params.routing_id,
                           &input.params.root_cert,  &input.params.client_cert, &input.params.client_key};
  std::size_t next = 0;
  if (deployment > 2) {
    const std::size_t end = rest.find('\xff');
    input.params.deployment = std::string(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  } else {
    static constexpr const char* kDeployments[] = {"serverless", "dedicated", "self-hosted"};
    input.params.deployment = kDeployments[deployment];
  }
  while (!rest.empty() && next < std::size(fields)) {
    const std::size_t end = rest.find('\xff');
    *fields[next++] = std::string(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  }
  const auto& table = driver_table();
  if (mask == 0xFFFFu) return input;
  if ((mask & 0xE000u) == 0xE000u) {
    for (std::size_t i = 0; i < table.size(); ++i) {
      if (mask & (1u << i)) input.options.drivers.emplace_back(table[i].id);
    }
    return input;
  }
  input.options.drivers.emplace_back(table[mask % table.size()].id);
  // An unknown driver id (whatever the port field holds) must be reported, not crash.
  if (mask & 0x1000u) input.options.drivers.emplace_back(input.params.port);
  return input;
}

}  // namespace crdb_connect::fuzz
