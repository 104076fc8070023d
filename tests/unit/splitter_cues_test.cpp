// What single lines say about article structure: real lines from data/, table-driven, with as
// many lines that must stay silent as lines that must fire.
#include <catch2/catch.hpp>

#include "corpus_scan/splitter.hpp"

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
