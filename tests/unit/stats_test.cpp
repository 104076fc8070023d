#include <catch2/catch.hpp>

#include "corpus_scan/stats.hpp"

using namespace corpus_scan;

TEST_CASE("counts of a small mixed text, computed by hand", "[stats]") {
  // "Xi'an 2023 通过": English words Xi'an, 2023; Chinese words: ICU reads 通过 as one word.
  const std::string text = "Xi'an 2023 通过";
  const ArticleStats s = compute_stats(text, text, {});
  CHECK(s.bytes == text.size());
  CHECK(s.chars == 13);
  CHECK(s.english_words == 2);
  CHECK(s.chinese_words == 1);
  CHECK(s.words == 3);
  CHECK(s.latin_letters == 4);
  CHECK(s.digits == 4);
  CHECK(s.cjk_chars == 2);
  CHECK(s.lines == 1);
}
