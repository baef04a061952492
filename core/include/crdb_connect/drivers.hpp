// The 13 drivers as one table. A row says how that driver's output is shaped;
// the behaviour behind each column lives once, in the generator.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace crdb_connect {

enum class Language { javascript, typescript, python, go, java, ruby };

// Which URL the driver reads.
enum class UrlScheme {
  postgresql,      // postgresql://user:password@host:port/db?sslmode=...
  cockroachdb,     // same, with the cockroachdb:// scheme of a dialect package
  postgresql_bare, // postgresql://user:password@host:port/db, TLS set in code (TypeORM)
  jdbc,            // jdbc:postgresql://host:port/db?user=...&password=...
  none,            // settings only, no URL (Django)
};
inline constexpr std::size_t kUrlSchemeCount = 5;

// How the driver decodes the database name in the URL path. It decides which
// database names a driver can carry at all.
enum class PathDecoding {
  percent,     // every %XX is decoded (libpq, pgx, lib/pq, pgJDBC, ActiveRecord)
  decode_uri,  // JS decodeURI: escapes of ; / ? : @ & = + $ , # stay encoded (node-postgres)
  none,        // the path is used as written (Sequelize, TypeORM, SQLAlchemy)
};

// Where the snippet's values come from and what shape it takes.
enum class SnippetShape {
  node_postgres, sequelize, typeorm,
  psycopg2, sqlalchemy, django,
  pgx, pq, gorm,
  jdbc, hibernate,
  ruby_pg, activerecord,
};

struct DriverInfo {
  std::string_view id;
  std::string_view name;
  Language language;
  UrlScheme scheme;
  PathDecoding path_decoding;
  bool ipv6_host_ok;         // false: the driver's URL parser splits host:port on ':'
  bool uses_libpq;           // libpq underneath: Serverless needs ~/.postgresql/root.crt
  std::string_view env_var;  // variable the snippet reads the URL from; "" when inline
  SnippetShape shape;
  std::string_view install;
  std::string_view snippet_file;
  std::string_view snippet_language;
  std::string_view docs_url;
};

inline constexpr std::size_t kDriverCount = 13;

// In the order the reference document lists them; outputs follow this order.
const std::array<DriverInfo, kDriverCount>& driver_table();

// nullptr-free lookup by id ("node-postgres", ...).
std::optional<DriverInfo> find_driver(std::string_view id);

// A view of a literal: its length is known without strlen().
std::string_view to_string(Language language);

}  // namespace crdb_connect
