#include <catch2/catch.hpp>

#include "corpus_scan/normalizer.hpp"

using namespace corpus_scan;

namespace {

std::string normalize(std::string_view line, std::vector<Edit>* edits = nullptr, NormalizeOptions o = {}) {
  std::string out;
  Normalizer(o).normalize_line(line, 0, out, edits);
  return out;
}

}  // namespace

TEST_CASE("every kind has a name that maps back to it", "[normalizer]") {
  for (EditKind k : all_kinds()) CHECK(kind_from_name(kind_name(k)) == k);
  CHECK_FALSE(kind_from_name("no-such-kind"));
}

TEST_CASE("edits point at their before text in the original line", "[normalizer]") {
  const std::string line = "  China’s webcasting emerged in 2005,   and it developed.  ";
  std::vector<Edit> edits;
  normalize(line, &edits);
  REQUIRE_FALSE(edits.empty());
  for (const Edit& e : edits) CHECK(line.substr(e.begin, e.end - e.begin) == e.before);
}

TEST_CASE("invalid UTF-8 becomes U+FFFD so the output is always valid", "[normalizer]") {
  CHECK(normalize("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
}

TEST_CASE("a switched-off kind changes nothing", "[normalizer]") {
  NormalizeOptions o;
  o.set(EditKind::Whitespace, false);
  CHECK(normalize("  From disorder to norm", nullptr, o) == "  From disorder to norm");
}
