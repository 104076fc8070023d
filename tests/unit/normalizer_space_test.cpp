// One table per kind: whitespace, unicode, lost-chars.
#include "normalizer_cases.hpp"

using namespace corpus_scan;
using namespace corpus_scan::test;

TEST_CASE("whitespace: indentation, runs, exotic and invisible spaces", "[normalizer][whitespace]") {
  check_cases(EditKind::Whitespace, {
    // must change
    {"  From disorder to norm", "From disorder to norm"},
    {"   (Reporter Han Yeting)", "(Reporter Han Yeting)"},
    {"the first  Purpose of award", "the first Purpose of award"},
    {"Article 5  Evaluation index and weight", "Article 5 Evaluation index and weight"},
    {"bags and household appliances. ", "bags and household appliances."},
    {" ", ""},
    {NBSP NBSP, ""},
    {"In" NBSP "November, 2018", "In November, 2018"},
    {"In" IDEOGRAPHIC_SPACE "November", "In November"},
    {"Grok" ZWSP "-1 is open source", "Grok-1 is open source"},
    {BOM "Premier League", "Premier League"},
    {"Text\t|\tXia Xiaoyu", "Text | Xia Xiaoyu"},
    {"s \x7F", "s"},  // fuzz finding: DEL hid the trailing space, which survived one pass
    {"a \x7F" "b", "a b"},
    // must not change
    {"From disorder to norm", "From disorder to norm"},
    {"Text |Tech Planet Lin Jing Wang Lin", "Text |Tech Planet Lin Jing Wang Lin"},
    {"第一章 从水环境质量改善、污染源治理", "第一章 从水环境质量改善、污染源治理"},
    {"规划" IDEOGRAPHIC_SPACE "内蒙古", "规划" IDEOGRAPHIC_SPACE "内蒙古"},
    {"👩" ZWJ "💻 developers", "👩" ZWJ "💻 developers"},
    {"", ""},
    {"pip install -r requirements.txtpython run.py", "pip install -r requirements.txtpython run.py"},
    {"《内蒙古自治区“十四五”重点流域水生态环境保护规划》", "《内蒙古自治区“十四五”重点流域水生态环境保护规划》"},
    {"Email: news_center@staff.hexun.com.", "Email: news_center@staff.hexun.com."},
    {"Shi Yanghe 08:39:46", "Shi Yanghe 08:39:46"},
    {"• 2) Learn Python is really fragrant!", "• 2) Learn Python is really fragrant!"},
  });
}

// An ASCII line with a space at either end has its edge spaces removed before it is screened
// (normalize_view); what is inside it must still be seen.
TEST_CASE("whitespace: edge spaces and runs inside the same line", "[normalizer][whitespace]") {
  check_cases(EditKind::Whitespace, {
    {"  the first  Purpose of award ", "the first Purpose of award"},
    {"Article 5  Evaluation index ", "Article 5 Evaluation index"},
    {" Text\t|\tXia Xiaoyu", "Text | Xia Xiaoyu"},
    {"   ", ""},
    {" a b c ", "a b c"},
  });
}

TEST_CASE("unicode: NFC by default, NFKC on request, normalized text untouched", "[normalizer][unicode]") {
  check_cases(EditKind::Unicode, {
    // must change (decomposed accents compose)
    {"Cafe\u0301 culture", "Caf\u00E9 culture"},
    {"Pe\u0301rez", "P\u00E9rez"},
    {"A\u030Angstro\u0308m", "\u00C5ngstr\u00F6m"},
    // must not change
    {"China’s webcasting emerged in 2005", "China’s webcasting emerged in 2005"},
    {"between 5℃ and 35℃", "between 5℃ and 35℃"},
    {"劣Ⅴ类水体控制比例1.9%", "劣Ⅴ类水体控制比例1.9%"},
    {"（1）加强", "（1）加强"},
  });
  NormalizeOptions nfkc = only(EditKind::Unicode);
  nfkc.form = UnicodeForm::NFKC;
  check_cases(EditKind::Unicode, {
    {"between 5℃ and 35℃", "between 5°C and 35°C"},
    {"ＧＰＴ－４", "GPT-4"},
    {"ﬁnance", "finance"},
    {"Grok-1 is open source", "Grok-1 is open source"},
    {"Xi’an", "Xi’an"},
  }, nfkc);
}

TEST_CASE("lost-chars: reported where they are, never invented back", "[normalizer][lost-chars]") {
  const std::vector<NormalizerCase> cases = {
    // reported (text unchanged)
    {"For some languages ??with anonymous functions (right is Java)", "For some languages ??with anonymous functions (right is Java)"},
    {"other languages ??have special-top Async", "other languages ??have special-top Async"},
    {"Some languages " REPLACEMENT REPLACEMENT " with", "Some languages " REPLACEMENT REPLACEMENT " with"},
    // not reported
    {"Will open source make technology safer or will it make it more abusive?", "Will open source make technology safer or will it make it more abusive?"},
    {"material advantage disadvantage? latex paint", "material advantage disadvantage? latex paint"},
    {"What?? Really", "What?? Really"},
  };
  check_cases(EditKind::LostChars, cases);
  const Normalizer normalizer(only(EditKind::LostChars));
  std::vector<std::size_t> reported;
  for (const NormalizerCase& c : cases) {
    std::string out;
    std::vector<Edit> edits;
    normalizer.normalize_line(c.input, 0, out, &edits);
    reported.push_back(edits.size());
  }
  CHECK(reported == std::vector<std::size_t>{1, 1, 1, 0, 0, 0});
}

TEST_CASE("lost-chars: invalid UTF-8 becomes U+FFFD, one per byte, whatever is switched off", "[normalizer][lost-chars]") {
  NormalizeOptions none;
  none.enabled.fill(false);
  none.form = UnicodeForm::None;
  const std::string line = "Some languages \xFF\xFE with";
  std::string out;
  std::vector<Edit> edits;
  Normalizer(none).normalize_line(line, 100, out, &edits);
  CHECK(out == "Some languages " REPLACEMENT REPLACEMENT " with");
  REQUIRE(edits.size() == 1);
  CHECK(edits[0].kind == EditKind::LostChars);
  CHECK(edits[0].begin == 115);
  CHECK(edits[0].end == 117);
  CHECK(edits[0].before == "\xFF\xFE");
}
