// Paragraph script labels: the thresholds on both sides, and real paragraphs of data/.
#include <catch2/catch.hpp>

#include "corpus_scan/language.hpp"
#include "corpus_scan/stats.hpp"

using namespace corpus_scan;

TEST_CASE("a paragraph's label comes from the Chinese share of its tokens", "[language]") {
  struct Case {
    std::uint64_t han, latin_words;
    ScriptLabel label;
  };
  const Case cases[] = {
      {0, 0, ScriptLabel::None},      {0, 40, ScriptLabel::English},  {3, 50, ScriptLabel::English},
      {1, 3, ScriptLabel::English},   // share 0.25: still English
      {1, 2, ScriptLabel::Mixed},     // 0.33
      {4, 7, ScriptLabel::Mixed},     // "# 没有有 上, the entire call chain is completed, return"
      {3, 1, ScriptLabel::Chinese},   // 0.75: Chinese
      {2, 1, ScriptLabel::Mixed},     // 0.67
      {8, 2, ScriptLabel::Chinese},   // "使用Python和JAX训练模型"
      {26, 0, ScriptLabel::Chinese},
  };
  for (const Case& c : cases) {
    INFO(c.han << " Han, " << c.latin_words << " Latin words");
    CHECK(classify_script({c.han, c.latin_words}) == c.label);
  }
}

TEST_CASE("article profile: shares by tokens, untranslated only in English articles", "[language]") {
  std::vector<ParagraphScript> ps = {
      {0, 1, {0, 60}, ScriptLabel::English},
      {2, 4, {30, 0}, ScriptLabel::Chinese},
      {5, 6, {4, 6}, ScriptLabel::Mixed},
      {7, 8, {0, 0}, ScriptLabel::None},
  };
  const LanguageProfile p = profile_paragraphs(ps);
  CHECK(p.label == ScriptLabel::English);
  CHECK(p.english_share == Approx(60.0 / 100));
  CHECK(p.chinese_share == Approx(30.0 / 100));
  CHECK(p.mixed_share == Approx(10.0 / 100));
  CHECK(p.paragraphs == std::array<std::uint32_t, 4>{1, 1, 1, 1});
  REQUIRE(p.untranslated.size() == 1);
  CHECK(p.untranslated[0].first_line == 2);
  CHECK(p.untranslated[0].end_line == 4);
  ps[1].counts.han = 70;  // now mostly Chinese: its Chinese is the article, not left over
  const LanguageProfile z = profile_paragraphs(ps);
  CHECK(z.label == ScriptLabel::Chinese);
  CHECK(z.untranslated.empty());
  CHECK(profile_paragraphs({}).label == ScriptLabel::None);
}

TEST_CASE("real paragraphs of data/ get the label a reader gives them", "[language]") {
  struct Case {
    const char* paragraph;
    ScriptLabel label;
  };
  const Case cases[] = {
      {"(二)制定《规划》的总体思路。深入贯彻习近平生态文明思想,深刻把握“山水林田湖草沙是一个生命共同体”的科学内涵", ScriptLabel::Chinese},
      {"第一章 从水环境质量改善、污染源治理、完善制度体系等方面全面总结“十三五”期间重点流域水生态环境保护取得的成绩。", ScriptLabel::Chinese},
      {"# # 操作 系统 复 复 示 示 例 代代", ScriptLabel::Chinese},
      {"# 没有有 上, the entire call chain is completed, return", ScriptLabel::Mixed},
      {"# 启 启 生器, we will get 2", ScriptLabel::Mixed},
      {"Song Leyong, deputy general manager of Guangming. com, said that since the beginning of 2018", ScriptLabel::English},
      {"标签归档 武汉品茶资源", ScriptLabel::Chinese},
      {"Ret=yieldfunc2 (re)", ScriptLabel::English},
      {"-Embedded size: 6144(48*128)", ScriptLabel::English},
      {"2,100 1.45 2017", ScriptLabel::None},
  };
  for (const Case& c : cases) {
    INFO(c.paragraph);
    const std::string text = c.paragraph;
    const ArticleStats s = compute_stats(text, text, {});
    REQUIRE(s.paragraphs == 1);
    CHECK(s.language.paragraphs[static_cast<std::size_t>(c.label)] == 1);
  }
}
