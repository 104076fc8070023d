// One table per kind: whitespace, unicode, lost-chars.
#include <algorithm>

#include "normalizer/screen.hpp"
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

namespace {

// Whether normalize_view trims this line's edge spaces without the whitespace pass's walk: an
// ASCII line with a space at either end, whose text without its edge spaces is not empty and
// holds no control byte and no two spaces (the screen of that text is then the pass's output's).
bool trims_edges_unwalked(std::string_view line) {
  if (line.empty() || (line.front() != ' ' && line.back() != ' ')) return false;
  if (std::any_of(line.begin(), line.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
    return false;
  const std::size_t b = line.find_first_not_of(' ');
  if (b == std::string_view::npos) return false;
  const std::string_view inner = line.substr(b, line.find_last_not_of(' ') + 1 - b);
  return (normalizer::screen_line(inner) & (normalizer::kControl | normalizer::kDoubleSpace)) == 0;
}

}  // namespace

// An ASCII line with a space at either end has its edge spaces removed before it is screened
// (normalize_view). Where the rest holds no control byte and no two spaces, the edge runs are
// all the pass would remove, and the line is trimmed without the pass's walk (" a b c "); else
// the pass walks the line, and what is inside it must still be seen (the other cases: a double
// space inside, a tab inside, nothing but spaces).
TEST_CASE("whitespace: edge spaces and runs inside the same line", "[normalizer][whitespace]") {
  check_cases(EditKind::Whitespace, {
    {"  the first  Purpose of award ", "the first Purpose of award"},
    {"Article 5  Evaluation index ", "Article 5 Evaluation index"},
    {" Text\t|\tXia Xiaoyu", "Text | Xia Xiaoyu"},
    {"   ", ""},
    {" a b c ", "a b c"},
  });
  CHECK(trims_edges_unwalked(" a b c "));
  for (const char* walked :
       {"  the first  Purpose of award ", "Article 5  Evaluation index ", " Text\t|\tXia Xiaoyu", "   "})
    CHECK_FALSE(trims_edges_unwalked(walked));
}

// A line trimmed without the whitespace pass's walk is screened once, and that screen (and the
// repetition-loop gate's blocks it keeps) is what the next passes run on: with every kind on, each
// pass must act on the trimmed text as on the same line whose edge spaces are tabs, which the
// pass walks (a tab is a control byte), edit for edit.
TEST_CASE("whitespace: every other pass acts on a line trimmed unwalked", "[normalizer][whitespace]") {
  struct Case {
    std::string input, expected;
  };
  const std::vector<Case> cases = {
    {" This is 8: 00 pm on July 18th. ", "This is 8:00 pm on July 18th."},                // split-number
    {"  Live on March 12 th, in the 27th round", "Live on March 12th, in the 27th round"},  // split-number
    {" from Xi 'an International ", "from Xi'an International"},                        // broken-apostrophe
    {" It was a . . . nice day ", "It was a ... nice day"},                              // split-ellipsis
    {" visit www. example. com today ", "visit www.example.com today"},                  // split-domain
    {" the report.Hd.Hd ", "the report. Hd. Hd"},                                        // missing-space
    {"according toPoisonous eyes ", "according to Poisonous eyes"},                     // glued-words
    // repetition-loop, whose gate reads the screen's letter blocks (the trimmed text's): read one
    // byte further on, these one-letter tokens would be told apart by the marks after them
    {" Grade: A, A; A. A! A? then B ", "Grade: A, A? then B"},
    {" " + std::string(60, 'x') + " a, a; a. a! a ", std::string(60, 'x') + " a, a"},  // across 64 bytes
    {" She said: I love you, I love you; I love you. I love you! I love you? and then she left ",
     "She said: I love you, I love you? and then she left"},
  };
  const Normalizer normalizer;
  for (const Case& c : cases) {
    const std::string& input = c.input;
    std::string walked = input;  // the edge spaces as tabs
    for (std::size_t i = 0; i < walked.size() && walked[i] == ' '; ++i) walked[i] = '\t';
    for (std::size_t i = walked.size(); i > 0 && walked[i - 1] == ' '; --i) walked[i - 1] = '\t';
    INFO("input: [" << input << "]");
    REQUIRE(trims_edges_unwalked(input));
    REQUIRE_FALSE(trims_edges_unwalked(walked));
    std::string out, walked_out;
    std::vector<Edit> edits, walked_edits;
    normalizer.normalize_line(input, 0, out, &edits);
    normalizer.normalize_line(walked, 0, walked_out, &walked_edits);
    CHECK(out == c.expected);
    CHECK(walked_out == c.expected);
    CHECK(edits.size() == walked_edits.size());
    for (std::size_t k = 0; k < std::min(edits.size(), walked_edits.size()); ++k) {
      INFO("edit " << k << ": [" << edits[k].before << "] -> [" << edits[k].after << "]");
      CHECK(edits[k].kind == walked_edits[k].kind);
      CHECK(edits[k].begin == walked_edits[k].begin);
      CHECK(edits[k].end == walked_edits[k].end);
      CHECK(edits[k].after == walked_edits[k].after);
      CHECK(input.substr(edits[k].begin, edits[k].end - edits[k].begin) == edits[k].before);
    }
    const auto other_kind = [](const Edit& e) { return e.kind != EditKind::Whitespace; };
    CHECK(std::any_of(edits.begin(), edits.end(), other_kind));  // a pass after whitespace acted
  }
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
