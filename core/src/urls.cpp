#include "urls.hpp"

#include "crdb_connect/escape.hpp"

namespace crdb_connect::urls {
namespace {

using Query = std::vector<std::pair<const char*, std::string>>;  // values already encoded

// The TLS and routing parameters every deployment needs, in the reference's order.
void append_tls(Query& query, const Model& model, TlsStyle tls, bool pk8_key = false) {
  if (tls == TlsStyle::none) return;
  query.emplace_back(tls == TlsStyle::legacy_ssl ? "ssl" : "sslmode",
                     tls == TlsStyle::legacy_ssl ? "true" : "verify-full");
  if (!model.root_cert.empty()) query.emplace_back("sslrootcert", model.url.root_cert);
  if (model.uses_client_cert()) {
    query.emplace_back("sslcert", model.url.client_cert);
    query.emplace_back("sslkey", pk8_key ? model.url.client_key_pk8 : model.url.client_key);
  }
}

// '=' stays encoded: libpq rejects a second raw '=' inside a query value.
std::string cluster_option(const Model& model) { return "--cluster%3D" + model.url.routing_id; }

std::string join(std::string base, const Query& query) {
  char sep = '?';
  for (const auto& [key, value] : query) {
    base += sep;
    base += key;
    base += '=';
    base += value;
    sep = '&';
  }
  return base;
}

}  // namespace

void encode_parts(Model& model) {
  UrlParts& url = model.url;
  url.username = escape::url_component(model.username);
  url.password = escape::url_component(model.password);
  // A valid DNS name, IPv4 address or port is left unchanged by percent-encoding;
  // an invalid one (already an error diagnostic) stays a single URL token, so a
  // space, '#', quote or newline in it cannot end the URL or the line of a
  // config file the URL is pasted into (database.yml reads it through ERB).
  url.host_port = model.host_is_ipv6 ? "[" + model.host + "]" : escape::url_component(model.host);
  url.host_port += ':';
  url.host_port += escape::url_component(model.port);
  url.database = escape::url_component(model.database);
  url.routing_id = escape::url_component(model.routing_id);
  url.root_cert = escape::url_query_path(model.root_cert);
  url.client_cert = escape::url_query_path(model.client_cert);
  url.client_key = escape::url_query_path(model.client_key);
  url.client_key_pk8 = escape::url_query_path(pk8_path(model.client_key));
}

std::string uri(const Model& model, const UrlShape& shape) {
  std::string out = shape.scheme + "://" + model.url.username;
  if (model.uses_password() && !model.password.empty()) out += ':' + model.url.password;
  out += '@';
  out += model.url.host_port;
  out += '/';
  if (shape.legacy_routing_path && model.uses_routing_id()) out += model.url.routing_id + '.';
  out += model.url.database;

  Query query;
  append_tls(query, model, shape.tls);
  if (shape.tls == TlsStyle::sslmode && model.uses_routing_id()) query.emplace_back("options", cluster_option(model));
  return join(std::move(out), query);
}

std::string jdbc(const Model& model) {
  Query query{{"user", model.url.username}};
  if (model.uses_password()) query.emplace_back("password", model.url.password);
  append_tls(query, model, TlsStyle::sslmode, model.jdbc_pk8_key && !is_pkcs8_or_pkcs12(model.client_key));
  // pgJDBC's default factory reads the CA only from ~/.postgresql/root.crt and
  // fails when it is missing; the Java factory verifies against the JRE's
  // trusted CAs, which hold the Serverless certificate's issuer.
  if (model.deployment == Deployment::serverless && model.root_cert.empty()) {
    query.emplace_back("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory");
  }
  if (model.uses_routing_id()) query.emplace_back("options", cluster_option(model));
  return join("jdbc:postgresql://" + model.url.host_port + "/" + model.url.database, query);
}

}  // namespace crdb_connect::urls
