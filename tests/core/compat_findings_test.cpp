// Behaviour of real drivers found by the compatibility suite (tests/compat),
// pinned here so the core keeps telling users about it.
#include <algorithm>
#include <catch2/catch.hpp>

#include "crdb_connect/generate.hpp"

namespace {

crdb_connect::ConnectionParams serverless(std::string password) {
  crdb_connect::ConnectionParams p;
  p.deployment = "serverless";
  p.username = "maxroach";
  p.password = std::move(password);
  p.host = "free-tier.gcp-us-central1.cockroachlabs.cloud";
  p.routing_id = "funky-skunk-123";
  return p;
}

const crdb_connect::Output& output(const crdb_connect::GenerateResult& r, const std::string& driver) {
  return *std::find_if(r.outputs.begin(), r.outputs.end(), [&](const auto& o) { return o.driver == driver; });
}

std::vector<std::string> flagged_drivers(const crdb_connect::GenerateResult& r, const std::string& field) {
  for (const auto& d : r.diagnostics) {
    if (d.code == "value-not-carried" && d.field == field) return d.drivers;
  }
  return {};
}

}  // namespace

TEST_CASE("passwords that SASLprep refuses are flagged for the Java drivers only", "[compat]") {
  using Drivers = std::vector<std::string>;
  const Drivers java{"jdbc", "hibernate"};
  CHECK(flagged_drivers(crdb_connect::generate(serverless("emoji-\xF0\x9F\x98\x80")), "password") == java);
  CHECK(flagged_drivers(crdb_connect::generate(serverless("private-\xEE\x80\x80")), "password") == java);
  CHECK(flagged_drivers(crdb_connect::generate(serverless("tab\there")), "password") == java);
  // Unicode 3.2 had these: pgJDBC accepts them.
  CHECK(flagged_drivers(crdb_connect::generate(serverless("p\xC3\xA4ss-\xE2\x82\xAC")), "password").empty());
  CHECK(flagged_drivers(crdb_connect::generate(serverless("math-\xF0\x9D\x90\x80")), "password").empty());
  CHECK(flagged_drivers(crdb_connect::generate(serverless("q'\"@:/?#%+&= \\")), "password").empty());

  const auto result = crdb_connect::generate(serverless("emoji-\xF0\x9F\x98\x80"));
  CHECK(result.ok);  // a warning: newer pgJDBC releases may accept it
  CHECK(output(result, "jdbc").ok);
}
