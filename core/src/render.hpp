// Renders one driver's output from a validated model. Internal.
#pragma once

#include "crdb_connect/drivers.hpp"
#include "crdb_connect/types.hpp"
#include "model.hpp"

namespace crdb_connect {

// `connection_string` is connection_url(driver, model), which drivers of the
// same scheme share: generate() builds it once per scheme.
Output render(const DriverInfo& driver, const Model& model, std::string connection_string);

// The URL a driver row reads (empty for UrlScheme::none).
std::string connection_url(const DriverInfo& driver, const Model& model);

}  // namespace crdb_connect
