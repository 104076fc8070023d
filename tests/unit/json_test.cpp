#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "corpus_scan/fields.hpp"
#include "corpus_scan/json.hpp"

using namespace corpus_scan;

TEST_CASE("JSON strings escape quotes, backslashes and control characters", "[json]") {
  std::string out;
  append_json_escaped(out, "a\"b\\c\n\t\x01");
  CHECK(out == "a\\\"b\\\\c\\n\\t\\u0001");
}

TEST_CASE("JSON strings keep valid UTF-8 and turn invalid bytes into U+FFFD", "[json]") {
  std::string out;
  append_json_escaped(out, "通过admin \xFF");
  CHECK(out == "通过admin \xEF\xBF\xBD");
}

TEST_CASE("base64 matches RFC 4648 test vectors", "[json]") {
  CHECK(base64_encode("") == "");
  CHECK(base64_encode("f") == "Zg==");
  CHECK(base64_encode("fo") == "Zm8=");
  CHECK(base64_encode("foo") == "Zm9v");
  CHECK(base64_encode("foob") == "Zm9vYg==");
  CHECK(base64_encode("fooba") == "Zm9vYmE=");
  CHECK(base64_encode("foobar") == "Zm9vYmFy");
}

TEST_CASE("JsonWriter output parses back to the same values", "[json]") {
  std::string out;
  JsonWriter w(out);
  w.begin_object()
      .field("type", "article")
      .field("n", std::uint64_t{42})
      .field("neg", -3)
      .field("ratio", 0.125)
      .field("ok", true);
  w.key("list").begin_array().value("x").value(1).end_array();
  w.key("raw").value_bytes("caf\xE9");
  w.key("nan").value(0.0 / 0.0);
  w.end_object();
  const auto j = nlohmann::json::parse(out);
  CHECK(j["type"] == "article");
  CHECK(j["n"] == 42);
  CHECK(j["neg"] == -3);
  CHECK(j["ratio"] == 0.125);
  CHECK(j["ok"] == true);
  CHECK(j["list"].size() == 2);
  CHECK(j["raw"]["bytes"] == "Y2Fm6Q==");
  CHECK(j["nan"].is_null());
}

TEST_CASE("a nested JSON layout writes dotted names as nested objects", "[json]") {
  const NestedJsonLayout layout({"a.b", "a.c", "d", "e.f.g", "e.h"});
  std::string out;
  JsonWriter json(out);
  json.begin_object().field("type", "article");
  for (std::size_t i = 0; i < 5; ++i) {
    layout.key(json, i);
    json.value(static_cast<std::uint64_t>(i));
  }
  layout.finish(json);
  json.field("after", true).end_object();
  CHECK(out == R"({"type":"article","a":{"b":0,"c":1},"d":2,"e":{"f":{"g":3},"h":4},"after":true})");

  // First in its record: no comma before the first key; values may be arrays.
  std::string bare;
  JsonWriter j2(bare);
  j2.begin_object();
  const NestedJsonLayout one({"x.y"});
  one.key(j2, 0);
  j2.begin_array().value("p").end_array();
  one.finish(j2);
  j2.end_object();
  CHECK(bare == R"({"x":{"y":["p"]}})");
}
