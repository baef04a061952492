// A small JSON reader for the conformance vectors (one object per JSONL line).
// Numbers keep their text; \uXXXX escapes (with surrogate pairs) become UTF-8.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mini_json {

struct Value {
  enum class Type { null, boolean, number, string, array, object };
  Type type = Type::null;
  bool boolean = false;
  std::string text;  // string value, or a number's text
  std::vector<Value> items;
  std::vector<std::pair<std::string, Value>> members;

  const Value* get(std::string_view key) const {
    for (const auto& [k, v] : members)
      if (k == key) return &v;
    return nullptr;
  }
  bool is_string() const { return type == Type::string; }
};

class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}

  bool read(Value& out) {
    if (!value(out)) return false;
    space();
    return p_ == s_.size();
  }

 private:
  void space() {
    while (p_ < s_.size() && (s_[p_] == ' ' || s_[p_] == '\t' || s_[p_] == '\n' || s_[p_] == '\r')) ++p_;
  }
  bool literal(std::string_view word) {
    if (s_.substr(p_, word.size()) != word) return false;
    p_ += word.size();
    return true;
  }
  bool value(Value& v) {
    space();
    if (p_ >= s_.size()) return false;
    const char c = s_[p_];
    if (c == '{') return object(v);
    if (c == '[') return array(v);
    if (c == '"') {
      v.type = Value::Type::string;
      return string(v.text);
    }
    if (literal("null")) return true;
    if (literal("true") || literal("false")) {
      v.type = Value::Type::boolean;
      v.boolean = s_[p_ - 1] == 'e' && s_[p_ - 2] == 'u';
      return true;
    }
    const std::size_t start = p_;
    while (p_ < s_.size() && (std::string_view("+-.eE0123456789").find(s_[p_]) != std::string_view::npos)) ++p_;
    if (p_ == start) return false;
    v.type = Value::Type::number;
    v.text = std::string(s_.substr(start, p_ - start));
    return true;
  }
  bool object(Value& v) {
    v.type = Value::Type::object;
    ++p_;
    space();
    if (p_ < s_.size() && s_[p_] == '}') return ++p_, true;
    while (true) {
      space();
      std::string key;
      if (p_ >= s_.size() || s_[p_] != '"' || !string(key)) return false;
      space();
      if (p_ >= s_.size() || s_[p_++] != ':') return false;
      Value item;
      if (!value(item)) return false;
      v.members.emplace_back(std::move(key), std::move(item));
      space();
      if (p_ >= s_.size()) return false;
      if (s_[p_] == ',') { ++p_; continue; }
      if (s_[p_] == '}') return ++p_, true;
      return false;
    }
  }
  bool array(Value& v) {
    v.type = Value::Type::array;
    ++p_;
    space();
    if (p_ < s_.size() && s_[p_] == ']') return ++p_, true;
    while (true) {
      Value item;
      if (!value(item)) return false;
      v.items.push_back(std::move(item));
      space();
      if (p_ >= s_.size()) return false;
      if (s_[p_] == ',') { ++p_; continue; }
      if (s_[p_] == ']') return ++p_, true;
      return false;
    }
  }
  bool hex4(unsigned& out) {
    if (p_ + 4 > s_.size()) return false;
    out = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = s_[p_++];
      out <<= 4;
      if (c >= '0' && c <= '9') out |= unsigned(c - '0');
      else if (c >= 'a' && c <= 'f') out |= unsigned(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') out |= unsigned(c - 'A' + 10);
      else return false;
    }
    return true;
  }
  static void utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
      out += char(cp);
    } else if (cp < 0x800) {
      out += char(0xC0 | (cp >> 6));
      out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += char(0xE0 | (cp >> 12));
      out += char(0x80 | ((cp >> 6) & 0x3F));
      out += char(0x80 | (cp & 0x3F));
    } else {
      out += char(0xF0 | (cp >> 18));
      out += char(0x80 | ((cp >> 12) & 0x3F));
      out += char(0x80 | ((cp >> 6) & 0x3F));
      out += char(0x80 | (cp & 0x3F));
    }
  }
  bool string(std::string& out) {
    ++p_;  // opening quote
    while (p_ < s_.size()) {
      const char c = s_[p_++];
      if (c == '"') return true;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (p_ >= s_.size()) return false;
      const char e = s_[p_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          unsigned cp = 0;
          if (!hex4(cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF && s_.substr(p_, 2) == "\\u") {
            p_ += 2;
            unsigned low = 0;
            if (!hex4(low)) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          utf8(out, cp);
          break;
        }
        default: return false;
      }
    }
    return false;
  }

  std::string_view s_;
  std::size_t p_ = 0;
};

inline bool parse(std::string_view text, Value& out) { return Reader(text).read(out); }

}  // namespace mini_json
