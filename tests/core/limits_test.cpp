// Size limits: any field over 4 KiB and any input over 64 KiB is refused with
// a diagnostic, and generate() still returns promptly with a value.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "crdb_connect/generate.hpp"
#include "crdb_connect/json.hpp"

using crdb_connect::ConnectionParams;
using crdb_connect::Diagnostic;
using crdb_connect::GenerateResult;

namespace {

ConnectionParams self_hosted() {
  ConnectionParams p;
  p.deployment = "self-hosted";
  p.username = "maxroach";
  p.host = "localhost";
  p.root_cert = "/certs/ca.crt";
  p.client_cert = "/certs/client.maxroach.crt";
  p.client_key = "/certs/client.maxroach.key";
  return p;
}

bool has(const GenerateResult& r, const std::string& code, const std::string& field) {
  return std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                     [&](const Diagnostic& d) { return d.code == code && d.field == field; });
}

// Every string field of ConnectionParams with its camelCase name.
const std::pair<const char*, std::string ConnectionParams::*> kFields[] = {
    {"username", &ConnectionParams::username},     {"password", &ConnectionParams::password},
    {"host", &ConnectionParams::host},             {"port", &ConnectionParams::port},
    {"database", &ConnectionParams::database},     {"routingId", &ConnectionParams::routing_id},
    {"rootCert", &ConnectionParams::root_cert},    {"clientCert", &ConnectionParams::client_cert},
    {"clientKey", &ConnectionParams::client_key},  {"deployment", &ConnectionParams::deployment},
};

}  // namespace

TEST_CASE("a field of exactly 4096 bytes is accepted and one of 4097 is refused, for every field", "[limits]") {
  for (const auto& [name, member] : kFields) {
    INFO(name);
    ConnectionParams at_limit = self_hosted();
    at_limit.*member = std::string(4096, 'a');
    CHECK_FALSE(has(crdb_connect::generate(at_limit), "field-too-long", name));

    ConnectionParams over = self_hosted();
    over.*member = std::string(4097, 'a');
    const GenerateResult r = crdb_connect::generate(over);
    CHECK(has(r, "field-too-long", name));
    CHECK_FALSE(r.ok);
    CHECK(r.outputs.empty());  // refused: nothing is rendered
    CHECK(r.setup.empty());
  }
}

TEST_CASE("the limit counts bytes, not characters", "[limits]") {
  ConnectionParams p = self_hosted();
  std::string euro;
  for (int i = 0; i < 1366; ++i) euro += "€";  // 1366 characters, 4098 bytes
  p.password = euro;
  CHECK(has(crdb_connect::generate(p), "field-too-long", "password"));
}

TEST_CASE("an input over 64 KiB in all is refused as a whole", "[limits]") {
  ConnectionParams p = self_hosted();
  for (const auto& [name, member] : kFields) p.*member = std::string(6600, 'x');  // 66,000 bytes
  const GenerateResult r = crdb_connect::generate(p);
  CHECK(has(r, "input-too-long", ""));
  CHECK_FALSE(r.ok);

  ConnectionParams under = self_hosted();
  for (const auto& [name, member] : kFields) under.*member = std::string(4096, 'x');  // 40,960 bytes
  CHECK_FALSE(has(crdb_connect::generate(under), "input-too-long", ""));
}

TEST_CASE("huge fields (1 MiB) are refused without crashing or rendering anything", "[limits]") {
  ConnectionParams p = self_hosted();
  p.password = std::string(1 << 20, '"');
  p.database = std::string(1 << 20, '\\');
  const GenerateResult r = crdb_connect::generate(p);
  CHECK(has(r, "input-too-long", ""));
  CHECK(has(r, "field-too-long", "database"));
  CHECK_FALSE(r.ok);
  CHECK(r.outputs.empty());
  CHECK(crdb_connect::to_json(r).size() < 4096);  // only the diagnostics
}
