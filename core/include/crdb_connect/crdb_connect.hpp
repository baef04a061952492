// Umbrella header: everything a caller of the core needs.
#pragma once

#include "crdb_connect/drivers.hpp"
#include "crdb_connect/escape.hpp"
#include "crdb_connect/generate.hpp"
#include "crdb_connect/json.hpp"
#include "crdb_connect/parse.hpp"
#include "crdb_connect/text.hpp"
#include "crdb_connect/types.hpp"
#include "crdb_connect/version.hpp"
