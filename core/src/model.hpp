// The validated view of ConnectionParams that renderers work from. Internal.
#pragma once

#include <string>
#include <vector>

#include "crdb_connect/drivers.hpp"
#include "crdb_connect/types.hpp"

namespace crdb_connect {

enum class Deployment { serverless, dedicated, self_hosted };
enum class Os { linux, macos, windows };
enum class Shell { bash, fish, powershell, cmd, dotenv };

// The user's values as URLs carry them, percent-encoded once per generate()
// call (urls::encode_parts) rather than once per driver and variant.
struct UrlParts {
  std::string username;
  std::string password;
  std::string host_port;   // host:port, an IPv6 host in brackets
  std::string database;
  std::string routing_id;
  std::string cluster_option;  // --cluster%3D<routing id>, the options value
  std::string root_cert;   // paths as query values: '/' kept
  std::string client_cert;
  std::string client_key;
  std::string client_key_pk8;  // pk8_path(client_key), for pgJDBC
  // Whether encoding changed the username, password or database (then every
  // URL driver gets a note saying so): worked out once, not per driver.
  bool credentials_encoded = false;
};

struct Model {
  Deployment deployment = Deployment::serverless;
  std::string username;
  std::string password;  // empty on Self-hosted
  std::string host;      // brackets of an IPv6 literal removed
  bool host_is_ipv6 = false;
  std::string port;      // defaulted to 26257
  std::string database;  // defaulted to defaultdb
  std::string routing_id;
  std::string root_cert;
  std::string client_cert;
  std::string client_key;
  Os os = Os::linux;
  Shell shell = Shell::bash;
  std::string cluster_id;
  bool jdbc_pk8_key = false;
  UrlParts url;  // filled by urls::encode_parts before rendering

  bool uses_password() const { return deployment != Deployment::self_hosted; }
  bool uses_routing_id() const { return deployment == Deployment::serverless; }
  bool uses_client_cert() const { return deployment == Deployment::self_hosted; }
  // The shell that runs commands: a .env file holds variables only.
  Shell command_shell() const {
    if (shell != Shell::dotenv) return shell;
    return os == Os::windows ? Shell::powershell : Shell::bash;
  }
};

// Where the convert-key step writes pgJDBC's PKCS#8 key: client.key -> client.pk8.
inline std::string pk8_path(const std::string& key) {
  for (const char* ext : {".key", ".pem"}) {
    const std::string e(ext);
    if (key.size() > e.size() && key.compare(key.size() - e.size(), e.size(), e) == 0) {
      return key.substr(0, key.size() - e.size()) + ".pk8";
    }
  }
  return key + ".pk8";
}

inline bool is_pkcs8_or_pkcs12(const std::string& key) {
  for (const char* ext : {".pk8", ".p12", ".pfx"}) {
    const std::string e(ext);
    if (key.size() >= e.size() && key.compare(key.size() - e.size(), e.size(), e) == 0) return true;
  }
  return false;
}

// Checks every field, appending diagnostics, and returns the model to render.
// Values are never rewritten silently: whatever validation changes (defaults,
// IPv6 brackets) is reported.
Model validate(const ConnectionParams& params, std::vector<Diagnostic>& diagnostics);

// Driver-specific limits: values a particular driver cannot carry. Appends
// diagnostics naming the drivers affected.
void check_driver_limits(const Model& model, const std::vector<const DriverInfo*>& drivers,
                         std::vector<Diagnostic>& diagnostics);

}  // namespace crdb_connect
