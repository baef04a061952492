// Renders one driver's output from a validated model. Internal.
#pragma once

#include "crdb_connect/drivers.hpp"
#include "crdb_connect/types.hpp"
#include "model.hpp"

namespace crdb_connect {

Output render(const DriverInfo& driver, const Model& model);

// The URL a driver row reads (empty for UrlScheme::none).
std::string connection_url(const DriverInfo& driver, const Model& model);

}  // namespace crdb_connect
