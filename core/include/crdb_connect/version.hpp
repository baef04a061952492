#pragma once

namespace crdb_connect {
inline constexpr const char* kVersion = "0.1.0";
}
