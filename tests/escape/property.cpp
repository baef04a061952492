// Property test: for each snippet language, escapes N random strings, runs the
// real interpreter or parser once on a file holding all of them, and checks
// that every value it reads back is exactly the input.
//
//   crdb-connect-escape-property [--count N] [--seed S] [--language NAME]...
//
// Prints "<language> <checked> <failed>" per language, and for a failure the
// seed, index, input and output, so `--seed S --language L` reproduces it.
// Exit status 0 when every value read back exactly.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "random_strings.hpp"
#include "roundtrip.hpp"

using namespace crdb_connect::roundtrip;

namespace {

struct Options {
  std::size_t count = 10000;
  std::uint64_t seed = 20261125;
  std::vector<Language> languages;
};

int usage(const char* message) {
  std::fprintf(stderr, "crdb-connect-escape-property: %s\n", message);
  return 2;
}

// Each language draws from its own stream so one language's filter (XML
// refuses most C0 controls) does not shift the strings another one sees.
std::vector<std::string> strings_for(Language language, const Options& options, std::size_t& refused) {
  RandomStrings random(options.seed + static_cast<std::uint64_t>(language));
  std::vector<std::string> values;
  while (values.size() < options.count) {
    std::string value = random.next();
    if (can_carry(language, value)) {
      values.push_back(std::move(value));
    } else {
      ++refused;
    }
  }
  return values;
}

bool check(Language language, const Options& options) {
  const auto start = std::chrono::steady_clock::now();
  std::size_t refused = 0;
  const std::vector<std::string> values = strings_for(language, options, refused);
  const Result result = read_back(language, values);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!result.ran) {
    std::printf("%s 0 %zu\n", std::string(name(language)).c_str(), values.size());
    std::fprintf(stderr, "%s: the interpreter failed (seed %llu):\n%s\n", std::string(name(language)).c_str(),
                 static_cast<unsigned long long>(options.seed), result.error.c_str());
    return false;
  }
  std::size_t failed = 0;
  if (result.values.size() != values.size()) {
    std::fprintf(stderr, "%s: read back %zu values for %zu literals (seed %llu)\n", std::string(name(language)).c_str(),
                 result.values.size(), values.size(), static_cast<unsigned long long>(options.seed));
    failed = values.size();
  } else {
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (result.values[i] == values[i]) continue;
      if (++failed <= 5) {
        std::fprintf(stderr, "%s: value %zu differs (seed %llu)\n  input   %s\n  read    %s\n  literal %s\n",
                     std::string(name(language)).c_str(), i, static_cast<unsigned long long>(options.seed),
                     hex(values[i]).c_str(), hex(result.values[i]).c_str(), escape(language, values[i]).c_str());
      }
    }
  }
  std::printf("%s %zu %zu\n", std::string(name(language)).c_str(), values.size() - failed, failed);
  std::fprintf(stderr, "%s: %zu strings in %.2f s (%zu refused as not carriable), seed %llu\n",
               std::string(name(language)).c_str(), values.size(), seconds, refused,
               static_cast<unsigned long long>(options.seed));
  return failed == 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) return usage("every option takes a value");
    const std::string value = argv[++i];
    if (arg == "--count") {
      options.count = std::strtoull(value.c_str(), nullptr, 10);
    } else if (arg == "--seed") {
      options.seed = std::strtoull(value.c_str(), nullptr, 10);
    } else if (arg == "--language") {
      bool found = false;
      for (Language language : kAllLanguages) {
        if (name(language) == value) {
          options.languages.push_back(language);
          found = true;
        }
      }
      if (!found) return usage("unknown language");
    } else {
      return usage("unknown option");
    }
  }
  if (options.languages.empty()) options.languages.assign(std::begin(kAllLanguages), std::end(kAllLanguages));
  bool ok = true;
  for (Language language : options.languages) ok = check(language, options) && ok;
  return ok ? 0 : 1;
}
