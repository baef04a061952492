// How lists cross from JS into both wasm modules.
#pragma once

#include <string>
#include <vector>

#include "crdb_connect/generate.hpp"

namespace crdb_connect::wasm {

// Lists (driver ids, CLI arguments) arrive as one string, each item followed
// by a NUL: an item cannot be split wrongly by a separator it contains, and
// [""] stays distinct from []. JS rejects items that contain a NUL.
inline std::vector<std::string> split_nul_terminated(const std::string& items) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t end; (end = items.find('\0', start)) != std::string::npos; start = end + 1) {
    out.emplace_back(items, start, end - start);
  }
  return out;
}

inline GenerateOptions options_from(const std::string& nul_terminated_ids) {
  GenerateOptions options;
  options.drivers = split_nul_terminated(nul_terminated_ids);
  return options;
}

}  // namespace crdb_connect::wasm
