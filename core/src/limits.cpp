// Values that a particular driver cannot carry, found by reading each driver's
// own parser (see DRIVER-FACTS.md and the compatibility suite).
#include <fmt/format.h>

#include <algorithm>

#include "crdb_connect/drivers.hpp"
#include "crdb_connect/escape.hpp"
#include "model.hpp"

namespace crdb_connect {
namespace {

std::string join_names(const std::vector<std::string>& ids) {
  std::string out;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += i + 1 == ids.size() ? " and " : ", ";
    out += find_driver(ids[i])->name;
  }
  return out;
}

// Collects the selected drivers for which `cannot_carry` holds and reports them together.
template <typename Predicate>
void report(const std::vector<std::string_view>& selected, std::vector<Diagnostic>& out, std::string_view field,
            Predicate cannot_carry, std::string_view what) {
  std::vector<std::string> affected;
  for (std::string_view id : selected) {
    if (cannot_carry(*find_driver(id))) affected.emplace_back(id);
  }
  if (affected.empty()) return;
  std::string names = join_names(affected);
  out.push_back(Diagnostic{"value-not-carried", std::string(field), Severity::error,
                           fmt::format("{} {}", names, what), std::move(affected)});
}

bool has_any(std::string_view value, std::string_view chars) {
  return value.find_first_of(chars) != std::string_view::npos;
}

}  // namespace

void check_driver_limits(const Model& model, const std::vector<std::string_view>& selected,
                         std::vector<Diagnostic>& out) {
  const std::string& db = model.database;
  // node-postgres decodes the path with decodeURI, which leaves these escapes encoded.
  const bool db_needs_full_decoding = has_any(db, ";/?:@&=+$,#");
  const bool db_needs_any_decoding = escape::url_component(db) != db;
  report(selected, out, "database",
         [&](const DriverInfo& d) {
           return (d.path_decoding == PathDecoding::none && db_needs_any_decoding) ||
                  (d.path_decoding == PathDecoding::decode_uri && db_needs_full_decoding);
         },
         "read the database name from the URL path without fully decoding it, so they would connect to a "
         "database with a different name. Use a database name of letters, digits, '_', '-' and '.' for these "
         "drivers.");

  report(selected, out, "host",
         [&](const DriverInfo& d) { return model.host_is_ipv6 && !d.ipv6_host_ok; },
         "split the URL's host and port at the first ':', so they cannot read an IPv6 address. Use a host name "
         "that resolves to it.");

  // Sequelize splits user:password at the first ':' after decoding.
  report(selected, out, "username",
         [&](const DriverInfo& d) {
           return d.shape == SnippetShape::sequelize && model.username.find(':') != std::string::npos;
         },
         "split the decoded user:password at the first ':', so a user name containing ':' cannot be used.");

  const bool key_is_pem = model.uses_client_cert() && !model.client_key.empty() && !model.jdbc_pk8_key &&
                          !is_pkcs8_or_pkcs12(model.client_key);
  std::vector<std::string> java;
  for (std::string_view id : selected) {
    if (find_driver(id)->language == Language::java) java.emplace_back(id);
  }
  if (key_is_pem && !java.empty()) {
    out.push_back(Diagnostic{"key-needs-pk8", "clientKey", Severity::warning,
                             "pgJDBC before 42.7.9 cannot read a PEM client key. Convert it to PKCS#8 DER with "
                             "openssl pkcs8 -topk8 -inform PEM -outform DER -in client.key -out client.pk8 -nocrypt "
                             "and enter the .pk8 path, choose \"point sslkey at a .pk8 key\" (jdbcPk8Key), or use "
                             "pgJDBC 42.7.9 or later.",
                             std::move(java)});
  }

  report(selected, out, "password",
         [&](const DriverInfo& d) {
           return d.shape == SnippetShape::hibernate && !escape::xml_can_carry(model.password);
         },
         "keeps the URL in an XML file, and XML 1.0 cannot contain this password's control characters. Set the "
         "URL from DATABASE_URL in Java instead (see the variant).");
}

}  // namespace crdb_connect
