#include "snippets.hpp"

#include <initializer_list>
#include <string_view>
#include <utility>

#include "crdb_connect/escape.hpp"

namespace crdb_connect::snippets {
namespace {

using Slot = std::pair<std::string_view, std::string_view>;
// Templates passed as "..."sv: their length is known at compile time instead of
// measured with strlen() on every call.
using namespace std::string_view_literals;

// Replaces @name@ markers in one left-to-right pass; inserted values are never
// rescanned, so a value containing '@' cannot be mistaken for a marker.
std::string fill(std::string_view tmpl, std::initializer_list<Slot> slots) {
  std::string out;
  out.reserve(tmpl.size() + 256);
  std::size_t pos = 0;
  while (pos < tmpl.size()) {
    const std::size_t at = tmpl.find('@', pos);
    if (at == std::string_view::npos) break;
    out.append(tmpl, pos, at - pos);
    const std::size_t end = tmpl.find('@', at + 1);
    bool replaced = false;
    if (end != std::string_view::npos) {
      const std::string_view name = tmpl.substr(at + 1, end - at - 1);
      for (const auto& [key, value] : slots) {
        if (key == name) {
          out += value;
          pos = end + 1;
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) {
      out += '@';
      pos = at + 1;
    }
  }
  out.append(tmpl.substr(pos));
  return out;
}

// --- JavaScript / TypeScript ---------------------------------------------------

constexpr std::string_view kNodePostgres = R"~(const { Client } = require("pg");

const client = new Client(process.env.DATABASE_URL);

client
  .connect()
  .then(() => client.query("SELECT now()"))
  .then((result) => console.log(result.rows[0]))
  .finally(() => client.end());
)~";

constexpr std::string_view kSequelize = R"~(const Sequelize = require("sequelize-cockroachdb");

const connectionString = process.env.DATABASE_URL;
const sequelize = new Sequelize(connectionString);

sequelize
  .authenticate()
  .then(() => console.log("Connected"))
  .finally(() => sequelize.close());
)~";

std::string typeorm(const Model& model) {
  std::string ssl;
  if (model.root_cert.empty()) {
    ssl = "  ssl: true,\n";  // the system trust store verifies the Serverless certificate
  } else {
    ssl = "  ssl: {\n    ca: readFileSync(process.env.CA_CERT!).toString(),\n";
    if (model.uses_client_cert()) {
      ssl += "    key: readFileSync(process.env.CLIENT_KEY!).toString(),\n"
             "    cert: readFileSync(process.env.CLIENT_CERT!).toString(),\n";
    }
    ssl += "  },\n";
  }
  std::string extra;
  if (model.uses_routing_id()) {
    extra = "  extra: {\n    options: " + escape::javascript_string("--cluster=" + model.routing_id) + ",\n  },\n";
  }
  const std::string_view imports = model.root_cert.empty() ? "" : "import { readFileSync } from \"fs\";\n";
  return fill(R"~(@imports@import { DataSource } from "typeorm";

export const AppDataSource = new DataSource({
  type: "cockroachdb",
  url: process.env.DATABASE_URL,
@ssl@@extra@  timeTravelQueries: false,
});

// Elsewhere: import { AppDataSource } from "./datasource";
AppDataSource.initialize().then(async () => {
  // Execute operations
});
)~"sv,
              {{"imports"sv, imports}, {"ssl"sv, ssl}, {"extra"sv, extra}});
}

// --- Python ----------------------------------------------------------------------

constexpr std::string_view kPsycopg2 = R"~(import os

import psycopg2

conn = psycopg2.connect(os.environ["DATABASE_URL"])
with conn.cursor() as cur:
    cur.execute("SELECT now()")
    print(cur.fetchone())
conn.close()
)~";

constexpr std::string_view kSqlalchemy = R"~(import os

from sqlalchemy import create_engine, text

engine = create_engine(os.environ["DATABASE_URL"])
with engine.connect() as conn:
    print(conn.execute(text("SELECT now()")).scalar())
)~";

std::string django(const Model& model) {
  // Non-URL configuration: raw values as Python literals, never percent-encoded.
  std::string credentials = "        'USER': " + escape::python_string(model.username) + ",\n";
  if (model.uses_password()) credentials += "        'PASSWORD': " + escape::python_string(model.password) + ",\n";
  std::string options = "            'sslmode': 'verify-full',\n";
  if (model.uses_routing_id()) {
    options += "            'options': " + escape::python_string("--cluster=" + model.routing_id) + ",\n";
  }
  const auto path = [](const std::string& p) { return "os.path.expandvars(" + escape::python_string(p) + ")"; };
  if (!model.root_cert.empty()) options += "            'sslrootcert': " + path(model.root_cert) + ",\n";
  if (model.uses_client_cert()) {
    options += "            'sslcert': " + path(model.client_cert) + ",\n";
    options += "            'sslkey': " + path(model.client_key) + ",\n";
  }
  return fill(R"~(# settings.py
import os

DATABASES = {
    'default': {
        'ENGINE': 'django_cockroachdb',
        'NAME': @name@,
@credentials@        'HOST': @host@,
        'PORT': @port@,
        'OPTIONS': {
@options@        },
    },
}
)~"sv,
              {{"name"sv, escape::python_string(model.database)},
               {"credentials"sv, credentials},
               {"host"sv, escape::python_string(model.host)},
               {"port"sv, escape::python_string(model.port)},
               {"options"sv, options}});
}

// --- Go ----------------------------------------------------------------------------

std::string pgx(const std::string& url) {
  return fill(R"~(package main

import (
	"context"
	"log"

	"github.com/jackc/pgx/v4"
)

func main() {
	conn, err := pgx.Connect(context.Background(), @url@)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close(context.Background())
}
)~"sv,
              {{"url"sv, escape::go_string(url)}});
}

std::string pq(const std::string& url) {
  return fill(R"~(package main

import (
	"database/sql"
	"log"

	_ "github.com/lib/pq"
)

func main() {
	db, err := sql.Open("postgres", @url@)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	// sql.Open only checks the string; Ping connects.
	if err := db.Ping(); err != nil {
		log.Fatal(err)
	}
}
)~"sv,
              {{"url"sv, escape::go_string(url)}});
}

std::string gorm(const std::string& url) {
  return fill(R"~(package main

import (
	"log"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

func main() {
	db, err := gorm.Open(postgres.Open(@url@), &gorm.Config{})
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("connected with the %s driver", db.Dialector.Name())
}
)~"sv,
              {{"url"sv, escape::go_string(url)}});
}

// --- Java ----------------------------------------------------------------------------

constexpr std::string_view kJdbc = R"~(import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.ds.PGSimpleDataSource;

public class Main {
    public static void main(String[] args) throws SQLException {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(System.getenv("JDBC_DATABASE_URL"));
        try (Connection conn = ds.getConnection()) {
            System.out.println("Connected as " + conn.getMetaData().getUserName());
        }
    }
}
)~";

std::string hibernate(const std::string& url) {
  return fill(R"~(<?xml version="1.0" encoding="UTF-8"?>
<hibernate-configuration>
  <session-factory>
    <property name="hibernate.connection.driver_class">org.postgresql.Driver</property>
    <property name="hibernate.dialect">org.hibernate.dialect.CockroachDialect</property>
    <property name="hibernate.connection.url">@url@</property>
  </session-factory>
</hibernate-configuration>
)~"sv,
              {{"url"sv, escape::xml_text(url)}});
}

// --- Ruby ------------------------------------------------------------------------------

constexpr std::string_view kRubyPg = R"~(#!/usr/bin/env ruby
require 'pg'

conn = PG.connect(ENV['DATABASE_URL'])
puts conn.exec('SELECT now()').getvalue(0, 0)
conn.close
)~";

constexpr std::string_view kActiveRecord = R"~(# config/database.yml
default: &default
  adapter: cockroachdb
  url: <%= ENV['DATABASE_URL'] %>

development:
  <<: *default

production:
  <<: *default
)~";

}  // namespace

std::string render(SnippetShape shape, const Model& model, const std::string& url) {
  switch (shape) {
    case SnippetShape::node_postgres: return std::string(kNodePostgres);
    case SnippetShape::sequelize: return std::string(kSequelize);
    case SnippetShape::typeorm: return typeorm(model);
    case SnippetShape::psycopg2: return std::string(kPsycopg2);
    case SnippetShape::sqlalchemy: return std::string(kSqlalchemy);
    case SnippetShape::django: return django(model);
    case SnippetShape::pgx: return pgx(url);
    case SnippetShape::pq: return pq(url);
    case SnippetShape::gorm: return gorm(url);
    case SnippetShape::jdbc: return std::string(kJdbc);
    case SnippetShape::hibernate: return hibernate(url);
    case SnippetShape::ruby_pg: return std::string(kRubyPg);
    case SnippetShape::activerecord: return std::string(kActiveRecord);
  }
  return {};
}

std::string_view hibernate_java_bootstrap() {
  return R"~(import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

public class Main {
    public static void main(String[] args) {
        StandardServiceRegistry standardRegistry = new StandardServiceRegistryBuilder()
                .configure("hibernate.cfg.xml")
                .applySetting("hibernate.connection.url", System.getenv("DATABASE_URL"))
                .build();
        Metadata metadata = new MetadataSources(standardRegistry).getMetadataBuilder().build();
        try (SessionFactory sessionFactory = metadata.getSessionFactoryBuilder().build()) {
            System.out.println("Connected");
        }
    }
}
)~"sv;
}

}  // namespace crdb_connect::snippets
