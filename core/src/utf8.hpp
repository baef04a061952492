// Minimal UTF-8 decoding used by the escapers and validators. Internal.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace crdb_connect::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes one code point at `pos` and advances `pos`. Malformed sequences
// (overlong, surrogates, > U+10FFFF, truncated) yield kReplacement and
// advance by one byte, so a caller can never loop forever or read past the end.
char32_t next(std::string_view text, std::size_t& pos);

bool is_valid(std::string_view text);

void append(std::string& out, char32_t code_point);

// Number of code points (malformed bytes count one each).
std::size_t length(std::string_view text);

}  // namespace crdb_connect::utf8
