// Escaping: exact output of every function in escape.hpp, then the real
// interpreters reading a hostile set of values back (one process per language).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "crdb_connect/escape.hpp"
#include "roundtrip.hpp"

namespace esc = crdb_connect::escape;
namespace rt = crdb_connect::roundtrip;

TEST_CASE("url_component keeps only unreserved characters and never writes '+'", "[escape]") {
  CHECK(esc::url_component("") == "");
  CHECK(esc::url_component("AZaz09-._~") == "AZaz09-._~");
  CHECK(esc::url_component("p@ss:w/rd?#%+ &=") == "p%40ss%3Aw%2Frd%3F%23%25%2B%20%26%3D");
  CHECK(esc::url_component("[::1]") == "%5B%3A%3A1%5D");
  CHECK(esc::url_component("\n\x7f") == "%0A%7F");
  CHECK(esc::url_component("é€😀") == "%C3%A9%E2%82%AC%F0%9F%98%80");
  CHECK(esc::url_component(std::string("a\0b", 3)) == "a%00b");
  CHECK(esc::url_component("\xff") == "%FF");  // raw bytes pass through byte by byte
}

TEST_CASE("url_query_path keeps '/' readable and encodes the rest like url_component", "[escape]") {
  CHECK(esc::url_query_path("/home/me/.postgresql/root.crt") == "/home/me/.postgresql/root.crt");
  CHECK(esc::url_query_path("C:\\certs\\ca cert.crt") == "C%3A%5Ccerts%5Cca%20cert.crt");
  CHECK(esc::url_query_path("~/a&b=c+d") == "~/a%26b%3Dc%2Bd");
}

TEST_CASE("javascript_string escapes quotes, backslashes, controls and line separators", "[escape]") {
  CHECK(esc::javascript_string("") == R"("")");
  CHECK(esc::javascript_string(R"(a"b\c)") == R"("a\"b\\c")");
  CHECK(esc::javascript_string("'`${x}") == R"("'`${x}")");  // inert inside "..."
  CHECK(esc::javascript_string("\n\r\t") == R"("\n\r\t")");
  CHECK(esc::javascript_string(std::string("\0\x1f\x7f", 3)) == R"("\u0000\u001F\u007F")");
  CHECK(esc::javascript_string("\u2028\u2029\u0085") == R"("\u2028\u2029\u0085")");
  CHECK(esc::javascript_string("é😀") == "\"é😀\"");
  CHECK(esc::javascript_string("</script>") == "\"</script>\"");
}

TEST_CASE("python_string writes a single-quoted literal with \\x and \\u escapes", "[escape]") {
  CHECK(esc::python_string("") == "''");
  CHECK(esc::python_string(R"(it's \ "q")") == R"('it\'s \\ "q"')");
  CHECK(esc::python_string("'''") == R"('\'\'\'')");
  CHECK(esc::python_string("\n\r\t") == R"('\n\r\t')");
  CHECK(esc::python_string(std::string("\0\x1b\x7f", 3)) == R"('\x00\x1b\x7f')");
  CHECK(esc::python_string("\u0085\u2028\ufeff") == R"('\x85\u2028\ufeff')");
  CHECK(esc::python_string("{x}%s") == "'{x}%s'");
}

TEST_CASE("go_string writes an interpreted literal with \\x for ASCII controls only", "[escape]") {
  CHECK(esc::go_string("") == R"("")");
  CHECK(esc::go_string(R"(a"b\c`)") == R"("a\"b\\c`")");
  CHECK(esc::go_string(std::string("\0\n\x7f", 3)) == R"("\x00\n\x7f")");
  CHECK(esc::go_string("\u0085\u2028\ufeff") == R"("\u0085\u2028\ufeff")");
  CHECK(esc::go_string("😀") == "\"😀\"");
}

TEST_CASE("java_string is ASCII only and immune to javac's \\u pre-processing", "[escape]") {
  CHECK(esc::java_string("") == R"("")");
  CHECK(esc::java_string(R"(a"b\c)") == R"("a\"b\\c")");
  CHECK(esc::java_string(R"(\u0022)") == R"("\\u0022")");  // stays a backslash, u, digits
  CHECK(esc::java_string(std::string("\0\n\x1f\x7f", 4)) == R"("\000\n\037\177")");
  CHECK(esc::java_string(std::string("\x01" "1", 2)) == R"("\0011")");  // three octal digits, then '1'
  CHECK(esc::java_string("é\u2028") == R"("\u00e9\u2028")");
  CHECK(esc::java_string("😀") == R"("\ud83d\ude00")");
  CHECK(esc::java_string("*/") == R"("*/")");
}

TEST_CASE("ruby_string escapes '#' so #{}, #@ and #$ never interpolate", "[escape]") {
  CHECK(esc::ruby_string("") == R"("")");
  CHECK(esc::ruby_string("#{exit 7}#@a#$b") == R"("\#{exit 7}\#@a\#$b")");
  CHECK(esc::ruby_string(R"(a"b\c)") == R"("a\"b\\c")");
  CHECK(esc::ruby_string(std::string("\0\n\x1b", 3)) == R"("\x00\n\x1B")");
  CHECK(esc::ruby_string("\u0085\u2029\ufeff") == R"("\u0085\u2029\uFEFF")");
}

TEST_CASE("yaml_string writes a double-quoted scalar with YAML's own escapes", "[escape]") {
  CHECK(esc::yaml_string("") == R"("")");
  CHECK(esc::yaml_string(R"(a"b\c: #x)") == R"("a\"b\\c: #x")");
  CHECK(esc::yaml_string("\u0085\u2028\u2029") == R"("\N\L\P")");
  CHECK(esc::yaml_string(std::string("\0\x1b\x7f\xc2\x80", 5)) == R"("\x00\x1B\x7F\x80")");
  CHECK(esc::yaml_string("\ufeff\ufffe\uffff") == R"("\uFEFF\uFFFE\uFFFF")");
  CHECK(esc::yaml_string("<%= ENV['X'] %>") == R"("<%= ENV['X'] %>")");
}

TEST_CASE("xml_text escapes markup and keeps tab, CR and LF as character references", "[escape]") {
  CHECK(esc::xml_text("") == "");
  CHECK(esc::xml_text(R"(<a href="x">&'</a>)") == "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
  CHECK(esc::xml_text("]]>") == "]]&gt;");
  CHECK(esc::xml_text("\t\n\r") == "&#9;&#10;&#13;");
  CHECK(esc::xml_text("é😀") == "é😀");
}

TEST_CASE("xml_can_carry refuses what XML 1.0 cannot hold", "[escape]") {
  CHECK(esc::xml_can_carry(""));
  CHECK(esc::xml_can_carry("\t\n\r ok é😀 \uFFFD"));
  CHECK_FALSE(esc::xml_can_carry(std::string("\0", 1)));
  CHECK_FALSE(esc::xml_can_carry("\x1b"));
  CHECK_FALSE(esc::xml_can_carry("\uFFFE"));
  CHECK_FALSE(esc::xml_can_carry("\uFFFF"));
  CHECK_FALSE(esc::xml_can_carry("\xff"));  // not UTF-8
}

TEST_CASE("libpq_keyword_value quotes only when it must", "[escape]") {
  CHECK(esc::libpq_keyword_value("maxroach") == "maxroach");
  CHECK(esc::libpq_keyword_value("") == "''");
  CHECK(esc::libpq_keyword_value("a b") == "'a b'");
  CHECK(esc::libpq_keyword_value("a=b") == "'a=b'");
  CHECK(esc::libpq_keyword_value(R"(it's\)") == R"('it\'s\\')");
  CHECK(esc::libpq_keyword_value("p@ss") == "p@ss");
}

namespace {

// Values that break naive escapers in at least one of the languages.
std::vector<std::string> hostile_values(rt::Language language) {
  std::vector<std::string> values{
      "",
      "plain",
      R"(p@ss:w/rd?#%+ &="'\${x})" "\nsecond line",
      "\"; process.exit(7); \"",
      "'); import os; os._exit(7) #",
      "`rm -rf /tmp/x`",
      "#{exit 7}#@a#$b",
      "${process.exit(7)}",
      "\"\"\"'''",
      "*/ /* // -->",
      "]]></property><property name=\"x\">",
      R"(\u0022\u000a\x41\N\\)",
      "\u2028\u2029\u0085\ufeff\ufffd",
      "\r\n\t\x0b\x0c",
      std::string("\0\x01\x1f\x7f", 4),
      "\xc2\x80\xc2\x9f",
      "Grüße, 東京, 😀, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢, \U0010FFFF",
      "C:\\Users\\me\\root.crt",
      "<%= exit 7 %>",
      "key: value\n- item\n---\n...",
  };
  std::erase_if(values, [&](const std::string& v) { return !rt::can_carry(language, v); });
  return values;
}

void check_read_back(rt::Language language) {
  if (!rt::available(language)) {
    WARN(rt::name(language) << " is not installed here; tests/suites/30-robustness.sh installs and checks it");
    return;
  }
  const auto values = hostile_values(language);
  const rt::Result result = rt::read_back(language, values);
  INFO(result.program);
  REQUIRE(result.error == "");
  REQUIRE(result.ran);
  REQUIRE(result.values.size() == values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    INFO("value " << i << ": " << rt::escape(language, values[i]));
    CHECK(rt::hex(result.values[i]) == rt::hex(values[i]));
  }
}

}  // namespace

TEST_CASE("node reads JavaScript literals back exactly", "[escape][interpreter]") { check_read_back(rt::Language::javascript); }
TEST_CASE("tsc + node read TypeScript literals back exactly", "[escape][interpreter]") { check_read_back(rt::Language::typescript); }
TEST_CASE("python3 reads Python literals back exactly", "[escape][interpreter]") { check_read_back(rt::Language::python); }
TEST_CASE("go run reads Go literals back exactly", "[escape][interpreter]") { check_read_back(rt::Language::go); }
TEST_CASE("java reads Java literals back exactly", "[escape][interpreter]") { check_read_back(rt::Language::java); }
TEST_CASE("ruby reads Ruby literals back exactly", "[escape][interpreter]") { check_read_back(rt::Language::ruby); }
TEST_CASE("xml.etree reads XML character data back exactly", "[escape][interpreter]") { check_read_back(rt::Language::xml_text); }
TEST_CASE("xml.etree reads XML attribute values back exactly", "[escape][interpreter]") { check_read_back(rt::Language::xml_attribute); }
TEST_CASE("Psych reads YAML double-quoted scalars back exactly", "[escape][interpreter]") { check_read_back(rt::Language::yaml); }
