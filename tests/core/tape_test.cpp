// wasm/tape.cpp built natively: what generate()'s tape holds for an output
// whose driver fields are the table's own (the row's index) and for one
// holding copies (the fields written out), and the UTF-16 lengths it records.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cases.hpp"
#include "crdb_connect/generate.hpp"
#include "tape.hpp"
#include "wire.hpp"

using crdb_connect::wasm::kNoDriverRow;
using crdb_connect::wasm::Tape;

namespace {

// Reads the tape as wasm/index.js does, for the parts these tests look at.
struct Reader {
  const Tape& tape;
  std::size_t i = 0;
  std::size_t at = 0;

  std::uint32_t number() { return tape.ints().at(i++); }
  // Lengths are UTF-16 units; the tests' texts are ASCII or use 2-byte UTF-8
  // characters only (one unit each), given as `bytes_per_unit`.
  std::string text(std::size_t bytes_per_unit = 1) {
    const std::size_t bytes = number() * bytes_per_unit;
    std::string out(tape.chars().substr(at, bytes));
    at += bytes;
    return out;
  }
};

crdb_connect::GenerateResult pgx_result() {
  crdb_connect::ConnectionParams params;
  params.username = "maxroach";
  params.password = "Vd8t-2Wq_Lc9";
  params.host = "free-tier.gcp-us-central1.cockroachlabs.cloud";
  params.routing_id = "funky-skunk-123";
  return crdb_connect::generate(params, {{"pgx"}});
}

// A reader at the first output of a tape holding one output and no diagnostics.
Reader at_first_output(const Tape& tape) {
  Reader r{tape};
  CHECK(r.number() == 1);  // ok
  CHECK(r.number() == 0);  // no diagnostics
  CHECK(r.number() == 1);  // one output
  return r;
}

}  // namespace

TEST_CASE("an output showing the driver table's fields goes on the tape as its row") {
  const auto result = pgx_result();
  REQUIRE(result.outputs.size() == 1);
  Tape tape;
  tape.write(result);
  Reader r = at_first_output(tape);
  const auto& table = crdb_connect::driver_table();
  const std::uint32_t row = r.number();
  REQUIRE(row < table.size());
  CHECK(table[row].id == "pgx");
  CHECK(r.number() == 1);  // ok
  CHECK(r.text() == result.outputs[0].connection_string);
}

TEST_CASE("an output holding copies of the driver fields goes on the tape with them") {
  auto result = pgx_result();
  crdb_connect::Output& out = result.outputs.at(0);
  // Same characters, other storage: the tape cannot tell them from the
  // table's by where they point, so it writes them.
  const std::string name(out.name), docs(out.docs_url);
  out.name = name;
  out.docs_url = docs;
  Tape tape;
  tape.write(result);
  Reader r = at_first_output(tape);
  CHECK(r.number() == kNoDriverRow);
  CHECK(r.text() == "pgx");
  CHECK(r.text() == name);
  CHECK(r.text() == "go");
  CHECK(r.text() == std::string(out.install));
  CHECK(r.text() == std::string(out.snippet_file));
  CHECK(r.text() == std::string(out.snippet_language));
  CHECK(r.text() == docs);
  CHECK(r.number() == 1);  // ok
  CHECK(r.text() == out.connection_string);
}

TEST_CASE("a constant note goes on the tape as its address and length, a built one as its text") {
  auto result = pgx_result();
  crdb_connect::Output& out = result.outputs.at(0);
  REQUIRE_FALSE(out.notes.empty());
  for (const auto& note : out.notes) REQUIRE(note.is_constant());  // pgx's Serverless notes are all fixed
  out.notes.emplace_back(std::string("built for this result"));
  Tape tape;
  tape.write(result);
  Reader r = at_first_output(tape);
  CHECK(r.number() < crdb_connect::kDriverCount);  // row
  CHECK(r.number() == 1);                           // ok
  CHECK(r.text() == out.connection_string);
  const std::uint32_t env = r.number();
  for (std::uint32_t k = 0; k < 2 * env; ++k) r.text();
  CHECK(r.text() == out.snippet);
  REQUIRE(r.number() == out.notes.size());
  for (std::size_t k = 0; k + 1 < out.notes.size(); ++k) {
    const std::string_view note = out.notes[k].view();
    // Static text is not copied: JS decodes it from the heap once and keeps it.
    CHECK(r.number() == static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(note.data())));
    CHECK(r.number() == note.size());
  }
  CHECK(r.number() == crdb_connect::wasm::kBuiltText);
  CHECK(r.text() == "built for this result");
}

TEST_CASE("the tape records lengths in UTF-16 code units, once any text is not ASCII") {
  auto result = pgx_result();
  // "ü" is 2 bytes and 1 unit; U+1F600 is 4 bytes and 2 units (a surrogate pair).
  result.outputs.at(0).connection_string = "postgresql://m\xC3\xBC@h/\xF0\x9F\x98\x80";
  Tape tape;
  tape.write(result);
  Reader r = at_first_output(tape);
  CHECK(r.number() < crdb_connect::kDriverCount);
  CHECK(r.number() == 1);
  CHECK(r.number() == 20);  // 17 ASCII + 1 + 2 units (23 bytes)
  CHECK(tape.chars().substr(0, 23) == result.outputs[0].connection_string);
  CHECK_FALSE(tape.ascii());  // JS must decode it as UTF-8, not Latin-1
}

TEST_CASE("the tape says when its text is all ASCII, which JS may then decode as Latin-1") {
  Tape tape;
  tape.write(pgx_result());
  CHECK(tape.ascii());
  for (const char c : tape.chars()) CHECK(static_cast<unsigned char>(c) < 0x80);
}

namespace {

// Every string generate() is given, as the JS API hands it to the module.
std::string input_text(const crdb_connect::ConnectionParams& params, const crdb_connect::GenerateOptions& options) {
  std::string text;
  for (const auto field : crdb_connect::wasm::kParamFields) text += params.*field;
  for (const auto& id : options.drivers) text += id;
  return text;
}

bool is_ascii(std::string_view text) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// The golden cases (their non-ASCII names spelled in ASCII, everything else as
// hostile as before) on every OS and shell, and inputs the core refuses.
std::vector<std::pair<crdb_connect::ConnectionParams, crdb_connect::GenerateOptions>> ascii_inputs() {
  std::vector<std::pair<crdb_connect::ConnectionParams, crdb_connect::GenerateOptions>> inputs;
  for (auto c : crdb_connect::test::golden_cases()) {
    for (const auto field : crdb_connect::wasm::kParamFields) {
      std::string& value = c.params.*field;
      for (char& ch : value) {
        if (static_cast<unsigned char>(ch) >= 0x80) ch = 'u';
      }
    }
    for (const char* os : {"", "linux", "macos", "windows", "plan9"}) {
      for (const char* shell : {"", "bash", "fish", "powershell", "cmd", "dotenv", "tcsh"}) {
        auto params = c.params;
        params.os = os;
        params.shell = shell;
        params.cluster_id = *shell == 'c' ? "8f4a-%!x" : "";
        params.jdbc_pk8_key = *os == 'w';
        inputs.push_back({params, {}});
      }
    }
  }
  crdb_connect::ConnectionParams refused;
  refused.deployment = "nope";
  refused.username = "bad user\x01";
  refused.password = "a\x7f'\"";
  refused.host = "h h:1";
  refused.port = "x";
  refused.database = "";
  refused.routing_id = "-";
  inputs.push_back({refused, {{"pq", "nope", ""}}});
  inputs.push_back({crdb_connect::ConnectionParams{}, {}});
  return inputs;
}

}  // namespace

TEST_CASE("ASCII input gives an ASCII result: the tape need not read the result to know") {
  for (const auto& [params, options] : ascii_inputs()) {
    const std::string input = input_text(params, options);
    REQUIRE(is_ascii(input));
    const auto result = crdb_connect::generate(params, options);
    Tape checked;
    checked.write(result);
    Tape shortcut;
    shortcut.write(result, input);
    INFO("deployment " << params.deployment << ", os " << params.os << ", shell " << params.shell);
    CHECK(is_ascii(checked.chars()));
    CHECK(checked.ascii());
    CHECK(shortcut.ascii());
    CHECK(shortcut.chars() == checked.chars());
    CHECK(shortcut.ints() == checked.ints());
  }
}

TEST_CASE("non-ASCII input makes the tape check the result and count UTF-16 units") {
  for (const auto& c : crdb_connect::test::golden_cases()) {
    const std::string input = input_text(c.params, {});
    if (is_ascii(input)) continue;
    const auto result = crdb_connect::generate(c.params);
    Tape checked;
    checked.write(result);
    Tape given_input;
    given_input.write(result, input);
    INFO(c.name);
    CHECK_FALSE(given_input.ascii());
    CHECK(given_input.chars() == checked.chars());
    CHECK(given_input.ints() == checked.ints());
  }
}
