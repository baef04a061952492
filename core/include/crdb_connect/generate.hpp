#pragma once

#include "crdb_connect/types.hpp"

namespace crdb_connect {

// Validates the parameters and renders every requested driver's output. Never
// throws: problems are diagnostics, and outputs are produced wherever they can
// be so a user sees the effect of each keystroke.
GenerateResult generate(const ConnectionParams& params, const GenerateOptions& options = {});

}  // namespace crdb_connect
