// Behaviour of the splitter on small dumps made of real lines from data/: separators learned from
// the page, chrome, sub-headings and captions that must not start articles, end-of-article lines
// that stay with the article they end, and the evidence each cut carries.
#include <catch2/catch.hpp>

#include <algorithm>

#include "corpus_scan/splitter.hpp"
#include "test_util.hpp"

using namespace corpus_scan;

namespace {

struct Split {
  std::string text;
  std::vector<Line> lines;
  std::vector<Segment> segs;

  explicit Split(std::string t) : text(std::move(t)), lines(split_lines(text)), segs(split_articles(text, lines)) {}

  std::vector<std::string_view> titles() const {
    std::vector<std::string_view> out;
    for (const Segment& s : segs)
      if (s.kind == SegmentKind::Article) out.push_back(s.title);
    return out;
  }
  const Segment& article(std::size_t k) const {
    for (const Segment& s : segs)
      if (s.kind == SegmentKind::Article && k-- == 0) return s;
    FAIL("no such article");
    return segs.front();
  }
  std::string_view span_text(const Segment& s) const { return std::string_view(text).substr(s.byte_begin, s.byte_end - s.byte_begin); }
};

bool has_cue(const Segment& s, const char* cue) {
  return std::find(s.boundary.cues.begin(), s.boundary.cues.end(), cue) != s.boundary.cues.end();
}

// Paragraphs of real articles of data/.
const std::string kFootball =
    "At 23: 30 pm Beijing time on October 29th, the 10th round of the 2023-24 Premier League ushered in the first "
    "Manchester City Derby of this season, and Manchester United played against Manchester City at home.\n\n"
    "In the second minute, Manchester United stole the ball in midfield, and McTominay took the ball to the front of "
    "the penalty area and shot it with his left foot.\n\n"
    "In the end, the whole game ended and Manchester City beat Manchester United 3-0.\n";
const std::string kTeachers =
    "  BEIJING, Beijing, Sept. 2 (Xinhua)-From the 2nd, the registration of primary and secondary school teachers’ "
    "qualification examination (written examination) will begin in the second half of the year.\n\n"
    "  According to the current teacher qualification examination method, the examination is held twice a year in "
    "most provinces, and the general written examination is arranged in March and October.\n";

}  // namespace

TEST_CASE("a separator learned from the page cuts articles; the header is chrome", "[splitter]") {
  // every prefix of a "by someone" separator, in either case (find_separators gates them on the first byte)
  for (const char* sep : {"通过admin", "By admin", "作者 admin", "Posted by editor", "BY ADMIN", "Written by staff",
                          "发布者 admin", "发布人 editor", "发表于 admin", "posted BY Editor"}) {
    INFO(sep);
    const Split s(std::string("分类目录归档 科技新闻\n\n") + sep + "\n\nPremier League\n\n" + kFootball + "\n" + sep +
                  "\n\nThirty-one provinces started the teacher qualification examination registration today.\n\n" +
                  kTeachers);
    REQUIRE(s.titles() == std::vector<std::string_view>{
                              "Premier League",
                              "Thirty-one provinces started the teacher qualification examination registration today."});
    CHECK(s.segs[0].kind == SegmentKind::Chrome);
    CHECK(s.segs[0].reason == "page-header");
    CHECK(s.segs[1].reason == "separator");
    CHECK(has_cue(s.article(0), "separator"));
    CHECK(has_cue(s.article(1), "byline-after"));
    CHECK(s.article(1).metadata.source == "Xinhua");
  }
}

TEST_CASE("short lines recurring inside one article are not separators", "[splitter]") {
  // data/001: `one` stands four times as a photo-caption stub in one article.
  const Split s(test::slurp(test::fixture_path("split/one_article.txt")));
  REQUIRE(s.titles().size() == 1);
  CHECK(s.titles()[0] == "Key words of Daxing New Airport Expressway: safety, wisdom and modernization.");
  CHECK(std::none_of(s.segs.begin(), s.segs.end(), [](const Segment& g) { return g.reason == "separator"; }));
}

TEST_CASE("without separators, an end-of-article line before and a byline after cut an article", "[splitter]") {
  const Split s(
      "This decision may enable his xAI to finally surpass Meta and Mistral AI.\n\n"
      "Original title: \"Musk faces OpenAI, the world’s largest Big Mac model Grok-1 is open source!\"\n\n"
      "Read the original text\n\n"
      "Ministry of Industry and Information Technology: A large number of small and medium-sized enterprises is an "
      "important support for expanding employment and improving people’s livelihood.\n\n"
      "CCTV News:The State Council Press Office held a regular briefing on the State Council policy at 3 pm on July "
      "17th.\n");
  REQUIRE(s.titles().size() == 2);
  const Segment& second = s.article(1);
  CHECK(second.title.starts_with("Ministry of Industry"));
  CHECK(has_cue(second, "end-of-article-before"));
  CHECK(has_cue(second, "byline-after"));
  CHECK(second.boundary.confidence > 0.9);
  CHECK(second.metadata.source == "CCTV News");
  // the end-of-article lines belong to the article they end
  CHECK(s.span_text(s.article(0)).find("Read the original text") != std::string_view::npos);
}

TEST_CASE("sub-headings inside an article do not start articles", "[splitter]") {
  // data/001, the blind-roads article: lower-case one-word sub-headings and title-like questions.
  const std::string text = test::slurp(test::data_path("001_2725a3a24cc2e181.txt"));
  const auto lines = split_lines(text);
  const auto segs = split_articles(text, lines);
  for (const Segment& s : segs) {
    if (s.kind != SegmentKind::Article) continue;
    for (const char* sub : {"phenomenon", "hotline", "affect", "sound", "Why did Musk choose open source?",
                            "Which department can take care of the blind road?", "References:", "More details",
                            "Article 5  Evaluation index and weight", "New markets—"})
      CHECK(s.title != sub);
  }
}

TEST_CASE("a title printed again after its kicker stays one article", "[splitter]") {
  const std::string text = test::slurp(test::data_path("001_2725a3a24cc2e181.txt"));
  const auto lines = split_lines(text);
  const auto segs = split_articles(text, lines);
  const auto last = std::find_if(segs.rbegin(), segs.rend(), [](const Segment& s) { return s.kind == SegmentKind::Article; });
  REQUIRE(last != segs.rend());
  CHECK(last->title_line + 1 == 514);  // `Cross-border e-commerce is booming.` again at 517
  CHECK(last->end_line == lines.size());
}

TEST_CASE("a flush title among indented bodies starts an article", "[splitter]") {
  const Split s(test::slurp(test::fixture_path("split/indented.txt")));
  REQUIRE(s.titles().size() == 3);
  CHECK(has_cue(s.article(1), "flush-title"));
  CHECK(has_cue(s.article(2), "flush-title"));
}

TEST_CASE("a change of vocabulary cuts flush articles that have no other cue", "[splitter]") {
  const Split s(test::slurp(test::fixture_path("split/short_title.txt")));
  REQUIRE(s.titles().size() == 3);
  CHECK(s.titles()[1] == "Premier League");
  CHECK(has_cue(s.article(1), "vocabulary-shift"));
  for (const Segment& a : s.segs)
    if (a.kind == SegmentKind::Article) {
      CHECK(a.boundary.confidence > 0.0);
      CHECK(a.boundary.confidence <= 1.0);
    }
}

TEST_CASE("a page of only chrome has no article and loses no byte", "[splitter]") {
  const Split s("标签归档 武汉品茶资源\n\n通过admin\n\n");
  CHECK(s.titles().empty());
  REQUIRE(!s.segs.empty());
  CHECK(s.segs.front().byte_begin == 0);
  CHECK(s.segs.back().byte_end == s.text.size());
}

TEST_CASE("a decorative rule is chrome, not a title", "[splitter]") {
  const Split s("* * *\n\nPremier League\n\n" + kFootball);
  REQUIRE(s.titles().size() == 1);
  CHECK(s.titles()[0] == "Premier League");
  CHECK(s.segs[0].kind == SegmentKind::Chrome);
}

TEST_CASE("a file of blank lines is one chrome span and no article", "[splitter]") {
  const Split s("\n  \n\n");
  REQUIRE(s.segs.size() == 1);
  CHECK(s.segs[0].kind == SegmentKind::Chrome);
}

TEST_CASE("an empty file has no segments", "[splitter]") { CHECK(split_articles("", {}).empty()); }

TEST_CASE("one long line without terminator is one article", "[splitter]") {
  const std::string line(200000, 'x');
  const Split s(line);
  REQUIRE(s.segs.size() == 1);
  CHECK(s.segs[0].byte_end == line.size());
}
