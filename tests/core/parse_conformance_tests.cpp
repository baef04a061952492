// Conformance with the peers' own test suites: every vector in
// ../shared/conformance/*.jsonl that applies to the formats parse() reads is
// run. kDeliberateDifferences lists, with the reason, the vectors where we
// differ on purpose (the peers disagree among themselves); every other
// applicable vector must pass, and a listed vector that starts passing fails
// the test so the table stays true.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "crdb_connect/parse.hpp"
#include "mini_json.hpp"
#include "parse_internal.hpp"

#ifndef CRDB_CONFORMANCE_DIR
#error "CRDB_CONFORMANCE_DIR must name ../shared/conformance"
#endif

namespace {

using crdb_connect::ParseResult;
using mini_json::Value;

struct Difference {
  const char* id;
  const char* reason;
};

// clang-format off
const Difference kDeliberateDifferences[] = {
#include "parse_conformance_differences.inc"
};
// clang-format on

std::map<std::string, std::string> difference_table() {
  std::map<std::string, std::string> out;
  for (const auto& d : kDeliberateDifferences) out[d.id] = d.reason;
  return out;
}

std::string scalar(const Value& v) {
  if (v.type == Value::Type::boolean) return v.boolean ? "true" : "false";
  return v.text;
}

bool has_placeholder(const Value& v) { return v.is_string() && v.text.find("${") != std::string::npos; }

const std::string* setting(const ParseResult& r, const std::string& key) {
  for (const auto& [k, v] : r.settings)
    if (k == key) return &v;
  return nullptr;
}

bool env_is_clear(const Value& row) {
  const Value* env = row.get("env");
  if (!env) return true;
  for (const auto& [k, v] : env->members)
    if (!(v.is_string() && v.text.empty())) return false;
  return true;
}

bool is_uri(const std::string& s) { return crdb_connect::parsing::uri_prefix_length(s) > 0; }

// Whether a vector exercises something parse() does, and not a peer's
// defaults, files, environment, TLS objects or formatter.
bool applies(const std::string& file, const Value& row) {
  const std::string kind = row.get("kind")->text;
  const std::string input = row.get("input")->text;
  if (row.get("files") || row.get("options")) return false;
  if (file == "libpq-uri.jsonl") return kind == "parse";
  if (file == "pgx-keyword-value.jsonl") return kind == "keyword_value";
  if (file == "pgx-url-settings.jsonl") return kind == "url_settings" || kind == "uri_decode";
  if (file == "pgx-config.jsonl")
    return (kind == "config" || kind == "error_redaction") && !input.empty() && env_is_clear(row);
  if (file == "pg-connection-string.jsonl")
    return (kind == "parse" || kind == "error_redaction") && is_uri(input);
  if (file == "pgjdbc-url.jsonl") return kind == "parse";
  if (file == "sqlalchemy-url.jsonl") {
    const bool ours = input.rfind("postgres", 0) == 0 || input.rfind("cockroachdb", 0) == 0;
    return ours && (kind == "make_url" || kind == "psycopg_connect_args" || kind == "psycopg2_connect_args");
  }
  return false;
}

// pgx-config asserts pgx's defaults: an absent key we leave unset is fine
// when the peer's value is its default.
bool is_peer_default(const std::string& file, const std::string& key, const std::string& value) {
  if (file == "pgx-config.jsonl") return (key == "port" && value == "5432") || value.empty();
  if (file == "pgjdbc-url.jsonl") return false;
  return false;
}

bool is_pgx_config_field(const std::string& key) {
  static const std::set<std::string> kFields{"sslmode", "sslsni", "sslrootcert", "sslcert", "sslkey",
                                              "sslpassword", "target_session_attrs", "connect_timeout",
                                              "channel_binding", "min_protocol_version", "max_protocol_version"};
  return kFields.count(key) > 0;
}

// libpq's harness prints only values that differ from PQconndefaults().
bool is_libpq_default(const Value& row, const std::string& key, const std::string& value) {
  if (key == "port" && value == "5432") return true;
  const Value* env = row.get("env");
  const Value* rootcert = env ? env->get("PGSSLROOTCERT") : nullptr;
  return key == "sslmode" && value == "verify-full" && rootcert && rootcert->text == "system";
}

// Returns "" when the row passes, otherwise why not.
std::string check_row(const std::string& file, const Value& row) {
  const std::string kind = row.get("kind")->text;
  const std::string input = row.get("input")->text;
  if (kind == "uri_decode") {
    std::string decoded;
    std::vector<crdb_connect::Diagnostic> diagnostics;
    const bool ok = crdb_connect::parsing::percent_decode(input, 0, false, decoded, diagnostics);
    if (row.get("error")) return ok ? "decoded \"" + decoded + "\" but the peer fails" : "";
    const Value* expect = row.get("expect");
    const Value* want = expect ? expect->get("decoded") : nullptr;
    if (!want) return "no expected value";
    if (!ok) return "decoding failed: " + diagnostics.front().message;
    return decoded == want->text ? "" : "decoded \"" + decoded + "\", want \"" + want->text + "\"";
  }
  const ParseResult r = crdb_connect::parse(input);
  std::string first_error;
  for (const auto& d : r.diagnostics)
    if (d.severity == crdb_connect::Severity::error && first_error.empty()) first_error = d.code + ": " + d.message;
  if (const Value* error = row.get("error")) {
    if (r.ok) return "parsed without an error, the peer fails with \"" + error->text + "\"";
    // Secrets must not leak into our messages either.
    if (const Value* never = row.get("error_not_contains")) {
      for (const auto& item : never->type == Value::Type::array ? never->items : std::vector<Value>{*never})
        for (const auto& d : r.diagnostics)
          if (d.message.find(item.text) != std::string::npos) return "a message contains \"" + item.text + "\"";
    }
    return "";
  }
  if (!r.ok) return "error " + first_error;
  const Value* expect = row.get("expect");
  if (!expect) return "";
  std::set<std::string> expected_keys;
  for (const auto& [key, want] : expect->members) {
    expected_keys.insert(key);
    if (has_placeholder(want)) continue;
    const std::string* got = setting(r, key);
    // ParseConfig's Host and Port are the first target; the others are fallbacks.
    std::string first;
    if (got && file == "pgx-config.jsonl" && (key == "host" || key == "port")) {
      first = got->substr(0, got->find(','));
      got = &first;
    }
    if (want.type == Value::Type::null) {
      if (got) return key + " is \"" + *got + "\", the peer has none";
      continue;
    }
    const std::string want_text = scalar(want);
    if (!got) {
      if (is_peer_default(file, key, want_text)) continue;
      return key + " missing, want \"" + want_text + "\"";
    }
    if (*got != want_text) return key + " is \"" + *got + "\", want \"" + want_text + "\"";
  }
  const Value* complete = row.get("expect_complete");
  if (complete && complete->boolean) {
    for (const auto& [key, value] : r.settings) {
      if (expected_keys.count(key)) continue;
      if (file == "libpq-uri.jsonl" && is_libpq_default(row, key, value)) continue;
      // ParseConfig keeps TLS, timeouts and protocol settings in Config fields, not in the
      // asserted map; completeness covers the connection fields and run-time parameters.
      if (file == "pgx-config.jsonl" && is_pgx_config_field(key)) continue;
      // pgx cannot tell an empty user, password or database from an absent one.
      if (file == "pgx-config.jsonl" && (key == "user" || key == "password" || key == "dbname") && value.empty())
        continue;
      return "extra setting " + key + "=\"" + value + "\"";
    }
  }
  return "";
}

void run_file(const std::string& file) {
  const auto differences = difference_table();
  std::ifstream in(std::string(CRDB_CONFORMANCE_DIR) + "/" + file);
  REQUIRE(in.good());
  std::string line;
  int total = 0, applicable = 0, passed = 0, differing = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    ++total;
    Value row;
    REQUIRE(mini_json::parse(line, row));
    const std::string id = row.get("id")->text;
    if (!applies(file, row)) continue;
    ++applicable;
    const std::string failure = check_row(file, row);
    const auto listed = differences.find(id);
    if (listed != differences.end()) {
      ++differing;
      INFO(id << " is listed as a deliberate difference (" << listed->second << ") but now passes");
      CHECK_FALSE(failure.empty());
      continue;
    }
    if (std::getenv("CRDB_CONFORMANCE_VERBOSE") && !failure.empty())
      std::printf("FAIL %s\t%s\t%s\n", id.c_str(), row.get("input")->text.c_str(), failure.c_str());
    INFO(id << " input: " << row.get("input")->text);
    CHECK(failure == "");
    if (failure.empty()) ++passed;
  }
  std::printf("conformance %-28s %3d vectors, %3d applicable, %3d pass, %2d deliberate differences\n", file.c_str(),
              total, applicable, passed, differing);
  CHECK(total > 0);
}

}  // namespace

TEST_CASE("conformance: libpq URIs", "[conformance]") { run_file("libpq-uri.jsonl"); }
TEST_CASE("conformance: pgx URL settings and decoder", "[conformance]") { run_file("pgx-url-settings.jsonl"); }
TEST_CASE("conformance: pgx keyword/value", "[conformance]") { run_file("pgx-keyword-value.jsonl"); }
TEST_CASE("conformance: pgx ParseConfig", "[conformance]") { run_file("pgx-config.jsonl"); }
TEST_CASE("conformance: pg-connection-string", "[conformance]") { run_file("pg-connection-string.jsonl"); }
TEST_CASE("conformance: pgJDBC URLs", "[conformance]") { run_file("pgjdbc-url.jsonl"); }
TEST_CASE("conformance: SQLAlchemy URLs", "[conformance]") { run_file("sqlalchemy-url.jsonl"); }
