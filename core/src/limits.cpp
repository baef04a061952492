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

using Drivers = std::vector<const DriverInfo*>;

// The selected drivers for which `holds` is true, in table order.
template <typename Predicate>
Drivers matching(const Drivers& selected, Predicate holds) {
  Drivers out;
  for (const DriverInfo* driver : selected) {
    if (holds(*driver)) out.push_back(driver);
  }
  return out;
}

std::vector<std::string> ids_of(const Drivers& drivers) {
  std::vector<std::string> ids;
  ids.reserve(drivers.size());
  for (const DriverInfo* driver : drivers) ids.emplace_back(driver->id);
  return ids;
}

// "A", "A and B", "A, B and C".
std::string join_names(const Drivers& drivers) {
  std::string out;
  for (std::size_t i = 0; i < drivers.size(); ++i) {
    if (i > 0) out += i + 1 == drivers.size() ? " and " : ", ";
    out += drivers[i]->name;
  }
  return out;
}

// Reports the selected drivers for which `cannot_carry` holds, together, in a
// message that starts with their names.
template <typename Predicate>
void report(const Drivers& selected, std::vector<Diagnostic>& out, std::string_view field, Predicate cannot_carry,
            std::string_view what, Severity severity = Severity::error) {
  const Drivers affected = matching(selected, cannot_carry);
  if (affected.empty()) return;
  out.push_back(Diagnostic{"value-not-carried", std::string(field), severity,
                           strings::cat(join_names(affected), " ", what), ids_of(affected)});
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

// SASLprep's mapping (RFC 4013 2.1): non-ASCII spaces become U+0020, and the
// "commonly mapped to nothing" characters (RFC 3454 B.1) are removed.
bool saslprep_maps(char32_t cp) {
  switch (cp) {
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:            // spaces (C.1.2)
    case 0x00AD: case 0x034F: case 0x1806: case 0x2060: case 0xFEFF: return true;  // nothing (B.1)
    default: break;
  }
  return (cp >= 0x2000 && cp <= 0x200D) || (cp >= 0x180B && cp <= 0x180D) || (cp >= 0xFE00 && cp <= 0xFE0F);
}

// Whether NFKC changes the code point where NFC does not: a character with a
// compatibility decomposition. The blocks below are made of such characters
// (fractions, ligatures, super/subscripts, full-width and presentation forms,
// enclosed and math letters, Latin-1's ª ² ³ µ ¹ º ¼ ½ ¾ ¨ ¯ ´ ¸); a few of
// their code points do not decompose, which only makes this warning cautious.
bool nfkc_only_changes(char32_t cp) {
  struct Range { char32_t first, last; };
  static constexpr Range kCompatibility[] = {
      {0x00A8, 0x00A8}, {0x00AA, 0x00AA}, {0x00AF, 0x00AF}, {0x00B2, 0x00B5}, {0x00B8, 0x00BA}, {0x00BC, 0x00BE},
      {0x0132, 0x0133}, {0x013F, 0x0140}, {0x0149, 0x0149}, {0x017F, 0x017F}, {0x01C4, 0x01CC}, {0x01F1, 0x01F3},
      {0x02B0, 0x02B8}, {0x02D8, 0x02DD}, {0x02E0, 0x02E4}, {0x1D2C, 0x1D6A}, {0x1D9B, 0x1DBF}, {0x2024, 0x2026},
      {0x2033, 0x2037}, {0x203C, 0x203E}, {0x2047, 0x2049}, {0x2057, 0x2057}, {0x2070, 0x209C}, {0x20A8, 0x20A8},
      {0x2100, 0x2109}, {0x210A, 0x2113}, {0x2115, 0x2116}, {0x2119, 0x211D}, {0x2120, 0x2124}, {0x2128, 0x2128},
      {0x212C, 0x212D}, {0x212F, 0x2139}, {0x213B, 0x2140}, {0x2145, 0x2149}, {0x2150, 0x217F}, {0x2189, 0x2189},
      {0x222C, 0x222D}, {0x222F, 0x2230}, {0x2460, 0x24EA}, {0x2A0C, 0x2A0C}, {0x2A74, 0x2A76}, {0x2C7C, 0x2C7D},
      {0x2D6F, 0x2D6F}, {0x2E9F, 0x2E9F}, {0x2EF3, 0x2EF3}, {0x2F00, 0x2FD5}, {0x3036, 0x3036}, {0x3038, 0x303A},
      {0x309B, 0x309C}, {0x309F, 0x309F}, {0x30FF, 0x30FF}, {0x3131, 0x318E}, {0x3192, 0x319F}, {0x3200, 0x33FF},
      {0xFB00, 0xFB06}, {0xFB13, 0xFB17}, {0xFB20, 0xFB29}, {0xFB50, 0xFDCF}, {0xFDF0, 0xFDFC}, {0xFE10, 0xFE19},
      {0xFE30, 0xFE6B}, {0xFE70, 0xFEFC}, {0xFF01, 0xFFEE}, {0x1D400, 0x1D7FF},
  };
  return std::any_of(std::begin(kCompatibility), std::end(kCompatibility),
                     [cp](const Range& r) { return cp >= r.first && cp <= r.last; });
}

// What SASLprep would do to a password it accepts: map (spaces, removals),
// NFKC-only changes, or composition of combining marks (NFC changes that too).
struct SaslprepChanges {
  bool maps = false, nfkc_only = false, combining = false;
};

SaslprepChanges saslprep_changes(std::string_view password) {
  SaslprepChanges c;
  std::size_t pos = 0;
  while (pos < password.size()) {
    if (static_cast<unsigned char>(password[pos]) < 0x80) {  // SASLprep leaves ASCII as it is
      ++pos;
      continue;
    }
    const char32_t cp = utf8::next(password, pos);
    c.maps = c.maps || saslprep_maps(cp);
    c.nfkc_only = c.nfkc_only || nfkc_only_changes(cp);
    c.combining = c.combining || (cp >= 0x0300 && cp <= 0x036F);
  }
  return c;
}

}  // namespace

void check_driver_limits(const Model& model, const std::vector<const DriverInfo*>& selected,
                         std::vector<Diagnostic>& out) {
  const std::string& db = model.database;
  // node-postgres decodes the path with decodeURI, which leaves these escapes encoded.
  const bool db_needs_full_decoding = has_any(db, ";/?:@&=+$,#");
  const bool db_needs_any_decoding = !escape::url_component_unchanged(db);
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

  // Found by the compatibility suite: pgJDBC 42.5's PgjdbcHostnameVerifier
  // refuses a certificate whose IP entry names the IPv6 address (it compares
  // the address as text with Java's uncompressed form, 0:0:0:0:0:0:0:1), so
  // verify-full never connects. A warning, as later releases may fix it.
  report(selected, out, "host",
         [&](const DriverInfo& d) { return model.host_is_ipv6 && d.ipv6_host_ok && d.language == Language::java; },
         "(pgJDBC 42.5) cannot verify the server certificate for an IPv6 address, even when the certificate names "
         "it (\"could not be verified by hostnameverifier PgjdbcHostnameVerifier\"), so verify-full refuses to "
         "connect. Use a host name for the Java drivers.",
         Severity::warning);

  // Sequelize splits user:password at the first ':' after decoding.
  report(selected, out, "username",
         [&](const DriverInfo& d) {
           return d.shape == SnippetShape::sequelize && model.username.find(':') != std::string::npos;
         },
         "split the decoded user:password at the first ':', so a user name containing ':' cannot be used.");

  const bool key_is_pem = model.uses_client_cert() && !model.client_key.empty() && !model.jdbc_pk8_key &&
                          !is_pkcs8_or_pkcs12(model.client_key);
  const auto is_java = [](const DriverInfo& d) { return d.language == Language::java; };
  const Drivers java = key_is_pem ? matching(selected, is_java) : Drivers{};
  if (!java.empty()) {
    out.push_back(Diagnostic{"key-needs-pk8", "clientKey", Severity::warning,
                             "pgJDBC before 42.7.9 cannot read a PEM client key. Convert it to PKCS#8 DER with "
                             "openssl pkcs8 -topk8 -inform PEM -outform DER -in client.key -out client.pk8 -nocrypt "
                             "and enter the .pk8 path, choose \"point sslkey at a .pk8 key\" (jdbcPk8Key), or use "
                             "pgJDBC 42.7.9 or later.",
                             ids_of(java)});
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
  const bool saslprep_refused = model.uses_password() && saslprep_refuses(model.password);
  if (saslprep_refused) {
    report(selected, out, "password", is_java,
           "(pgJDBC 42.5 and others) refuse this password during SCRAM authentication: it contains a character "
           "that SASLprep prohibits, such as an emoji or a control character (\"Prohibited character\"). Choose a "
           "password without such characters for Java.",
           Severity::warning);
  }

  // Found by the compatibility suite against PostgreSQL 15, which stores the
  // SCRAM verifier of the SASLprep-normalised password (as RFC 5802 asks):
  // libpq, node-postgres and pgJDBC normalise the same way and connect; lib/pq
  // does no SASLprep at all (fails for U+00A0 and for ¼), and pgx (so GORM)
  // uses PRECIS OpaqueString, which maps spaces but normalises with NFC, not
  // NFKC (fails for ¼ and the ﬁ ligature). A warning, as it depends on the server.
  if (model.uses_password() && !saslprep_refused) {
    const SaslprepChanges changes = saslprep_changes(model.password);
    report(selected, out, "password",
           [&](const DriverInfo& d) {
             if (d.shape == SnippetShape::pq) return changes.maps || changes.nfkc_only || changes.combining;
             return (d.shape == SnippetShape::pgx || d.shape == SnippetShape::gorm) && changes.nfkc_only;
           },
           "send this password without the SASLprep normalisation that SCRAM authentication applies on the server "
           "(PostgreSQL stores the normalised form: a non-breaking space becomes a space, ¼ becomes 1⁄4, the "
           "ligature ﬁ becomes fi), so the server may refuse it. lib/pq does not normalise at all; pgx, and GORM "
           "through it, do not apply NFKC. Choose a password without such characters for these drivers.",
           Severity::warning);
  }
}

}  // namespace crdb_connect
