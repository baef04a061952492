#include "crdb_connect/escape.hpp"

#include <array>

#include "strings.hpp"
#include "utf8.hpp"

namespace crdb_connect::escape {
namespace {

// RFC 3986 unreserved characters, as a table: it is consulted for every byte
// of every URL component, and a lookup stays one load even in the size-optimised
// wasm build, where a chain of comparisons becomes a call.
constexpr auto kUnreserved = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c) {
    table[c] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
               c == '.' || c == '_' || c == '~';
  }
  return table;
}();

bool is_unreserved(unsigned char c) { return kUnreserved[c]; }

bool keeps(unsigned char c, bool keep_slash) { return is_unreserved(c) || (keep_slash && c == '/'); }

std::string percent_encode(std::string_view value, bool keep_slash) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(value.size() * 3 / 2);
  std::size_t pos = 0;
  while (pos < value.size()) {
    std::size_t run = pos;  // bytes kept as they are, copied a run at a time
    while (run < value.size() && keeps(static_cast<unsigned char>(value[run]), keep_slash)) ++run;
    out.append(value.data() + pos, run - pos);
    if (run == value.size()) break;
    const auto c = static_cast<unsigned char>(value[run]);
    const char escaped[3] = {'%', kHex[c >> 4], kHex[c & 0xF]};
    out.append(escaped, 3);
    pos = run + 1;
  }
  return out;
}

// Walks code points, letting `escape_one` append an escape (returning true) or
// leave the character to be copied as UTF-8. Every literal below escapes the
// same ASCII: the controls, DEL, the backslash, its quote and (Ruby) one more
// character, `also_escaped`. Any other ASCII byte is plain and is copied with
// its run, so escape_one sees only the bytes that need it and non-ASCII code
// points.
template <typename EscapeOne>
std::string quoted(std::string_view value, char quote, EscapeOne escape_one, char also_escaped = '\\') {
  const auto is_plain = [&](unsigned char byte) {
    return byte >= 0x20 && byte < 0x7F && byte != '\\' && byte != static_cast<unsigned char>(quote) &&
           byte != static_cast<unsigned char>(also_escaped);
  };
  std::string out;
  out.reserve(value.size() + 8);
  out += quote;
  std::size_t plain = 0;  // start of the plain bytes not yet copied
  std::size_t pos = 0;
  while (pos < value.size()) {
    const auto byte = static_cast<unsigned char>(value[pos]);
    if (is_plain(byte)) {
      ++pos;
      continue;
    }
    out.append(value.data() + plain, pos - plain);
    char32_t cp = byte;  // an ASCII byte is its own code point
    if (byte < 0x80) ++pos; else cp = utf8::next(value, pos);
    if (!escape_one(out, cp)) utf8::append(out, cp);
    plain = pos;
  }
  out.append(value.data() + plain, value.size() - plain);
  out += quote;
  return out;
}

bool is_line_separator(char32_t cp) { return cp == 0x2028 || cp == 0x2029 || cp == 0x85; }

// ASCII that XML text and attribute values carry as it is.
bool is_plain_xml(unsigned char c) {
  return c < 0x80 && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'' && c != '\t' && c != '\n' &&
         c != '\r';
}

// The escapes every C-family literal shares: the quote, the backslash and the
// three common line and tab controls.
bool common_escape(std::string& out, char32_t cp, char quote) {
  switch (cp) {
    case '\\': out += "\\\\"; return true;
    case '\n': out += "\\n"; return true;
    case '\r': out += "\\r"; return true;
    case '\t': out += "\\t"; return true;
    default: break;
  }
  if (cp == static_cast<unsigned char>(quote)) {
    out += '\\';
    out += quote;
    return true;
  }
  return false;
}

}  // namespace

std::string url_component(std::string_view value) { return percent_encode(value, false); }
bool url_component_unchanged(std::string_view value) {
  for (const char c : value) {
    if (!is_unreserved(static_cast<unsigned char>(c))) return false;
  }
  return true;
}
std::string url_query_path(std::string_view value) { return percent_encode(value, true); }

std::string javascript_string(std::string_view value) {
  return quoted(value, '"', [](std::string& out, char32_t cp) {
    if (common_escape(out, cp, '"')) return true;
    // U+2028/2029 end a line in older engines; controls are unreadable.
    if (cp < 0x20 || cp == 0x7F || is_line_separator(cp) || (cp >= 0x80 && cp <= 0x9F)) {
      out += "\\u";
      strings::append_digits(out, static_cast<unsigned>(cp), 16, 4, true);
      return true;
    }
    return false;
  });
}

std::string python_string(std::string_view value) {
  return quoted(value, '\'', [](std::string& out, char32_t cp) {
    if (common_escape(out, cp, '\'')) return true;
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
      out += "\\x";
      strings::append_digits(out, static_cast<unsigned>(cp), 16, 2, false);
      return true;
    }
    if (is_line_separator(cp) || cp == 0xFEFF) {
      out += "\\u";
      strings::append_digits(out, static_cast<unsigned>(cp), 16, 4, false);
      return true;
    }
    return false;
  });
}

std::string go_string(std::string_view value) {
  return quoted(value, '"', [](std::string& out, char32_t cp) {
    if (common_escape(out, cp, '"')) return true;
    if (cp < 0x20 || cp == 0x7F) {
      out += "\\x";
      strings::append_digits(out, static_cast<unsigned>(cp), 16, 2, false);
      return true;
    }
    if ((cp >= 0x80 && cp <= 0x9F) || is_line_separator(cp) || cp == 0xFEFF) {
      out += "\\u";
      strings::append_digits(out, static_cast<unsigned>(cp), 16, 4, false);
      return true;
    }
    return false;
  });
}

std::string java_string(std::string_view value) {
  // javac turns \uXXXX into characters before it reads literals, so a control
  // written as \u000a would end the literal. Controls use octal escapes; other
  // non-ASCII characters use \uXXXX (safe: none of them is '"' or '\\'), which
  // keeps the source ASCII and independent of javac's -encoding.
  return quoted(value, '"', [](std::string& out, char32_t cp) {
    if (common_escape(out, cp, '"')) return true;
    if (cp < 0x20 || cp == 0x7F) {
      out += "\\";
      strings::append_digits(out, static_cast<unsigned>(cp), 8, 3, false);
      return true;
    }
    if (cp >= 0x80 && cp <= 0xFFFF) {
      out += "\\u";
      strings::append_digits(out, static_cast<unsigned>(cp), 16, 4, false);
      return true;
    }
    if (cp > 0xFFFF) {
      const char32_t v = cp - 0x10000;
      out += "\\u";
      strings::append_hex(out, 0xD800 + (v >> 10), 4, false);
      out += "\\u";
      strings::append_hex(out, 0xDC00 + (v & 0x3FF), 4, false);
      return true;
    }
    return false;
  });
}

std::string ruby_string(std::string_view value) {
  const auto escape_one = [](std::string& out, char32_t cp) {
    if (common_escape(out, cp, '"')) return true;
    if (cp == '#') {  // stops #{...}, #@var and #$var interpolation
      out += "\\#";
      return true;
    }
    if (cp < 0x20 || cp == 0x7F) {
      out += "\\x";
      strings::append_digits(out, static_cast<unsigned>(cp), 16, 2, true);
      return true;
    }
    if ((cp >= 0x80 && cp <= 0x9F) || is_line_separator(cp) || cp == 0xFEFF) {
      out += "\\u";
      strings::append_digits(out, static_cast<unsigned>(cp), 16, 4, true);
      return true;
    }
    return false;
  };
  return quoted(value, '"', escape_one, '#');
}

std::string yaml_string(std::string_view value) {
  return quoted(value, '"', [](std::string& out, char32_t cp) {
    if (common_escape(out, cp, '"')) return true;
    switch (cp) {
      case 0x85: out += "\\N"; return true;
      case 0x2028: out += "\\L"; return true;
      case 0x2029: out += "\\P"; return true;
      default: break;
    }
    // YAML allows only printable characters in a document.
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
      out += "\\x";
      strings::append_digits(out, static_cast<unsigned>(cp), 16, 2, true);
      return true;
    }
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF || cp == 0xFEFF) {
      out += "\\u";
      strings::append_digits(out, static_cast<unsigned>(cp), 16, 4, true);
      return true;
    }
    return false;
  });
}

std::string xml_text(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  std::size_t pos = 0;
  while (pos < value.size()) {
    // Plain ASCII is copied a run at a time; the rest one code point at a time.
    const std::size_t run = pos;
    while (pos < value.size() && is_plain_xml(static_cast<unsigned char>(value[pos]))) ++pos;
    out.append(value.data() + run, pos - run);
    if (pos == value.size()) break;
    const char32_t cp = utf8::next(value, pos);
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\t': out += "&#9;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      default: utf8::append(out, cp); break;
    }
  }
  return out;
}

bool xml_can_carry(std::string_view value) {
  std::size_t pos = 0;
  while (pos < value.size()) {
    const std::size_t start = pos;
    const char32_t cp = utf8::next(value, pos);
    if (cp == utf8::kReplacement && pos - start != 3) return false;
    if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') return false;
    if (cp == 0xFFFE || cp == 0xFFFF) return false;
  }
  return true;
}

std::string posix_shell(std::string_view value) {
  std::string out;
  out.reserve(value.size() + 8);
  out += '\'';
  std::size_t pos = 0;
  for (std::size_t quote; (quote = value.find('\'', pos)) != std::string_view::npos; pos = quote + 1) {
    out.append(value.data() + pos, quote - pos);
    out += "'\\''";
  }
  out.append(value.data() + pos, value.size() - pos);
  out += '\'';
  return out;
}

std::string fish_shell(std::string_view value) {
  std::string out;
  out.reserve(value.size() + 8);
  out += '\'';
  for (const char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  out += '\'';
  return out;
}

std::string powershell(std::string_view value) {
  // PowerShell ends a single-quoted string at ' and at U+2018..U+201B too.
  std::string out;
  out.reserve(value.size() + 8);
  out += '\'';
  std::size_t pos = 0;
  while (pos < value.size()) {
    const auto byte = static_cast<unsigned char>(value[pos]);
    if (byte < 0x80) {  // ASCII is its own code point
      ++pos;
      if (byte == '\'') out += '\'';
      out += static_cast<char>(byte);
      continue;
    }
    const char32_t cp = utf8::next(value, pos);
    if (cp >= 0x2018 && cp <= 0x201B) utf8::append(out, cp);
    utf8::append(out, cp);
  }
  out += '\'';
  return out;
}

bool cmd_can_carry(std::string_view value) {
  for (const char c : value) {
    if (c == '%' || c == '!' || c == '"' || static_cast<unsigned char>(c) < 0x20) return false;
  }
  return true;
}

std::string dotenv(std::string_view value) {
  std::string out;
  out.reserve(value.size() + 2);
  out += '\'';
  out += value;
  out += '\'';
  return out;
}

bool dotenv_can_carry(std::string_view value) {
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c == '\'' || static_cast<unsigned char>(c) < 0x20) return false;
    if (c == '\\' && (i + 1 == value.size() || value[i + 1] == '\\' || value[i + 1] == '\'')) return false;
  }
  return true;
}

std::string libpq_keyword_value(std::string_view value) {
  bool needs_quotes = value.empty();
  for (const char c : value) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == '\'' ||
        c == '\\' || c == '=') {
      needs_quotes = true;
      break;
    }
  }
  if (!needs_quotes) return std::string(value);
  std::string out = "'";
  for (const char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  out += '\'';
  return out;
}

}  // namespace crdb_connect::escape
