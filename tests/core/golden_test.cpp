// Golden outputs for every driver x case, generated over the driver table, so
// a driver row without golden files fails. Regenerate deliberately with
// CRDB_UPDATE_GOLDEN=1 and review the diff.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cases.hpp"
#include "crdb_connect/crdb_connect.hpp"

namespace fs = std::filesystem;
using namespace crdb_connect;

namespace {

fs::path golden_dir() { return fs::path(CRDB_CONNECT_SOURCE_DIR) / "tests" / "golden"; }

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// What a golden file holds: the inputs and the one driver's output, so the JS
// tests can replay the same inputs through the npm package.
std::string golden_text(const ConnectionParams& params, const Output& output) {
  return "{\"params\":" + to_json(params) + ",\"output\":" + to_json(output) + "}\n";
}

}  // namespace

TEST_CASE("every driver has golden outputs for every case and matches them", "[golden]") {
  const bool update = std::getenv("CRDB_UPDATE_GOLDEN") != nullptr;
  for (const auto& test_case : test::golden_cases()) {
    const GenerateResult result = generate(test_case.params);
    REQUIRE(result.outputs.size() == driver_table().size());
    for (std::size_t i = 0; i < driver_table().size(); ++i) {
      const DriverInfo& driver = driver_table()[i];
      const Output& output = result.outputs[i];
      const fs::path path = golden_dir() / test_case.name / (std::string(driver.id) + ".json");
      const std::string actual = golden_text(test_case.params, output);
      if (update) {
        fs::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << actual;
      }
      INFO("golden file " << path.string() << " (set CRDB_UPDATE_GOLDEN=1 to regenerate, then review the diff)");
      REQUIRE(fs::exists(path));
      CHECK(read_file(path) == actual);
    }
  }
}

TEST_CASE("golden folders hold no file for a driver that is not in the table", "[golden]") {
  for (const auto& entry : fs::recursive_directory_iterator(golden_dir())) {
    if (!entry.is_regular_file()) continue;
    const std::string id = entry.path().stem().string();
    INFO(entry.path().string());
    CHECK(find_driver(id).has_value());
  }
}
