#include "urls.hpp"

#include <string_view>

#include "crdb_connect/escape.hpp"

namespace crdb_connect::urls {
namespace {

// Appends a URL's query one parameter at a time: '?' before the first, '&'
// before the others. Values arrive already encoded (model.url or literals),
// so the whole URL is built in one string without temporaries.
class Query {
 public:
  explicit Query(std::string& url) : url_(url) {}

  void add(std::string_view key, std::string_view value) {
    url_ += first_ ? '?' : '&';
    first_ = false;
    url_ += key;
    url_ += '=';
    url_ += value;
  }

 private:
  std::string& url_;
  bool first_ = true;
};

// The TLS and routing parameters every deployment needs, in the reference's order.
void add_tls(Query& query, const Model& model, TlsStyle tls, bool pk8_key = false) {
  if (tls == TlsStyle::none) return;
  if (tls == TlsStyle::legacy_ssl) {
    query.add("ssl", "true");
  } else {
    query.add("sslmode", "verify-full");
  }
  if (!model.root_cert.empty()) query.add("sslrootcert", model.url.root_cert);
  if (model.uses_client_cert()) {
    query.add("sslcert", model.url.client_cert);
    query.add("sslkey", pk8_key ? model.url.client_key_pk8 : model.url.client_key);
  }
}

// Room for the fixed parts of a URL around the encoded values.
constexpr std::size_t kQueryAllowance = 96;

std::size_t encoded_size(const UrlParts& url) {
  return url.username.size() + url.password.size() + url.host_port.size() + url.database.size() +
         url.cluster_option.size() + url.root_cert.size() + url.client_cert.size() + url.client_key_pk8.size() +
         kQueryAllowance;
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
  // '=' stays encoded: libpq rejects a second raw '=' inside a query value.
  url.cluster_option = "--cluster%3D" + url.routing_id;
  url.root_cert = escape::url_query_path(model.root_cert);
  url.client_cert = escape::url_query_path(model.client_cert);
  url.client_key = escape::url_query_path(model.client_key);
  url.client_key_pk8 = escape::url_query_path(pk8_path(model.client_key));
  // Percent-encoding only ever lengthens what it changes.
  url.credentials_encoded = url.username.size() != model.username.size() ||
                            url.password.size() != model.password.size() ||
                            url.database.size() != model.database.size();
}

std::string uri(const Model& model, const UrlShape& shape) {
  std::string out;
  out.reserve(shape.scheme.size() + encoded_size(model.url));
  out += shape.scheme;
  out += "://";
  out += model.url.username;
  if (model.uses_password() && !model.password.empty()) {
    out += ':';
    out += model.url.password;
  }
  out += '@';
  out += model.url.host_port;
  out += '/';
  if (shape.legacy_routing_path && model.uses_routing_id()) {
    out += model.url.routing_id;
    out += '.';
  }
  out += model.url.database;

  Query query(out);
  add_tls(query, model, shape.tls);
  if (shape.tls == TlsStyle::sslmode && model.uses_routing_id()) query.add("options", model.url.cluster_option);
  return out;
}

std::string jdbc(const Model& model) {
  std::string out;
  out.reserve(encoded_size(model.url) + 64);
  out += "jdbc:postgresql://";
  out += model.url.host_port;
  out += '/';
  out += model.url.database;
  Query query(out);
  query.add("user", model.url.username);
  if (model.uses_password()) query.add("password", model.url.password);
  add_tls(query, model, TlsStyle::sslmode, model.jdbc_pk8_key && !is_pkcs8_or_pkcs12(model.client_key));
  // pgJDBC's default factory reads the CA only from ~/.postgresql/root.crt and
  // fails when it is missing; the Java factory verifies against the JRE's
  // trusted CAs, which hold the Serverless certificate's issuer.
  if (model.deployment == Deployment::serverless && model.root_cert.empty()) {
    query.add("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory");
  }
  if (model.uses_routing_id()) query.add("options", model.url.cluster_option);
  return out;
}

}  // namespace crdb_connect::urls
