#include "tape.hpp"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string>

#include "utf8.hpp"

namespace crdb_connect::wasm {
namespace {

// End of the ASCII run starting at `pos`.
std::size_t ascii_run_end(std::string_view value, std::size_t pos) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ull;
  while (pos + 8 <= value.size()) {
    std::uint64_t word;
    std::memcpy(&word, value.data() + pos, 8);
    if (word & kHighBits) break;
    pos += 8;
  }
  while (pos < value.size() && static_cast<unsigned char>(value[pos]) < 0x80) ++pos;
  return pos;
}

}  // namespace

char* Tape::reserve_chars(std::size_t extra) {
  if (chars_capacity_ - n_chars_ < extra) {
    const std::size_t capacity = std::max(n_chars_ + extra, chars_capacity_ * 2 + 256);
    auto grown = std::make_unique<char[]>(capacity);
    std::memcpy(grown.get(), chars_.get(), n_chars_);
    chars_ = std::move(grown);
    chars_capacity_ = capacity;
  }
  return chars_.get() + n_chars_;
}

// Appends `value` as valid UTF-8 and records its length in UTF-16 code units.
// Malformed bytes become U+FFFD exactly as to_json does, so TextDecoder sees
// only valid UTF-8 and the recorded lengths match what it decodes.
void Tape::text(std::string_view value) {
  // The core's output is almost all ASCII: find where the ASCII run ends,
  // eight bytes at a time, and copy it at once; for most strings that is the
  // whole string.
  char* out = reserve_chars(value.size());
  const std::size_t ascii = ascii_run_end(value, 0);
  std::memcpy(out, value.data(), ascii);
  n_chars_ += ascii;
  std::uint32_t units = static_cast<std::uint32_t>(ascii);
  // The rest, a code point at a time (a replacement character takes three
  // bytes for a malformed one, so reserve as it goes).
  std::string encoded;
  for (std::size_t pos = ascii; pos < value.size();) {
    const char32_t cp = utf8::next(value, pos);
    encoded.clear();
    utf8::append(encoded, cp);
    std::memcpy(reserve_chars(encoded.size()), encoded.data(), encoded.size());
    n_chars_ += encoded.size();
    units += cp >= 0x10000 ? 2 : 1;
  }
  number(units);
}

void Tape::strings(const std::vector<std::string>& values) {
  number(static_cast<std::uint32_t>(values.size()));
  for (const auto& value : values) text(value);
}

void Tape::diagnostic(const Diagnostic& d) {
  text(d.code);
  text(d.field);
  text(to_string(d.severity));
  text(d.message);
  strings(d.drivers);
  number(d.offset >= 0 ? 1 : 0);
  if (d.offset >= 0) {
    number(static_cast<std::uint32_t>(d.offset));
    number(static_cast<std::uint32_t>(d.length));
  }
}

void Tape::setup(const std::vector<SetupStep>& steps) {
  number(static_cast<std::uint32_t>(steps.size()));
  for (const auto& step : steps) {
    text(step.id);
    text(step.title);
    text(step.command);
    text(step.note);
  }
}

void Tape::output(const Output& o) {
  text(o.driver);
  text(o.name);
  text(o.language);
  number(o.ok ? 1 : 0);
  text(o.connection_string);
  number(static_cast<std::uint32_t>(o.env.size()));
  for (const auto& e : o.env) {
    text(e.name);
    text(e.value);
  }
  text(o.install);
  text(o.snippet);
  text(o.snippet_file);
  text(o.snippet_language);
  text(o.docs_url);
  strings(o.notes);
  number(static_cast<std::uint32_t>(o.variants.size()));
  for (const auto& v : o.variants) {
    text(v.label);
    text(v.value);
  }
  setup(o.setup);
}

void Tape::pairs(const std::vector<std::pair<std::string, std::string>>& items) {
  number(static_cast<std::uint32_t>(items.size()));
  for (const auto& [name, value] : items) {
    text(name);
    text(value);
  }
}

void Tape::diagnostics(const std::vector<Diagnostic>& items) {
  number(static_cast<std::uint32_t>(items.size()));
  for (const auto& d : items) diagnostic(d);
}

const TapeView& Tape::finish() {
  view_ = TapeView{static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(ints_.data())),
                   static_cast<std::uint32_t>(ints_.size()),
                   static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(chars_.get())),
                   static_cast<std::uint32_t>(n_chars_)};
  return view_;
}

const TapeView& Tape::write(const GenerateResult& result) {
  ints_.clear();
  n_chars_ = 0;
  number(result.ok ? 1 : 0);
  diagnostics(result.diagnostics);
  number(static_cast<std::uint32_t>(result.outputs.size()));
  for (const auto& o : result.outputs) output(o);
  setup(result.setup);
  return finish();
}

const TapeView& Tape::write(const ParseResult& result) {
  ints_.clear();
  n_chars_ = 0;
  const ConnectionParams& p = result.params;
  number(result.ok ? 1 : 0);
  for (const std::string* s : {&result.format, &result.wrapper, &p.deployment, &result.deployment_reason,
                               &p.deployment, &p.username, &p.password, &p.host, &p.port, &p.database,
                               &p.routing_id, &p.root_cert, &p.client_cert, &p.client_key}) {
    text(*s);
  }
  pairs(result.extra_params);
  strings(result.extra_hosts);
  pairs(result.settings);
  diagnostics(result.diagnostics);
  return finish();
}

}  // namespace crdb_connect::wasm
