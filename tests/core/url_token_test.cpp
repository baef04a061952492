// Regression (found by the injection suite): an invalid host or port went into
// URLs raw, so a newline in the host let the URL add a key to database.yml
// (read through ERB) and a " #" cut it short. Such values are errors, but the
// outputs are still shown, so every URL must stay one token that means exactly
// what was typed.
#include <catch2/catch.hpp>

#include <string>

#include "crdb_connect/generate.hpp"

TEST_CASE("an invalid host or port stays inside a single URL token", "[limits][injection]") {
  for (const std::string hostile : {"\"\n  url: postgresql://evil/x\n#", "x #comment", "a'b\"c d", "h\r\nX: y"}) {
    for (const bool in_host : {true, false}) {
      crdb_connect::ConnectionParams p;
      p.deployment = "dedicated";
      p.username = "maxroach";
      p.password = "p";
      p.host = in_host ? hostile : std::string("my-cluster-7tc.gcp-us-east1.cockroachlabs.cloud");
      p.port = in_host ? std::string() : hostile;
      p.root_cert = "/certs/ca.crt";
      const auto result = crdb_connect::generate(p);
      CHECK_FALSE(result.ok);
      for (const auto& out : result.outputs) {
        INFO(out.driver << ": " << out.connection_string);
        CHECK(out.connection_string.find_first_of(" \t\r\n#\"'") == std::string::npos);
      }
    }
  }
}

TEST_CASE("a valid host and port are not changed by the encoding", "[limits][injection]") {
  crdb_connect::ConnectionParams p;
  p.deployment = "dedicated";
  p.username = "maxroach";
  p.password = "p";
  p.host = "my-cluster-7tc.gcp-us-east1.cockroachlabs.cloud";
  p.port = "26257";
  p.root_cert = "/certs/ca.crt";
  const auto result = crdb_connect::generate(p, {{"pgx", "jdbc"}});
  REQUIRE(result.outputs.size() == 2);
  CHECK(result.outputs[0].connection_string.find("@my-cluster-7tc.gcp-us-east1.cockroachlabs.cloud:26257/") !=
        std::string::npos);
  CHECK(result.outputs[1].connection_string.find("//my-cluster-7tc.gcp-us-east1.cockroachlabs.cloud:26257/") !=
        std::string::npos);
}
