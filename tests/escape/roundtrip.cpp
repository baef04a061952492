#include "roundtrip.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "crdb_connect/escape.hpp"

namespace crdb_connect::roundtrip {
namespace {

namespace fs = std::filesystem;

std::string env_or(const char* name, std::string fallback) {
  const char* value = std::getenv(name);
  return value && *value ? value : fallback;
}

// The TypeScript compiler from the project's node_modules (npm ci installs it).
std::string tsc_path() {
  return env_or("CRDB_CONNECT_TSC", std::string(CRDB_CONNECT_SOURCE_DIR) + "/node_modules/.bin/tsc");
}

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs `command` in `dir` through /bin/sh; stdout is returned, stderr kept for errors.
bool run(const fs::path& dir, const std::string& command, std::string& out, std::string& error) {
  const std::string full = "cd '" + dir.string() + "' && " + command + " 2>stderr.txt";
  FILE* pipe = popen(full.c_str(), "r");
  if (!pipe) {
    error = "cannot start: " + command;
    return false;
  }
  char buffer[65536];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  const int status = pclose(pipe);
  if (status != 0) {
    error = command + " exited with status " + std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) +
            ":\n" + read_file(dir / "stderr.txt").substr(0, 4000);
    return false;
  }
  return true;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Every program prints one line of lowercase hex per value: exact bytes, no
// ambiguity about newlines or encodings inside the values themselves.
bool decode_lines(const std::string& out, std::vector<std::string>& values, std::string& error) {
  std::istringstream lines(out);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.size() % 2 != 0) {
      error = "odd-length hex line: " + line.substr(0, 80);
      return false;
    }
    std::string bytes;
    for (std::size_t i = 0; i < line.size(); i += 2) {
      const int hi = hex_digit(line[i]), lo = hex_digit(line[i + 1]);
      if (hi < 0 || lo < 0) {
        error = "not hex: " + line.substr(0, 80);
        return false;
      }
      bytes += static_cast<char>(hi * 16 + lo);
    }
    values.push_back(std::move(bytes));
  }
  return true;
}

std::string list_of(Language language, const std::vector<std::string>& values, std::string_view indent) {
  std::string out;
  for (const auto& value : values) {
    out += indent;
    out += escape(language, value);
    out += ",\n";
  }
  return out;
}

std::string javascript_program(const std::vector<std::string>& values, bool typescript) {
  std::string out = typescript ? "declare const Buffer: any;\ndeclare const process: any;\nconst values: string[] = [\n"
                               : "const values = [\n";
  out += list_of(typescript ? Language::typescript : Language::javascript, values, "  ");
  out += "];\nprocess.stdout.write(values.map((s) => Buffer.from(s, \"utf8\").toString(\"hex\") + \"\\n\").join(\"\"));\n";
  return out;
}

std::string python_program(const std::vector<std::string>& values) {
  return "import sys\nvalues = [\n" + list_of(Language::python, values, "    ") +
         "]\nsys.stdout.write(''.join(s.encode('utf-8').hex() + '\\n' for s in values))\n";
}

std::string go_program(const std::vector<std::string>& values) {
  return "package main\n\nimport (\n\t\"bufio\"\n\t\"encoding/hex\"\n\t\"os\"\n)\n\nvar values = []string{\n" +
         list_of(Language::go, values, "\t") +
         "}\n\nfunc main() {\n\tw := bufio.NewWriter(os.Stdout)\n\tfor _, s := range values {\n"
         "\t\tw.WriteString(hex.EncodeToString([]byte(s)) + \"\\n\")\n\t}\n\tw.Flush()\n}\n";
}

// A Java method's bytecode is limited to 64 KiB, so the values are spread over
// methods of a few hundred literals each.
std::string java_program(const std::vector<std::string>& values) {
  constexpr std::size_t kPerMethod = 400;
  std::string methods, calls;
  for (std::size_t start = 0, index = 0; start < values.size(); start += kPerMethod, ++index) {
    const std::vector<std::string> chunk(values.begin() + static_cast<long>(start),
                                         values.begin() + static_cast<long>(std::min(values.size(), start + kPerMethod)));
    methods += "    static String[] chunk" + std::to_string(index) + "() {\n        return new String[] {\n" +
               list_of(Language::java, chunk, "            ") + "        };\n    }\n";
    calls += "        print(out, chunk" + std::to_string(index) + "());\n";
  }
  return "import java.nio.charset.StandardCharsets;\n\npublic class ReadBack {\n" + methods +
         "    static void print(StringBuilder out, String[] values) {\n"
         "        for (String s : values) {\n"
         "            for (byte b : s.getBytes(StandardCharsets.UTF_8)) out.append(String.format(\"%02x\", b & 0xff));\n"
         "            out.append('\\n');\n        }\n    }\n"
         "    public static void main(String[] args) {\n        StringBuilder out = new StringBuilder();\n" +
         calls + "        System.out.print(out);\n    }\n}\n";
}

std::string ruby_program(const std::vector<std::string>& values) {
  return "# encoding: utf-8\nvalues = [\n" + list_of(Language::ruby, values, "  ") +
         "]\nvalues.each { |s| raise \"not UTF-8: #{s.inspect}\" unless s.encoding == Encoding::UTF_8 && s.valid_encoding? }\n"
         "$stdout.write(values.map { |s| s.unpack1('H*') + \"\\n\" }.join)\n";
}

std::string xml_document(Language language, const std::vector<std::string>& values) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<values>\n";
  for (const auto& value : values) {
    if (language == Language::xml_text) {
      out += "  <property name=\"v\">" + escape::xml_text(value) + "</property>\n";
    } else {
      out += "  <property value=\"" + escape::xml_text(value) + "\"/>\n";
    }
  }
  return out + "</values>\n";
}

constexpr std::string_view kXmlReader = R"~(import sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
attribute = sys.argv[2] == 'attribute'
out = []
for e in root:
    s = e.get('value') if attribute else (e.text or '')
    out.append(s.encode('utf-8').hex() + '\n')
sys.stdout.write(''.join(out))
)~";

std::string yaml_document(const std::vector<std::string>& values) {
  std::string out = "values:\n";
  for (const auto& value : values) out += "  - " + escape::yaml_string(value) + "\n";
  return out;
}

// Psych is Ruby's YAML parser (libyaml underneath), the one ActiveRecord uses for database.yml.
constexpr std::string_view kYamlReader =
    "values = YAML.load(File.read(ARGV[0], encoding: 'UTF-8'))['values']; "
    "$stdout.write(values.map { |s| raise 'not a string' unless s.is_a?(String); s.unpack1('H*') + \"\\n\" }.join)";

std::string shell_quote(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

}  // namespace

std::string_view name(Language language) {
  switch (language) {
    case Language::javascript: return "javascript";
    case Language::typescript: return "typescript";
    case Language::python: return "python";
    case Language::go: return "go";
    case Language::java: return "java";
    case Language::ruby: return "ruby";
    case Language::xml_text: return "xml-text";
    case Language::xml_attribute: return "xml-attribute";
    case Language::yaml: return "yaml";
  }
  return "?";
}

std::string escape(Language language, std::string_view value) {
  switch (language) {
    case Language::javascript:
    case Language::typescript: return escape::javascript_string(value);
    case Language::python: return escape::python_string(value);
    case Language::go: return escape::go_string(value);
    case Language::java: return escape::java_string(value);
    case Language::ruby: return escape::ruby_string(value);
    case Language::xml_text:
    case Language::xml_attribute: return escape::xml_text(value);
    case Language::yaml: return escape::yaml_string(value);
  }
  return {};
}

bool can_carry(Language language, std::string_view value) {
  if (language == Language::xml_text || language == Language::xml_attribute) return escape::xml_can_carry(value);
  return true;
}

bool on_path(const std::string& command) {
  return std::system(("command -v " + command + " >/dev/null 2>&1").c_str()) == 0;
}

bool available(Language language) {
  switch (language) {
    case Language::javascript: return on_path(env_or("CRDB_CONNECT_NODE", "node"));
    case Language::typescript: return fs::exists(tsc_path()) && on_path(env_or("CRDB_CONNECT_NODE", "node"));
    case Language::python:
    case Language::xml_text:
    case Language::xml_attribute: return on_path(env_or("CRDB_CONNECT_PYTHON", "/usr/bin/python3"));
    case Language::go: return on_path(env_or("CRDB_CONNECT_GO", "go"));
    case Language::java: return on_path(env_or("CRDB_CONNECT_JAVA", "java"));
    case Language::ruby:
    case Language::yaml: return on_path(env_or("CRDB_CONNECT_RUBY", "ruby"));
  }
  return false;
}

Result read_back(Language language, const std::vector<std::string>& values) {
  Result result;
  std::string dir_template = (fs::temp_directory_path() / "crdb-roundtrip-XXXXXX").string();
  if (!mkdtemp(dir_template.data())) {
    result.error = "mkdtemp failed";
    return result;
  }
  const fs::path dir = dir_template;
  const std::string node = env_or("CRDB_CONNECT_NODE", "node");
  const std::string python = env_or("CRDB_CONNECT_PYTHON", "/usr/bin/python3");
  const std::string ruby = env_or("CRDB_CONNECT_RUBY", "ruby");
  std::string command;
  switch (language) {
    case Language::javascript:
      result.program = javascript_program(values, false);
      write_file(dir / "read_back.js", result.program);
      command = node + " read_back.js";
      break;
    case Language::typescript:
      result.program = javascript_program(values, true);
      write_file(dir / "read_back.ts", result.program);
      command = shell_quote(tsc_path()) + " --target es2020 --module commonjs --strict --types '' --outDir out"
                " read_back.ts >&2 && " + node + " out/read_back.js";
      break;
    case Language::python:
      result.program = python_program(values);
      write_file(dir / "read_back.py", result.program);
      command = python + " read_back.py";
      break;
    case Language::go:
      result.program = go_program(values);
      write_file(dir / "read_back.go", result.program);
      command = "GO111MODULE=off GOPATH=" + env_or("GOPATH", "/usr/share/gocode") + " " +
                env_or("CRDB_CONNECT_GO", "go") + " run read_back.go";
      break;
    case Language::java:
      result.program = java_program(values);
      write_file(dir / "ReadBack.java", result.program);
      command = env_or("CRDB_CONNECT_JAVA", "java") + " ReadBack.java";
      break;
    case Language::ruby:
      result.program = ruby_program(values);
      write_file(dir / "read_back.rb", result.program);
      command = ruby + " read_back.rb";
      break;
    case Language::xml_text:
    case Language::xml_attribute:
      result.program = xml_document(language, values);
      write_file(dir / "values.xml", result.program);
      write_file(dir / "read_xml.py", std::string(kXmlReader));
      command = python + " read_xml.py values.xml " + (language == Language::xml_text ? "text" : "attribute");
      break;
    case Language::yaml:
      result.program = yaml_document(values);
      write_file(dir / "values.yml", result.program);
      command = ruby + " -ryaml -e " + shell_quote(kYamlReader) + " values.yml";
      break;
  }
  std::string out;
  if (run(dir, command, out, result.error)) {
    result.ran = decode_lines(out, result.values, result.error);
  }
  std::error_code ignored;
  fs::remove_all(dir, ignored);
  return result;
}

std::string hex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (const char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    out += kHex[c >> 4];
    out += kHex[c & 0xF];
  }
  return out;
}

}  // namespace crdb_connect::roundtrip
