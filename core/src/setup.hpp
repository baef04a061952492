// Setup steps for the user's operating system and shell: setting the
// environment variables, getting the CA certificate where the driver looks for
// it, making the client key usable, and opening a SQL shell. Internal.
#pragma once

#include <vector>

#include "crdb_connect/drivers.hpp"
#include "crdb_connect/types.hpp"
#include "model.hpp"

namespace crdb_connect::setup {

// The certificate steps depend on the model only, not on the driver: built
// once per generate() call and copied into every driver's steps.
struct CertificateSteps {
  SetupStep download_ca;     // Serverless and Dedicated
  SetupStep make_certs;      // Self-hosted
  SetupStep make_certs_java;  // Self-hosted, pgJDBC's PKCS#8 key
};
CertificateSteps certificate_steps(const Model& model);

// Steps for one driver's output (its env vars, certificates and key).
std::vector<SetupStep> for_driver(const DriverInfo& driver, const Model& model, const Output& output,
                                  const CertificateSteps& certificates);

// Steps shared by every driver: cockroach sql and psql with the same values.
std::vector<SetupStep> common(const Model& model);

// Values the chosen shell or .env file cannot carry, as diagnostics naming the drivers.
void check_shell_limits(const Model& model, const std::vector<Output>& outputs, std::vector<Diagnostic>& out);

}  // namespace crdb_connect::setup
