// Where the parser keeps text it had to rewrite (percent-decoded values,
// unescaped keyword/value strings, words unwrapped from a command line), so
// that every setting can be a string_view: into the input when a value is
// written plainly, into this store when decoding changed it. Text never moves
// once written, so the views stay valid for the store's lifetime. The first
// block lives inside the object, so a typical connection string allocates
// nothing here. Internal.
#pragma once

#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace crdb_connect::parsing {

class TextStore {
 public:
  TextStore() = default;
  TextStore(const TextStore&) = delete;
  TextStore& operator=(const TextStore&) = delete;

  // Room for up to n bytes that will not move: write into it, then commit()
  // the bytes used before asking for room again.
  char* reserve(std::size_t n) {
    if (n > capacity_ - used_) {
      std::size_t size = capacity_ * 2;
      if (size < n) size = n;
      overflow_.emplace_back(new char[size]);  // not zeroed: every byte is written before it is read
      block_ = overflow_.back().get();
      capacity_ = size;
      used_ = 0;
    }
    return block_ + used_;
  }

  std::string_view commit(std::size_t used) {
    const std::string_view text(block_ + used_, used);
    used_ += used;
    return text;
  }

  std::string_view keep(std::string_view text) {
    char* at = reserve(text.size());
    if (!text.empty()) std::memcpy(at, text.data(), text.size());
    return commit(text.size());
  }

 private:
  static constexpr std::size_t kInlineBytes = 512;
  char inline_[kInlineBytes];
  char* block_ = inline_;
  std::size_t capacity_ = kInlineBytes;
  std::size_t used_ = 0;
  std::vector<std::unique_ptr<char[]>> overflow_;
};

}  // namespace crdb_connect::parsing
