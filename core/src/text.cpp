#include "crdb_connect/text.hpp"

#include <fmt/format.h>

namespace crdb_connect {

std::string to_text(const Diagnostic& d) {
  std::string line = fmt::format("{}: {}", to_string(d.severity), d.message);
  std::string where = d.field;
  if (!d.drivers.empty()) {
    for (const auto& id : d.drivers) where += (where.empty() ? "" : where == d.field ? " / " : ", ") + id;
  }
  return fmt::format("{} [{}{}{}]\n", line, d.code, where.empty() ? "" : " ", where);
}

std::string to_text(const GenerateResult& result) {
  std::string out;
  for (const auto& d : result.diagnostics) out += to_text(d);
  if (!result.diagnostics.empty()) out += '\n';
  for (const auto& o : result.outputs) {
    out += fmt::format("== {} ({}){}\n", o.name, o.language, o.ok ? "" : "  [not usable: see the errors above]");
    out += fmt::format("Install: {}\n", o.install);
    for (const auto& e : o.env) out += fmt::format("{}={}\n", e.name, e.value);
    if (o.env.empty() && !o.connection_string.empty()) out += fmt::format("Connection string: {}\n", o.connection_string);
    out += fmt::format("--- {}\n{}", o.snippet_file, o.snippet);
    if (!o.snippet.empty() && o.snippet.back() != '\n') out += '\n';
    for (const auto& n : o.notes) out += fmt::format("Note: {}\n", n);
    for (const auto& v : o.variants) out += fmt::format("Variant ({}):\n{}\n", v.label, v.value);
    for (const auto& step : o.setup) {
      out += fmt::format("Setup: {}\n{}", step.title, step.command);
      if (!step.note.empty()) out += fmt::format("  ({})\n", step.note);
    }
    out += '\n';
  }
  for (const auto& step : result.setup) {
    out += fmt::format("== {}\n{}", step.title, step.command);
    if (!step.note.empty()) out += fmt::format("  ({})\n", step.note);
  }
  return out;
}

std::string to_text(const ParseResult& r) {
  std::string out = fmt::format("Format: {}{}\n", r.format.empty() ? "(not recognised)" : r.format,
                                r.wrapper.empty() ? "" : " (inside " + r.wrapper + ")");
  out += fmt::format("Deployment: {} -- {}\n", r.params.deployment, r.deployment_reason);
  const auto& p = r.params;
  const std::pair<const char*, const std::string*> fields[] = {
      {"Username", &p.username},   {"Password", &p.password},   {"Host", &p.host},
      {"Port", &p.port},           {"Database", &p.database},   {"Routing ID", &p.routing_id},
      {"Root cert", &p.root_cert}, {"Client cert", &p.client_cert}, {"Client key", &p.client_key}};
  for (const auto& [label, value] : fields) {
    if (!value->empty()) out += fmt::format("{:<12} {}\n", std::string(label) + ":", *value);
  }
  for (const auto& h : r.extra_hosts) out += fmt::format("Extra host:  {}\n", h);
  for (const auto& [name, value] : r.extra_params) out += fmt::format("Extra param: {}={}\n", name, value);
  if (!r.diagnostics.empty()) out += '\n';
  for (const auto& d : r.diagnostics) {
    std::string line = to_text(d);
    if (d.offset >= 0) line.insert(line.size() - 1, fmt::format(" at {}+{}", d.offset, d.length));
    out += line;
  }
  return out;
}

}  // namespace crdb_connect
