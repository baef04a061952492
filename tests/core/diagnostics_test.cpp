// One test per diagnostic code: a minimal input that triggers it, the field it
// names and its severity. A code in diagnostic_codes.hpp without a trigger here
// fails the suite.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <map>

#include "cases.hpp"
#include "crdb_connect/crdb_connect.hpp"
#include "crdb_connect/diagnostic_codes.hpp"

using namespace crdb_connect;

namespace {

struct Trigger {
  std::string base;  // golden case to start from
  std::function<void(ConnectionParams&)> change;
  std::string field;
  Severity severity;
  GenerateOptions options = {};
};

ConnectionParams base_case(const std::string& name) {
  for (const auto& c : test::golden_cases()) {
    if (c.name == name) return c.params;
  }
  FAIL("no golden case " << name);
  return {};
}

const std::map<std::string, Trigger>& triggers() {
  static const std::map<std::string, Trigger> table{
      {"deployment-invalid", {"serverless", [](auto& p) { p.deployment = "cloud"; }, "deployment", Severity::error}},
      {"driver-unknown", {"serverless", [](auto&) {}, "drivers", Severity::error, {{"pgx", "mysql"}}}},
      {"field-required", {"dedicated", [](auto& p) { p.root_cert.clear(); }, "rootCert", Severity::error}},
      {"field-ignored", {"self-hosted", [](auto& p) { p.password = "x"; }, "password", Severity::warning}},
      {"field-too-long", {"serverless", [](auto& p) { p.database = std::string(5000, 'a'); }, "database", Severity::error}},
      {"input-too-long", {"serverless", [](auto& p) {
         p.password = std::string(30000, 'a');
         p.database = std::string(30000, 'b');
         p.host = std::string(10000, 'c');
       }, "", Severity::error}},
      {"invalid-utf8", {"serverless", [](auto& p) { p.username = "max\xC3"; }, "username", Severity::error}},
      {"nul-character", {"serverless", [](auto& p) { p.password = std::string("a\0b", 3); }, "password", Severity::error}},
      {"control-character", {"serverless", [](auto& p) { p.database = "bank\n"; }, "database", Severity::error}},
      {"password-control-character", {"serverless", [](auto& p) { p.password = "a\tb"; }, "password", Severity::warning}},
      {"surrounding-whitespace", {"serverless", [](auto& p) { p.username = "maxroach "; }, "username", Severity::warning}},
      {"host-is-url", {"serverless", [](auto& p) { p.host = "postgresql://u@h:26257/db"; }, "host", Severity::error}},
      {"host-has-port", {"dedicated", [](auto& p) { p.host = "db.example.com:26257"; }, "host", Severity::error}},
      {"host-has-path", {"dedicated", [](auto& p) { p.host = "db.example.com/bank"; }, "host", Severity::error}},
      {"host-has-userinfo", {"dedicated", [](auto& p) { p.host = "max@db.example.com"; }, "host", Severity::error}},
      {"host-invalid", {"dedicated", [](auto& p) { p.host = "db..example.com"; }, "host", Severity::error}},
      {"host-brackets-removed", {"dedicated", [](auto& p) { p.host = "[::1]"; }, "host", Severity::info}},
      {"host-not-serverless", {"serverless", [](auto& p) { p.host = "db.example.com"; }, "host", Severity::warning}},
      {"port-invalid", {"serverless", [](auto& p) { p.port = "70000"; }, "port", Severity::error}},
      {"routing-id-invalid", {"serverless", [](auto& p) { p.routing_id = "funky-skunk-1"; }, "routingId", Severity::error}},
      {"username-invalid", {"serverless", [](auto& p) { p.username = "max roach"; }, "username", Severity::warning}},
      {"username-case-folded", {"serverless", [](auto& p) { p.username = "MaxRoach"; }, "username", Severity::info}},
      {"database-needs-quoting", {"serverless", [](auto& p) { p.database = "Bank"; }, "database", Severity::warning}},
      {"database-has-dot", {"serverless", [](auto& p) { p.database = "my.db"; }, "database", Severity::warning}},
      {"path-home-not-expanded", {"dedicated", [](auto& p) { p.root_cert = "~/.postgresql/root.crt"; }, "rootCert", Severity::warning}},
      {"path-relative", {"dedicated", [](auto& p) { p.root_cert = "certs/root.crt"; }, "rootCert", Severity::info}},
      {"key-needs-pk8", {"self-hosted", [](auto&) {}, "clientKey", Severity::warning}},
      {"os-invalid", {"serverless", [](auto& p) { p.os = "beos"; }, "os", Severity::error}},
      {"shell-invalid", {"serverless", [](auto& p) { p.shell = "tcsh"; }, "shell", Severity::error}},
      {"shell-os-mismatch", {"serverless", [](auto& p) { p.shell = "cmd"; }, "shell", Severity::warning}},
      {"cluster-id-invalid", {"serverless", [](auto& p) { p.cluster_id = "funky-skunk-123"; }, "clusterId", Severity::warning}},
      {"shell-cannot-carry", {"serverless", [](auto& p) {
         p.os = "windows";
         p.shell = "cmd";
         p.password = "100%";
       }, "shell", Severity::warning}},
      {"value-not-carried", {"serverless", [](auto& p) { p.database = "a#b"; }, "database", Severity::error}},
  };
  return table;
}

const Diagnostic* find_code(const GenerateResult& result, std::string_view code) {
  auto it = std::find_if(result.diagnostics.begin(), result.diagnostics.end(),
                         [&](const Diagnostic& d) { return d.code == code; });
  return it == result.diagnostics.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("the valid golden cases produce no errors or warnings except the expected ones", "[diagnostics]") {
  for (const std::string name : {"serverless", "dedicated"}) {
    const auto result = generate(base_case(name));
    INFO(name << ": " << to_json(result).substr(0, 400));
    CHECK(result.ok);
    CHECK(result.diagnostics.empty());
  }
  const auto self_hosted = generate(base_case("self-hosted"));
  CHECK(self_hosted.ok);
  REQUIRE(self_hosted.diagnostics.size() == 1);
  CHECK(self_hosted.diagnostics[0].code == "key-needs-pk8");
}

TEST_CASE("every generate() diagnostic code has a trigger, and the trigger produces it", "[diagnostics]") {
  for (const auto& info : kGenerateDiagnosticCodes) {
    const std::string code(info.code);
    SECTION(code) {
      auto it = triggers().find(code);
      INFO("code " << code << " needs a trigger in diagnostics_test.cpp");
      REQUIRE(it != triggers().end());
      ConnectionParams params = base_case(it->second.base);
      it->second.change(params);
      const auto result = generate(params, it->second.options);
      const Diagnostic* d = find_code(result, code);
      INFO(to_json(result).substr(0, 600));
      REQUIRE(d != nullptr);
      CHECK(d->field == it->second.field);
      CHECK(d->severity == it->second.severity);
      CHECK(!d->message.empty());
      CHECK(result.ok == (std::none_of(result.diagnostics.begin(), result.diagnostics.end(),
                                       [](const Diagnostic& x) { return x.severity == Severity::error; })));
    }
  }
}

TEST_CASE("no trigger names a code that does not exist", "[diagnostics]") {
  for (const auto& [code, trigger] : triggers()) {
    const bool known = std::any_of(kGenerateDiagnosticCodes.begin(), kGenerateDiagnosticCodes.end(),
                                   [&](const auto& info) { return info.code == code; });
    INFO(code);
    CHECK(known);
  }
}

TEST_CASE("diagnostic codes are unique and kebab-case", "[diagnostics]") {
  for (std::size_t i = 0; i < kDiagnosticCodes.size(); ++i) {
    const auto code = kDiagnosticCodes[i].code;
    INFO(code);
    CHECK(std::all_of(code.begin(), code.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }));
    for (std::size_t j = i + 1; j < kDiagnosticCodes.size(); ++j) CHECK(kDiagnosticCodes[j].code != code);
  }
}

TEST_CASE("required fields follow the deployment", "[diagnostics]") {
  const auto required_fields = [](const std::string& deployment) {
    ConnectionParams p;
    p.deployment = deployment;
    std::vector<std::string> fields;
    for (const auto& d : generate(p).diagnostics) {
      if (d.code == "field-required") fields.push_back(d.field);
    }
    std::sort(fields.begin(), fields.end());
    return fields;
  };
  CHECK(required_fields("serverless") == std::vector<std::string>{"host", "password", "routingId", "username"});
  CHECK(required_fields("dedicated") == std::vector<std::string>{"host", "password", "rootCert", "username"});
  CHECK(required_fields("self-hosted") ==
        std::vector<std::string>{"clientCert", "clientKey", "host", "rootCert", "username"});
}

TEST_CASE("host validation accepts names and addresses and explains pasted mistakes", "[diagnostics][host]") {
  const auto codes_for = [](const std::string& host) {
    ConnectionParams p = base_case("dedicated");
    p.host = host;
    std::vector<std::string> codes;
    for (const auto& d : generate(p).diagnostics) {
      // value-not-carried is TypeORM's IPv6 limit, tested on its own.
      if (d.field == "host" && d.code != "value-not-carried") codes.push_back(d.code);
    }
    return codes;
  };
  for (const std::string ok : {"localhost", "10.0.0.1", "db-1.example.com", "2001:db8::1", "::1", "::ffff:10.0.0.1",
                               "fe80:0:0:0:0:0:0:1", "my_host.internal", "example.com."}) {
    INFO(ok);
    CHECK(codes_for(ok).empty());
  }
  CHECK(codes_for("256.1.1.1") == std::vector<std::string>{"host-invalid"});
  CHECK(codes_for("1:2:3:4:5:6:7:8:9") == std::vector<std::string>{"host-invalid"});
  CHECK(codes_for("fe80::1%eth0") == std::vector<std::string>{"host-invalid"});
  CHECK(codes_for("exämple.com") == std::vector<std::string>{"host-invalid"});
  CHECK(codes_for("-bad.example.com") == std::vector<std::string>{"host-invalid"});
  CHECK(codes_for(" db.example.com") == std::vector<std::string>{"host-invalid"});
  CHECK(codes_for("[::1]:26257") == std::vector<std::string>{"host-has-port"});
  CHECK(codes_for("cockroachdb://u@h/db") == std::vector<std::string>{"host-is-url"});
}

TEST_CASE("username rules follow CockroachDB's CREATE USER", "[diagnostics]") {
  const auto has = [](const std::string& user, const std::string& code) {
    ConnectionParams p = base_case("serverless");
    p.username = user;
    return find_code(generate(p), code) != nullptr;
  };
  for (const std::string good : {"maxroach", "_svc", "app.user", "jürgen_ñ", "user-1", "名前"}) {
    INFO(good);
    CHECK_FALSE(has(good, "username-invalid"));
  }
  for (const std::string bad : std::vector<std::string>{"1user", "max roach", "a@b", "none", "pg_admin", "crdb_internal_x", "x'y",
                                std::string(64, 'a')}) {
    INFO(bad);
    CHECK(has(bad, "username-invalid"));
  }
  CHECK(has("Max", "username-case-folded"));
}

TEST_CASE("port and routing ID rules", "[diagnostics]") {
  const auto has = [](ConnectionParams p, const std::string& code) { return find_code(generate(p), code) != nullptr; };
  ConnectionParams p = base_case("serverless");
  for (const std::string bad : {"0", "65536", "-1", "26257 ", "abc", "026257", "1e3"}) {
    p.port = bad;
    INFO("port " << bad);
    CHECK(has(p, "port-invalid"));
  }
  for (const std::string good : {"1", "26257", "65535", ""}) {
    p.port = good;
    INFO("port " << good);
    CHECK_FALSE(has(p, "port-invalid"));
  }
  p = base_case("serverless");
  for (const std::string bad : {"funky-skunk-0", "funky-skunk-1", "funky-skunk-01", "Funky-skunk-123", "short-12",
                                "--cluster=funky-skunk-123", "funky-skunk", "-funky-skunk-123", "funky-skunk--123",
                                "funky_skunk-123"}) {
    p.routing_id = bad;
    INFO("routing id " << bad);
    CHECK(has(p, "routing-id-invalid"));
  }
  for (const std::string good : {"funky-skunk-123", "abcdef-2", "a1b2c3-99999", "my-cluster-name-7"}) {
    p.routing_id = good;
    INFO("routing id " << good);
    CHECK_FALSE(has(p, "routing-id-invalid"));
  }
}

TEST_CASE("driver limits name only the drivers affected", "[diagnostics][limits]") {
  ConnectionParams p = base_case("dedicated");
  p.database = "a#b";
  auto result = generate(p);
  const Diagnostic* d = find_code(result, "value-not-carried");
  REQUIRE(d != nullptr);
  CHECK(d->drivers == std::vector<std::string>{"node-postgres", "sequelize", "typeorm", "sqlalchemy"});
  for (const auto& out : result.outputs) {
    const bool affected = std::find(d->drivers.begin(), d->drivers.end(), out.driver) != d->drivers.end();
    INFO(out.driver);
    CHECK(out.ok == !affected);
  }

  // decodeURI decodes %C3%A9, so node-postgres carries non-ASCII names; raw-path drivers do not.
  p.database = "café";
  d = find_code(result = generate(p), "value-not-carried");
  REQUIRE(d != nullptr);
  CHECK(d->drivers == std::vector<std::string>{"sequelize", "typeorm", "sqlalchemy"});

  p = base_case("dedicated");
  p.host = "2001:db8::1";
  d = find_code(result = generate(p), "value-not-carried");
  REQUIRE(d != nullptr);
  CHECK(d->drivers == std::vector<std::string>{"typeorm"});

  p = base_case("dedicated");
  p.password = std::string("a\x01", 2);
  result = generate(p);
  d = nullptr;
  for (const auto& x : result.diagnostics) {
    if (x.code == "value-not-carried" && x.severity == Severity::error) d = &x;
  }
  REQUIRE(d != nullptr);
  CHECK(d->drivers == std::vector<std::string>{"hibernate"});  // XML 1.0 cannot hold \x01

  // Limits are checked only for the drivers asked for.
  p = base_case("dedicated");
  p.database = "a#b";
  GenerateOptions only_go;
  only_go.drivers = {"pgx", "pq", "gorm"};
  result = generate(p, only_go);
  CHECK(find_code(result, "value-not-carried") == nullptr);
  CHECK(result.ok);
}
