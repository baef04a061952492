// Setup steps set exactly the intended value in each shell and .env parser.
// Real shells run where installed (bash, dash, fish); PowerShell and cmd are
// not packaged for Debian, so their quoting is checked against a reader
// written from their documented rules.
#include <catch2/catch.hpp>

#include <random>

#include "cases.hpp"
#include "crdb_connect/crdb_connect.hpp"
#include "process.hpp"

using namespace crdb_connect;

namespace {

// Hostile values plus seeded random ones: quotes, $, backticks, !, %, #, \, Unicode, newlines.
std::vector<std::string> shell_values() {
  std::vector<std::string> values{test::kHostilePassword,
                                  "$(touch /tmp/crdb-connect-pwned)",
                                  "`id`",
                                  "it's",
                                  "'",
                                  "''\\'",
                                  "a\\",
                                  "100% !important ^& | < > \"q\"",
                                  "ü ñ 名前 😀 ‘smart’ “quotes” ‚low‛",
                                  "#comment ; $HOME ${HOME} %PATH%",
                                  "",
                                  " leading and trailing ",
                                  "tab\there\r\nline"};
  std::mt19937 rng(20261125);
  const std::string alphabet = "ab'\"\\$`!%#&|;<>(){}[]*?~ \n=+@:/,.^\t";
  for (int i = 0; i < 400; ++i) {
    std::string v;
    const int length = static_cast<int>(rng() % 24);
    for (int j = 0; j < length; ++j) v += alphabet[rng() % alphabet.size()];
    if (rng() % 5 == 0) v += "é‘’😀";
    values.push_back(v);
  }
  return values;
}

std::string posix_round_trip_script(const std::vector<std::string>& values) {
  std::string script;
  for (const auto& v : values) script += "export X=" + escape::posix_shell(v) + "\nprintf '%s\\0' \"$X\"\n";
  return script;
}

// PowerShell's single-quoted string, as the language specification reads it:
// ' and U+2018..U+201B delimit; two in a row are one literal quote.
std::string read_powershell_single_quoted(const std::string& literal) {
  std::string out;
  std::size_t pos = 0;
  const auto is_quote = [](char32_t cp) { return cp == '\'' || (cp >= 0x2018 && cp <= 0x201B); };
  const auto next = [&](std::size_t& p) {
    std::size_t before = p;
    const unsigned char lead = static_cast<unsigned char>(literal[p]);
    const std::size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    p += len;
    char32_t cp = len == 1 ? lead : lead & (0x3F >> (len - 1));
    for (std::size_t i = 1; i < len; ++i) cp = (cp << 6) | (static_cast<unsigned char>(literal[before + i]) & 0x3F);
    return std::make_pair(cp, literal.substr(before, len));
  };
  REQUIRE(is_quote(next(pos).first));
  while (pos < literal.size()) {
    auto [cp, bytes] = next(pos);
    if (is_quote(cp)) {
      if (pos >= literal.size()) return out;  // closing quote
      std::size_t peek = pos;
      auto following = next(peek);
      REQUIRE(is_quote(following.first));  // an unpaired quote would end the string early
      out += following.second;
      pos = peek;
      continue;
    }
    out += bytes;
  }
  FAIL("unterminated PowerShell string: " << literal);
  return out;
}

ConnectionParams hostile(const std::string& shell, const std::string& os = "linux") {
  ConnectionParams p = test::golden_cases()[3].params;  // hostile-serverless
  p.shell = shell;
  p.os = os;
  return p;
}

const SetupStep* find_step(const std::vector<SetupStep>& steps, const std::string& id) {
  for (const auto& s : steps) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("POSIX shells read single-quoted words back exactly", "[shell]") {
  const auto values = shell_values();
  for (const std::string shell : {"bash", "dash"}) {
    if (!test::has_program(shell)) {
      WARN(shell << " is not installed; skipped");
      continue;
    }
    const auto result = test::run_script(shell, posix_round_trip_script(values));
    INFO(shell);
    REQUIRE(result.exit_code == 0);
    CHECK(test::split_nul(result.output) == values);
  }
}

TEST_CASE("fish reads its single-quoted words back exactly", "[shell]") {
  if (!test::has_program("fish")) {
    WARN("fish is not installed; skipped");
    return;
  }
  const auto values = shell_values();
  std::string script;
  for (const auto& v : values) script += "set -gx X " + escape::fish_shell(v) + "\nprintf '%s\\0' \"$X\"\n";
  const auto result = test::run_script("fish --no-config", script);
  REQUIRE(result.exit_code == 0);
  CHECK(test::split_nul(result.output) == values);
}

TEST_CASE("PowerShell single-quoted strings double every kind of single quote", "[shell]") {
  for (const auto& v : shell_values()) {
    INFO(v);
    CHECK(read_powershell_single_quoted(escape::powershell(v)) == v);
  }
}

TEST_CASE("cmd carries only values without % ! \" or line breaks", "[shell]") {
  CHECK(escape::cmd_can_carry("postgresql://u:secret@h:26257/db?sslmode=verify-full"));
  for (const std::string bad : {"a%20b", "hi!", "say \"x\"", "a\nb"}) CHECK_FALSE(escape::cmd_can_carry(bad));
  const auto result = generate(hostile("cmd", "windows"));
  for (const auto& o : result.outputs) {
    const SetupStep* step = find_step(o.setup, "set-env");
    if (step == nullptr) continue;
    INFO(o.driver << ": " << step->command);
    // Every hostile URL has % escapes, so every step falls back to PowerShell and says why.
    CHECK(step->command.rfind("$env:", 0) == 0);
    CHECK(step->title.find("PowerShell") != std::string::npos);
    CHECK(step->note.find("cmd cannot carry") != std::string::npos);
  }
}

TEST_CASE("set-env steps set exactly the output's values in bash and fish", "[shell][setup]") {
  for (const std::string shell : {"bash", "fish"}) {
    if (!test::has_program(shell)) {
      WARN(shell << " is not installed; skipped");
      continue;
    }
    ConnectionParams p = hostile(shell);
    p.deployment = "dedicated";
    p.root_cert = "/tmp/it's a $HOME `dir`/ca #1.crt";
    const auto result = generate(p);
    std::string script;
    std::vector<std::string> expected;
    for (const auto& o : result.outputs) {
      const SetupStep* step = find_step(o.setup, "set-env");
      if (step == nullptr) continue;
      script += step->command;
      for (const auto& e : o.env) {
        script += "printf '%s\\0' \"$" + e.name + "\"\n";
        expected.push_back(e.value);
      }
    }
    const auto run = test::run_script(shell == "fish" ? "fish --no-config" : shell, script);
    INFO(shell);
    REQUIRE(run.exit_code == 0);
    CHECK(test::split_nul(run.output) == expected);
  }
}

TEST_CASE(".env lines read back exactly in node dotenv, python-dotenv and Ruby dotenv", "[shell][dotenv]") {
  std::vector<std::string> carried;
  for (const auto& v : shell_values()) {
    if (escape::dotenv_can_carry(v)) carried.push_back(v);
  }
  REQUIRE(carried.size() > 100);
  std::string env_file;
  for (std::size_t i = 0; i < carried.size(); ++i) env_file += "V" + std::to_string(i) + "=" + escape::dotenv(carried[i]) + "\n";
  // Per process: the sanitizer build may run this test at the same time.
  const std::string env_path =
      (std::filesystem::temp_directory_path() / ("crdb-connect-test-" + std::to_string(::getpid()) + ".env")).string();
  std::ofstream(env_path, std::ios::binary) << env_file;
  const std::string count = std::to_string(carried.size());

  const std::string node_modules = std::string(CRDB_CONNECT_SOURCE_DIR) + "/node_modules/dotenv";
  struct Parser {
    std::string name, command, script, suffix;
    bool available;
  };
  const std::vector<Parser> parsers{
      {"node dotenv", "node",
       "const v = require('" + node_modules + "').parse(require('fs').readFileSync('" + env_path + "'));\n"
       "for (let i = 0; i < " + count + "; i++) process.stdout.write(v['V' + i] + '\\0');\n",
       ".cjs", std::filesystem::exists(node_modules)},
      {"python-dotenv", "/usr/bin/python3",
       "import sys\nfrom dotenv import dotenv_values\nv = dotenv_values('" + env_path + "', interpolate=False)\n"
       "sys.stdout.write(''.join(v['V%d' % i] + '\\0' for i in range(" + count + ")))\n",
       ".py", std::system("/usr/bin/python3 -c 'import dotenv' 2>/dev/null") == 0},
      {"Ruby dotenv", "ruby",
       "require 'dotenv'\nv = Dotenv::Parser.call(File.read('" + env_path + "'))\n"
       "(0..." + count + ").each { |i| $stdout.write(v[\"V#{i}\"] + \"\\0\") }\n",
       ".rb", std::system("ruby -e 'require \"dotenv\"' 2>/dev/null") == 0},
  };
  for (const auto& parser : parsers) {
    if (!parser.available) {
      WARN(parser.name << " is not installed; skipped");
      continue;
    }
    const auto run = test::run_script(parser.command, parser.script, parser.suffix);
    INFO(parser.name);
    REQUIRE(run.exit_code == 0);
    const auto read = test::split_nul(run.output);
    REQUIRE(read.size() == carried.size());
    for (std::size_t i = 0; i < carried.size(); ++i) {
      INFO("value " << i << ": [" << carried[i] << "] read as [" << read[i] << "]");
      CHECK(read[i] == carried[i]);
    }
  }
  std::filesystem::remove(env_path);
}

TEST_CASE("a mistyped cluster id cannot break out of the download command", "[setup]") {
  ConnectionParams p = test::golden_cases()[0].params;
  p.os = "windows";
  p.shell = "cmd";
  p.cluster_id = "c1d2'e3 \"$(id)\"%PATH%!x!";
  for (const auto& o : generate(p).outputs) {
    for (const auto& step : o.setup) {
      if (step.id != "get-ca-cert") continue;
      INFO(step.command);
      CHECK(step.command.find("clusters/c1d2%27e3%20%22%24%28id%29%22%25PATH%25%21x%21/cert") != std::string::npos);
      CHECK(step.command.find("Invoke-WebRequest") != std::string::npos);  // cmd cannot carry the encoded %
    }
  }
}

TEST_CASE("setup steps follow the deployment, driver and operating system", "[setup]") {
  ConnectionParams serverless = test::golden_cases()[0].params;
  auto result = generate(serverless);
  // A reference into `result`, so pointers from find_step stay valid until it is reassigned.
  static const std::vector<SetupStep> kNoSteps;
  const auto steps_of = [&](const std::string& driver) -> const std::vector<SetupStep>& {
    for (const auto& o : result.outputs) {
      if (o.driver == driver) return o.setup;
    }
    return kNoSteps;
  };
  // libpq drivers need the CA at ~/.postgresql/root.crt; node-postgres uses the system store.
  REQUIRE(find_step(steps_of("psycopg2"), "get-ca-cert") != nullptr);
  CHECK(find_step(steps_of("psycopg2"), "get-ca-cert")->command ==
        "curl --create-dirs -o \"$HOME/.postgresql/root.crt\" 'https://cockroachlabs.cloud/clusters/<cluster-id>/cert'\n");
  CHECK(find_step(steps_of("node-postgres"), "get-ca-cert") == nullptr);
  CHECK(find_step(steps_of("pgx"), "set-env") == nullptr);  // the Go snippet inlines the string

  serverless.os = "windows";
  serverless.cluster_id = "0f2c8a1e-3b4d-4c5e-8f90-1a2b3c4d5e6f";
  result = generate(serverless);
  const SetupStep* ca = find_step(steps_of("ruby-pg"), "get-ca-cert");
  REQUIRE(ca != nullptr);
  CHECK(ca->command.find("-OutFile \"$env:APPDATA\\postgresql\\root.crt\"") != std::string::npos);
  CHECK(ca->command.find("clusters/0f2c8a1e-3b4d-4c5e-8f90-1a2b3c4d5e6f/cert") != std::string::npos);
  CHECK(find_step(steps_of("ruby-pg"), "set-env")->command.rfind("$env:DATABASE_URL = '", 0) == 0);

  ConnectionParams self_hosted = test::golden_cases()[2].params;
  self_hosted.jdbc_pk8_key = true;
  result = generate(self_hosted);
  CHECK(find_step(steps_of("psycopg2"), "key-permissions")->command == "chmod 600 '/home/max/certs/client.maxroach.key'\n");
  CHECK(find_step(steps_of("pq"), "key-permissions") != nullptr);
  CHECK(find_step(steps_of("pgx"), "key-permissions") == nullptr);
  const SetupStep* convert = find_step(steps_of("jdbc"), "convert-key");
  REQUIRE(convert != nullptr);
  CHECK(convert->command.find("-out '/home/max/certs/client.maxroach.pk8'") != std::string::npos);
  for (const auto& o : result.outputs) {
    if (o.driver == "jdbc") CHECK(o.connection_string.find("sslkey=/home/max/certs/client.maxroach.pk8") != std::string::npos);
  }
  CHECK(find_step(steps_of("jdbc"), "make-certs")->command.find("--also-generate-pkcs8-key") != std::string::npos);
  REQUIRE(result.setup.size() == 2);
  CHECK(result.setup[0].command.rfind("cockroach sql --url 'postgresql://maxroach@localhost:26257/bank?", 0) == 0);
}
