// Replays the fuzz seed corpus and every input that ever crashed a fuzz target
// (tests/fuzz/regressions) through generate() and the fuzz invariants, so the
// ordinary and the ASan/UBSan test runs guard every fixed crash.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "crdb_connect/generate.hpp"
#include "crdb_connect/json.hpp"
#include "crdb_connect/parse.hpp"
#include "generate_input.hpp"
#include "invariants.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> files_in(const fs::path& dir, std::string_view prefix) {
  std::vector<fs::path> out;
  if (!fs::exists(dir)) return out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().filename().string().starts_with(prefix)) out.push_back(entry.path());
  }
  return out;
}

void replay_generate(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto input = crdb_connect::fuzz::decode_generate_input(reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                                               bytes.size());
  const auto result = crdb_connect::generate(input.params, input.options);
  const char* violation = crdb_connect::fuzz::check_result(result, crdb_connect::to_json(result));
  INFO(file.string());
  CHECK(violation == nullptr);
}

}  // namespace

TEST_CASE("every generate seed in the fuzz corpus keeps the invariants", "[fuzz]") {
  const auto files = files_in(fs::path(CRDB_CONNECT_FUZZ_DIR) / "corpus" / "generate", "");
  REQUIRE(files.size() > 100);
  for (const auto& file : files) replay_generate(file);
}

TEST_CASE("every fuzz_generate crash found so far stays fixed", "[fuzz]") {
  for (const auto& file : files_in(fs::path(CRDB_CONNECT_FUZZ_DIR) / "regressions", "generate-")) {
    replay_generate(file);
  }
}

TEST_CASE("the fuzz invariants' JSON check rejects what the JSON writer once produced", "[fuzz]") {
  using crdb_connect::fuzz::is_json;
  CHECK(is_json(R"({"a":[{"b":true},{"c":"\u00e9\n"}],"d":-1.5e3,"e":null})"));
  CHECK_FALSE(is_json(R"({"diagnostics":[{"code":"a"}{"code":"b"}]})"));  // objects in an array without commas
  CHECK_FALSE(is_json(R"({"a":"x)"));
  CHECK_FALSE(is_json("{\"a\":\"\n\"}"));  // a raw control character in a string
  CHECK_FALSE(is_json(R"({"a":1,})"));
}

namespace {

void replay_parse(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto result = crdb_connect::parse(bytes);
  const std::string json = crdb_connect::to_json(result);
  INFO(file.string());
  CHECK(crdb_connect::fuzz::is_utf8(json));
  CHECK(crdb_connect::fuzz::is_json(json));
  for (const auto& d : result.diagnostics) {
    CHECK(d.offset <= static_cast<long>(bytes.size()));
    CHECK(d.offset + d.length <= static_cast<long>(bytes.size()));
  }
}

}  // namespace

TEST_CASE("every parse seed in the fuzz corpus parses without a sanitizer report", "[fuzz]") {
  const auto files = files_in(fs::path(CRDB_CONNECT_FUZZ_DIR) / "corpus" / "parse", "");
  REQUIRE(files.size() > 100);
  for (const auto& file : files) replay_parse(file);
}

TEST_CASE("every fuzz_parse crash found so far stays fixed", "[fuzz]") {
  // parse-port-list-overflow: "host...=h1,h3 port=1,2<bytes>" overflowed a long in check_port_list (UBSan).
  // parse-jdbc-diagnostic-outside-input: a jdbc-plus-is-space position past the end of the input.
  const auto files = files_in(fs::path(CRDB_CONNECT_FUZZ_DIR) / "regressions", "parse-");
  REQUIRE_FALSE(files.empty());
  for (const auto& file : files) replay_parse(file);
}
