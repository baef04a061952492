// Readable text output, shared by the native CLI and the npm CLI (through the
// wasm module), so both print the same bytes from one implementation.
#pragma once

#include <string>

#include "crdb_connect/parse.hpp"
#include "crdb_connect/types.hpp"

namespace crdb_connect {

// Diagnostics first, then one block per driver.
std::string to_text(const GenerateResult& result);
std::string to_text(const Diagnostic& diagnostic);
// Parse result: the fields, what else was kept, then diagnostics with positions.
std::string to_text(const ParseResult& result);

}  // namespace crdb_connect
