// count_cjk_words_icu hands a run to ICU as UTF-16 (ICU's dictionary engine reads UTF-16 in place
// but copies UTF-8 with an offset map per range). The words must be the ones ICU finds in the
// UTF-8 text itself: checked on every run of CJK characters in data/ and tests/fixtures/ and on
// runs mixing scripts and planes.
#include <catch2/catch.hpp>

#include <memory>

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include "../../src/stats_internal.hpp"
#include "corpus_scan/text.hpp"
#include "test_util.hpp"

namespace corpus_scan::stats_detail {
namespace {

// The definition: ICU's word segments of the run read as UTF-8.
std::size_t words_from_utf8(std::string_view run) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  REQUIRE(U_SUCCESS(status));
  UText ut = UTEXT_INITIALIZER;
  utext_openUTF8(&ut, run.data(), static_cast<int64_t>(run.size()), &status);
  it->setText(&ut, status);
  REQUIRE(U_SUCCESS(status));
  std::size_t n = 0;
  it->first();
  while (it->next() != icu::BreakIterator::DONE) ++n;
  utext_close(&ut);
  return n;
}

// Maximal runs of two or more characters of class kCjkToken: what the text pass hands to ICU.
std::vector<std::string> cjk_runs(std::string_view text) {
  const std::uint16_t* bmp = bmp_char_classes();
  std::vector<std::string> runs;
  std::size_t begin = 0, chars = 0;
  for (std::size_t i = 0; i <= text.size();) {
    const bool cjk = i < text.size() && (char_class(bmp, decode_utf8(text, i).cp) & kCjkToken);
    if (cjk) {
      if (chars++ == 0) begin = i;
      i += decode_utf8(text, i).length;
      continue;
    }
    if (chars >= 2) runs.emplace_back(text.substr(begin, i - begin));
    chars = 0;
    i += i < text.size() ? decode_utf8(text, i).length : 1;
  }
  return runs;
}

TEST_CASE("CJK words counted from UTF-16 are ICU's words of the UTF-8 run", "[stats][cjk]") {
  std::size_t runs = 0;
  for (const std::string& text : test::repository_texts())
    for (const std::string& run : cjk_runs(text)) {
      INFO(run);
      CHECK(count_cjk_words_icu(run) == words_from_utf8(run));
      ++runs;
    }
  CHECK(runs > 100);  // 160 runs of two or more CJK characters: the loop really ran

  const char* edge[] = {
      "中国",                          // two characters
      "记者从国家统计局获悉",          // a clause
      "ひらがなとカタカナの日本語",    // kana and Han
      "한국어문장입니다",              // Hangul (rules, not the dictionary)
      "中文한국어日本語かな",          // scripts meeting inside one run
      "\xF0\xA0\x80\x80\xF0\xA0\x80\x81中国",  // supplementary-plane Han: two UTF-16 units each
      "哈哈哈哈哈哈哈哈哈哈哈哈",
  };
  for (const char* run : edge) {
    INFO(run);
    CHECK(count_cjk_words_icu(run) == words_from_utf8(run));
  }
}

}  // namespace
}  // namespace corpus_scan::stats_detail
