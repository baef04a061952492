// What the generator promises beyond the golden files: the shape of each
// output, encoding rules that real drivers need, and driver selection.
#include <catch2/catch.hpp>

#include "cases.hpp"
#include "crdb_connect/crdb_connect.hpp"

using namespace crdb_connect;

namespace {

ConnectionParams case_named(const std::string& name) {
  for (const auto& c : test::golden_cases()) {
    if (c.name == name) return c.params;
  }
  FAIL("no case " << name);
  return {};
}

const Output& output_for(const GenerateResult& result, std::string_view driver) {
  for (const auto& o : result.outputs) {
    if (o.driver == driver) return o;
  }
  FAIL("no output for " << driver);
  return result.outputs.front();
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("outputs follow the driver table's order and ids", "[generate]") {
  const auto result = generate(case_named("serverless"));
  REQUIRE(result.outputs.size() == 13);
  const std::vector<std::string> expected{"node-postgres", "sequelize", "typeorm", "psycopg2", "sqlalchemy",
                                          "django",        "pgx",       "pq",      "gorm",     "jdbc",
                                          "hibernate",     "ruby-pg",   "activerecord"};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(result.outputs[i].driver == expected[i]);
    CHECK(driver_table()[i].id == expected[i]);
  }
}

TEST_CASE("every output is complete", "[generate]") {
  for (const auto& c : test::golden_cases()) {
    for (const auto& o : generate(c.params).outputs) {
      INFO(c.name << " / " << o.driver);
      CHECK(!o.name.empty());
      CHECK(!o.install.empty());
      CHECK(!o.snippet.empty());
      CHECK(!o.snippet_file.empty());
      CHECK(o.connection_string.empty() == (o.driver == "django"));
      for (const auto& e : o.env) CHECK(!e.value.empty());
    }
  }
}

TEST_CASE("a subset of drivers can be asked for, in table order", "[generate]") {
  GenerateOptions options;
  options.drivers = {"jdbc", "node-postgres"};
  const auto result = generate(case_named("serverless"), options);
  REQUIRE(result.outputs.size() == 2);
  CHECK(result.outputs[0].driver == "node-postgres");
  CHECK(result.outputs[1].driver == "jdbc");
}

TEST_CASE("Serverless URLs carry verify-full and the encoded cluster option", "[generate][url]") {
  const auto result = generate(case_named("serverless"));
  CHECK(output_for(result, "node-postgres").connection_string ==
        "postgresql://maxroach:Vd8t-2Wq_Lc9@free-tier.gcp-us-central1.cockroachlabs.cloud:26257/defaultdb"
        "?sslmode=verify-full&options=--cluster%3Dfunky-skunk-123");
  CHECK(output_for(result, "sqlalchemy").connection_string.rfind("cockroachdb://", 0) == 0);
  CHECK(output_for(result, "activerecord").connection_string.rfind("cockroachdb://", 0) == 0);
  CHECK(output_for(result, "jdbc").connection_string ==
        "jdbc:postgresql://free-tier.gcp-us-central1.cockroachlabs.cloud:26257/defaultdb"
        "?user=maxroach&password=Vd8t-2Wq_Lc9&sslmode=verify-full&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory"
        "&options=--cluster%3Dfunky-skunk-123");
}

TEST_CASE("passwords are percent-encoded with %20 and %2B, never '+'", "[generate][url]") {
  ConnectionParams p = case_named("serverless");
  p.password = "a b+c@d:e/f?g#h%i&j=k";
  const auto result = generate(p);
  const std::string encoded = "a%20b%2Bc%40d%3Ae%2Ff%3Fg%23h%25i%26j%3Dk";
  for (const auto& o : result.outputs) {
    if (o.connection_string.empty() || o.driver == "typeorm") continue;
    INFO(o.driver << ": " << o.connection_string);
    CHECK(contains(o.connection_string, encoded));
  }
  CHECK(contains(output_for(result, "typeorm").connection_string, ":" + encoded + "@"));
  // Django takes raw values as Python literals.
  CHECK(contains(output_for(result, "django").snippet, "'PASSWORD': 'a b+c@d:e/f?g#h%i&j=k',"));
}

TEST_CASE("IPv6 hosts are bracketed in URLs and raw in settings", "[generate][url]") {
  ConnectionParams p = case_named("dedicated");
  p.host = "2001:db8::1";
  const auto result = generate(p);
  CHECK(contains(output_for(result, "psycopg2").connection_string, "@[2001:db8::1]:26257/"));
  CHECK(contains(output_for(result, "jdbc").connection_string, "//[2001:db8::1]:26257/"));
  CHECK(contains(output_for(result, "django").snippet, "'HOST': '2001:db8::1',"));
}

TEST_CASE("TypeORM gets TLS in code, with certificate contents, and no URL query", "[generate][typeorm]") {
  const auto serverless = output_for(generate(case_named("serverless")), "typeorm");
  CHECK(serverless.connection_string.find('?') == std::string::npos);
  CHECK(contains(serverless.snippet, "ssl: true,"));
  CHECK(contains(serverless.snippet, "options: \"--cluster=funky-skunk-123\","));

  const auto self_hosted = output_for(generate(case_named("self-hosted")), "typeorm");
  CHECK(contains(self_hosted.snippet, "ca: readFileSync(process.env.CA_CERT!).toString(),"));
  CHECK(contains(self_hosted.snippet, "key: readFileSync(process.env.CLIENT_KEY!).toString(),"));
  REQUIRE(self_hosted.env.size() == 4);
  CHECK(self_hosted.env[1].name == "CA_CERT");
  CHECK(self_hosted.env[1].value == "/home/max/certs/ca.crt");
}

TEST_CASE("Self-hosted outputs never carry a password, even when one is typed", "[generate]") {
  ConnectionParams p = case_named("self-hosted");
  p.password = "should-not-appear";
  for (const auto& o : generate(p).outputs) {
    INFO(o.driver);
    CHECK_FALSE(contains(o.connection_string, "should-not-appear"));
    CHECK_FALSE(contains(o.snippet, "should-not-appear"));
  }
}

TEST_CASE("certificate paths are encoded in URLs and escaped in code", "[generate][paths]") {
  const auto result = generate(case_named("hostile-self-hosted"));
  CHECK(contains(output_for(result, "pgx").connection_string,
                 "sslrootcert=C%3A%5Ccerts%5Cca%20%231.crt&sslcert=C%3A%5Ccerts%5Cclient%26user%3Dx.crt"
                 "&sslkey=C%3A%5Ccerts%5Cclient%20key%2520.key"));
  CHECK(contains(output_for(result, "django").snippet, "os.path.expandvars('C:\\\\certs\\\\ca #1.crt')"));
}

TEST_CASE("Sequelize offers the 6.9-and-earlier format as a variant", "[generate][sequelize]") {
  const auto out = output_for(generate(case_named("serverless")), "sequelize");
  REQUIRE(out.variants.size() == 1);
  CHECK(out.variants[0].value ==
        "postgresql://maxroach:Vd8t-2Wq_Lc9@free-tier.gcp-us-central1.cockroachlabs.cloud:26257/"
        "funky-skunk-123.defaultdb?ssl=true");
  const auto dedicated = output_for(generate(case_named("dedicated")), "sequelize");
  CHECK(contains(dedicated.variants[0].value, "/bank?ssl=true&sslrootcert=/home/max/.postgresql/root.crt"));
}

TEST_CASE("Hibernate's XML escapes the URL's ampersands", "[generate][hibernate]") {
  const auto out = output_for(generate(case_named("serverless")), "hibernate");
  CHECK(contains(out.snippet, "?user=maxroach&amp;password=Vd8t-2Wq_Lc9&amp;sslmode=verify-full&amp;sslfactory="));
  REQUIRE(out.variants.size() == 1);
  CHECK(contains(out.variants[0].value, "System.getenv(\"DATABASE_URL\")"));
}

TEST_CASE("Go snippets inline the URL as an escaped Go string", "[generate][go]") {
  const auto result = generate(case_named("hostile-serverless"));
  for (const std::string driver : {"pgx", "pq", "gorm"}) {
    const auto& out = output_for(result, driver);
    INFO(driver);
    CHECK(contains(out.snippet, escape::go_string(out.connection_string)));
    CHECK(out.env.empty());
  }
}

TEST_CASE("libpq drivers on Serverless are told where the CA certificate must be", "[generate][notes]") {
  const auto result = generate(case_named("serverless"));
  for (const auto& o : result.outputs) {
    bool mentions_root_crt = false;
    for (const auto& n : o.notes) {
      mentions_root_crt = mentions_root_crt || contains(std::string(n.view()), "~/.postgresql/root.crt");
    }
    // pgJDBC reads the same file by default; its note explains the sslfactory it adds instead.
    const bool reads_root_crt = find_driver(o.driver)->uses_libpq || find_driver(o.driver)->language == Language::java;
    INFO(o.driver);
    CHECK(mentions_root_crt == reads_root_crt);
  }
  ConnectionParams with_ca = case_named("serverless");
  with_ca.root_cert = "/certs/ca.crt";
  const auto psycopg2 = output_for(generate(with_ca), "psycopg2");
  CHECK(contains(psycopg2.connection_string, "&sslrootcert=/certs/ca.crt&options="));
}

TEST_CASE("JSON output is stable and escapes every string", "[json]") {
  ConnectionParams p = case_named("serverless");
  p.password = "q\"\\\n\x01";
  const std::string json = to_json(generate(p));
  CHECK(json.rfind("{\"ok\":false,\"diagnostics\":[", 0) == 0);  // Hibernate's XML cannot carry \x01
  std::string python_literal_in_json;
  append_json_string(python_literal_in_json, "'PASSWORD': " + escape::python_string(p.password) + ",");
  python_literal_in_json = python_literal_in_json.substr(1, python_literal_in_json.size() - 2);
  CHECK(contains(json, python_literal_in_json));
  CHECK(escape::python_string(p.password) == "'q\"\\\\\\n\\x01'");
  std::string s;
  append_json_string(s, std::string("bad\xFF", 4));
  CHECK(s == "\"bad\xEF\xBF\xBD\"");
}

TEST_CASE("JSON writes severities and driver languages as strings", "[json]") {
  ConnectionParams p = case_named("serverless");
  p.port = "x";
  const std::string json = to_json(generate(p));
  CHECK(contains(json, "\"code\":\"port-invalid\",\"field\":\"port\",\"severity\":\"error\","));
  CHECK(contains(drivers_json(), "{\"id\":\"node-postgres\",\"name\":\"node-postgres\",\"language\":\"javascript\","));
}
