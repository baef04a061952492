#include "crdb_connect/generate.hpp"

#include <algorithm>
#include <array>

#include "crdb_connect/drivers.hpp"
#include "model.hpp"
#include "render.hpp"
#include "setup.hpp"
#include "strings.hpp"
#include "urls.hpp"

namespace crdb_connect {
namespace {

bool applies_to(const Diagnostic& d, std::string_view driver_id) {
  return d.drivers.empty() || std::find(d.drivers.begin(), d.drivers.end(), driver_id) != d.drivers.end();
}

// The requested drivers in table order; unknown ids become diagnostics.
std::vector<const DriverInfo*> select_drivers(const GenerateOptions& options, std::vector<Diagnostic>& diagnostics) {
  std::vector<const DriverInfo*> selected;
  selected.reserve(kDriverCount);
  for (const auto& driver : driver_table()) {
    const bool wanted = options.drivers.empty() ||
                        std::find(options.drivers.begin(), options.drivers.end(), driver.id) != options.drivers.end();
    if (wanted) selected.push_back(&driver);
  }
  for (const auto& id : options.drivers) {
    if (!find_driver(id)) {
      diagnostics.push_back(
          {"driver-unknown",
           "drivers",
           Severity::error,
           strings::cat("Unknown driver \"", id,
                         "\". Known drivers: node-postgres, sequelize, typeorm, psycopg2, sqlalchemy, django, pgx, pq, "
                         "gorm, jdbc, hibernate, ruby-pg, activerecord."),
           {}});
    }
  }
  return selected;
}

}  // namespace

GenerateResult generate(const ConnectionParams& params, const GenerateOptions& options) {
  GenerateResult result;
  Model model = validate(params, result.diagnostics);
  const auto selected = select_drivers(options, result.diagnostics);
  // Over the size limits the input is refused: nothing is rendered, so an
  // oversized paste costs no more than its validation (13 drivers x a 64 KiB
  // field would otherwise take seconds and megabytes in the browser).
  const bool refused = std::any_of(result.diagnostics.begin(), result.diagnostics.end(), [](const Diagnostic& d) {
    return d.code == "field-too-long" || d.code == "input-too-long";
  });
  if (refused) {
    result.ok = false;
    return result;
  }
  check_driver_limits(model, selected, result.diagnostics);
  urls::encode_parts(model);

  result.outputs.reserve(selected.size());
  const setup::CertificateSteps certificates = setup::certificate_steps(model);
  // Seven drivers read the same postgresql:// URL, two each the cockroachdb://
  // and JDBC ones: each is built once and copied (native 8.8 -> 8.6 us).
  std::array<std::string, kUrlSchemeCount> urls;
  std::array<bool, kUrlSchemeCount> built{};
  for (const DriverInfo* driver : selected) {
    const auto scheme = static_cast<std::size_t>(driver->scheme);
    if (!built[scheme]) {
      urls[scheme] = connection_url(*driver, model);
      built[scheme] = true;
    }
    Output out = render(*driver, model, urls[scheme]);
    out.setup = setup::for_driver(*driver, model, out, certificates);
    result.outputs.push_back(std::move(out));
  }
  result.setup = setup::common(model);
  setup::check_shell_limits(model, result.outputs, result.diagnostics);
  for (Output& out : result.outputs) {
    const std::string_view id = out.driver;
    out.ok = std::none_of(result.diagnostics.begin(), result.diagnostics.end(), [&](const Diagnostic& d) {
      return d.severity == Severity::error && applies_to(d, id);
    });
  }
  result.ok = std::none_of(result.diagnostics.begin(), result.diagnostics.end(),
                           [](const Diagnostic& d) { return d.severity == Severity::error; });
  return result;
}

}  // namespace crdb_connect
