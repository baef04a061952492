#include <algorithm>
#include <array>
#include <string_view>

#include "crdb_connect/drivers.hpp"
#include "model.hpp"
#include "strings.hpp"
#include "utf8.hpp"

namespace crdb_connect {
namespace {

constexpr std::size_t kMaxFieldBytes = 4096;
constexpr std::size_t kMaxInputBytes = 64 * 1024;

struct Field {
  std::string_view name;  // camelCase, as in the JSON and JS API
  std::string_view label; // as the page labels it
  const std::string& value;
};

class Reporter {
 public:
  explicit Reporter(std::vector<Diagnostic>& out) : out_(out) {}

  void add(Severity severity, std::string_view code, std::string_view field, std::string message,
           std::vector<std::string> drivers = {}) {
    out_.push_back(Diagnostic{std::string(code), std::string(field), severity, std::move(message),
                              std::move(drivers)});
  }
  void error(std::string_view code, std::string_view field, std::string message) {
    add(Severity::error, code, field, std::move(message));
  }
  void warning(std::string_view code, std::string_view field, std::string message) {
    add(Severity::warning, code, field, std::move(message));
  }
  void info(std::string_view code, std::string_view field, std::string message) {
    add(Severity::info, code, field, std::move(message));
  }

 private:
  std::vector<Diagnostic>& out_;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lower_alnum(char c) { return (c >= 'a' && c <= 'z') || is_digit(c); }
bool all_digits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_digit); }

bool has_surrounding_space(std::string_view s) {
  return !s.empty() && (is_space(s.front()) || is_space(s.back()));
}

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  auto tail = s.substr(s.size() - suffix.size());
  return std::equal(tail.begin(), tail.end(), suffix.begin(), [](char a, char b) {
    return (a >= 'A' && a <= 'Z' ? static_cast<char>(a + 32) : a) == b;
  });
}

// Describes the first control character for a message, e.g. "a newline (U+000A)".
std::string describe_control(char32_t cp) {
  switch (cp) {
    case '\n': return "a newline (U+000A)";
    case '\r': return "a carriage return (U+000D)";
    case '\t': return "a tab (U+0009)";
    default: {
      std::string out = "the control character U+";
      strings::append_hex(out, static_cast<unsigned>(cp), 4, true);
      return out;
    }
  }
}

// Encoding-level checks that apply to every field alike.
void check_encoding(const Field& field, Reporter& report) {
  if (field.value.size() > kMaxFieldBytes) {
    report.error("field-too-long", field.name,
                 strings::cat(field.label, " is ", strings::number(static_cast<long>(field.value.size())),
                               " bytes long; the limit is 4096 bytes. Check that the right value was pasted."));
  }
  if (!utf8::is_valid(field.value)) {
    report.error("invalid-utf8", field.name,
                 strings::cat(field.label, " is not valid UTF-8 text. Re-type it or paste it from a UTF-8 source."));
  }
  if (field.value.find('\0') != std::string::npos) {
    report.error("nul-character", field.name,
                 strings::cat(field.label, " contains a NUL character, which no driver can send. Remove it."));
    return;
  }
  std::size_t pos = 0;
  while (pos < field.value.size()) {
    // ASCII, nearly every character typed, is read without decoding.
    const auto byte = static_cast<unsigned char>(field.value[pos]);
    const char32_t cp = byte < 0x80 ? (++pos, byte) : utf8::next(field.value, pos);
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
      if (field.name == "password") {
        report.warning("password-control-character", field.name,
                       strings::cat("The password contains ", describe_control(cp),
                                     ". Every output encodes it correctly, but shells, .env files and config editors "
                                     "often change such characters; prefer a password without them."));
      } else {
        report.error("control-character", field.name,
                     strings::cat(field.label, " contains ", describe_control(cp),
                                   ". Remove it; it is usually left over from copying."));
      }
      return;
    }
  }
}

Deployment check_deployment(const std::string& value, Reporter& report) {
  if (value == "serverless") return Deployment::serverless;
  if (value == "dedicated") return Deployment::dedicated;
  if (value == "self-hosted") return Deployment::self_hosted;
  report.error("deployment-invalid", "deployment",
               strings::cat("Unknown deployment \"", value, "\". Choose serverless, dedicated or self-hosted."));
  return Deployment::serverless;
}

bool is_ipv4(std::string_view s) {
  int parts = 0;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = s.find('.', start);
    const std::string_view part = s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (!all_digits(part) || part.size() > 3 || (part.size() > 1 && part[0] == '0')) return false;
    if (part.size() == 3 && part > "255") return false;  // three digits, no leading zero: compare as text
    ++parts;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return parts == 4;
}

bool is_ipv6(std::string_view s) {
  if (s.size() < 2 || s.size() > 45) return false;
  int groups = 0;
  bool compressed = false;
  std::size_t i = 0;
  if (s.substr(0, 2) == "::") {
    compressed = true;
    i = 2;
    if (i == s.size()) return true;
  } else if (s[0] == ':') {
    return false;
  }
  while (i < s.size()) {
    std::size_t end = s.find(':', i);
    const std::string_view group = s.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
    if (end == std::string_view::npos && group.find('.') != std::string_view::npos) {
      if (!is_ipv4(group)) return false;  // embedded IPv4 tail
      groups += 2;
      break;
    }
    if (group.empty() || group.size() > 4) return false;
    for (char c : group) {
      if (!is_digit(c) && !((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
    }
    ++groups;
    if (end == std::string_view::npos) break;
    if (end + 1 < s.size() && s[end + 1] == ':') {
      if (compressed) return false;
      compressed = true;
      i = end + 2;
      if (i == s.size()) break;
    } else {
      if (end + 1 == s.size()) return false;  // trailing single colon
      i = end + 1;
    }
  }
  return compressed ? groups < 8 : groups == 8;
}

bool is_dns_name(std::string_view s) {
  if (!s.empty() && s.back() == '.') s.remove_suffix(1);  // fully qualified form
  if (s.empty() || s.size() > 253) return false;
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t dot = std::min(s.find('.', start), s.size());
    const std::string_view label = s.substr(start, dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
    for (char c : label) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '-' || c == '_';
      if (!ok) return false;
    }
    start = dot + 1;
    if (dot == s.size()) break;
  }
  // A name made only of digits and dots is a malformed IPv4 address, not a host name.
  return !std::all_of(s.begin(), s.end(), [](char c) { return is_digit(c) || c == '.'; });
}

void check_host(Model& model, const std::string& raw, Reporter& report) {
  model.host = raw;
  if (raw.empty()) return;  // reported as required
  const std::string_view host = raw;
  if (host.find("://") != std::string_view::npos) {
    report.error("host-is-url", "host",
                 "The host field contains a whole URL. Enter only the host name, such as "
                 "free-tier.gcp-us-central1.cockroachlabs.cloud, or paste the URL into \"Paste a connection string\".");
    return;
  }
  if (has_surrounding_space(host) || host.find(' ') != std::string_view::npos) {
    report.error("host-invalid", "host", "The host contains spaces. Remove them.");
    return;
  }
  if (host.find('@') != std::string_view::npos) {
    report.error("host-has-userinfo", "host",
                 "The host field contains '@'. Enter the user name in Username and only the host name here.");
    return;
  }
  if (host.find('/') != std::string_view::npos || host.find('\\') != std::string_view::npos) {
    report.error("host-has-path", "host",
                 "The host field contains a '/' or '\\'. Enter only the host name; the database goes in Database.");
    return;
  }
  if (host.front() == '[') {
    const std::size_t close = host.find(']');
    if (close != std::string_view::npos && close + 1 < host.size() && host[close + 1] == ':') {
      report.error("host-has-port", "host",
                   strings::cat("The host field contains a port. Enter ", host.substr(1, close - 1), " here and ",
                                 host.substr(close + 2), " in Port."));
      return;
    }
    if (close == host.size() - 1 && is_ipv6(host.substr(1, close - 1))) {
      model.host = std::string(host.substr(1, close - 1));
      model.host_is_ipv6 = true;
      report.info(
          "host-brackets-removed", "host",
          strings::cat("Using the IPv6 address ", model.host, ": the brackets are added where a URL needs them."));
      return;
    }
    report.error("host-invalid", "host", "The host is not a valid bracketed IPv6 address, such as [2001:db8::1].");
    return;
  }
  const std::size_t colons = static_cast<std::size_t>(std::count(host.begin(), host.end(), ':'));
  if (colons == 1) {
    const std::size_t colon = host.find(':');
    report.error("host-has-port", "host",
                 all_digits(host.substr(colon + 1))
                     ? strings::cat("The host field contains a port. Enter ", host.substr(0, colon), " here and ",
                                     host.substr(colon + 1), " in Port.")
                     : std::string("The host field contains ':'. Enter only the host name; the port goes in Port."));
    return;
  }
  if (colons > 1) {
    if (host.find('%') != std::string_view::npos) {
      report.error("host-invalid", "host",
                   "IPv6 zone IDs (the part after '%') are not understood by most drivers. Use a global address or "
                   "a host name.");
      return;
    }
    if (!is_ipv6(host)) {
      report.error("host-invalid", "host", "The host looks like an IPv6 address but is not valid, e.g. 2001:db8::1.");
      return;
    }
    model.host_is_ipv6 = true;
    return;
  }
  const bool ascii = std::all_of(host.begin(), host.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii) {
    report.error("host-invalid", "host",
                 "The host contains non-ASCII characters. Enter the host name in its ASCII (xn--) form.");
    return;
  }
  if (!is_ipv4(host) && !is_dns_name(host)) {
    report.error("host-invalid", "host",
                 "The host is not a valid host name or IP address. Use letters, digits, '-' and '.' "
                 "(e.g. localhost or my-cluster.cockroachlabs.cloud), an IPv4 or an IPv6 address.");
  }
}

void check_port(Model& model, const std::string& raw, Reporter& report) {
  if (raw.empty()) {
    model.port = "26257";
    return;
  }
  model.port = raw;
  const bool valid = all_digits(raw) && raw.size() <= 5 && raw[0] != '0' && (raw.size() < 5 || raw <= "65535");
  if (!valid) {
    report.error("port-invalid", "port",
                 strings::cat("The port must be a whole number from 1 to 65535 without spaces or leading zeros "
                               "(CockroachDB listens on 26257 by default); got \"",
                               raw, "\"."));
  }
}

void check_routing_id(const std::string& id, Reporter& report) {
  if (id.empty()) return;  // reported as required when needed
  const std::string_view v = id;
  auto invalid = [&](std::string why) {
    report.error(
        "routing-id-invalid", "routingId",
        strings::cat(why,
                      " A routing ID looks like funky-skunk-123: the cluster name, a '-', and the tenant number; find "
                      "it in the connection string the Cloud Console shows (options=--cluster=...)."));
  };
  if (v.find("cluster") != std::string_view::npos && (v.find('=') != std::string_view::npos ||
                                                      v.find("%3D") != std::string_view::npos)) {
    invalid("Enter only the routing ID, without \"--cluster=\" or \"options=\".");
    return;
  }
  if (has_surrounding_space(v) || v.find(' ') != std::string_view::npos) {
    invalid("The routing ID contains spaces.");
    return;
  }
  if (std::any_of(v.begin(), v.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    invalid("Routing IDs are lower case.");
    return;
  }
  const std::size_t dash = v.rfind('-');
  if (dash == std::string_view::npos) {
    invalid("The routing ID has no tenant number.");
    return;
  }
  const std::string_view name = v.substr(0, dash);
  const std::string_view tenant = v.substr(dash + 1);
  if (!all_digits(tenant) || tenant.size() > 19) {
    invalid(strings::cat("The part after the last '-' (\"", tenant, "\") must be the tenant number."));
    return;
  }
  if ((tenant.size() > 1 && tenant[0] == '0') || (tenant.size() == 1 && tenant[0] < '2')) {
    invalid(strings::cat("The tenant number ", tenant,
                         " is not valid: it is an integer of 2 or more without leading zeros."));
    return;
  }
  const bool name_ok = name.size() >= 6 && name.size() <= 100 && is_lower_alnum(name.front()) &&
                       is_lower_alnum(name.back()) &&
                       std::all_of(name.begin(), name.end(), [](char c) { return is_lower_alnum(c) || c == '-'; });
  if (!name_ok) {
    invalid(strings::cat("The cluster name \"", name,
         "\" must be 6 to 100 characters of a-z, 0-9 and '-', starting and ending with a letter or digit."));
  }
}

// CockroachDB's rule for SQL user names (CREATE USER docs): case-insensitive,
// a letter or '_' first, then letters (including non-Latin), digits, '_', '.';
// at most 63 bytes; not "none", "pg_..." or "crdb_internal...". The server
// also accepts '-' after the first character, so that is allowed too.
void check_username(const std::string& name, Reporter& report) {
  if (name.empty()) return;
  bool has_upper = false;
  bool valid = name.size() <= 63;
  std::size_t pos = 0;
  bool first = true;
  while (pos < name.size() && valid) {
    const char32_t cp = utf8::next(name, pos);
    const bool upper = cp >= 'A' && cp <= 'Z';
    const bool letter = (cp >= 'a' && cp <= 'z') || upper || (cp >= 0xC0 && cp != utf8::kReplacement &&
                                                                cp != 0xD7 && cp != 0xF7 && cp != 0x2028 &&
                                                                cp != 0x2029 && cp != 0xFEFF);
    has_upper = has_upper || upper;
    const bool allowed = letter || cp == '_' || (!first && (is_digit(static_cast<char>(cp < 0x80 ? cp : 0)) ||
                                                            cp == '.' || cp == '-'));
    valid = allowed;
    first = false;
  }
  std::string lower;
  for (char c : name) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  if (valid && (lower == "none" || lower.rfind("pg_", 0) == 0 || lower.rfind("crdb_internal", 0) == 0)) {
    report.warning("username-invalid", "username",
                   "CockroachDB reserves this user name (none, and names starting with pg_ or crdb_internal), so "
                   "no user can have it. Check the name; the outputs still encode it exactly.");
    return;
  }
  if (!valid) {
    report.warning("username-invalid", "username",
                   "CockroachDB user names start with a letter or '_' and contain only letters, digits, '_', '.' "
                   "and '-' (at most 63 bytes), so CockroachDB cannot have this user. Check the name; the outputs "
                   "still encode it exactly.");
  } else if (has_upper) {
    report.info("username-case-folded", "username",
                "CockroachDB folds user names to lower case, so this connects as the lower-case user.");
  }
}

void check_database(const Model& model, Reporter& report) {
  const std::string& db = model.database;
  const bool plain_identifier =
      !db.empty() && ((db[0] >= 'a' && db[0] <= 'z') || db[0] == '_') &&
      std::all_of(db.begin(), db.end(), [](char c) { return is_lower_alnum(c) || c == '_' || c == '$'; });
  if (!plain_identifier) {
    report.warning(
        "database-needs-quoting", "database",
        strings::cat("In SQL statements (CREATE DATABASE, USE, SET database) this name must be double-quoted: \"", db,
                      "\". Connection strings carry it as it is."));
  }
  if (db.find('.') != std::string::npos && model.deployment == Deployment::serverless) {
    report.add(Severity::warning, "database-has-dot", "database",
               "The database name contains '.', so the Sequelize 6.9-and-earlier format "
               "(<routing-id>.<database>) cannot carry it: the routing ID is split off at the first '.'. Use the "
               "Sequelize 6.10+ format, or a database name without '.'.",
               {"sequelize"});
  }
}

bool is_absolute_path(std::string_view p) {
  if (!p.empty() && (p[0] == '/' || p[0] == '\\')) return true;  // POSIX, or \\server\share
  return p.size() >= 3 && ((p[0] >= 'A' && p[0] <= 'Z') || (p[0] >= 'a' && p[0] <= 'z')) && p[1] == ':' &&
         (p[2] == '\\' || p[2] == '/');
}

void check_path(const Field& field, Reporter& report) {
  const std::string_view p = field.value;
  if (p.empty()) return;
  if (p[0] == '~' || p.find("$HOME") != std::string_view::npos || p.find("${HOME}") != std::string_view::npos ||
      p.find("%USERPROFILE%") != std::string_view::npos || p.find("%APPDATA%") != std::string_view::npos) {
    report.warning(
        "path-home-not-expanded", field.name,
        strings::cat(field.label,
                      ": drivers read paths in connection strings literally and do not expand ~, $HOME or %APPDATA%. "
                      "Enter the absolute path (e.g. /home/you/certs/ca.crt or C:\\Users\\you\\certs\\ca.crt). Only "
                      "the Django snippet expands $VARIABLES (os.path.expandvars); none expands ~."));
  } else if (!is_absolute_path(p)) {
    report.info("path-relative", field.name,
                strings::cat(field.label,
                              " is a relative path: drivers resolve it against the program's working directory, not "
                              "this page's. An absolute path is safer."));
  }
}

void check_environment(Model& model, const ConnectionParams& params, Reporter& report) {
  if (params.os.empty() || params.os == "linux") {
    model.os = Os::linux;
  } else if (params.os == "macos") {
    model.os = Os::macos;
  } else if (params.os == "windows") {
    model.os = Os::windows;
  } else {
    report.error("os-invalid", "os",
                 strings::cat("Unknown operating system \"", params.os, "\". Choose linux, macos or windows."));
  }
  const std::string& shell = params.shell;
  if (shell.empty()) {
    model.shell = model.os == Os::windows ? Shell::powershell : Shell::bash;
  } else if (shell == "bash" || shell == "zsh") {
    model.shell = Shell::bash;  // same quoting rules
  } else if (shell == "fish") {
    model.shell = Shell::fish;
  } else if (shell == "powershell") {
    model.shell = Shell::powershell;
  } else if (shell == "cmd") {
    model.shell = Shell::cmd;
  } else if (shell == "dotenv") {
    model.shell = Shell::dotenv;
  } else {
    report.error(
        "shell-invalid", "shell",
        strings::cat("Unknown shell \"", shell, "\". Choose bash (also zsh), fish, powershell, cmd or dotenv."));
  }
  if (model.shell == Shell::cmd && model.os != Os::windows) {
    report.warning("shell-os-mismatch", "shell", "cmd is the Windows command prompt; choose Windows as the operating "
                                                 "system, or bash, fish or PowerShell.");
  }
  model.cluster_id = params.cluster_id;
  const auto is_hex = [](char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); };
  bool uuid = params.cluster_id.size() == 36;
  for (std::size_t i = 0; uuid && i < 36; ++i) {
    const bool dash_slot = i == 8 || i == 13 || i == 18 || i == 23;
    uuid = dash_slot ? params.cluster_id[i] == '-' : is_hex(params.cluster_id[i]);
  }
  if (!params.cluster_id.empty() && !uuid) {
    report.warning("cluster-id-invalid", "clusterId",
                   "A CockroachDB Cloud cluster id is a UUID such as 0f2c8a1e-3b4d-4c5e-8f90-1a2b3c4d5e6f; find it in "
                   "the cluster's Cloud Console URL. The download command uses the value as typed.");
  }
  model.jdbc_pk8_key = params.jdbc_pk8_key;
}

}  // namespace

Model validate(const ConnectionParams& params, std::vector<Diagnostic>& diagnostics) {
  Reporter report(diagnostics);
  Model model;

  const std::array<Field, 13> fields{{
      {"deployment", "Deployment", params.deployment},
      {"username", "Username", params.username},
      {"password", "Password", params.password},
      {"host", "Host", params.host},
      {"port", "Port", params.port},
      {"database", "Database", params.database},
      {"routingId", "Routing ID", params.routing_id},
      {"rootCert", "CA certificate path", params.root_cert},
      {"clientCert", "Client certificate path", params.client_cert},
      {"clientKey", "Client key path", params.client_key},
      {"os", "Operating system", params.os},
      {"shell", "Shell", params.shell},
      {"clusterId", "Cluster id", params.cluster_id},
  }};
  std::size_t total = 0;
  for (const Field& f : fields) total += f.value.size();
  if (total > kMaxInputBytes) {
    report.error("input-too-long", "",
                 strings::cat("The input is ", strings::number(static_cast<long>(total)),
                               " bytes in all; the limit is 65536 bytes."));
  }
  for (const Field& f : fields) check_encoding(f, report);
  // Oversized input is refused (generate renders nothing), so its content is
  // not checked either: messages that quote a value would repeat megabytes.
  const bool oversized = std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) {
    return d.code == "field-too-long" || d.code == "input-too-long";
  });
  if (oversized) return model;

  model.deployment = check_deployment(params.deployment, report);
  model.username = params.username;
  model.password = model.uses_password() ? params.password : std::string();
  model.database = params.database.empty() ? std::string("defaultdb") : params.database;
  model.routing_id = model.uses_routing_id() ? params.routing_id : std::string();
  model.root_cert = params.root_cert;
  model.client_cert = model.uses_client_cert() ? params.client_cert : std::string();
  model.client_key = model.uses_client_cert() ? params.client_key : std::string();

  const auto required = [&](const Field& f, bool needed, std::string_view why) {
    if (needed && f.value.empty()) {
      report.error("field-required", f.name, strings::cat(f.label, " is required ", why, "."));
    }
  };
  const auto ignored = [&](const Field& f, bool used, std::string_view why) {
    if (!used && !f.value.empty()) {
      report.warning("field-ignored", f.name,
                     strings::cat(f.label, " is not used ", why, ", so it is left out of every output."));
    }
  };
  const bool serverless = model.deployment == Deployment::serverless;
  const bool self_hosted = model.deployment == Deployment::self_hosted;
  required(fields[1], true, "to connect");
  required(fields[3], true, "to connect");
  required(fields[2], model.uses_password(), "for CockroachDB Serverless and Dedicated");
  required(fields[6], serverless, "for CockroachDB Serverless: it tells the shared proxy which cluster to reach");
  required(fields[7], !serverless, "to verify the cluster's certificate (sslmode=verify-full)");
  required(fields[8], self_hosted, "for certificate authentication on a self-hosted cluster");
  required(fields[9], self_hosted, "for certificate authentication on a self-hosted cluster");
  ignored(fields[2], model.uses_password(),
          "on a self-hosted cluster, which authenticates with the client certificate");
  ignored(fields[6], model.uses_routing_id(), "outside CockroachDB Serverless");
  ignored(fields[8], model.uses_client_cert(), "outside self-hosted clusters");
  ignored(fields[9], model.uses_client_cert(), "outside self-hosted clusters");

  for (const Field* f : {&fields[1], &fields[2], &fields[5], &fields[7], &fields[8], &fields[9]}) {
    if (has_surrounding_space(f->value)) {
      report.warning("surrounding-whitespace", f->name,
                     strings::cat(f->label,
                                   " starts or ends with white space, which is kept as typed. Remove it unless it is "
                                   "really part of the value."));
    }
  }

  check_host(model, params.host, report);
  if (serverless && !model.host.empty() && !model.host_is_ipv6 && !ends_with_ci(model.host, ".cockroachlabs.cloud") &&
      !ends_with_ci(model.host, ".cockroachlabs.cloud.")) {
    report.warning("host-not-serverless", "host",
                   "CockroachDB Serverless hosts end in .cockroachlabs.cloud. Check the host, or choose Dedicated or "
                   "Self-hosted.");
  }
  check_port(model, params.port, report);
  if (serverless) check_routing_id(params.routing_id, report);
  check_username(params.username, report);
  check_database(model, report);
  check_environment(model, params, report);
  check_path(fields[7], report);
  if (model.uses_client_cert()) {
    check_path(fields[8], report);
    check_path(fields[9], report);
  }
  return model;
}

}  // namespace crdb_connect
