// Holds the splitter to the hand-checked article starts of data/ (tests/splitter/gold.tsv) and to
// the title lines of the fixtures re-glued from them (tests/splitter/fixtures.tsv): every article
// found, no extra ones; and article + chrome spans tile every file's bytes, in order.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <sstream>

#include "corpus_scan/splitter.hpp"
#include "test_util.hpp"

using namespace corpus_scan;

namespace {

// file name -> 1-based title lines, from a gold TSV (name \t line [\t title], or name \t "l1 l2 ...").
std::map<std::string, std::vector<std::size_t>> read_gold(const std::string& tsv) {
  std::map<std::string, std::vector<std::size_t>> gold;
  std::istringstream in(test::slurp(std::string(CORPUS_SCAN_TESTS_DIR) + "/splitter/" + tsv));
  std::string row;
  while (std::getline(in, row)) {
    if (row.empty() || row[0] == '#') continue;
    std::istringstream cells(row);
    std::string name, lines;
    std::getline(cells, name, '\t');
    std::getline(cells, lines, '\t');
    std::vector<std::size_t>& at = gold[name];
    std::istringstream numbers(lines);
    for (std::size_t n; numbers >> n;) at.push_back(n);
  }
  return gold;
}

std::vector<std::size_t> found_titles(const std::vector<Segment>& segs) {
  std::vector<std::size_t> titles;
  for (const Segment& s : segs)
    if (s.kind == SegmentKind::Article) titles.push_back(s.title_line + 1);
  return titles;
}

void require_tiles(std::string_view text, const std::vector<Segment>& segs) {
  std::uint64_t at = 0;
  for (const Segment& s : segs) {
    REQUIRE(s.byte_begin == at);
    REQUIRE(s.byte_end > s.byte_begin);
    at = s.byte_end;
  }
  REQUIRE(at == text.size());
}

}  // namespace

TEST_CASE("every article of data/ is found at its hand-checked title line, and no other", "[splitter][gold]") {
  const auto gold = read_gold("gold.tsv");
  REQUIRE(gold.size() == test::data_files().size());
  for (const auto& [name, titles] : gold) {
    INFO(name);
    const std::string text = test::slurp(test::data_path(name));
    const auto lines = split_lines(text);
    const auto segs = split_articles(text, lines);
    CHECK(found_titles(segs) == titles);
    require_tiles(text, segs);
  }
}

TEST_CASE("every fixture splits at its title lines and its spans tile its bytes", "[splitter][gold]") {
  const auto gold = read_gold("fixtures.tsv");
  std::size_t fixtures = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::fixture_path("split"))) {
    const std::string name = entry.path().filename().string();
    INFO(name);
    REQUIRE(gold.count(name) == 1);
    const std::string text = test::slurp(entry.path().string());
    const auto lines = split_lines(text);
    const auto segs = split_articles(text, lines);
    CHECK(found_titles(segs) == gold.at(name));
    if (!text.empty()) require_tiles(text, segs);
    else CHECK(segs.empty());
    ++fixtures;
  }
  CHECK(fixtures == gold.size());
}

TEST_CASE("spans of every other fixture tile its bytes", "[splitter]") {
  for (const char* name : {"blank_lines.txt", "bom.txt", "crlf.txt", "lone_cr.txt", "invalid_utf8.txt"}) {
    INFO(name);
    const std::string text = test::slurp(test::fixture_path(name));
    require_tiles(text, split_articles(text, split_lines(text)));
  }
}
