#include "crdb_connect/types.hpp"

namespace crdb_connect {

const char* to_string(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
  }
  return "error";
}

}  // namespace crdb_connect
