// Building strings without fmt's run-time formatter. Internal.
//
// Most of the core's strings are literals and values joined end to end. fmt's
// format strings are parsed at run time, and the type-erased formatter behind
// them is a large share of the wasm; `cat` sizes the result once and copies.
#pragma once

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

namespace crdb_connect::strings {

// The parts, joined, in one allocation.
inline std::string join(std::initializer_list<std::string_view> parts) {
  std::size_t size = 0;
  for (const std::string_view part : parts) size += part.size();
  std::string out;
  out.reserve(size);
  // append(data, size), not += part: at -Oz the string_view overload of +=
  // stays a call of its own around the same append (2% of generate()).
  for (const std::string_view part : parts) out.append(part.data(), part.size());
  return out;
}

// A part of cat(): a string literal's length is its array's size less the NUL,
// known at compile time. Made into a string_view the usual way, each literal
// cost a strlen() at run time in the size-optimised wasm build (which does not
// inline the constructor, so cannot fold the constant): 7% of generate().
// Only literals reach the array overload: the core passes no char buffers.
template <std::size_t N>
[[gnu::always_inline]] constexpr std::string_view part(const char (&literal)[N]) {
  return {literal, N - 1};
}
[[gnu::always_inline]] inline std::string_view part(std::string_view value) { return value; }

// The arguments (literals, strings, string_views), joined in one allocation.
template <typename... Parts>
[[gnu::always_inline]] inline std::string cat(const Parts&... parts) {
  return join({part(parts)...});
}

// Appends `value` in base 8 or 16 with at least `digits` digits, as fmt's
// {:0Nx} / {:0NX} / {:0No} would.
inline void append_digits(std::string& out, unsigned value, unsigned base, int digits, bool upper = false) {
  const char* symbols = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  char buffer[16];
  int n = 0;
  do {
    buffer[n++] = symbols[value % base];
    value /= base;
  } while (value != 0);
  while (n < digits) buffer[n++] = '0';
  while (n > 0) out += buffer[--n];
}

inline void append_hex(std::string& out, unsigned value, int digits, bool upper) {
  append_digits(out, value, 16, digits, upper);
}

// Decimal, as fmt's {} prints an integer. A plain loop: std::to_chars was
// 0.8 KB of the size-bound generate module for a few lengths in messages.
inline void append_number(std::string& out, long value) {
  char buffer[24];
  int n = 0;
  unsigned long magnitude = value < 0 ? 0UL - static_cast<unsigned long>(value) : static_cast<unsigned long>(value);
  do {
    buffer[n++] = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  if (value < 0) out += '-';
  while (n > 0) out += buffer[--n];
}

inline std::string number(long value) {
  std::string out;
  append_number(out, value);
  return out;
}

}  // namespace crdb_connect::strings
