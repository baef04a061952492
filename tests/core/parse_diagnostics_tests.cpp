// One test per diagnostic code the parser emits: each input must produce that
// code with a position inside the input. The table must cover every parser
// code in diagnostic_codes.hpp.
#include <algorithm>
#include <catch2/catch.hpp>

#include <random>
#include <set>
#include <string>

#include "crdb_connect/diagnostic_codes.hpp"
#include "crdb_connect/parse.hpp"

namespace {

struct Case {
  const char* code;
  std::string input;
  bool is_error;
};

const Case kCases[] = {
    {"input-empty", "   ", true},
    {"input-too-long", "postgresql://h/" + std::string(70000, 'a'), true},
    {"invalid-utf8", "postgresql://u@h:26257/db\xff", false},
    {"nul-character", "postgresql://a%00b@h:26257/db", true},
    {"format-unknown", "just some words", true},
    {"command-line-no-connection-string", "cockroach sql --insecure", true},
    {"command-line-argument-ignored", "psql \"postgresql://u@h:26257/db\" alice extra", false},
    {"command-line-option-overridden", "psql -U alice \"postgresql://bob@h:26257/db\"", false},
    {"uri-syntax", "postgresql://[::1:26257/db", true},
    {"percent-encoding-invalid", "postgresql://u:p%zz@h:26257/db", true},
    {"query-missing-equals", "postgresql://h:26257/db?sslmode", true},
    {"query-unencoded-equals", "postgresql://h:26257/db?options=--cluster=funky-skunk-123", true},
    {"query-plus-ambiguous", "postgresql://h:26257/db?application_name=a+b", false},
    {"jdbc-plus-is-space", "jdbc:postgresql://h:26257/db?user=u&password=a+b", false},
    {"unexpected-spaces", "postgresql://h:26257/db?application_name=a b", true},
    {"keyword-missing-equals", "host=h user", true},
    {"unterminated-quote", "host=h password='abc", true},
    {"parameter-unknown", "postgresql://h:26257/db?uzer=x", false},
    {"parameter-repeated", "postgresql://u@h:26257/db?user=v", false},
    {"password-raw-at", "postgresql://u:p@ss@h:26257/db", true},
    {"password-raw-colon", "postgresql://u:p:ss@h:26257/db", false},
    {"password-raw-slash", "postgresql://u:pa/ss@h:26257/db", true},
    {"routing-id-conflict",
     "postgresql://u:p@h.cockroachlabs.cloud:26257/funky-skunk-123.db?ssl=true&options=--cluster%3Dother-cluster-2", true},
    {"sslmode-unknown", "postgresql://h:26257/db?sslmode=verify_full", true},
    {"hosts-extra", "postgresql://h1:26257,h2:26257/db", false},
    {"hosts-ports-mismatch", "host=h1,h2,h3 port=1,2", true},
    {"port-missing", "postgresql://u@h/db", false},
    {"port-invalid", "postgresql://u@h:99999/db", true},
};

bool is_parser_code(std::string_view code) {
  for (const auto& c : kCases)
    if (code == c.code) return true;
  return false;
}

}  // namespace

TEST_CASE("every parser diagnostic code has a case that produces it, with a position", "[diagnostics]") {
  for (const auto& c : kCases) {
    INFO("code " << c.code << ", input " << c.input.substr(0, 120));
    const auto r = crdb_connect::parse(c.input);
    const crdb_connect::Diagnostic* found = nullptr;
    for (const auto& d : r.diagnostics)
      if (d.code == c.code) found = &d;
    REQUIRE(found != nullptr);
    CHECK(found->offset >= 0);
    CHECK(found->offset + found->length <= static_cast<long>(c.input.size()));
    CHECK((found->severity == crdb_connect::Severity::error) == c.is_error);
    CHECK(r.ok == !c.is_error);
    bool listed = false;
    for (const auto& info : crdb_connect::kDiagnosticCodes) listed = listed || info.code == c.code;
    CHECK(listed);
  }
}

TEST_CASE("the parser's codes in diagnostic_codes.hpp all have a case", "[diagnostics]") {
  // The generator's codes are tested with generate(); these are the parser's.
  const std::set<std::string> parser_codes{
      "input-empty", "format-unknown", "command-line-no-connection-string", "command-line-argument-ignored",
      "command-line-option-overridden", "uri-syntax", "percent-encoding-invalid",
      "query-missing-equals", "query-unencoded-equals", "query-plus-ambiguous", "jdbc-plus-is-space",
      "unexpected-spaces", "keyword-missing-equals", "unterminated-quote", "parameter-unknown", "parameter-repeated",
      "password-raw-at", "password-raw-colon", "password-raw-slash", "routing-id-conflict", "sslmode-unknown",
      "hosts-extra", "hosts-ports-mismatch", "port-missing"};
  for (const auto& code : parser_codes) {
    INFO(code);
    CHECK(is_parser_code(code));
    bool listed = false;
    for (const auto& info : crdb_connect::kDiagnosticCodes) listed = listed || info.code == code;
    CHECK(listed);
  }
}

TEST_CASE("positions point into the original text through quotes and command lines", "[diagnostics]") {
  const std::string text = "cockroach sql --url \"postgresql://u:p@h:26257/db?sslmode=bogus\"";
  const auto r = crdb_connect::parse(text);
  REQUIRE_FALSE(r.diagnostics.empty());
  const auto& d = r.diagnostics.back();
  CHECK(d.code == "sslmode-unknown");
  CHECK(text.substr(static_cast<std::size_t>(d.offset), static_cast<std::size_t>(d.length)) == "bogus");
  CHECK(r.wrapper == "cockroach-sql");
}

TEST_CASE("command lines and assignments are unwrapped", "[parse]") {
  const std::string url = "postgresql://max:secret@free-tier.gcp-us-central1.cockroachlabs.cloud:26257/defaultdb"
                          "?sslmode=verify-full&options=--cluster%3Dfunky-skunk-123";
  for (const std::string& text : {"export DATABASE_URL='" + url + "'", "DATABASE_URL=\"" + url + "\"",
                                  "  psql \"" + url + "\"\n", "cockroach sql --url=" + url, "'" + url + "'"}) {
    INFO(text);
    const auto r = crdb_connect::parse(text);
    CHECK(r.ok);
    CHECK(r.params.username == "max");
    CHECK(r.params.password == "secret");
    CHECK(r.params.routing_id == "funky-skunk-123");
    CHECK(r.params.deployment == "serverless");
    CHECK_FALSE(r.wrapper.empty());
  }
}

TEST_CASE("deployment detection gives a reason", "[parse]") {
  const auto legacy = crdb_connect::parse("postgresql://u:p@h.cockroachlabs.cloud:26257/funky-skunk-123.bank?ssl=true");
  CHECK(legacy.format == "sequelize-legacy");
  CHECK(legacy.params.routing_id == "funky-skunk-123");
  CHECK(legacy.params.database == "bank");
  CHECK(legacy.params.deployment == "serverless");
  const auto self_hosted = crdb_connect::parse("host=h port=26257 user=root sslcert=/c/client.crt sslkey=/c/client.key sslrootcert=/c/ca.crt");
  CHECK(self_hosted.params.deployment == "self-hosted");
  const auto dedicated = crdb_connect::parse("postgresql://u:p@h:26257/db?sslmode=verify-full&sslrootcert=/c/ca.crt");
  CHECK(dedicated.params.deployment == "dedicated");
  for (const auto* r : {&legacy, &self_hosted, &dedicated}) CHECK_FALSE(r->deployment_reason.empty());
}

TEST_CASE("extra parameters and hosts are kept", "[parse]") {
  const auto r = crdb_connect::parse(
      "postgresql://u@h1:26257,[::1]:26258/db?application_name=app&options=--cluster%3Dfunky-skunk-123%20-c%20x%3D1");
  REQUIRE(r.extra_hosts.size() == 1);
  CHECK(r.extra_hosts[0] == "[::1]:26258");
  bool app = false, options = false;
  for (const auto& [k, v] : r.extra_params) {
    app = app || (k == "application_name" && v == "app");
    options = options || (k == "options" && v == "-c x=1");
  }
  CHECK(app);
  CHECK(options);
  CHECK(r.params.routing_id == "funky-skunk-123");
}

TEST_CASE("malformed input never crashes and positions stay inside the input", "[parse]") {
  // Fragments of every grammar the parser reads, glued at random.
  static const char* const kPieces[] = {"postgresql://", "jdbc:postgresql:", "cockroach sql --url ", "psql ", "export ",
                                        "DATABASE_URL=", "'", "\"", "\\", "@", ":", "/", "?", "&", "=", "%", "%2", "%00",
                                        "[", "]", "[::1]", ",", " ", "\t", "host=", "user='", "options=--cluster=",
                                        "a-b-1.", "ssl=true", "sslmode=x", "\xff", "é", "+", "#", "-d", "--url="};
  std::mt19937 rng(7);
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    const int n = static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) text += kPieces[rng() % std::size(kPieces)];
    const auto r = crdb_connect::parse(text);
    for (const auto& d : r.diagnostics) {
      INFO(text);
      CHECK(d.offset >= -1);
      CHECK(d.offset + d.length <= static_cast<long>(text.size()));
    }
    CHECK_FALSE(crdb_connect::to_json(r).empty());
  }
}

TEST_CASE("a flood of one problem is listed 20 times, then once as 'more like this'", "[diagnostics]") {
  // 64 KiB of '&' once gave 43,000 diagnostics and tens of megabytes of wasm memory.
  const std::string text = "postgresql://u@h:26257/db?x=1" + std::string(60000, '&');
  const auto r = crdb_connect::parse(text);
  long missing_equals = 0;
  for (const auto& d : r.diagnostics) missing_equals += d.code == "query-missing-equals";
  CHECK(missing_equals == 21);
  CHECK(r.diagnostics.size() < 30);
  const auto last = std::find_if(r.diagnostics.rbegin(), r.diagnostics.rend(),
                                 [](const auto& d) { return d.code == "query-missing-equals"; });
  CHECK(last->message.find("only the first 20 are listed") != std::string::npos);
}

// What psql 15 connects with for each command line, checked by running the
// real psql against a local server (the user, host, port and database in its
// error messages): options follow getopt, the first two arguments are the
// database and the user unless -d or -U gave them, and a connection string's
// own host, port and user win over -h, -p and -U.
TEST_CASE("psql command lines are read the way psql reads them", "[parse]") {
  struct Expected {
    std::string text;
    std::string user, host, port, database;
    std::vector<std::string> codes;  // warnings beyond port-missing, in any order
  };
  const Expected cases[] = {
      {R"(psql "postgresql://u@h:26257/db" -c "select 1")", "u", "h", "26257", "db", {}},
      {R"(psql -U alice -h other -p 5 "postgresql://bob@h:26257/db")", "bob", "h", "26257", "db",
       {"command-line-option-overridden", "command-line-option-overridden", "command-line-option-overridden"}},
      {R"(psql -U alice "postgresql://h:26257/db")", "alice", "h", "26257", "db", {}},
      {R"(psql -p 26257 "postgresql://u@h/db")", "u", "h", "26257", "db", {}},
      {"psql -h localhost -p 26257 -d mydb alice", "alice", "localhost", "26257", "mydb", {}},
      {"psql -Ualice -hlocalhost -p26257 mydb", "alice", "localhost", "26257", "mydb", {}},
      {"psql -XqU alice -h localhost -p 26257 bank", "alice", "localhost", "26257", "bank", {}},
      {"psql --username=alice --host localhost --port=26257 -- bank", "alice", "localhost", "26257", "bank", {}},
      {R"(psql "postgresql://u@h:26257/db" posuser extra1 extra2)", "u", "h", "26257", "db",
       {"command-line-option-overridden", "command-line-argument-ignored"}},
      {R"(psql -d "host=h port=26257 user=u dbname=db" -U alice)", "u", "h", "26257", "db",
       {"command-line-option-overridden"}},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const auto r = crdb_connect::parse(c.text);
    CHECK(r.wrapper == "psql");
    CHECK(r.params.username == c.user);
    CHECK(r.params.host == c.host);
    CHECK(r.params.port == c.port);
    CHECK(r.params.database == c.database);
    std::vector<std::string> codes;
    for (const auto& d : r.diagnostics) {
      if (d.code == "port-missing") continue;
      codes.push_back(d.code);
      CHECK(d.offset >= 0);
      CHECK(d.offset + d.length <= static_cast<long>(c.text.size()));
    }
    std::vector<std::string> expected = c.codes;
    std::sort(codes.begin(), codes.end());
    std::sort(expected.begin(), expected.end());
    CHECK(codes == expected);
  }
}

TEST_CASE("a psql option the connection string overrides is named at its own position", "[parse]") {
  const std::string text = R"(psql -U alice "postgresql://bob@h:26257/db")";
  const auto r = crdb_connect::parse(text);
  const auto found = std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                                  [](const auto& d) { return d.code == "command-line-option-overridden"; });
  REQUIRE(found != r.diagnostics.end());
  CHECK(found->field == "username");
  CHECK(text.substr(static_cast<std::size_t>(found->offset), static_cast<std::size_t>(found->length)) == "alice");
  CHECK(found->message.find("\"bob\"") != std::string::npos);
}

TEST_CASE("psql's ignored arguments are one diagnostic that spans them", "[parse]") {
  const std::string text = R"(psql mydb alice extra1 'extra 2' extra3)";
  const auto r = crdb_connect::parse(text);
  const auto found = std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                                  [](const auto& d) { return d.code == "command-line-argument-ignored"; });
  REQUIRE(found != r.diagnostics.end());
  CHECK(text.substr(static_cast<std::size_t>(found->offset), static_cast<std::size_t>(found->length)) ==
        "extra1 'extra 2' extra3");
  CHECK(found->message.find("3 arguments") != std::string::npos);
  CHECK(r.params.username == "alice");
  CHECK(r.params.database == "mydb");
}

// cockroach sql combines --url and its discrete flags "in the order it appears
// in the command line" (CockroachDB's Client Connection Parameters page, whose
// example `--url "postgres://root@servername:26257/?sslmode=disable" --database
// mydb` connects to mydb). The cockroach binary is not installable here, so
// these follow that documentation.
TEST_CASE("cockroach sql flags and --url are combined in command-line order", "[parse]") {
  struct Expected {
    std::string text;
    std::string user, host, port, database, format;
  };
  const Expected cases[] = {
      {R"(cockroach sql --url "postgres://root@servername:26257/?sslmode=disable" --database mydb)", "root",
       "servername", "26257", "mydb", "postgresql-uri"},
      {R"(cockroach sql -d mydb --url "postgres://root@servername:26257/db?sslmode=disable")", "root", "servername",
       "26257", "db", "postgresql-uri"},
      {R"(cockroach sql --url "postgresql://root@h:26257/db" --user=alice --host h2)", "alice", "h2", "26257", "db",
       "postgresql-uri"},
      {"cockroach sql --host=[::1]:26000 -u alice -dbank --insecure", "alice", "::1", "26000", "bank",
       "cockroach-sql-flags"},
      {R"(cockroach sql --url "postgresql://root@h:26257/db?sslmode=disable" --certs-dir=certs -e "select 1")", "root",
       "h", "26257", "db", "postgresql-uri"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const auto r = crdb_connect::parse(c.text);
    CHECK(r.wrapper == "cockroach-sql");
    CHECK(r.format == c.format);
    CHECK(r.params.username == c.user);
    CHECK(r.params.host == c.host);
    CHECK(r.params.port == c.port);
    CHECK(r.params.database == c.database);
    for (const auto& d : r.diagnostics) {
      CHECK(d.offset >= 0);
      CHECK(d.offset + d.length <= static_cast<long>(c.text.size()));
    }
  }
  const auto repeated = crdb_connect::parse(cases[1].text);
  CHECK(std::any_of(repeated.diagnostics.begin(), repeated.diagnostics.end(),
                    [](const auto& d) { return d.code == "parameter-repeated" && d.field == "database"; }));
}

TEST_CASE("cockroach sql --certs-dir gives the files cockroach picks from the folder", "[parse]") {
  // The documented way to reach a secure self-hosted cluster: the user is root
  // unless --user says otherwise, and the files are named after the user.
  const auto root = crdb_connect::parse("cockroach sql --certs-dir=certs --host=localhost:26257");
  CHECK(root.ok);
  CHECK(root.format == "cockroach-sql-flags");
  CHECK(root.params.deployment == "self-hosted");
  CHECK(root.params.username == "root");
  CHECK(root.params.host == "localhost");
  CHECK(root.params.port == "26257");
  CHECK(root.params.root_cert == "certs/ca.crt");
  CHECK(root.params.client_cert == "certs/client.root.crt");
  CHECK(root.params.client_key == "certs/client.root.key");

  const std::string text = "cockroach sql --certs-dir '/home/max/my certs/' --user=maxroach --host=db.example.com -d bank";
  const auto max = crdb_connect::parse(text);
  CHECK(max.params.username == "maxroach");
  CHECK(max.params.database == "bank");
  CHECK(max.params.root_cert == "/home/max/my certs/ca.crt");
  CHECK(max.params.client_cert == "/home/max/my certs/client.maxroach.crt");
  CHECK(max.params.client_key == "/home/max/my certs/client.maxroach.key");
  CHECK(max.params.port == "26257");  // cockroach's default, said by port-missing
  REQUIRE(max.extra_params.size() == 1);
  CHECK(max.extra_params[0] == std::pair<std::string, std::string>{"sslmode", "verify-full"});

  // With --url the URL names the files; with --insecure there are none.
  for (const std::string& kept : {std::string(R"(cockroach sql --url "postgresql://root@h:26257/db" --certs-dir=certs)"),
                                  std::string("cockroach sql --certs-dir=certs --host=h --insecure")}) {
    INFO(kept);
    const auto r = crdb_connect::parse(kept);
    CHECK(r.params.root_cert.empty());
    CHECK(std::any_of(r.extra_params.begin(), r.extra_params.end(),
                      [](const auto& p) { return p.first == "--certs-dir" && p.second == "certs"; }));
  }
}

TEST_CASE("a cockroach sql line of flags takes cockroach's defaults for what it leaves out", "[parse]") {
  const std::string text = "cockroach sql --host=db.example.com --insecure";
  const auto r = crdb_connect::parse(text);
  CHECK(r.params.username == "root");
  CHECK(r.params.host == "db.example.com");
  CHECK(r.params.port == "26257");
  const auto port = std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                                 [](const auto& d) { return d.code == "port-missing"; });
  REQUIRE(port != r.diagnostics.end());
  CHECK(port->message.find("26257") != std::string::npos);
  CHECK(text.substr(static_cast<std::size_t>(port->offset), static_cast<std::size_t>(port->length)) == "db.example.com");
  // A URL is read as drivers read it: no port is libpq's 5432, which port-missing says.
  CHECK(crdb_connect::parse(R"(cockroach sql --url "postgresql://root@h/db")").params.port == "5432");
}
