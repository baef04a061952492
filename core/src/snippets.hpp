// Code snippets in the shape the reference document gives each driver. Every
// user value reaches a snippet through an escape:: literal function. Internal.
#pragma once

#include <string>

#include "crdb_connect/drivers.hpp"
#include "model.hpp"

namespace crdb_connect::snippets {

// `url` is the driver's connection string (already percent-encoded).
std::string render(SnippetShape shape, const Model& model, const std::string& url);

// The Hibernate bootstrap from the reference, reading the URL from DATABASE_URL.
std::string_view hibernate_java_bootstrap();

}  // namespace crdb_connect::snippets
