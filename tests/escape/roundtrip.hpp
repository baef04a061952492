// Runs the real interpreter or parser of each snippet language on values
// escaped by crdb_connect::escape and returns what that language reads back.
// One process per call, whatever the number of values, so thousands of
// strings are checked in about a second. Shared by the Catch2 escaping tests
// and the property-test tool.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace crdb_connect::roundtrip {

enum class Language { javascript, typescript, python, go, java, ruby, xml_text, xml_attribute, yaml };

inline constexpr Language kAllLanguages[] = {
    Language::javascript, Language::typescript, Language::python,        Language::go,   Language::java,
    Language::ruby,       Language::xml_text,   Language::xml_attribute, Language::yaml,
};

std::string_view name(Language language);

// The escaped literal, quotes included, exactly as a snippet would contain it.
// XML returns escaped character data (no quotes).
std::string escape(Language language, std::string_view value);

// False when the interpreter is not installed. The Catch2 tests then warn and
// skip; the robustness suite installs every one and its property tool never skips.
bool available(Language language);

// Values the language can carry at all; the others are refused by the core
// (XML 1.0 has no way to write most C0 controls).
bool can_carry(Language language, std::string_view value);

struct Result {
  bool ran = false;            // the interpreter ran and exited 0
  std::string error;           // command, exit status and stderr when it did not
  std::vector<std::string> values;  // what the program read back, in order
  std::string program;         // the generated source, for failure messages
};

// Writes one program holding every value as a literal, runs the language's
// interpreter (or compiler + runtime, or parser) on it, and decodes the
// bytes it printed for each value.
Result read_back(Language language, const std::vector<std::string>& values);

// Hex of the bytes, for failure messages that survive any terminal.
std::string hex(std::string_view bytes);

}  // namespace crdb_connect::roundtrip
