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

bool has_note(const crdb_connect::Output& o, const std::string& text) {
  return std::any_of(o.notes.begin(), o.notes.end(), [&](const auto& n) { return n.find(text) != std::string::npos; });
}

std::vector<std::string> flagged_drivers(const crdb_connect::GenerateResult& r, const std::string& field) {
  for (const auto& d : r.diagnostics) {
    if (d.code == "value-not-carried" && d.field == field) return d.drivers;
  }
  return {};
}

}  // namespace

TEST_CASE("Serverless JDBC outputs without a CA path use Java's trust store and say why", "[compat]") {
  // pgJDBC's default SSL factory reads ~/.postgresql/root.crt like libpq and
  // fails without it, so the URL names the factory that uses Java's trust store.
  const auto result = crdb_connect::generate(serverless("secret"));
  for (const char* driver : {"jdbc", "hibernate"}) {
    CHECK(has_note(output(result, driver), "pgJDBC's default SSL factory reads the CA only from ~/.postgresql/root.crt"));
    CHECK(output(result, driver).connection_string.find("&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory&") !=
          std::string::npos);
  }
  CHECK_FALSE(has_note(output(result, "pgx"), "pgJDBC's default SSL factory"));

  auto with_ca = serverless("secret");
  with_ca.root_cert = "/certs/ca.crt";
  const auto jdbc_with_ca = output(crdb_connect::generate(with_ca), "jdbc");
  CHECK_FALSE(has_note(jdbc_with_ca, "pgJDBC's default SSL factory"));
  CHECK(jdbc_with_ca.connection_string.find("sslfactory") == std::string::npos);
}

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
