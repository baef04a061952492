// Plain value types shared by every part of crdb-connect: what the user gives,
// what the core says about it, and what it produces. No behaviour lives here.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace crdb_connect {

// Deployment is kept as the user's string so an unknown value can be reported
// with a diagnostic instead of being silently mapped to a default.
struct ConnectionParams {
  std::string deployment = "serverless";  // serverless | dedicated | self-hosted
  std::string username;
  std::string password;    // Serverless and Dedicated
  std::string host;
  std::string port;        // empty means 26257
  std::string database;    // empty means defaultdb
  std::string routing_id;  // Serverless: <cluster-name>-<tenant-id>
  std::string root_cert;   // Dedicated, Self-hosted; optional on Serverless
  std::string client_cert; // Self-hosted
  std::string client_key;  // Self-hosted

  // Setup steps: how the user's machine runs them.
  std::string os;          // linux | macos | windows; empty means linux
  std::string shell;       // bash (also zsh) | fish | powershell | cmd | dotenv; empty means the OS's usual shell
  std::string cluster_id;  // CockroachDB Cloud cluster id, for the CA download command; optional
  bool jdbc_pk8_key = false;  // point pgJDBC's sslkey at the .pk8 the convert-key step writes
};

enum class Severity { error, warning, info };

struct Diagnostic {
  std::string code;     // stable kebab-case identifier; tests and JS match on it
  std::string field;    // ConnectionParams field in camelCase, or "" for the whole input
  Severity severity = Severity::error;
  std::string message;  // says what is wrong and how to fix it
  std::vector<std::string> drivers;  // driver ids affected; empty means every driver
  // Position in parsed text (parser diagnostics only); -1 when not applicable.
  long offset = -1;
  long length = 0;
};

// A string of a result that is either text built for it or one of the core's
// own constants, such as a fixed note. A constant is kept as a view of static
// storage (valid for the whole program) instead of a copy: a Serverless
// result's 36 notes are all constants. The wasm boundary also sends a
// constant's text only once per module (wasm/tape.hpp). Reads as a
// std::string_view.
class Text {
 public:
  Text() = default;
  Text(std::string built) : built_(std::move(built)) {}  // NOLINT: built text converts implicitly
  // `literal` must be static storage (a string literal): it is not copied.
  static Text constant(std::string_view literal) {
    Text text;
    text.constant_ = literal;
    return text;
  }

  // A literal's view always has a non-null address, even when empty.
  bool is_constant() const { return constant_.data() != nullptr; }
  std::string_view view() const { return is_constant() ? constant_ : std::string_view(built_); }
  bool empty() const { return view().empty(); }
  operator std::string_view() const { return view(); }  // NOLINT: reads as text wherever a view goes

  friend bool operator==(const Text& a, std::string_view b) { return a.view() == b; }

 private:
  std::string built_;
  std::string_view constant_;
};

struct EnvVar {
  std::string name;
  std::string value;
};

struct Variant {
  std::string label;  // when to use it, e.g. "Sequelize 6.9 and earlier"
  std::string value;
};

// One thing the user does on their machine, as a command for the chosen shell.
struct SetupStep {
  std::string id;       // stable: set-env, get-ca-cert, make-certs, key-permissions, convert-key, sql-shell
  std::string title;
  std::string command;  // ready to paste into the chosen shell (or .env file)
  std::string note;     // what to know before running it; may be empty
};

// The fields that come straight from the driver table (driver, name,
// language, install, snippet_file, snippet_language, docs_url) are views of
// the core's static strings, valid for the whole program: copying seven
// constants into every output was a fifth of generate()'s allocations.
struct Output {
  std::string_view driver;    // stable id, e.g. "node-postgres"
  std::string_view name;      // display name
  std::string_view language;  // javascript | typescript | python | go | java | ruby
  bool ok = true;             // false when an error diagnostic applies to this driver
  std::string connection_string;  // empty for Django (settings dict only)
  std::vector<EnvVar> env;        // variables the snippet reads
  std::string_view install;
  std::string snippet;
  std::string_view snippet_file;      // where the snippet goes, e.g. "settings.py"
  std::string_view snippet_language;  // syntax of the snippet (xml, yaml, python, ...)
  std::string_view docs_url;
  std::vector<Text> notes;
  std::vector<Variant> variants;
  std::vector<SetupStep> setup;  // steps for this driver, for the chosen OS and shell
};

struct GenerateResult {
  bool ok = true;  // false when any diagnostic is an error
  std::vector<Diagnostic> diagnostics;
  std::vector<Output> outputs;
  std::vector<SetupStep> setup;  // steps shared by every driver (SQL shells)
};

struct GenerateOptions {
  std::vector<std::string> drivers;  // driver ids to produce; empty means all 13
};

const char* to_string(Severity severity);

}  // namespace crdb_connect
