#include "crdb_connect/json.hpp"

#include "crdb_connect/drivers.hpp"
#include "strings.hpp"
#include "utf8.hpp"

namespace crdb_connect {
namespace {

// A tiny streaming writer: keys are trusted literals, values go through
// append_json_string. Keeps field order stable, which the golden files rely on.
class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}

  void open(char bracket) { comma(); out_ += bracket; first_ = true; }
  void close(char bracket) { out_ += bracket; first_ = false; }
  void key(std::string_view name) {
    comma();
    out_ += '"';
    out_ += name;
    out_ += "\":";
    first_ = true;  // the value follows without a comma
  }
  void value(std::string_view text) { comma(); append_json_string(out_, text); }
  void value(bool flag) { comma(); out_ += flag ? "true" : "false"; }
  void value(long number) { comma(); strings::append_number(out_, number); }
  void field(std::string_view name, std::string_view text) { key(name); value(text); }
  void field(std::string_view name, bool flag) { key(name); value(flag); }
  template <typename Item>  // std::string or Text
  void strings(std::string_view name, const std::vector<Item>& items) {
    key(name);
    open('[');
    for (const auto& item : items) value(item);
    close(']');
  }
  // "name": [{...}, ...], with `write_fields` writing each object's fields.
  template <typename T, typename WriteFields>
  void objects(std::string_view name, const std::vector<T>& items, WriteFields write_fields) {
    key(name);
    open('[');
    for (const auto& item : items) {
      open('{');
      write_fields(item);
      close('}');
    }
    close(']');
  }

 private:
  void comma() {
    if (!first_) out_ += ',';
    first_ = false;
  }
  std::string& out_;
  bool first_ = true;
};

void write_diagnostic(Writer& w, const Diagnostic& d) {
  w.open('{');
  w.field("code", d.code);
  w.field("field", d.field);
  w.field("severity", std::string_view(to_string(d.severity)));  // const char* would pick the bool overload
  w.field("message", d.message);
  w.strings("drivers", d.drivers);
  if (d.offset >= 0) {
    w.key("offset");
    w.value(d.offset);
    w.key("length");
    w.value(d.length);
  }
  w.close('}');
}

void write_setup(Writer& w, const std::vector<SetupStep>& steps) {
  w.objects("setup", steps, [&](const SetupStep& step) {
    w.field("id", step.id);
    w.field("title", step.title);
    w.field("command", step.command);
    w.field("note", step.note);
  });
}

void write_output(Writer& w, const Output& o) {
  w.open('{');
  w.field("driver", o.driver);
  w.field("name", o.name);
  w.field("language", o.language);
  w.field("ok", o.ok);
  w.field("connectionString", o.connection_string);
  w.objects("env", o.env, [&](const EnvVar& e) {
    w.field("name", e.name);
    w.field("value", e.value);
  });
  w.field("install", o.install);
  w.field("snippet", o.snippet);
  w.field("snippetFile", o.snippet_file);
  w.field("snippetLanguage", o.snippet_language);
  w.field("docsUrl", o.docs_url);
  w.strings("notes", o.notes);
  w.objects("variants", o.variants, [&](const Variant& v) {
    w.field("label", v.label);
    w.field("value", v.value);
  });
  write_setup(w, o.setup);
  w.close('}');
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  std::size_t pos = 0;
  while (pos < text.size()) {
    // Printable ASCII other than '"' and '\\' is copied as it is, a run at a time.
    std::size_t run = pos;
    while (run < text.size()) {
      const auto c = static_cast<unsigned char>(text[run]);
      if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') break;
      ++run;
    }
    out.append(text.data() + pos, run - pos);
    pos = run;
    if (pos == text.size()) break;
    const char32_t cp = utf8::next(text, pos);
    switch (cp) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (cp < 0x20 || cp == 0x2028 || cp == 0x2029) {
          out += "\\u";
          strings::append_hex(out, static_cast<unsigned>(cp), 4, false);
        } else {
          utf8::append(out, cp);
        }
    }
  }
  out += '"';
}

std::string to_json(const Diagnostic& diagnostic) {
  std::string out;
  Writer w(out);
  write_diagnostic(w, diagnostic);
  return out;
}

std::string to_json(const Output& output) {
  std::string out;
  Writer w(out);
  write_output(w, output);
  return out;
}

std::string to_json(const ConnectionParams& p) {
  std::string out;
  Writer w(out);
  w.open('{');
  w.field("deployment", p.deployment);
  w.field("username", p.username);
  w.field("password", p.password);
  w.field("host", p.host);
  w.field("port", p.port);
  w.field("database", p.database);
  w.field("routingId", p.routing_id);
  w.field("rootCert", p.root_cert);
  w.field("clientCert", p.client_cert);
  w.field("clientKey", p.client_key);
  w.field("os", p.os);
  w.field("shell", p.shell);
  w.field("clusterId", p.cluster_id);
  w.field("jdbcPk8Key", p.jdbc_pk8_key);
  w.close('}');
  return out;
}

std::string to_json(const GenerateResult& result) {
  std::string out;
  out.reserve(16 * 1024);
  Writer w(out);
  w.open('{');
  w.field("ok", result.ok);
  w.key("diagnostics");
  w.open('[');
  for (const auto& d : result.diagnostics) write_diagnostic(w, d);
  w.close(']');
  w.key("outputs");
  w.open('[');
  for (const auto& o : result.outputs) write_output(w, o);
  w.close(']');
  write_setup(w, result.setup);
  w.close('}');
  return out;
}

std::string drivers_json() {
  std::string out;
  Writer w(out);
  w.open('[');
  for (const auto& d : driver_table()) {
    w.open('{');
    w.field("id", d.id);
    w.field("name", d.name);
    w.field("language", to_string(d.language));
    w.field("install", d.install);
    w.field("snippetFile", d.snippet_file);
    w.field("snippetLanguage", d.snippet_language);
    w.field("docsUrl", d.docs_url);
    w.field("envVar", d.env_var);
    w.close('}');
  }
  w.close(']');
  return out;
}

}  // namespace crdb_connect
