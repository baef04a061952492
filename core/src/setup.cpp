#include "setup.hpp"

#include "crdb_connect/escape.hpp"
#include "strings.hpp"
#include "urls.hpp"

namespace crdb_connect::setup {
namespace {

// Literals chosen between at run time are "..."sv, so their length is known at
// compile time rather than measured with strlen() on every call.
using namespace std::string_view_literals;

std::string quote(Shell shell, std::string_view value) {
  switch (shell) {
    case Shell::fish: return escape::fish_shell(value);
    case Shell::powershell: return escape::powershell(value);
    case Shell::cmd: return strings::cat("\"", value, "\"");  // only used where cmd_can_carry holds
    case Shell::bash:
    case Shell::dotenv: break;
  }
  return escape::posix_shell(value);
}

bool can_carry(Shell shell, std::string_view value) {
  if (shell == Shell::cmd) return escape::cmd_can_carry(value);
  if (shell == Shell::dotenv) return escape::dotenv_can_carry(value);
  return true;
}

// The shell a command falls back to when cmd cannot carry a value.
Shell fallback(Shell shell) { return shell == Shell::cmd ? Shell::powershell : shell; }

// One line, newline included.
std::string set_env_line(Shell shell, std::string_view name, std::string_view value) {
  switch (shell) {
    case Shell::bash: return strings::cat("export ", name, "=", escape::posix_shell(value), "\n");
    case Shell::fish: return strings::cat("set -gx ", name, " ", escape::fish_shell(value), "\n");
    case Shell::powershell: return strings::cat("$env:", name, " = ", escape::powershell(value), "\n");
    case Shell::cmd: return strings::cat("set \"", name, "=", value, "\"\n");
    case Shell::dotenv: return strings::cat(name, "=", escape::dotenv(value), "\n");
  }
  return {};
}

std::string_view shell_name(Shell shell) {
  switch (shell) {
    case Shell::bash: return "bash/zsh"sv;
    case Shell::fish: return "fish"sv;
    case Shell::powershell: return "PowerShell"sv;
    case Shell::cmd: return "cmd"sv;
    case Shell::dotenv: return ".env"sv;
  }
  return ""sv;
}

SetupStep set_env_step(const Model& model, const Output& output) {
  SetupStep step;
  step.id = "set-env"sv;
  std::string names;
  Shell shown = model.shell;  // the shell the lines are for, after any fallback
  for (const auto& e : output.env) {
    if (!names.empty()) names += ", ";
    names += e.name;
    Shell shell = model.shell;
    if (!can_carry(shell, e.value)) {
      // A .env file cannot hold it: set it in the OS's shell instead; cmd falls back to PowerShell.
      shell = model.shell == Shell::dotenv ? model.command_shell() : fallback(model.shell);
      step.note = model.shell == Shell::cmd
                      ? "cmd cannot carry %, !, \" or line breaks inside set \"NAME=value\" (% starts a variable, ! "
                        "one under delayed expansion), so this is the PowerShell form; run it in PowerShell."
                      : "A .env file cannot hold a value with ', a line break or a backslash before \\ or ' in a way "
                        "that node dotenv, python-dotenv and Ruby dotenv all read back, so this sets it in the shell.";
    }
    if (shell != model.shell) shown = shell;
    step.command += set_env_line(shell, e.name, e.value);
  }
  step.title = shown == Shell::dotenv ? strings::cat("Add ", names, " to your .env file")
                                      : strings::cat("Set ", names, " (", shell_name(shown), ")");
  if (model.shell == Shell::dotenv && step.note.empty()) {
    step.note = "Single quotes keep #, spaces, \" and $ literal in node dotenv, python-dotenv and Ruby dotenv.";
  }
  return step;
}

std::string ca_url(const Model& model) {
  // Encoded: a mistyped id (only warned about) must not break out of the shell's quotes.
  if (model.cluster_id.empty()) return "https://cockroachlabs.cloud/clusters/<cluster-id>/cert";
  return strings::cat("https://cockroachlabs.cloud/clusters/", escape::url_component(model.cluster_id), "/cert");
}

// Downloads the cluster's CA certificate to `target` (or the driver's default location).
SetupStep download_ca_step(const Model& model) {
  const Shell shell = model.command_shell();
  const std::string url = ca_url(model);
  std::string command;
  if (shell == Shell::powershell ||
      (shell == Shell::cmd && !(escape::cmd_can_carry(model.root_cert) && escape::cmd_can_carry(url)))) {
    const std::string target = model.root_cert.empty() ? "\"$env:APPDATA\\postgresql\\root.crt\""
                                                       : escape::powershell(model.root_cert);
    command = strings::cat("New-Item -ItemType Directory -Force -Path (Split-Path -Parent ", target,
                            ") | Out-Null\nInvoke-WebRequest -Uri ", escape::powershell(url), " -OutFile ", target,
                            "\n");
  } else if (shell == Shell::cmd) {
    const std::string target = model.root_cert.empty() ? "\"%APPDATA%\\postgresql\\root.crt\""
                                                       : strings::cat("\"", model.root_cert, "\"");
    command = strings::cat("curl.exe --create-dirs -o ", target, " \"", url, "\"\n");
  } else {
    const std::string target = model.root_cert.empty()
                                   ? (model.os == Os::windows ? "\"$APPDATA/postgresql/root.crt\""
                                                              : "\"$HOME/.postgresql/root.crt\"")
                                   : quote(shell, model.root_cert);
    command = strings::cat("curl --create-dirs -o ", target, " ", quote(shell, url), "\n");
  }
  std::string note = strings::cat(
      model.cluster_id.empty() ? "Replace <cluster-id> with your cluster's id (in its Cloud Console URL), or download "
                                 "the CA certificate from the Connect dialog. "sv
                               : ""sv,
      model.root_cert.empty() ? "libpq looks for the CA certificate at this default location."sv
                              : "The certificate goes where the CA certificate path points."sv);
  return {"get-ca-cert", "Download the cluster's CA certificate", command, note};
}

std::string directory_of(const std::string& path) {
  const std::size_t slash = path.find_last_of("/\\");
  return slash == std::string::npos ? std::string("certs") : path.substr(0, slash == 0 ? 1 : slash);
}

SetupStep make_certs_step(const Model& model, bool java) {
  const Shell shell = fallback(model.command_shell());
  const std::string dir = quote(shell, directory_of(model.client_cert.empty() ? model.root_cert : model.client_cert));
  const std::string ca_key = quote(shell, "my-safe-directory/ca.key");
  std::string command = strings::cat(
      "cockroach cert create-ca --certs-dir=", dir, " --ca-key=", ca_key, "\ncockroach cert create-client ",
      quote(shell, model.username.empty() ? std::string_view("<username>") : model.username), " --certs-dir=", dir,
      " --ca-key=", ca_key, java ? " --also-generate-pkcs8-key\n" : "\n");
  return {"make-certs", "Create the CA and this user's client certificate", command,
          "Skip create-ca if the cluster already has a CA; keep ca.key out of the certs folder. cockroach names the "
          "files ca.crt, client.<user>.crt and client.<user>.key: make the paths above match them." +
              std::string(java ? " --also-generate-pkcs8-key also writes the .pk8 key pgJDBC before 42.7.9 needs." : "")};
}

}  // namespace

CertificateSteps certificate_steps(const Model& model) {
  if (model.deployment == Deployment::self_hosted) return {{}, make_certs_step(model, false), make_certs_step(model, true)};
  return {download_ca_step(model), {}, {}};
}

std::vector<SetupStep> for_driver(const DriverInfo& driver, const Model& model, const Output& output,
                                  const CertificateSteps& certificates) {
  std::vector<SetupStep> steps;
  steps.reserve(4);  // at most four steps apply to one driver
  if (!output.env.empty()) steps.push_back(set_env_step(model, output));

  const bool reads_default_ca = driver.uses_libpq && model.root_cert.empty();
  if (model.deployment == Deployment::self_hosted) {
    steps.push_back(driver.language == Language::java ? certificates.make_certs_java : certificates.make_certs);
  } else if (reads_default_ca || !model.root_cert.empty()) {
    steps.push_back(certificates.download_ca);
  }

  if (model.uses_client_cert() && model.os != Os::windows && (driver.uses_libpq || driver.shape == SnippetShape::pq)) {
    const Shell shell = fallback(model.command_shell());
    steps.push_back({"key-permissions", "Make the client key private",
                     strings::cat("chmod 600 ",
                                   quote(shell, model.client_key.empty() ? std::string_view("<client-key>")
                                                                         : model.client_key),
                                   "\n"),
                     std::string(driver.uses_libpq ? "libpq" : "lib/pq") +
                         " refuses a private key that group or others can read."});
  }
  if (model.uses_client_cert() && driver.language == Language::java && !is_pkcs8_or_pkcs12(model.client_key)) {
    const Shell shell = fallback(model.command_shell());
    const std::string key = model.client_key.empty() ? "client.key" : model.client_key;
    steps.push_back({"convert-key", "Convert the client key for pgJDBC",
                     strings::cat("openssl pkcs8 -topk8 -inform PEM -outform DER -in ", quote(shell, key), " -out ",
                                   quote(shell, pk8_path(key)), " -nocrypt\n"),
                     model.jdbc_pk8_key
                         ? "The connection string's sslkey already points at the .pk8 file this writes."
                         : "Needed for pgJDBC before 42.7.9, which reads only PKCS#8 DER keys; then use the .pk8 "
                           "path as the client key."});
  }
  return steps;
}

std::vector<SetupStep> common(const Model& model) {
  const std::string url = urls::uri(model, {"postgresql"});
  Shell shell = model.command_shell();
  std::string note;
  if (!can_carry(shell, url)) {
    shell = fallback(shell);
    note = "cmd cannot carry the URL's % characters, so this is the PowerShell form.";
  }
  const std::string quoted = quote(shell, url);  // both shells take the same quoted URL
  return {
      {"cockroach-sql", "Open a SQL shell with cockroach sql", strings::cat("cockroach sql --url ", quoted, "\n"), note},
      {"psql", "Open a SQL shell with psql", strings::cat("psql ", quoted, "\n"), note},
  };
}

void check_shell_limits(const Model& model, const std::vector<Output>& outputs, std::vector<Diagnostic>& out) {
  if (model.shell != Shell::cmd && model.shell != Shell::dotenv) return;
  std::vector<std::string> affected;
  for (const auto& o : outputs) {
    for (const auto& e : o.env) {
      if (!can_carry(model.shell, e.value)) {
        affected.emplace_back(o.driver);
        break;
      }
    }
  }
  if (affected.empty()) return;
  out.push_back(Diagnostic{
      "shell-cannot-carry", "shell", Severity::warning,
      model.shell == Shell::cmd
          ? "cmd cannot carry % or ! (used by percent-encoding and delayed expansion), \" or line breaks, so those "
            "drivers' set-env steps use PowerShell instead."
          : "A .env file cannot carry some values the same way in every dotenv parser, so those drivers' set-env "
            "steps use the shell instead.",
      std::move(affected)});
}

}  // namespace crdb_connect::setup
