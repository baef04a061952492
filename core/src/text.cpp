#include "crdb_connect/text.hpp"

#include <algorithm>

#include "strings.hpp"

namespace crdb_connect {

using strings::cat;

std::string to_text(const Diagnostic& d) {
  std::string where = d.field;
  if (!d.drivers.empty()) {
    for (const auto& id : d.drivers) where += (where.empty() ? "" : where == d.field ? " / " : ", ") + id;
  }
  return cat(to_string(d.severity), ": ", d.message, " [", d.code, where.empty() ? "" : " ", where, "]\n");
}

std::string to_text(const GenerateResult& result) {
  std::string out;
  for (const auto& d : result.diagnostics) out += to_text(d);
  if (!result.diagnostics.empty()) out += '\n';
  for (const auto& o : result.outputs) {
    out += cat("== ", o.name, " (", o.language, ")", o.ok ? "" : "  [not usable: see the errors above]", "\n");
    out += cat("Install: ", o.install, "\n");
    for (const auto& e : o.env) out += cat(e.name, "=", e.value, "\n");
    if (o.env.empty() && !o.connection_string.empty()) out += cat("Connection string: ", o.connection_string, "\n");
    out += cat("--- ", o.snippet_file, "\n", o.snippet);
    if (!o.snippet.empty() && o.snippet.back() != '\n') out += '\n';
    for (const auto& n : o.notes) out += cat("Note: ", n, "\n");
    for (const auto& v : o.variants) out += cat("Variant (", v.label, "):\n", v.value, "\n");
    for (const auto& step : o.setup) {
      out += cat("Setup: ", step.title, "\n", step.command);
      if (!step.note.empty()) out += cat("  (", step.note, ")\n");
    }
    out += '\n';
  }
  for (const auto& step : result.setup) {
    out += cat("== ", step.title, "\n", step.command);
    if (!step.note.empty()) out += cat("  (", step.note, ")\n");
  }
  return out;
}

std::string to_text(const ParseResult& r) {
  std::string out = cat("Format: ", r.format.empty() ? std::string_view("(not recognised)") : r.format,
                         r.wrapper.empty() ? "" : " (inside ", r.wrapper, r.wrapper.empty() ? "" : ")", "\n");
  out += cat("Deployment: ", r.params.deployment, " -- ", r.deployment_reason, "\n");
  const auto& p = r.params;
  const std::pair<std::string_view, const std::string*> fields[] = {
      {"Username", &p.username},   {"Password", &p.password},   {"Host", &p.host},
      {"Port", &p.port},           {"Database", &p.database},   {"Routing ID", &p.routing_id},
      {"Root cert", &p.root_cert}, {"Client cert", &p.client_cert}, {"Client key", &p.client_key}};
  constexpr std::size_t kLabelWidth = 12;  // "Client cert:" and a space line the values up
  for (const auto& [label, value] : fields) {
    if (value->empty()) continue;
    std::string line = cat(label, ":");
    line.resize(std::max(line.size(), kLabelWidth), ' ');
    out += cat(line, " ", *value, "\n");
  }
  for (const auto& h : r.extra_hosts) out += cat("Extra host:  ", h, "\n");
  for (const auto& [name, value] : r.extra_params) out += cat("Extra param: ", name, "=", value, "\n");
  if (!r.diagnostics.empty()) out += '\n';
  for (const auto& d : r.diagnostics) {
    std::string line = to_text(d);
    if (d.offset >= 0) {
      line.insert(line.size() - 1, cat(" at ", strings::number(d.offset), "+", strings::number(d.length)));
    }
    out += line;
  }
  return out;
}

}  // namespace crdb_connect
