// The JSON the CLI prints is what the compatibility suite (and any script)
// parses, so it must be valid JSON even when arrays hold several objects.
#include <catch2/catch.hpp>

#include "crdb_connect/generate.hpp"
#include "crdb_connect/json.hpp"

namespace {

// Counts "},{" joints: between two objects of an array there must be a comma.
bool has_adjacent_objects_without_comma(const std::string& json) {
  bool in_string = false;
  for (std::size_t i = 0; i + 1 < json.size(); ++i) {
    if (json[i] == '\\' && in_string) { ++i; continue; }
    if (json[i] == '"') in_string = !in_string;
    if (!in_string && json[i] == '}' && json[i + 1] == '{') return true;
  }
  return false;
}

}  // namespace

TEST_CASE("generate JSON separates the objects of every array with commas", "[json]") {
  crdb_connect::ConnectionParams params;
  params.deployment = "serverless";
  params.username = "maxroach";
  params.password = "p@ss";
  params.host = "free-tier.gcp-us-central1.cockroachlabs.cloud";
  params.routing_id = "funky-skunk-123";
  params.database = "a.b";  // two diagnostics at least: quoting and the dot
  const auto result = crdb_connect::generate(params, {});
  REQUIRE(result.outputs.size() == 13);
  REQUIRE(result.diagnostics.size() >= 2);
  const std::string json = crdb_connect::to_json(result);
  CHECK_FALSE(has_adjacent_objects_without_comma(json));
  CHECK(json.find("},{\"driver\":\"sequelize\"") != std::string::npos);
}

TEST_CASE("drivers JSON is an array of 13 comma-separated objects", "[json]") {
  const std::string json = crdb_connect::drivers_json();
  CHECK_FALSE(has_adjacent_objects_without_comma(json));
  CHECK(json.front() == '[');
  CHECK(json.back() == ']');
}
