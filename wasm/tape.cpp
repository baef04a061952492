#include "tape.hpp"

#include <cstddef>
#include <cstring>

#include "utf8.hpp"
#include "wire.hpp"

namespace crdb_connect::wasm {
namespace {

// End of the ASCII run starting at `pos`. The core's output is almost all
// ASCII, so eight bytes are tested at a time.
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

// Whether every byte of `bytes` is ASCII, eight at a time.
bool all_ascii(std::string_view bytes) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ull;
  std::size_t pos = 0;
  std::uint64_t seen = 0;
  for (; pos + 8 <= bytes.size(); pos += 8) {
    std::uint64_t word;
    std::memcpy(&word, bytes.data() + pos, 8);
    seen |= word;
  }
  for (; pos < bytes.size(); ++pos) seen |= static_cast<unsigned char>(bytes[pos]);
  return (seen & kHighBits) == 0;
}

// The driver table's row whose fields `o` shows (id, name, language,
// install, snippet file and language, docs URL), or kNoDriverRow. render()
// takes them as the table's own string_views, so comparing where they point
// is enough; an output holding a copy is written out in full instead.
// `shown` is `table_field` itself: the same characters at the same address.
bool same_view(std::string_view shown, std::string_view table_field) {
  return shown.data() == table_field.data() && shown.size() == table_field.size();
}

std::uint32_t driver_row(const Output& o) {
  const auto& table = driver_table();
  for (std::uint32_t row = 0; row < table.size(); ++row) {
    const DriverInfo& d = table[row];
    if (o.driver.data() != d.id.data()) continue;
    const bool same = same_view(o.driver, d.id) && same_view(o.name, d.name) &&
                      o.language == to_string(d.language) && same_view(o.install, d.install) &&
                      same_view(o.snippet_file, d.snippet_file) &&
                      same_view(o.snippet_language, d.snippet_language) && same_view(o.docs_url, d.docs_url);
    return same ? row : kNoDriverRow;
  }
  return kNoDriverRow;
}

}  // namespace

// Appends `value` as valid UTF-8 and records its length in UTF-16 code units.
// Malformed bytes become U+FFFD exactly as to_json does, so TextDecoder sees
// only valid UTF-8 and the recorded lengths match what it decodes. Until a
// string proves otherwise, every string is taken to be ASCII (see careful_).
void Tape::text(std::string_view value) {
  if (!careful_) {
    chars_.append(value);
    number(static_cast<std::uint32_t>(value.size()));
    return;
  }
  std::uint32_t units = 0;
  std::size_t pos = 0;
  while (pos < value.size()) {
    const std::size_t run = ascii_run_end(value, pos);  // ASCII runs are copied as they are
    chars_.append(value.data() + pos, run - pos);
    units += static_cast<std::uint32_t>(run - pos);
    pos = run;
    if (pos == value.size()) break;
    const char32_t cp = utf8::next(value, pos);
    utf8::append(chars_, cp);
    units += cp >= 0x10000 ? 2 : 1;
  }
  number(units);
}

void Tape::texts(std::initializer_list<std::string_view> values) {
  for (const std::string_view value : values) text(value);
}

void Tape::strings(const std::vector<std::string>& values) {
  list(values, [this](const std::string& value) { text(value); });
}

void Tape::text_or_constant(const Text& value) {
  if (!value.is_constant()) {
    number(kBuiltText);
    text(value.view());
    return;
  }
  number(static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(value.view().data())));
  number(static_cast<std::uint32_t>(value.view().size()));
}

void Tape::diagnostics(const std::vector<Diagnostic>& items) {
  list(items, [this](const Diagnostic& d) {
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
  });
}

void Tape::setup(const std::vector<SetupStep>& steps) {
  list(steps, [this](const SetupStep& step) {
    text(step.id);
    text(step.title);
    text(step.command);
    text(step.note);
  });
}

void Tape::output(const Output& o) {
  // The fields that only repeat the driver table (JS holds it, read once from
  // the same table) go as the row's index: 78 strings and about a quarter of
  // a 13-driver result's text that need not be copied, decoded or sliced.
  const std::uint32_t row = driver_row(o);
  number(row);
  if (row == kNoDriverRow) {
    texts({o.driver, o.name, o.language, o.install, o.snippet_file, o.snippet_language, o.docs_url});
  }
  number(o.ok ? 1 : 0);
  text(o.connection_string);
  list(o.env, [this](const EnvVar& e) {
    text(e.name);
    text(e.value);
  });
  text(o.snippet);
  list(o.notes, [this](const Text& note) { text_or_constant(note); });
  list(o.variants, [this](const Variant& v) {
    text(v.label);
    text(v.value);
  });
  setup(o.setup);
}

const TapeView& Tape::finish() {
  view_ = TapeView{static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(ints_.data())),
                   static_cast<std::uint32_t>(ints_.size()),
                   static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(chars_.data())),
                   static_cast<std::uint32_t>(chars_.size()), careful_ ? 0U : 1U};
  return view_;
}

template <typename Result>
const TapeView& Tape::write_all(const Result& result, void (Tape::*write_fields)(const Result&), bool known_ascii) {
  for (const bool careful : {false, true}) {
    careful_ = careful;
    ints_.clear();
    chars_.clear();
    (this->*write_fields)(result);
    if (careful || known_ascii || all_ascii(chars_)) break;
  }
  return finish();
}

const TapeView& Tape::write(const GenerateResult& result) { return write_all(result, &Tape::generate_fields); }

const TapeView& Tape::write(const GenerateResult& result, std::string_view input_text) {
  return write_all(result, &Tape::generate_fields, all_ascii(input_text));
}

const TapeView& Tape::write(const ParseResult& result) { return write_all(result, &Tape::parse_fields); }

const TapeView& Tape::write(const std::array<DriverInfo, kDriverCount>& drivers) {
  return write_all(drivers, &Tape::driver_fields);
}

const TapeView& Tape::write(const ConnectionParams& params) { return write_all(params, &Tape::param_fields); }

void Tape::param_fields(const ConnectionParams& params) {
  for (std::string ConnectionParams::*field : kParamFields) text(params.*field);
  number(params.jdbc_pk8_key ? 1 : 0);
}

void Tape::driver_fields(const std::array<DriverInfo, kDriverCount>& drivers) {
  number(static_cast<std::uint32_t>(drivers.size()));
  for (const DriverInfo& d : drivers) {
    texts({d.id, d.name, to_string(d.language), d.install, d.snippet_file, d.snippet_language, d.docs_url,
           d.env_var});
  }
}

void Tape::generate_fields(const GenerateResult& result) {
  number(result.ok ? 1 : 0);
  diagnostics(result.diagnostics);
  list(result.outputs, [this](const Output& o) { output(o); });
  setup(result.setup);
}

void Tape::parse_fields(const ParseResult& result) {
  const ConnectionParams& p = result.params;
  number(result.ok ? 1 : 0);
  texts({result.format, result.wrapper, p.deployment, result.deployment_reason, p.deployment, p.username,
         p.password, p.host, p.port, p.database, p.routing_id, p.root_cert, p.client_cert, p.client_key});
  const auto pair = [this](const std::pair<std::string, std::string>& p) {
    text(p.first);
    text(p.second);
  };
  list(result.extra_params, pair);
  strings(result.extra_hosts);
  list(result.settings, pair);
  diagnostics(result.diagnostics);
}

}  // namespace crdb_connect::wasm
