// The validated view of ConnectionParams that renderers work from. Internal.
#pragma once

#include <string>
#include <vector>

#include "crdb_connect/types.hpp"

namespace crdb_connect {

enum class Deployment { serverless, dedicated, self_hosted };

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

  bool uses_password() const { return deployment != Deployment::self_hosted; }
  bool uses_routing_id() const { return deployment == Deployment::serverless; }
  bool uses_client_cert() const { return deployment == Deployment::self_hosted; }
};

// Checks every field, appending diagnostics, and returns the model to render.
// Values are never rewritten silently: whatever validation changes (defaults,
// IPv6 brackets) is reported.
Model validate(const ConnectionParams& params, std::vector<Diagnostic>& diagnostics);

// Driver-specific limits: values a particular driver cannot carry. Appends
// diagnostics naming the drivers affected.
void check_driver_limits(const Model& model, const std::vector<std::string_view>& driver_ids,
                         std::vector<Diagnostic>& diagnostics);

}  // namespace crdb_connect
