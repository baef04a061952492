// JSON for ParseResult, the shape the CLI, the npm package and the page share:
// {ok, format, wrapper, deployment, deploymentReason, params, extraParams,
//  extraHosts, settings, diagnostics}.
#include <string>

#include "crdb_connect/json.hpp"
#include "crdb_connect/parse.hpp"

namespace crdb_connect {
namespace {

void field(std::string& out, const char* name, std::string_view value, bool comma = true) {
  if (comma) out += ',';
  out += '"';
  out += name;
  out += "\":";
  append_json_string(out, value);
}

void pairs(std::string& out, const char* name, const std::vector<std::pair<std::string, std::string>>& items) {
  out += ",\"";
  out += name;
  out += "\":[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    out += '{';
    field(out, "name", items[i].first, false);
    field(out, "value", items[i].second);
    out += '}';
  }
  out += ']';
}

}  // namespace

std::string to_json(const ParseResult& r) {
  std::string out = "{\"ok\":";
  out += r.ok ? "true" : "false";
  field(out, "format", r.format);
  field(out, "wrapper", r.wrapper);
  field(out, "deployment", r.params.deployment);
  field(out, "deploymentReason", r.deployment_reason);
  const auto& p = r.params;
  out += ",\"params\":{";
  field(out, "deployment", p.deployment, false);
  field(out, "username", p.username);
  field(out, "password", p.password);
  field(out, "host", p.host);
  field(out, "port", p.port);
  field(out, "database", p.database);
  field(out, "routingId", p.routing_id);
  field(out, "rootCert", p.root_cert);
  field(out, "clientCert", p.client_cert);
  field(out, "clientKey", p.client_key);
  out += '}';
  pairs(out, "extraParams", r.extra_params);
  out += ",\"extraHosts\":[";
  for (std::size_t i = 0; i < r.extra_hosts.size(); ++i) {
    if (i > 0) out += ',';
    append_json_string(out, r.extra_hosts[i]);
  }
  out += ']';
  pairs(out, "settings", r.settings);
  out += ",\"diagnostics\":[";
  for (std::size_t i = 0; i < r.diagnostics.size(); ++i) {
    if (i > 0) out += ',';
    out += to_json(r.diagnostics[i]);
  }
  out += "]}";
  return out;
}

}  // namespace crdb_connect
