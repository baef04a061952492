#pragma once

#include <string>

#include "crdb_connect/types.hpp"

namespace crdb_connect::cli {

// Readable text: diagnostics first, then one block per driver.
std::string to_text(const GenerateResult& result);
std::string to_text(const Diagnostic& diagnostic);

}  // namespace crdb_connect::cli
