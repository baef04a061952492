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
  return std::any_of(o.notes.begin(), o.notes.end(),
                     [&](const crdb_connect::Text& n) { return n.view().find(text) != std::string_view::npos; });
}

std::vector<std::string> flagged_drivers(const crdb_connect::GenerateResult& r, const std::string& field) {
  for (const auto& d : r.diagnostics) {
    if (d.code == "value-not-carried" && d.field == field) return d.drivers;
  }
  return {};
}

// Whether any value-not-carried diagnostic on `field` names the driver.
bool flagged(const crdb_connect::GenerateResult& r, const std::string& field, const std::string& driver) {
  return std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [&](const auto& d) {
    return d.code == "value-not-carried" && d.field == field &&
           std::find(d.drivers.begin(), d.drivers.end(), driver) != d.drivers.end();
  });
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
  // (SASLprep's NFKC turns it into "A", which the Go drivers do not: see below.)
  CHECK_FALSE(flagged(crdb_connect::generate(serverless("math-\xF0\x9D\x90\x80")), "password", "jdbc"));
  CHECK(flagged_drivers(crdb_connect::generate(serverless("q'\"@:/?#%+&= \\")), "password").empty());

  const auto result = crdb_connect::generate(serverless("emoji-\xF0\x9F\x98\x80"));
  CHECK(result.ok);  // a warning: newer pgJDBC releases may accept it
  CHECK(output(result, "jdbc").ok);
}

TEST_CASE("passwords that SASLprep changes are flagged for the Go drivers that do not normalise the same way", "[compat]") {
  using Drivers = std::vector<std::string>;
  // A non-breaking space: SASLprep maps it to a space; pgx does too (PRECIS), lib/pq does not.
  CHECK(flagged_drivers(crdb_connect::generate(serverless("no\xC2\xA0" "break")), "password") == Drivers{"pq"});
  // A soft hyphen, which SASLprep removes.
  CHECK(flagged_drivers(crdb_connect::generate(serverless("soft\xC2\xAD" "hyphen")), "password") == Drivers{"pq"});
  // A decomposed e + combining acute: NFC and NFKC both compose it; only lib/pq sends it as typed.
  CHECK(flagged_drivers(crdb_connect::generate(serverless("cafe\xCC\x81")), "password") == Drivers{"pq"});
  // U+00BC (one quarter) and U+FB01 (the fi ligature): NFKC changes them, pgx's NFC does not.
  const Drivers go{"pgx", "pq", "gorm"};
  CHECK(flagged_drivers(crdb_connect::generate(serverless("\xC2\xBC-pass")), "password") == go);
  CHECK(flagged_drivers(crdb_connect::generate(serverless("\xEF\xAC\x81-pass")), "password") == go);
  // Full-width letters.
  CHECK(flagged_drivers(crdb_connect::generate(serverless("\xEF\xBC\xA1" "BC")), "password") == go);
  // What SASLprep leaves alone: nothing to flag.
  CHECK(flagged_drivers(crdb_connect::generate(serverless("p\xC3\xA4ss-\xE2\x82\xAC-\xC3\xB8")), "password").empty());
  CHECK(flagged_drivers(crdb_connect::generate(serverless("q'\"@:/?#%+&= \\")), "password").empty());

  const auto result = crdb_connect::generate(serverless("\xC2\xBC-pass"));
  CHECK(result.ok);  // a warning: it depends on the server's normalisation
  CHECK(output(result, "pq").ok);

  // Self-hosted uses no password: nothing to flag.
  auto certs = serverless("\xC2\xBC-pass");
  certs.deployment = "self-hosted";
  certs.root_cert = "/certs/ca.crt";
  certs.client_cert = "/certs/client.maxroach.crt";
  certs.client_key = "/certs/client.maxroach.key";
  CHECK_FALSE(flagged(crdb_connect::generate(certs), "password", "pq"));
}

TEST_CASE("IPv6 hosts are flagged for the Java drivers, whose hostname verifier refuses them", "[compat]") {
  auto p = serverless("secret");
  p.deployment = "dedicated";
  p.host = "::1";
  p.routing_id.clear();
  p.root_cert = "/certs/ca.crt";
  const auto result = crdb_connect::generate(p);
  for (const char* driver : {"jdbc", "hibernate"}) CHECK(flagged(result, "host", driver));
  for (const char* driver : {"node-postgres", "psycopg2", "pgx", "pq", "ruby-pg"}) CHECK_FALSE(flagged(result, "host", driver));
  CHECK(flagged(result, "host", "typeorm"));  // the earlier finding: it cannot read an IPv6 URL at all

  p.host = "localhost";
  CHECK_FALSE(flagged(crdb_connect::generate(p), "host", "jdbc"));
}
