#include <catch2/catch.hpp>

#include "corpus_scan/splitter.hpp"
#include "test_util.hpp"

using namespace corpus_scan;

namespace {

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

TEST_CASE("segments tile every sample dump exactly", "[splitter]") {
  for (const std::string& name : test::data_files()) {
    INFO(name);
    const std::string text = test::slurp(test::data_path(name));
    const auto lines = split_lines(text);
    require_tiles(text, split_articles(text, lines));
  }
}

TEST_CASE("a separator line learned from the page cuts articles; the header is chrome", "[splitter]") {
  const std::string text =
      "标签归档 武汉品茶资源\n\n通过admin\n\nPremier League\n\nAt 23: 30 pm Beijing time on October 29th, the 10th "
      "round began.\n\n通过admin\n\nThirty-one provinces started the teacher qualification examination "
      "registration today.\n\n  BEIJING, Sept. 2 (Xinhua)-From the 2nd, the registration will begin.\n";
  const auto lines = split_lines(text);
  const auto segs = split_articles(text, lines);
  require_tiles(text, segs);
  std::vector<std::string_view> titles;
  for (const Segment& s : segs)
    if (s.kind == SegmentKind::Article) titles.push_back(s.title);
  REQUIRE(titles.size() == 2);
  CHECK(titles[0] == "Premier League");
  CHECK(segs[0].kind == SegmentKind::Chrome);
  CHECK(segs[0].reason == "page-header");
}

TEST_CASE("a file of blank lines is one chrome span and no article", "[splitter]") {
  const std::string text = "\n  \n\n";
  const auto lines = split_lines(text);
  const auto segs = split_articles(text, lines);
  require_tiles(text, segs);
  REQUIRE(segs.size() == 1);
  CHECK(segs[0].kind == SegmentKind::Chrome);
}

TEST_CASE("an empty file has no segments", "[splitter]") {
  CHECK(split_articles("", {}).empty());
}
