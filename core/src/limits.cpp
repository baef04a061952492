// Values that a particular driver cannot carry, found by reading each driver's
// own parser (see DRIVER-FACTS.md and the compatibility suite).
#include <algorithm>

#include "crdb_connect/drivers.hpp"
#include "crdb_connect/escape.hpp"
#include "model.hpp"
#include "strings.hpp"
#include "utf8.hpp"

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
  out.push_back(Diagnostic{"value-not-carried", std::string(field), Severity::error, strings::cat({names, " ", what}),
                           std::move(affected)});
}

bool has_any(std::string_view value, std::string_view chars) {
  return value.find_first_of(chars) != std::string_view::npos;
}

// Whether SASLprep (RFC 4013) refuses the code point: a control character,
// private use, a non-character, or a code point unassigned in Unicode 3.2.
// Unassigned BMP code points are not listed (the table is large); outside the
// BMP only the blocks Unicode 3.2 had are allowed, which catches every emoji.
bool saslprep_prohibits(char32_t cp) {
  if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) return true;
  if ((cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) return true;
  if (cp <= 0xFFFF) return false;
  struct Range { char32_t first, last; };
  static constexpr Range kAssignedIn32[] = {
      {0x10300, 0x1034F}, {0x10400, 0x1044F}, {0x1D000, 0x1D1FF}, {0x1D400, 0x1D7FF},
      {0x20000, 0x2A6DF}, {0x2F800, 0x2FA1F}, {0xE0001, 0xE0001}, {0xE0020, 0xE007F},
  };
  return std::none_of(std::begin(kAssignedIn32), std::end(kAssignedIn32),
                      [cp](const Range& r) { return cp >= r.first && cp <= r.last; });
}

bool saslprep_refuses(std::string_view password) {
  std::size_t pos = 0;
  while (pos < password.size()) {
    if (saslprep_prohibits(utf8::next(password, pos))) return true;
  }
  return false;
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

  // Found by the compatibility suite: pgJDBC 42.5 (Debian 12) runs the password
  // through SASLprep for SCRAM and throws "Prohibited character" instead of
  // falling back to the raw password as libpq and the server do. A warning, as
  // later pgJDBC releases may accept it.
  std::vector<std::string> scram_refused;
  for (std::string_view id : selected) {
    if (find_driver(id)->language == Language::java && model.uses_password() && saslprep_refuses(model.password)) {
      scram_refused.emplace_back(id);
    }
  }
  if (!scram_refused.empty()) {
    out.push_back(Diagnostic{
        "value-not-carried", "password", Severity::warning,
        strings::cat({join_names(scram_refused),
                      " (pgJDBC 42.5 and others) refuse this password during SCRAM authentication: it contains a "
                      "character that SASLprep prohibits, such as an emoji or a control character (\"Prohibited "
                      "character\"). Choose a password without such characters for Java."}),
        std::move(scram_refused)});
  }
}

}  // namespace crdb_connect
