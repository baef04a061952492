#include "urls.hpp"

#include "crdb_connect/escape.hpp"

namespace crdb_connect::urls {
namespace {

using Query = std::vector<std::pair<const char*, std::string>>;  // values already encoded

// A valid DNS name, IPv4 address or port is left unchanged by percent-encoding;
// an invalid one (already an error diagnostic) stays a single URL token, so a
// space, '#', quote or newline in it cannot end the URL or the line of a
// config file the URL is pasted into (database.yml reads it through ERB).
std::string host_port(const Model& model) {
  std::string out = model.host_is_ipv6 ? "[" + model.host + "]" : escape::url_component(model.host);
  out += ':';
  out += escape::url_component(model.port);
  return out;
}

// The TLS and routing parameters every deployment needs, in the reference's order.
void append_tls(Query& query, const Model& model, TlsStyle tls, bool pk8_key = false) {
  if (tls == TlsStyle::none) return;
  query.emplace_back(tls == TlsStyle::legacy_ssl ? "ssl" : "sslmode",
                     tls == TlsStyle::legacy_ssl ? "true" : "verify-full");
  if (!model.root_cert.empty()) query.emplace_back("sslrootcert", escape::url_query_path(model.root_cert));
  if (model.uses_client_cert()) {
    query.emplace_back("sslcert", escape::url_query_path(model.client_cert));
    query.emplace_back("sslkey", escape::url_query_path(pk8_key ? pk8_path(model.client_key) : model.client_key));
  }
}

// '=' stays encoded: libpq rejects a second raw '=' inside a query value.
std::string cluster_option(const Model& model) { return "--cluster%3D" + escape::url_component(model.routing_id); }

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

std::string uri(const Model& model, const UrlShape& shape) {
  std::string out = shape.scheme + "://" + escape::url_component(model.username);
  if (model.uses_password() && !model.password.empty()) out += ':' + escape::url_component(model.password);
  out += '@';
  out += host_port(model);
  out += '/';
  if (shape.legacy_routing_path && model.uses_routing_id()) out += escape::url_component(model.routing_id) + '.';
  out += escape::url_component(model.database);

  Query query;
  append_tls(query, model, shape.tls);
  if (shape.tls == TlsStyle::sslmode && model.uses_routing_id()) query.emplace_back("options", cluster_option(model));
  return join(std::move(out), query);
}

std::string jdbc(const Model& model) {
  Query query{{"user", escape::url_component(model.username)}};
  if (model.uses_password()) query.emplace_back("password", escape::url_component(model.password));
  append_tls(query, model, TlsStyle::sslmode, model.jdbc_pk8_key && !is_pkcs8_or_pkcs12(model.client_key));
  // pgJDBC's default factory reads the CA only from ~/.postgresql/root.crt and
  // fails when it is missing; the Java factory verifies against the JRE's
  // trusted CAs, which hold the Serverless certificate's issuer.
  if (model.deployment == Deployment::serverless && model.root_cert.empty()) {
    query.emplace_back("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory");
  }
  if (model.uses_routing_id()) query.emplace_back("options", cluster_option(model));
  return join("jdbc:postgresql://" + host_port(model) + "/" + escape::url_component(model.database), query);
}

}  // namespace crdb_connect::urls
