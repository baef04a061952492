// A GenerateResult or ParseResult flattened for one cheap crossing into JS:
// every string goes, in a fixed order, into one UTF-8 buffer that JS decodes
// once, and every count, flag and string length (in UTF-16 code units, so JS
// can slice the decoded text directly) goes into one uint32 array. Building JSON and
// JSON.parse-ing it costs several times more; see README "Size and speed".
//
// The order is the order of the fields in the core's to_json, and wasm/index.js
// reads it back field by field; the tests compare the two on every golden case.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "crdb_connect/drivers.hpp"
#include "crdb_connect/parse.hpp"
#include "crdb_connect/types.hpp"

namespace crdb_connect::wasm {

// An output's first number: the row of the driver table whose fields it
// shows, or this, followed by those fields as strings (see Tape::output).
inline constexpr std::uint32_t kNoDriverRow = 0xFFFFFFFF;

// A Text's first number (an output's notes): the address of the core's
// constant it is, then its length in bytes (JS decodes a constant the first
// time it sees its address and keeps it: static text never moves or changes),
// or this, followed by the text as a string. Address 0 never holds static data.
inline constexpr std::uint32_t kBuiltText = 0;

// What JS reads from the wasm heap: where the two arrays are and how long.
struct TapeView {
  std::uint32_t ints;    // address of the uint32 array
  std::uint32_t n_ints;
  std::uint32_t chars;   // address of the UTF-8 buffer
  std::uint32_t n_chars;
  std::uint32_t ascii;   // 1: every byte of the buffer is ASCII (JS may decode it as Latin-1)
};

class Tape {
 public:
  // Replaces the tape's contents with `result`. The buffers keep their
  // capacity between calls, so repeated calls do not allocate once warm.
  const TapeView& write(const GenerateResult& result);
  // The same, given all the text generate() was called with (parameters and
  // driver ids). The core's own text is ASCII (tests/core/tape_test.cpp checks
  // that ASCII input gives an ASCII result), so when the input is ASCII the
  // result is written without reading its whole text again to find out
  // (~1 us of a 13-driver call).
  const TapeView& write(const GenerateResult& result, std::string_view input_text);
  // The same for parse(): the fields of to_json(ParseResult), in its order.
  const TapeView& write(const ParseResult& result);
  // The driver table: the fields of drivers_json(), in its order.
  const TapeView& write(const std::array<DriverInfo, kDriverCount>& drivers);
  // ConnectionParams: its strings in wasm/wire.hpp's kParamFields order, then
  // jdbc_pk8_key.
  const TapeView& write(const ConnectionParams& params);

  // What the last write() produced, for native tests (TapeView's addresses
  // are 32-bit, as in wasm).
  const std::vector<std::uint32_t>& ints() const { return ints_; }
  std::string_view chars() const { return chars_; }
  bool ascii() const { return view_.ascii == 1; }

 private:
  // Writes `result` with write_fields, first assuming every string is ASCII;
  // if one is not, writes it again with text() counting UTF-16 units.
  template <typename Result>
  const TapeView& write_all(const Result& result, void (Tape::*write_fields)(const Result&),
                            bool known_ascii = false);
  void generate_fields(const GenerateResult& result);
  void parse_fields(const ParseResult& result);
  void driver_fields(const std::array<DriverInfo, kDriverCount>& drivers);
  void param_fields(const ConnectionParams& params);

  void number(std::uint32_t value) { ints_.push_back(value); }
  void text(std::string_view value);
  void texts(std::initializer_list<std::string_view> values);
  // Every list on the tape is its count, then its items.
  template <typename Item, typename WriteItem>
  void list(const std::vector<Item>& items, WriteItem write_item) {
    number(static_cast<std::uint32_t>(items.size()));
    for (const Item& item : items) write_item(item);
  }
  void strings(const std::vector<std::string>& values);
  void text_or_constant(const Text& value);
  void diagnostics(const std::vector<Diagnostic>& items);
  void setup(const std::vector<SetupStep>& steps);
  void output(const Output& o);
  const TapeView& finish();

  std::vector<std::uint32_t> ints_;
  std::string chars_;
  // While false, text() copies bytes as they are and records the byte count,
  // which is the UTF-16 length as long as every string is ASCII (nearly every
  // result: the core's texts are ASCII, and so are most users' values).
  bool careful_ = false;
  TapeView view_{};
};

}  // namespace crdb_connect::wasm
