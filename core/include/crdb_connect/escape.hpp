// Escaping, in one place. Every user value that reaches a URL or a code
// snippet goes through exactly one of these functions; formatters never
// concatenate raw user input into code.
#pragma once

#include <string>
#include <string_view>

namespace crdb_connect::escape {

// Percent-encodes every byte except RFC 3986 unreserved characters
// (A-Z a-z 0-9 - . _ ~). Spaces become %20, never '+', because pgJDBC, pgx,
// lib/pq, node-postgres and SQLAlchemy decode '+' in a query as a space.
// Used for user, password and database.
std::string url_component(std::string_view value);
// url_component(value) == value, without building the encoded copy.
bool url_component_unchanged(std::string_view value);

// Like url_component but keeps '/' readable: for file paths in query values,
// where every driver's query decoder accepts a raw '/'.
std::string url_query_path(std::string_view value);

// Source-code string literals, quotes included. Each returns a literal that
// the language reads back as exactly `value` (for valid UTF-8 input).
std::string javascript_string(std::string_view value);  // "..." (also TypeScript)
std::string python_string(std::string_view value);      // '...'
std::string go_string(std::string_view value);          // "..."
std::string java_string(std::string_view value);        // "...", ASCII only: immune to \u pre-processing
std::string ruby_string(std::string_view value);        // "..." with #{ / #@ / #$ escaped
std::string yaml_string(std::string_view value);        // "..." double-quoted scalar

// XML character data and attribute values (& < > " ' escaped; tab, CR, LF as
// character references so parsers do not normalise them away).
std::string xml_text(std::string_view value);
// XML 1.0 cannot carry C0 controls other than tab, CR and LF, nor U+FFFE/FFFF.
bool xml_can_carry(std::string_view value);

// Shell words, quotes included, so that no character is interpreted by the shell.
std::string posix_shell(std::string_view value);  // bash, zsh, dash: '...' with '\'' for a quote
std::string fish_shell(std::string_view value);   // '...' with \' and \\ escapes
std::string powershell(std::string_view value);   // '...' doubling ' and the typographic single quotes
// cmd.exe cannot quote %, ! (delayed expansion), " or line breaks inside set "NAME=value".
bool cmd_can_carry(std::string_view value);
// A .env value that node dotenv, python-dotenv and Ruby dotenv all read back
// exactly: single-quoted, so #, spaces, " and $ stay literal.
std::string dotenv(std::string_view value);
// Single quotes cannot contain ' or a line break, and python-dotenv decodes \\ and \' in them.
bool dotenv_can_carry(std::string_view value);

// A libpq keyword/value value: bare when safe, otherwise '...' with \' and \\.
std::string libpq_keyword_value(std::string_view value);

}  // namespace crdb_connect::escape
