// Shared pieces of the parser: the raw settings every format parser produces,
// before they are mapped onto the form's fields. Internal.
//
// Settings hold string_views, never copies: into the input, into a static
// table, or into the TextStore for text that decoding changed. Strings are
// built once, in parse(), for the ParseResult.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "crdb_connect/types.hpp"
#include "parse_text_store.hpp"

namespace crdb_connect::parsing {

// The libpq keywords the form maps to a field or checks; every other keyword is `other`.
enum class Keyword : unsigned char { other, user, password, host, port, dbname, sslrootcert, sslcert, sslkey, options, sslmode };

// One keyword=value as written, with the position of its value in the input
// the format parser was given (remapped to the whole text afterwards).
struct Setting {
  std::string_view key;    // libpq keyword ("user", "dbname", ...) or the name as written when unknown
  std::string_view value;  // decoded
  long offset = -1;        // value position; -1 when there is none (a default)
  long length = 0;
  bool known = true;        // a libpq keyword
  std::string_view alias;   // the key as written when libpq renames it (ssl=true -> sslmode=require)
  Keyword keyword = Keyword::other;
};

struct RawParse {
  explicit RawParse(TextStore& text_store) : store(&text_store) {}
  std::string_view format;  // "postgresql-uri", "cockroachdb-uri", "jdbc", "keyword-value"
  std::vector<Setting> settings;      // in input order, repeats kept
  std::vector<Diagnostic> diagnostics;
  bool jdbc = false;                  // pgJDBC rules: brackets kept, default port filled
  TextStore* store;                   // owns decoded text the settings point into
};

// Appends a positioned diagnostic.
void add(std::vector<Diagnostic>& out, Severity severity, std::string_view code, std::string_view field,
         std::string message, long offset, long length, std::vector<std::string> drivers = {});

// libpq's connection keywords (PostgreSQL 16), which every libpq-based driver accepts.
bool is_libpq_keyword(std::string_view key);

// Which form field a libpq keyword maps to, or Keyword::other.
Keyword keyword_of(std::string_view key);

// One lookup for both: whether libpq knows `key`, and its Keyword.
bool find_libpq_keyword(std::string_view key, Keyword& keyword);

// A setting whose key is classified once, here, so later stages switch on it.
inline Setting make_setting(std::string_view key, std::string_view value, long offset, long length, bool known) {
  return Setting{key, value, offset, length, known, {}, keyword_of(key)};
}

// Maps a libpq keyword to the form's field name in camelCase, or "".
std::string_view field_for_key(std::string_view key);

// Percent-decoding as libpq does it: every %XX is decoded, an invalid escape or
// %00 is an error (reported at `offset` + position). With plus_is_space, '+'
// becomes ' ' (java.net.URLDecoder, which pgJDBC uses). Returns false on error.
bool percent_decode(std::string_view in, long offset, bool plus_is_space, std::string& out,
                    std::vector<Diagnostic>& diagnostics);

// The same, giving `in` itself when nothing needs decoding and otherwise the
// decoded text in `store`.
bool percent_decode(std::string_view in, long offset, bool plus_is_space, TextStore& store, std::string_view& out,
                    std::vector<Diagnostic>& diagnostics);

bool starts_with_ci(std::string_view text, std::string_view prefix);

// Inline: the keyword/value and command-line scanners call it for every byte.
inline bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// The URI schemes the URI parser reads; returns the scheme's length including
// "://" (or "jdbc:postgresql:" for the opaque JDBC form), 0 when none.
std::size_t uri_prefix_length(std::string_view text);

// `text` must outlive `out` (settings point into it). `prefix` is
// uri_prefix_length(text), which the caller has already found non-zero.
void parse_uri(std::string_view text, std::size_t prefix, RawParse& out);
void parse_keyword_value(std::string_view text, RawParse& out);

// Parses the whole pasted text: command lines, assignments, quotes, then the
// formats above. Positions in `out` refer to `text`.
void parse_any(std::string_view text, RawParse& out, std::string& wrapper);

}  // namespace crdb_connect::parsing
