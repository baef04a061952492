// The JSON shape shared by the native CLI, the npm package and the page.
#pragma once

#include <string>

#include "crdb_connect/types.hpp"

namespace crdb_connect {

std::string to_json(const GenerateResult& result);
std::string to_json(const Diagnostic& diagnostic);
std::string to_json(const Output& output);
std::string to_json(const ConnectionParams& params);
std::string drivers_json();  // the driver table, for JS and the page

// Appends `text` as a JSON string literal (quotes included). Invalid UTF-8 is
// replaced by U+FFFD so the output is always valid JSON.
void append_json_string(std::string& out, std::string_view text);

}  // namespace crdb_connect
