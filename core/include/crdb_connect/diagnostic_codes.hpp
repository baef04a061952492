// Every diagnostic code the core can emit. Tests check that each code has a
// test that produces it, and the npm package's .d.ts lists the same codes.
#pragma once

#include <array>
#include <string_view>

namespace crdb_connect {

struct DiagnosticCodeInfo {
  std::string_view code;
  std::string_view summary;
};

// Codes generate() emits.
inline constexpr std::array<DiagnosticCodeInfo, 33> kGenerateDiagnosticCodes{{
  {"deployment-invalid", "deployment is not serverless, dedicated or self-hosted"},
  {"driver-unknown", "a requested driver id is not one of the 13"},
  {"field-required", "a field the deployment needs is empty"},
  {"field-ignored", "a value was given for a field this deployment does not use"},
  {"field-too-long", "a field is over 4 KiB"},
  {"input-too-long", "the whole input is over 64 KiB"},
  {"invalid-utf8", "a field is not valid UTF-8"},
  {"nul-character", "a field contains a NUL character, which no driver can carry"},
  {"control-character", "a field contains a control character"},
  {"password-control-character", "the password contains a control character that tools may mangle"},
  {"surrounding-whitespace", "a value starts or ends with white space"},
  {"host-is-url", "a connection URL was pasted into the host field"},
  {"host-has-port", "the host field contains a port"},
  {"host-has-path", "the host field contains a path"},
  {"host-has-userinfo", "the host field contains user@"},
  {"host-invalid", "the host is not a DNS name, IPv4 or IPv6 address"},
  {"host-brackets-removed", "brackets around an IPv6 address were removed"},
  {"host-not-serverless", "a Serverless host is not under cockroachlabs.cloud"},
  {"port-invalid", "the port is not an integer from 1 to 65535"},
  {"routing-id-invalid", "the routing ID is not <cluster-name>-<tenant-id>"},
  {"username-invalid", "the username breaks CockroachDB's rules for SQL user names"},
  {"username-case-folded", "CockroachDB folds the username to lower case"},
  {"database-needs-quoting", "the database name needs quoting in SQL"},
  {"database-has-dot", "the database name contains a dot"},
  {"path-home-not-expanded", "a certificate path uses ~ or $HOME, which drivers do not expand"},
  {"path-relative", "a certificate path is relative to the program's working directory"},
  {"key-needs-pk8", "pgJDBC before 42.7.9 reads only a PKCS#8 DER (.pk8) or PKCS#12 client key"},
  {"os-invalid", "os is not linux, macos or windows"},
  {"shell-invalid", "shell is not bash, zsh, fish, powershell, cmd or dotenv"},
  {"shell-os-mismatch", "cmd was chosen on an operating system other than Windows"},
  {"cluster-id-invalid", "the Cloud cluster id is not a UUID"},
  {"shell-cannot-carry", "the chosen shell or .env file cannot carry a value, so another form is given"},
  {"value-not-carried", "a value that some drivers cannot carry"},
}};

// Codes parse() emits when reading a pasted connection string.
inline constexpr std::array<DiagnosticCodeInfo, 24> kParseDiagnosticCodes{{
  {"input-empty", "there is nothing to parse"},
  {"format-unknown", "the text is not a URI, keyword/value string or known command line"},
  {"command-line-no-connection-string", "a cockroach sql or psql command line carries no connection string"},
  {"command-line-argument-ignored", "psql ignores an argument after the database and user name"},
  {"command-line-option-overridden", "a psql -h, -p or -U that the connection string given to psql overrides"},
  {"uri-syntax", "the URI breaks its grammar (IPv6 brackets, userinfo in a JDBC URL, jdbc:postgresql:/)"},
  {"percent-encoding-invalid", "a % is not followed by two hex digits"},
  {"query-missing-equals", "a URI query parameter has no '='"},
  {"query-unencoded-equals", "a query value has a raw '=' (options=--cluster=...), which libpq rejects"},
  {"query-plus-ambiguous", "a raw '+' in a query value, which pgJDBC and Go read as a space"},
  {"jdbc-plus-is-space", "pgJDBC decodes '+' in a JDBC URL as a space"},
  {"unexpected-spaces", "a raw space inside a URI query key or value, which libpq rejects"},
  {"keyword-missing-equals", "a keyword/value string has a keyword without '='"},
  {"unterminated-quote", "a quote is never closed"},
  {"parameter-unknown", "a parameter libpq does not know (kept as an extra parameter)"},
  {"parameter-repeated", "a parameter is given twice with different values; the last wins"},
  {"password-raw-at", "a raw '@' in the user info, which libpq and Go/JS split differently"},
  {"password-raw-colon", "a raw ':' in the password"},
  {"password-raw-slash", "a raw '/' in the password, which ends the host part: libpq reads the user name as the host"},
  {"routing-id-conflict", "two different routing IDs are given"},
  {"sslmode-unknown", "sslmode is not one libpq knows"},
  {"hosts-extra", "more than one host: the form uses the first, the others are kept"},
  {"hosts-ports-mismatch", "the number of ports matches neither the number of hosts nor one"},
  {"port-missing", "no port is given, so drivers use 5432 rather than CockroachDB's 26257"},
}};

namespace detail {
template <std::size_t A, std::size_t B>
constexpr std::array<DiagnosticCodeInfo, A + B> concat(const std::array<DiagnosticCodeInfo, A>& a,
                                                      const std::array<DiagnosticCodeInfo, B>& b) {
  std::array<DiagnosticCodeInfo, A + B> out{};
  for (std::size_t i = 0; i < A; ++i) out[i] = a[i];
  for (std::size_t i = 0; i < B; ++i) out[A + i] = b[i];
  return out;
}
}  // namespace detail

// Every code, for the .d.ts union and for "is this code known" checks.
inline constexpr auto kDiagnosticCodes = detail::concat(kGenerateDiagnosticCodes, kParseDiagnosticCodes);

}  // namespace crdb_connect
