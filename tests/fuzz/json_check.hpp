// A strict JSON syntax check (RFC 8259) for the fuzz invariants: every byte
// the core prints as JSON must parse, whatever the input was.
#pragma once

#include <cstddef>
#include <string_view>

// The checks scan every byte of every result; libFuzzer gains nothing from
// their coverage, and instrumenting them took a third of each execution.
#if defined(__clang__)
#define CRDB_FUZZ_UNINSTRUMENTED __attribute__((no_sanitize("coverage")))
#else
#define CRDB_FUZZ_UNINSTRUMENTED
#endif

namespace crdb_connect::fuzz {

class JsonCheck {
 public:
  explicit JsonCheck(std::string_view text) : s_(text) {}

  CRDB_FUZZ_UNINSTRUMENTED bool valid() {
    if (!value(0)) return false;
    space();
    return i_ == s_.size();
  }

 private:
  static constexpr int kMaxDepth = 64;

  CRDB_FUZZ_UNINSTRUMENTED void space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
  }
  CRDB_FUZZ_UNINSTRUMENTED bool eat(char c) {
    space();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  CRDB_FUZZ_UNINSTRUMENTED bool literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }
  CRDB_FUZZ_UNINSTRUMENTED static bool digit(char c) { return c >= '0' && c <= '9'; }
  CRDB_FUZZ_UNINSTRUMENTED bool number() {
    const std::size_t start = i_;
    if (i_ < s_.size() && s_[i_] == '-') ++i_;
    if (i_ >= s_.size() || !digit(s_[i_])) return false;
    if (s_[i_] == '0') ++i_;
    else while (i_ < s_.size() && digit(s_[i_])) ++i_;
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      if (i_ >= s_.size() || !digit(s_[i_])) return false;
      while (i_ < s_.size() && digit(s_[i_])) ++i_;
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (i_ >= s_.size() || !digit(s_[i_])) return false;
      while (i_ < s_.size() && digit(s_[i_])) ++i_;
    }
    return i_ > start;
  }
  CRDB_FUZZ_UNINSTRUMENTED bool string() {
    if (!eat('"')) return false;
    while (i_ < s_.size()) {
      const auto c = static_cast<unsigned char>(s_[i_++]);
      if (c == '"') return true;
      if (c < 0x20) return false;
      if (c != '\\') continue;
      if (i_ >= s_.size()) return false;
      const char e = s_[i_++];
      if (e == 'u') {
        for (int k = 0; k < 4; ++k, ++i_) {
          if (i_ >= s_.size()) return false;
          const char h = s_[i_];
          if (!digit(h) && !(h >= 'a' && h <= 'f') && !(h >= 'A' && h <= 'F')) return false;
        }
      } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
        return false;
      }
    }
    return false;
  }
  CRDB_FUZZ_UNINSTRUMENTED bool value(int depth) {
    if (depth > kMaxDepth) return false;
    space();
    if (i_ >= s_.size()) return false;
    switch (s_[i_]) {
      case '{':
        ++i_;
        if (eat('}')) return true;
        do {
          if (!string() || !eat(':') || !value(depth + 1)) return false;
        } while (eat(','));
        return eat('}');
      case '[':
        ++i_;
        if (eat(']')) return true;
        do {
          if (!value(depth + 1)) return false;
        } while (eat(','));
        return eat(']');
      case '"': return string();
      case 't': return literal("true");
      case 'f': return literal("false");
      case 'n': return literal("null");
      default: return number();
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

CRDB_FUZZ_UNINSTRUMENTED inline bool is_json(std::string_view text) { return JsonCheck(text).valid(); }

}  // namespace crdb_connect::fuzz
