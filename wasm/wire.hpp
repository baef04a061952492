// How parameters and lists cross from JS into both wasm modules.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
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

// A buffer in the wasm heap that JS writes an input into with
// TextEncoder.encodeInto, instead of passing an Embind std::string (a JS loop
// encoding it into a fresh allocation on every call). It keeps its size
// between calls.
class InputBuffer {
 public:
  // Makes the buffer hold at least `capacity` bytes and returns its address,
  // valid until the next call of this function.
  std::uint32_t reserve(std::uint32_t capacity) {
    if (bytes_.size() < capacity) bytes_.resize(capacity);
    return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(bytes_.data()));
  }
  // The first `length` bytes JS wrote (never more than the buffer holds).
  std::string_view written(std::uint32_t length) const { return all().substr(0, length); }
  std::string_view all() const { return bytes_; }

 private:
  std::string bytes_;
};

// generate()'s parameters as JS writes them into one buffer in the wasm heap
// (see writeParams in wasm/index.js): `items` uint32 lengths, then the items'
// text as UTF-8, written by TextEncoder.encodeInto in one call. The items are
// ConnectionParams' string fields in kParamFields' order, then the driver ids.
// A length counts UTF-16 code units (JS's string length), so JS need not know
// UTF-8 byte lengths; the text is well-formed (JS replaced lone surrogates).
// This spares Embind's conversion of 13 strings, a JS loop per character and
// an allocation each, on every call.
inline constexpr std::array<std::string ConnectionParams::*, 13> kParamFields{
    &ConnectionParams::deployment, &ConnectionParams::username,  &ConnectionParams::password,
    &ConnectionParams::host,       &ConnectionParams::port,      &ConnectionParams::database,
    &ConnectionParams::routing_id, &ConnectionParams::root_cert, &ConnectionParams::client_cert,
    &ConnectionParams::client_key, &ConnectionParams::os,        &ConnectionParams::shell,
    &ConnectionParams::cluster_id,
};

// The next `units` UTF-16 code units of well-formed UTF-8 `text` from `pos`.
inline std::string_view take_utf16_units(std::string_view text, std::size_t& pos, std::uint32_t units) {
  const std::size_t start = pos;
  while (units > 0 && pos < text.size()) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    const std::size_t bytes = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    units -= bytes == 4 && units >= 2 ? 2 : 1;  // a 4-byte character is a surrogate pair
    pos += bytes;
  }
  if (pos > text.size()) pos = text.size();
  return text.substr(start, pos - start);
}

// The text part of the buffer described above, cut to what `buffer` holds.
inline std::string_view params_text(std::string_view buffer, std::uint32_t items, std::uint32_t text_bytes) {
  if (items > buffer.size() / 4) items = static_cast<std::uint32_t>(buffer.size() / 4);
  return buffer.substr(4 * std::size_t{items}, text_bytes);
}

// Reads the buffer described above: `items` lengths, then `text_bytes` of
// text, both cut to what `buffer` holds.
inline void read_params(std::string_view buffer, std::uint32_t items, std::uint32_t text_bytes,
                        ConnectionParams& params, GenerateOptions& options) {
  if (items > buffer.size() / 4) items = static_cast<std::uint32_t>(buffer.size() / 4);
  const std::string_view text = params_text(buffer, items, text_bytes);
  std::size_t pos = 0;
  for (std::uint32_t i = 0; i < items; ++i) {
    std::uint32_t units;
    std::memcpy(&units, buffer.data() + 4 * std::size_t{i}, 4);
    const std::string_view item = take_utf16_units(text, pos, units);
    if (i < kParamFields.size()) {
      params.*kParamFields[i] = item;
    } else {
      options.drivers.emplace_back(item);
    }
  }
}

}  // namespace crdb_connect::wasm
