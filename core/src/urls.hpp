// Builds connection URLs. Every user value passes through escape:: here.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model.hpp"

namespace crdb_connect::urls {

enum class TlsStyle {
  sslmode,     // sslmode=verify-full (+ sslrootcert/sslcert/sslkey), libpq style
  legacy_ssl,  // ssl=true (Sequelize 6.9 and earlier)
  none,        // no query at all: TLS is configured in code (TypeORM)
};

struct UrlShape {
  std::string_view scheme;  // "postgresql", "cockroachdb"
  TlsStyle tls = TlsStyle::sslmode;
  bool legacy_routing_path = false;  // /<routing-id>.<database>
};

// Fills model.url from the model's values; call once before uri() and jdbc().
void encode_parts(Model& model);

// scheme://user:password@host:port/database?query
std::string uri(const Model& model, const UrlShape& shape);

// jdbc:postgresql://host:port/database?user=...&password=...&sslmode=...
std::string jdbc(const Model& model);

}  // namespace crdb_connect::urls
