// What single lines say about article structure: real lines from data/, table-driven, with as
// many lines that must stay silent as lines that must fire.
#include <catch2/catch.hpp>

#include <cstring>
#include <random>

#include "corpus_scan/splitter.hpp"
#include "splitter_internal.hpp"
#include "test_util.hpp"

using namespace corpus_scan;

namespace {

struct CueCase {
  const char* line;
  LineCue cue;
};

const char* name(LineCue c) {
  switch (c) {
    case LineCue::None: return "None";
    case LineCue::Byline: return "Byline";
    case LineCue::EndOfArticle: return "EndOfArticle";
    case LineCue::PageHeader: return "PageHeader";
    case LineCue::NumberedClause: return "NumberedClause";
  }
  return "?";
}

}  // namespace

TEST_CASE("bylines, end-of-article lines, page headers and numbered clauses are recognised", "[splitter][cues]") {
  const CueCase cases[] = {
      {"Text | Xia Xiaoyu", LineCue::Byline},
      {"Text |Tech Planet Lin Jing Wang Lin", LineCue::Byline},
      {"Edit | Zhang Youfa", LineCue::Byline},
      {"Editor: editorial department", LineCue::Byline},
      {"CCTV News:The State Council Press Office held a regular briefing on the State Council policy.", LineCue::Byline},
      {"Cctv news(Reporter Liu Wei): The Beijing Daxing International Airport Expressway is important.", LineCue::Byline},
      {"Special feature of 1905 film network According to the statistics of the National Film Bureau,", LineCue::Byline},
      {"1905 movie network news At the just-concluded BILIBILI WORLD 2019 Guangzhou Station,", LineCue::Byline},
      {"International online comprehensive news: The heads of more than 20 major domestic enterprises", LineCue::Byline},
      // Regressions: a faster search for a lower-case "ews" missed an upper-case source and one
      // whose name holds an earlier "ews".
      {"CCTV NEWS: The State Council Press Office held a regular briefing on the State Council policy.", LineCue::Byline},
      {"Brews news: The craft beer festival opens in Qingdao on Saturday.", LineCue::Byline},
      {"BEIJING, Beijing, Sept. 2 (Xinhua)-From the 2nd, the registration of teachers will begin.", LineCue::Byline},
      {"Zhiyuan Xin reports.", LineCue::Byline},
      {"Original Zhiyuan Xin Zhiyuan Xin", LineCue::Byline},
      {"Read the original text", LineCue::EndOfArticle},
      {"Original title: \"Musk faces OpenAI, the world's largest Big Mac model Grok-1 is open source!\"", LineCue::EndOfArticle},
      {"(Editor: liujing HZ010)", LineCue::EndOfArticle},
      {"[Disclaimer] This article only represents the author's own views and has nothing to do with Hexun.", LineCue::EndOfArticle},
      {"(Reporter Han Yeting)", LineCue::EndOfArticle},
      {"(End)", LineCue::EndOfArticle},
      {"标签归档 武汉品茶资源", LineCue::PageHeader},
      {"分类目录归档 科技新闻", LineCue::PageHeader},
      {"Tag Archives: live broadcast", LineCue::PageHeader},
      {"Article 5  Evaluation index and weight", LineCue::NumberedClause},
      {"Article  Award settings", LineCue::NumberedClause},
      {"the first  Purpose of award", LineCue::NumberedClause},
      {"第五条 评选标准", LineCue::NumberedClause},
      // every header and clause prefix, in either case (each line tries only the rows its first byte allows)
      {"CATEGORY ARCHIVES: Technology", LineCue::PageHeader},
      {"category: science", LineCue::PageHeader},
      {"Archives: 2019", LineCue::PageHeader},
      {"Posts Tagged live broadcast", LineCue::PageHeader},
      {"TAG: anchors", LineCue::PageHeader},
      {"分类: 科技", LineCue::PageHeader},
      {"标签: 直播", LineCue::PageHeader},
      {"CHAPTER 3  General provisions", LineCue::NumberedClause},
      {"Section 2", LineCue::NumberedClause},
      {"clause 7 Scope of application", LineCue::NumberedClause},
      {"Categorical answers are rare in this field", LineCue::None},
      {"Tagged along with the delegation", LineCue::None},
      {"Sectional championships begin on Monday", LineCue::None},
      {"Clauses of the new contract were published on Friday and drew wide attention.", LineCue::None},
      // must stay silent: titles, sub-headings, captions, body lines that mention the same words
      {"Premier League", LineCue::None},
      {"Why did Musk choose open source?", LineCue::None},
      {"phenomenon", LineCue::None},
      {"From disorder to norm", LineCue::None},
      {"Competition results", LineCue::None},
      {"References:", LineCue::None},
      {"Book shadow:", LineCue::None},
      {"(Photography Liu Wei)", LineCue::None},
      {"Source: vision china", LineCue::None},
      {"Image source: vision china", LineCue::None},
      {"According to the news from the Examination Center of the Ministry of Education, the registration", LineCue::None},
      {"Article 10 of the law was cited by the court in its decision on the case.", LineCue::None},
      {"Originally, the plan was to open the source code later this year.", LineCue::None},
      {"National Sports General Administration Mountaineering Management Center", LineCue::None},
      {"Ministry of Industry and Information Technology: A large number of small and medium-sized enterprises", LineCue::None},
      {"Author: Mao bean peanut", LineCue::Byline},
  };
  for (const CueCase& c : cases) {
    INFO(c.line);
    CHECK(std::string(name(classify_line_cue(c.line))) == name(c.cue));
  }
}

TEST_CASE("cue lines name the author, editor, source and date they carry", "[splitter][cues]") {
  struct MetaCase {
    const char* line;
    const char* author;
    const char* editor;
    const char* source;
    const char* date;
  };
  const MetaCase cases[] = {
      {"Text | Xia Xiaoyu", "Xia Xiaoyu", "", "", ""},
      {"Edit | Zhang Youfa", "", "Zhang Youfa", "", ""},
      {"(Editor: liujing HZ010)", "", "liujing HZ010", "", ""},
      {"(Reporter Han Yeting)", "Han Yeting", "", "", ""},
      {"CCTV News:Issued by Beijing Municipal Center for Disease Control and Prevention,", "", "", "CCTV News", ""},
      {"Cctv news(Reporter Liu Wei): The Beijing Daxing International Airport Expressway", "Liu Wei", "", "Cctv news", ""},
      {"Special feature of 1905 film network Officially unveiled! On December 14th,", "", "", "1905 film network", ""},
      {"BEIJING, Beijing, Sept. 2 (Xinhua)-From the 2nd, the registration will begin.", "", "", "Xinhua", "Sept. 2"},
      {"Read the original text", "", "", "", ""},
  };
  for (const MetaCase& c : cases) {
    INFO(c.line);
    ArticleMetadata meta;
    classify_line_cue(c.line, &meta);
    CHECK(meta.author == c.author);
    CHECK(meta.editor == c.editor);
    CHECK(meta.source == c.source);
    CHECK(meta.date == c.date);
  }
}

TEST_CASE("trim_space removes ASCII, ideographic and invisible space only", "[splitter][cues]") {
  CHECK(trim_space("  Premier League \t") == "Premier League");
  CHECK(trim_space("\u3000\u200B通过admin\u00A0") == "通过admin");
  CHECK(trim_space("   ") == "");
  CHECK(trim_space("a b") == "a b");
}

// find_ci looks for a needle's first bytes 16 positions at a time; the definition reads the line a
// byte at a time. Both must agree on every line of data/ and the fixtures, every suffix of the short
// ones, any limit, and on strings made of the needles' letters in both cases around the 16-byte steps.
namespace {

std::size_t find_ci_by_byte(std::string_view s, std::string_view needle, std::size_t limit) {
  const std::size_t end = std::min(s.size(), limit);
  for (std::size_t i = 0; i + needle.size() <= end; ++i) {
    bool all = true;
    for (std::size_t k = 0; k < needle.size(); ++k) all = all && splitting::ascii_lower(s[i + k]) == needle[k];
    if (all) return i;
  }
  return std::string_view::npos;
}

void check_find_ci(std::string_view s) {
  const std::string own(s);  // nothing readable after it (reads past the end would show under ASan)
  for (std::string_view needle : {"news", "network", " reports", "abc"})
    for (std::size_t limit : {std::size_t{0}, std::size_t{3}, std::size_t{17}, std::size_t{18}, std::size_t{19},
                              std::size_t{40}, std::size_t{48}, std::size_t{60}, std::string_view::npos}) {
      INFO("line: " << own << " needle: " << needle << " limit: " << limit);
      REQUIRE(splitting::find_ci(own, needle, limit) == find_ci_by_byte(own, needle, limit));
    }
}

}  // namespace

TEST_CASE("find_ci equals a byte-at-a-time search on every real line and on made-up ones", "[splitter][cues]") {
  std::size_t lines = 0;
  for (const std::string& text : test::repository_texts())
    for (const Line& l : split_lines(text)) {
      const std::string_view line = l.content(text);
      check_find_ci(line);
      ++lines;
      if (line.size() < 70)
        for (std::size_t k = 1; k < line.size(); ++k) check_find_ci(line.substr(k));
    }
  REQUIRE(lines > 2000);
  std::mt19937 rng(7);
  const std::string alphabet = "nNeEwWsS rtkoRabcNEWS\x0e\x4e\xce\x6e.";
  for (int n = 0; n < 20000; ++n) check_find_ci(test::random_line(rng, alphabet, 90));
  for (std::size_t pad = 0; pad < 70; ++pad)
    for (std::string_view word : {"news", "NEWS", "nEwS", "network", " Reports", "abc"}) {
      check_find_ci(std::string(pad, 'x') + std::string(word));
      check_find_ci(std::string(pad, 'n') + std::string(word) + "tail");
      check_find_ci(std::string(pad, 'x') + std::string(word).substr(0, word.size() - 1));
    }
}

// may_have_cue is classify_line_cue's necessary conditions tested at once: it may say true for a
// line without a cue, never false for a line with one. Checked on every line of data/ and the
// fixtures where it lies in its file (and every suffix of the short ones), on the cue table above,
// and on made-up lines of the cues' letters; and it must say false for plain lines, or it saves nothing.
namespace {

// The line followed by 64 bytes of `after` (what may_have_cue reads past the line must not count).
bool may_have_cue_padded(std::string_view line, char after) {
  const std::string buffer = std::string(line) + std::string(64, after);
  return splitting::may_have_cue(std::string_view(buffer).substr(0, line.size()), buffer.data() + buffer.size());
}

void check_may_have_cue(std::string_view line, const char* readable_end) {
  if (classify_line_cue(line) == LineCue::None) return;
  INFO("line: " << line);
  REQUIRE(splitting::may_have_cue(line, readable_end));
  for (char after : {' ', 'x', 'N', '\xe5'}) REQUIRE(may_have_cue_padded(line, after));
}

}  // namespace

TEST_CASE("may_have_cue says true for every line with a cue and false for most without", "[splitter][cues]") {
  std::size_t cued = 0, plain = 0, plain_skipped = 0;
  for (const std::string& text : test::repository_texts()) {
    const char* end = text.data() + text.size();
    for (const Line& l : split_lines(text)) {
      const std::string_view line = trim_space(l.content(text));
      check_may_have_cue(line, end);
      const bool has_cue = classify_line_cue(line) != LineCue::None;
      cued += has_cue;
      if (!has_cue && line.size() >= 4 && end - line.data() >= 64) {
        ++plain;
        plain_skipped += !splitting::may_have_cue(line, end);
      }
      if (line.size() < 70)
        for (std::size_t k = 1; k < line.size(); ++k) check_may_have_cue(line.substr(k), end);
    }
  }
  REQUIRE(cued > 20);
  CHECK(plain_skipped * 10 >= plain * 9);  // the point of the filter: nine plain lines in ten skip the tables

  const char* with_cue[] = {
      "Text | Xia Xiaoyu", "Edit | Zhang Youfa", "Editor: editorial department", "Author: Mao bean peanut",
      "CCTV News:The State Council Press Office held a regular briefing on the State Council policy.",
      "Cctv news(Reporter Liu Wei): The Beijing Daxing International Airport Expressway is important.",
      "Special feature of 1905 film network According to the statistics of the National Film Bureau,",
      "1905 movie network news At the just-concluded BILIBILI WORLD 2019 Guangzhou Station,",
      "International online comprehensive news: The heads of more than 20 major domestic enterprises",
      "Brews news: The craft beer festival opens in Qingdao on Saturday.",
      "BEIJING, Beijing, Sept. 2 (Xinhua)-From the 2nd, the registration of teachers will begin.",
      "Zhiyuan Xin reports.", "Original Zhiyuan Xin Zhiyuan Xin", "Read the original text", "(Editor: liujing HZ010)",
      "[Disclaimer] This article only represents the author's own views and has nothing to do with Hexun.",
      "(Reporter Han Yeting)", "(End)", "标签归档 武汉品茶资源", "分类目录归档 科技新闻", "Tag Archives: live broadcast",
      "Article 5  Evaluation index and weight", "the first  Purpose of award", "第五条 评选标准", "CHAPTER 3  General provisions",
      "（完）", "作者：李明", "来源：新华社", "Posts Tagged live broadcast", "THE SECOND  Scope",
  };
  for (const char* line : with_cue) {
    INFO(line);
    REQUIRE(classify_line_cue(line) != LineCue::None);  // (the table is of cue lines)
    check_may_have_cue(line, line + std::strlen(line));
  }
  // Plain lines from data/: titles, sub-headings, body lines that mention the cue words late or not at all.
  const char* plain_lines[] = {
      "Premier League", "Why did Musk choose open source?", "phenomenon", "From disorder to norm", "Competition results",
      "(Photography Liu Wei)", "Image source: vision china", "National Sports General Administration Mountaineering Management Center",
      "Ministry of Industry and Information Technology: A large number of small and medium-sized enterprises",
      "In the first half of this year, the company released news of a new chip that would reach the market next year.",
      "The first batch of pilot cities", "马斯克为什么选择开源？",
  };
  for (const char* line : plain_lines) {
    INFO(line);
    REQUIRE(classify_line_cue(line) == LineCue::None);
    CHECK_FALSE(may_have_cue_padded(line, ' '));
  }
  // Made-up lines of the cues' letters, in both cases, around the 16-byte steps and the position limits.
  std::mt19937 rng(11);
  const std::string alphabet = "nNeEwWsS rRpPoOtThH:(|AB\xe5\xbd\x92\xe6\xa1\xa3";
  for (int k = 0; k < 40000; ++k) {
    const std::string line = test::random_line(rng, alphabet, 70);
    check_may_have_cue(line, line.data() + line.size());
  }
  for (std::size_t pad = 0; pad < 56; ++pad)
    for (std::string_view tail : {"news: today", "NEWS:", " reports.", "归档", "  Scope"}) {
      for (const std::string& line : {std::string(pad, 'x') + std::string(tail), "the " + std::string(pad, 'x') + std::string(tail)})
        check_may_have_cue(line, line.data() + line.size());
    }
}
