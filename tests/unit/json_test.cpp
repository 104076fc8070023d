#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>

#include <fmt/format.h>
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

TEST_CASE("json_rounded rounds half away from zero as std::round does", "[json]") {
  std::vector<double> values = {0.0, -0.0, 0.5e-6, -0.5e-6, 1.5e-6, 2.5e-6, -2.5e-6, 0.4999999e-6, 0.125, 1e9,
                                4503599627370496.0 / 1e6, 1e16, -1e16, 3.0000005, -7.2500005, 0.0000004};
  std::mt19937_64 rng(11);
  for (int i = 0; i < 200000; ++i) {
    const double scale = std::pow(10.0, static_cast<int>(rng() % 20) - 9);
    // Multiples of half a millionth hit the ties; the others are arbitrary reals.
    const double base = static_cast<double>(static_cast<std::int64_t>(rng() % 2000001) - 1000000);
    values.push_back(i % 2 ? base * 0.5e-6 : base * scale / 997);
  }
  for (const double v : values) {
    const double expected = std::round(v * 1e6) / 1e6;
    INFO(fmt::format("{}", v));
    CHECK(std::signbit(json_rounded(v)) == std::signbit(expected));
    CHECK(json_rounded(v) == expected);
  }
}

TEST_CASE("the stats object writes every field as its Cell would", "[json]") {
  // Distinct values in every stored field, so a wrong offset or type shows up as another number.
  ArticleStats s;
  std::uint64_t next = 1;
  double real = 0.015625;
  for (const StatField& f : stat_fields()) {
    char* at = reinterpret_cast<char*>(&s) + f.offset;
    switch (f.type) {
      case StatField::Type::U64: { const std::uint64_t v = next++ * 1000003; std::memcpy(at, &v, sizeof v); break; }
      case StatField::Type::U32: { const std::uint32_t v = static_cast<std::uint32_t>(next++ * 7); std::memcpy(at, &v, sizeof v); break; }
      case StatField::Type::Real: { real = real * 1.7 + 0.0001234; std::memcpy(at, &real, sizeof real); break; }
      case StatField::Type::Bool: { const bool v = false; std::memcpy(at, &v, sizeof v); break; }
      case StatField::Type::Cell: break;
    }
  }
  s.fingerprint.text_hash = 0xfedcba9876543210ULL;
  s.quality.failed = {QualityRule{0}, QualityRule{3}};

  std::string fast;
  JsonWriter fast_json(fast);
  write_stats_json(s, fast_json);

  std::vector<std::string_view> names;
  for (const StatField& f : stat_fields()) names.push_back(f.name);
  const NestedJsonLayout layout(names);
  std::string slow;
  JsonWriter slow_json(slow);
  slow_json.begin_object();
  for (std::size_t i = 0; i < names.size(); ++i) {
    layout.key(slow_json, i);
    write_cell_json(stat_fields()[i].get(s), slow_json);
  }
  layout.finish(slow_json);
  slow_json.end_object();
  CHECK(fast == slow);
  CHECK(nlohmann::json::parse(fast)["quality"]["pass"] == false);
}

TEST_CASE("format_json_number writes what fmt writes for the rounded value", "[json]") {
  std::vector<double> values = {0.0, -0.0, 1e-4, 9.9e-5, -1e-4, 0.00005, -0.00005, 0.5, 1e9 - 0.000001, 1e9, -1e9,
                                1e15, 123.456789, -0.724771, 2.0 / 3, 1e-7, -1e-7, 4.1234565};
  std::mt19937_64 rng(13);
  for (int i = 0; i < 300000; ++i) {
    const double scale = std::pow(10.0, static_cast<int>(rng() % 18) - 8);
    values.push_back(static_cast<double>(static_cast<std::int64_t>(rng() % 2000001) - 1000000) * scale / 1013);
  }
  for (const double v : values) {
    char buf[kJsonNumberRoom];
    const std::string got(buf, format_json_number(v, buf));
    INFO(fmt::format("{}", v));
    CHECK(got == fmt::format("{}", std::round(v * 1e6) / 1e6));
  }
}

namespace {

// What JsonWriter::value(double) is specified to write: fmt's shortest form of the value rounded
// half away from zero to 6 decimals, and null for what JSON cannot hold.
std::string reference_json_number(double v) {
  return std::isfinite(v) ? fmt::format("{}", std::round(v * 1e6) / 1e6) : "null";
}

std::string formatted(double v) {
  char buf[kJsonNumberRoom];
  return std::string(buf, format_json_number(v, buf));
}

std::string formatted(std::uint64_t n) {
  char buf[kJsonNumberRoom];
  return std::string(buf, format_json_number(n, buf));
}

}  // namespace

TEST_CASE("format_json_number writes the edge cases of its fixed-notation path as fmt does", "[json]") {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<std::pair<double, std::string>> table = {
      {0.0, "0"}, {-0.0, "-0"}, {1e-7, "0"}, {-1e-7, "-0"}, {0.4e-6, "0"},
      {0.5e-6, "1e-06"}, {-0.5e-6, "-1e-06"}, {1.5e-6, "2e-06"}, {9.9e-5, "9.9e-05"},
      {0.99994e-4, "0.0001"}, {0.994e-4, "9.9e-05"}, {0.99995e-4, "0.0001"}, {1e-4, "0.0001"}, {-1e-4, "-0.0001"},
      {0.125, "0.125"}, {-0.724771, "-0.724771"}, {2.0 / 3, "0.666667"}, {1.0, "1"}, {-3.0, "-3"},
      {10.5, "10.5"}, {999999.9999995, "1000000"}, {999999.9999994, "999999.999999"},
      {12345678.25, "12345678.25"}, {99999999.999999, "99999999.999999"}, {99999999.9999995, "100000000"},
      {123456789.5, "123456789.5"}, {1e9, "1000000000"}, {1e14, "100000000000000"}, {-1e15, "-1000000000000000"},
      {1e300, "1e+300"}, {-1e300, "-1e+300"}, {nan, "null"}, {inf, "null"}, {-inf, "null"}};
  for (const auto& [v, expected] : table) {
    INFO(fmt::format("{}", v));
    CHECK(formatted(v) == expected);
    CHECK(formatted(v) == reference_json_number(v));
  }
}

TEST_CASE("format_json_number agrees with fmt on every millionth near its boundaries", "[json]") {
  // Each whole number of millionths k near where the form or the number of digits changes, and
  // the doubles on either side of k and of k + 0.5 (the rounding ties), both signs.
  std::vector<double> ks;
  for (double k = 0; k < 2000; ++k) ks.push_back(k);
  for (const double p : {1e6, 1e7, 1e8, 1e12, 1e13, 1e14, 1e15})
    for (double k = p - 1000; k < p + 1000; ++k) ks.push_back(k);
  for (double k = 0; k < 100; ++k) ks.push_back(k * 1e6), ks.push_back(k * 1e6 + 500000);
  for (const double k : ks) {
    for (const double m : {k, k + 0.5}) {
      for (const double x : {m / 1e6, std::nextafter(m / 1e6, 0.0), std::nextafter(m / 1e6, 1e300)}) {
        INFO(fmt::format("{}", x));
        CHECK(formatted(x) == reference_json_number(x));
        CHECK(formatted(-x) == reference_json_number(-x));
      }
    }
  }
}

TEST_CASE("format_json_number writes counts as fmt does", "[json]") {
  // Every count below 10^7, and each power of ten and its neighbours up to the largest.
  for (std::uint64_t n = 0; n < 10000000; ++n) {
    if (formatted(n) != fmt::format_int(n).str()) FAIL("count " << n << " written as " << formatted(n));
  }
  std::vector<std::uint64_t> edges = {std::numeric_limits<std::uint64_t>::max(),
                                      std::numeric_limits<std::uint64_t>::max() - 1,
                                      std::numeric_limits<std::uint32_t>::max()};
  for (std::uint64_t p = 10; p <= 10000000000000000000ULL; p *= 10) {
    edges.insert(edges.end(), {p - 1, p, p + 1, 2 * p - 1, 9 * p + p / 2});
    if (p > std::numeric_limits<std::uint64_t>::max() / 10) break;
  }
  std::mt19937_64 rng(17);
  for (int i = 0; i < 100000; ++i) edges.push_back(rng() >> (rng() % 64));
  for (const std::uint64_t n : edges) {
    INFO(n);
    CHECK(formatted(n) == fmt::format_int(n).str());
  }
}
