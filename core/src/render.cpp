#include "render.hpp"

#include "crdb_connect/escape.hpp"
#include "snippets.hpp"
#include "strings.hpp"
#include "urls.hpp"

namespace crdb_connect {
namespace {

// Notes are long literals: "..."sv gives their length at compile time, where
// a const char* would be measured with strlen() on every call. Fixed notes are
// Text::constant: views of the literal, never copied.
using namespace std::string_view_literals;

// Notes shared by several drivers, chosen by the columns of the driver's row.
void add_common_notes(const DriverInfo& driver, const Model& model, std::vector<Text>& notes) {
  const bool url = driver.scheme != UrlScheme::none;
  const bool serverless = model.deployment == Deployment::serverless;

  if (url && model.url.credentials_encoded) {
    notes.push_back(Text::constant(
        "User, password and database are percent-encoded in the URL (for example @ is %40, + is %2B and a space "
        "is %20); the driver decodes them back. '+' and spaces are never left raw, because several drivers read "
        "'+' as a space."sv));
  }
  if (url && serverless && driver.scheme != UrlScheme::postgresql_bare) {
    notes.push_back(Text::constant(
        "options=--cluster%3D<routing-id> names your cluster to the Serverless proxy. Keep the '=' encoded as %3D: "
        "libpq rejects a second raw '=' inside a query value."sv));
  }
  if (driver.uses_libpq && serverless && model.root_cert.empty()) {
    notes.push_back(Text::constant(
        "libpq verifies the server with the CA certificate at ~/.postgresql/root.crt (Windows: "
        "%APPDATA%\\postgresql\\root.crt) when no sslrootcert is given. Download the CA certificate from the "
        "CockroachDB Cloud Console to that path, or enter its path as the CA certificate."sv));
  }
  if (!driver.uses_libpq && serverless && model.root_cert.empty()) {
    notes.push_back(Text::constant(driver.language == Language::java
        ? "Differs from the reference: pgJDBC's default SSL factory reads the CA only from ~/.postgresql/root.crt "
          "(Windows: %APPDATA%\\postgresql\\root.crt) and fails when that file is missing, so the URL adds "
          "sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory to verify against the JRE's trusted CAs; verify-full "
          "still checks the host name. To use a downloaded CA file instead, enter its path as the CA certificate."sv
        : "The Serverless certificate is verified against the system's trusted CAs; no CA file is needed."sv));
  }
  if (model.uses_client_cert() && (driver.uses_libpq || driver.shape == SnippetShape::pq)) {
    notes.push_back(strings::cat("The client key must be readable only by its owner (chmod 600 ",
                                  model.client_key.empty() ? "<client-key>" : model.client_key,
                                  "): ", driver.uses_libpq ? "libpq"sv : "lib/pq"sv,
                                  " refuses a key that group or others can read."));
  }
  if (model.uses_client_cert() && driver.language == Language::java && model.jdbc_pk8_key &&
      !is_pkcs8_or_pkcs12(model.client_key)) {
    notes.push_back(strings::cat("sslkey points at ", pk8_path(model.client_key),
                                 ", the PKCS#8 key that the convert-key step writes."));
  } else if (model.uses_client_cert() && driver.language == Language::java && !is_pkcs8_or_pkcs12(model.client_key)) {
    notes.push_back(strings::cat(
        "pgJDBC before 42.7.9 reads the client key only as PKCS#8 DER (.pk8) or PKCS#12 (.p12/.pfx). Convert it "
        "with: openssl pkcs8 -topk8 -inform PEM -outform DER -in ",
        model.client_key.empty() ? "client.key" : model.client_key,
        " -out client.pk8 -nocrypt, then use the .pk8 path as the client key. 42.7.9 and later also read PEM "
        "keys."));
  }
}

void add_driver_notes(const DriverInfo& driver, const Model& model, const std::string& url,
                      std::vector<Text>& notes, std::vector<Variant>& variants) {
  const bool has_cert_paths = !model.root_cert.empty() || model.uses_client_cert();
  switch (driver.shape) {
    case SnippetShape::node_postgres:
      if (has_cert_paths) {
        notes.push_back(Text::constant(
            "node-postgres reads the sslrootcert/sslcert/sslkey files when it parses the string, relative to the "
            "working directory, and they replace any ssl object passed in code."sv));
      }
      break;
    case SnippetShape::sequelize: {
      notes.push_back(Text::constant(
          "This format needs Sequelize 6.10 or later with sequelize-cockroachdb. For 6.9 and earlier, use the "
          "variant."sv));
      urls::UrlShape legacy{"postgresql", urls::TlsStyle::legacy_ssl, true};
      variants.push_back({std::string("Sequelize 6.9 and earlier"sv), urls::uri(model, legacy)});
      break;
    }
    case SnippetShape::typeorm:
      notes.push_back(strings::cat(
          "TypeORM ignores TLS parameters in the URL's query string, so the URL has none: TLS is set in ssl",
          model.uses_routing_id() ? " and the routing ID in extra.options."sv : "."sv));
      if (!model.root_cert.empty()) {
        notes.push_back(strings::cat(
            "ssl.ca (and key, cert) take the certificate's content, not its path, so the snippet reads the files "
            "named by CA_CERT",
            model.uses_client_cert() ? ", CLIENT_KEY and CLIENT_CERT"sv : ""sv,
            ". The reference passes process.env.CA_CERT directly, which would hand TypeORM the path."));
      }
      break;
    case SnippetShape::sqlalchemy:
      notes.push_back(Text::constant("The cockroachdb:// scheme needs the sqlalchemy-cockroachdb package."sv));
      if (url.find('%') != std::string::npos) {
        notes.push_back(Text::constant(
            "In alembic.ini or any other ConfigParser file, write every % of this URL as %%."sv));
      }
      break;
    case SnippetShape::django:
      notes.push_back(Text::constant(
          "Django takes raw values, not a URL, so nothing is percent-encoded; the ENGINE needs the "
          "django-cockroachdb package."sv));
      if (has_cert_paths) {
        notes.push_back(Text::constant(
            "os.path.expandvars expands $VARIABLES in the certificate paths (not ~); a path with a literal '$' "
            "would change."sv));
      }
      break;
    case SnippetShape::pgx:
    case SnippetShape::pq:
    case SnippetShape::gorm:
      notes.push_back(Text::constant(
          "The connection string is inlined as in the reference, escaped as a Go string. To keep the password out "
          "of source code, read it with os.Getenv(\"DATABASE_URL\") instead."sv));
      if (driver.shape == SnippetShape::gorm) {
        notes.push_back(Text::constant("GORM's postgres driver connects through pgx."sv));
      }
      break;
    case SnippetShape::jdbc:
      notes.push_back(Text::constant(
          "pgJDBC takes user and password as query parameters and decodes them with URLDecoder, so they are "
          "percent-encoded."sv));
      break;
    case SnippetShape::hibernate:
      notes.push_back(Text::constant(
          "In hibernate.cfg.xml every & of the URL is written &amp;. To keep the password out of the file, remove "
          "that property and set DATABASE_URL, read by the Java variant."sv));
      variants.push_back({std::string("Java: set the URL from DATABASE_URL at start-up"sv),
                          std::string(snippets::hibernate_java_bootstrap())});
      break;
    case SnippetShape::activerecord:
      notes.push_back(Text::constant("The cockroachdb:// scheme selects activerecord-cockroachdb-adapter."sv));
      break;
    case SnippetShape::psycopg2:
    case SnippetShape::ruby_pg:
      break;
  }
}

std::vector<EnvVar> env_vars(const DriverInfo& driver, const Model& model, const std::string& url) {
  std::vector<EnvVar> env;
  if (!driver.env_var.empty()) env.push_back({std::string(driver.env_var), url});
  if (driver.shape == SnippetShape::typeorm && !model.root_cert.empty()) {
    env.push_back({"CA_CERT", model.root_cert});
    if (model.uses_client_cert()) {
      env.push_back({"CLIENT_CERT", model.client_cert});
      env.push_back({"CLIENT_KEY", model.client_key});
    }
  }
  return env;
}

}  // namespace

std::string connection_url(const DriverInfo& driver, const Model& model) {
  switch (driver.scheme) {
    case UrlScheme::postgresql: return urls::uri(model, {"postgresql"});
    case UrlScheme::cockroachdb: return urls::uri(model, {"cockroachdb"});
    case UrlScheme::postgresql_bare: return urls::uri(model, {"postgresql", urls::TlsStyle::none});
    case UrlScheme::jdbc: return urls::jdbc(model);
    case UrlScheme::none: return {};
  }
  return {};
}

Output render(const DriverInfo& driver, const Model& model, std::string connection_string) {
  Output out;
  out.driver = driver.id;
  out.name = driver.name;
  out.language = to_string(driver.language);
  out.connection_string = std::move(connection_string);
  out.env = env_vars(driver, model, out.connection_string);
  out.install = driver.install;
  out.snippet = snippets::render(driver.shape, model, out.connection_string);
  out.snippet_file = driver.snippet_file;
  out.snippet_language = driver.snippet_language;
  out.docs_url = driver.docs_url;
  out.notes.reserve(6);  // room for every note one driver gets: no regrowth moving the strings
  add_common_notes(driver, model, out.notes);
  add_driver_notes(driver, model, out.connection_string, out.notes, out.variants);
  return out;
}

}  // namespace crdb_connect
