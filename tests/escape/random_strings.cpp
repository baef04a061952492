#include "random_strings.hpp"

#include <array>
#include <string_view>

#include "utf8.hpp"

namespace crdb_connect::roundtrip {
namespace {

// Sequences with a meaning in at least one snippet language or format.
constexpr std::array<std::string_view, 30> kTokens{
    "\"", "'", "\\", "`", "${", "#{", "#@", "#$", "\"\"\"", "'''", "*/", "/*", "//", "\\u0022", "\\u000a",
    "\\x41", "\\N", "%s", "{}", "<%= 1 %>", "]]>", "<![CDATA[", "</property>", "&amp;", "&#0;", "\r\n",
    "\n", "\t", "---", ": ",
};

}  // namespace

char32_t RandomStrings::code_point() {
  static constexpr char32_t kSpecial[] = {0x2028, 0x2029, 0x85, 0xFEFF, 0xFFFE, 0xFFFF, 0xFFFD, 0xA0, 0x200B,
                                          0x202E, 0xD7FF, 0xE000, 0x10FFFF, 0x1F600, 0x7F, 0};
  const std::uint32_t kind = below(100);
  if (kind < 35) return 0x20 + below(0x5F);                  // printable ASCII
  if (kind < 45) return below(0x20);                         // C0 controls, NUL included
  if (kind < 50) return 0x7F + below(0x21);                  // DEL and C1 controls
  if (kind < 58) return kSpecial[below(std::size(kSpecial))];
  if (kind < 78) {                                           // anywhere in the BMP but surrogates
    const char32_t cp = 0xA0 + below(0x10000 - 0xA0 - 0x800);
    return cp >= 0xD800 ? cp + 0x800 : cp;
  }
  return 0x10000 + below(0x100000);                          // astral planes, noncharacters included
}

std::string RandomStrings::next(int max_code_points) {
  std::string out;
  const std::uint32_t count = below(static_cast<std::uint32_t>(max_code_points) + 1);
  for (std::uint32_t i = 0; i < count; ++i) {
    if (below(100) < 25) {
      out += kTokens[below(kTokens.size())];
    } else {
      utf8::append(out, code_point());
    }
  }
  return out;
}

}  // namespace crdb_connect::roundtrip
