// Shell words and what the command-line readers share: parse_any()
// (parse_command_line.cpp) splits a pasted line into words and hands psql and
// cockroach sql lines to parse_psql() and parse_cockroach_sql(). Internal.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "parse_internal.hpp"

namespace crdb_connect::parsing {

// A shell word: its text after quotes and escapes, and for every byte of it
// the offset in the input it came from, so diagnostics point into the original.
struct Word {
  std::string text;
  std::vector<long> origin;  // origin[i]: offset in the input of text[i]; one extra entry for the end
  long start = 0;
};

// w.text from `from` on, with its positions.
Word tail(const Word& w, std::size_t from);

// Parses a word's text as a bare connection string and maps positions back to the input.
void parse_word(const Word& w, RawParse& out);

// Whether parse_word() reads the text as a connection string: a URI, or
// libpq key=value pairs (it has an '=').
bool is_connection_string(std::string_view text);

// The last setting with that key (the one libpq keeps), or nullptr.
const Setting* last_setting(const RawParse& raw, std::string_view key);

// A flag the command line carries besides the connection string is kept.
void keep_flag(RawParse& out, std::string_view name, const Word* value);

void no_connection_string(RawParse& out, std::string_view text, std::string_view tool);

// A setting whose value is a whole word, positioned at the word (quotes included).
Setting whole_word_setting(RawParse& out, std::string_view key, const Word& w);

// A setting whose value is w.text[from, to), positioned at those characters.
Setting part_setting(RawParse& out, std::string_view key, const Word& w, std::size_t from, std::size_t to);

// words[0] is the tool's name; text is the whole line, for diagnostics.
void parse_cockroach_sql(const std::vector<Word>& words, std::string_view text, RawParse& out);
void parse_psql(const std::vector<Word>& words, std::string_view text, RawParse& out);

}  // namespace crdb_connect::parsing
