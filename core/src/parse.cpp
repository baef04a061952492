// Temporary stand-in for the parser, until the parser branch lands: it keeps
// the parse API linkable for the wasm bindings and says plainly that parsing is
// not available, instead of guessing at fields.
#include "crdb_connect/parse.hpp"

#include "crdb_connect/json.hpp"

namespace crdb_connect {

ParseResult parse(std::string_view) {
  ParseResult result;
  result.diagnostics.push_back(Diagnostic{"parse-unavailable", "", Severity::error,
                                          "Parsing connection strings is not available in this build.", {}});
  return result;
}

std::string to_json(const ParseResult& result) {
  const ConnectionParams& p = result.params;
  const std::pair<const char*, const std::string*> fields[] = {
      {"deployment", &p.deployment}, {"username", &p.username},   {"password", &p.password},
      {"host", &p.host},             {"port", &p.port},           {"database", &p.database},
      {"routingId", &p.routing_id},  {"rootCert", &p.root_cert},  {"clientCert", &p.client_cert},
      {"clientKey", &p.client_key},
  };
  std::string out = "{\"params\":{";
  for (std::size_t i = 0; i < std::size(fields); ++i) {
    if (i > 0) out += ',';
    out += '"';
    out += fields[i].first;
    out += "\":";
    append_json_string(out, *fields[i].second);
  }
  out += "},\"format\":";
  append_json_string(out, result.format);
  out += ",\"deploymentReason\":";
  append_json_string(out, result.deployment_reason);
  out += ",\"diagnostics\":[";
  for (std::size_t i = 0; i < result.diagnostics.size(); ++i) {
    if (i > 0) out += ',';
    out += to_json(result.diagnostics[i]);
  }
  out += "],\"extraParams\":[";
  for (std::size_t i = 0; i < result.extra_params.size(); ++i) {
    if (i > 0) out += ',';
    out += "{\"name\":";
    append_json_string(out, result.extra_params[i].first);
    out += ",\"value\":";
    append_json_string(out, result.extra_params[i].second);
    out += '}';
  }
  out += "],\"extraHosts\":[";
  for (std::size_t i = 0; i < result.extra_hosts.size(); ++i) {
    if (i > 0) out += ',';
    append_json_string(out, result.extra_hosts[i]);
  }
  out += "]}";
  return out;
}

}  // namespace crdb_connect
