#include "crdb_connect/drivers.hpp"

namespace crdb_connect {
namespace {

using L = Language;
using U = UrlScheme;
using P = PathDecoding;
using S = SnippetShape;

// One row per driver. Columns: id, display name, language, URL scheme, how the
// database path is decoded, IPv6 host in the URL, libpq underneath, variable
// the snippet reads, snippet shape, install command, snippet file, snippet
// syntax, documentation.
constexpr std::array<DriverInfo, kDriverCount> kDrivers{{
  {"node-postgres", "node-postgres", L::javascript, U::postgresql,      P::decode_uri, true,  false, "DATABASE_URL",      S::node_postgres, "npm install pg",                                   "index.js",          "javascript", "https://node-postgres.com/features/connecting"},
  {"sequelize",     "Sequelize",     L::javascript, U::postgresql,      P::none,       true,  false, "DATABASE_URL",      S::sequelize,     "npm install sequelize sequelize-cockroachdb pg",   "index.js",          "javascript", "https://sequelize.org/docs/v6/getting-started/"},
  {"typeorm",       "TypeORM",       L::typescript, U::postgresql_bare, P::none,       false, false, "DATABASE_URL",      S::typeorm,       "npm install typeorm pg reflect-metadata",          "datasource.ts",     "typescript", "https://typeorm.io/data-source-options"},
  {"psycopg2",      "Psycopg2",      L::python,     U::postgresql,      P::percent,    true,  true,  "DATABASE_URL",      S::psycopg2,      "pip install psycopg2-binary",                      "main.py",           "python",     "https://www.psycopg.org/docs/module.html#psycopg2.connect"},
  {"sqlalchemy",    "SQLAlchemy",    L::python,     U::cockroachdb,     P::none,       true,  true,  "DATABASE_URL",      S::sqlalchemy,    "pip install sqlalchemy sqlalchemy-cockroachdb psycopg2-binary", "main.py", "python",     "https://docs.sqlalchemy.org/en/20/core/engines.html"},
  {"django",        "Django",        L::python,     U::none,            P::percent,    true,  true,  "",                  S::django,        "pip install django django-cockroachdb psycopg2-binary", "settings.py",  "python",     "https://docs.djangoproject.com/en/stable/ref/settings/#databases"},
  {"pgx",           "pgx",           L::go,         U::postgresql,      P::percent,    true,  false, "",                  S::pgx,           "go get github.com/jackc/pgx/v4",                   "main.go",           "go",         "https://pkg.go.dev/github.com/jackc/pgx/v4"},
  {"pq",            "pq",            L::go,         U::postgresql,      P::percent,    true,  false, "",                  S::pq,            "go get github.com/lib/pq",                         "main.go",           "go",         "https://pkg.go.dev/github.com/lib/pq"},
  {"gorm",          "GORM",          L::go,         U::postgresql,      P::percent,    true,  false, "",                  S::gorm,          "go get gorm.io/gorm gorm.io/driver/postgres",      "main.go",           "go",         "https://gorm.io/docs/connecting_to_the_database.html#PostgreSQL"},
  {"jdbc",          "JDBC",          L::java,       U::jdbc,            P::percent,    true,  false, "JDBC_DATABASE_URL", S::jdbc,          "Maven: org.postgresql:postgresql:42.7.9",          "Main.java",         "java",       "https://jdbc.postgresql.org/documentation/use/"},
  {"hibernate",     "Hibernate",     L::java,       U::jdbc,            P::percent,    true,  false, "DATABASE_URL",      S::hibernate,     "Maven: org.hibernate.orm:hibernate-core:6.6.0.Final and org.postgresql:postgresql:42.7.9", "hibernate.cfg.xml", "xml", "https://docs.jboss.org/hibernate/orm/current/userguide/html_single/Hibernate_User_Guide.html"},
  {"ruby-pg",       "Ruby pg",       L::ruby,       U::postgresql,      P::percent,    true,  true,  "DATABASE_URL",      S::ruby_pg,       "gem install pg",                                   "main.rb",           "ruby",       "https://deveiate.org/code/pg/PG/Connection.html"},
  {"activerecord",  "ActiveRecord",  L::ruby,       U::cockroachdb,     P::percent,    true,  true,  "DATABASE_URL",      S::activerecord,  "bundle add pg activerecord-cockroachdb-adapter",   "config/database.yml", "yaml",     "https://guides.rubyonrails.org/configuring.html#configuring-a-database"},
}};

}  // namespace

const std::array<DriverInfo, kDriverCount>& driver_table() { return kDrivers; }

std::optional<DriverInfo> find_driver(std::string_view id) {
  for (const auto& driver : kDrivers) {
    if (driver.id == id) return driver;
  }
  return std::nullopt;
}

// "..."sv: the -Oz wasm build would otherwise measure each with strlen().
std::string_view to_string(Language language) {
  using namespace std::string_view_literals;
  switch (language) {
    case Language::javascript: return "javascript"sv;
    case Language::typescript: return "typescript"sv;
    case Language::python: return "python"sv;
    case Language::go: return "go"sv;
    case Language::java: return "java"sv;
    case Language::ruby: return "ruby"sv;
  }
  return "unknown"sv;
}

}  // namespace crdb_connect
