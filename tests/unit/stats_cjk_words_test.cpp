// Chinese words are ICU's word segments of a CJK run read as UTF-8. Two ways of counting them must
// give exactly those: count_cjk_words_icu hands the run to ICU's break iterator as UTF-16 (ICU's
// dictionary engine reads UTF-16 in place but copies UTF-8 with an offset map per range), and
// count_cjk_words walks ICU's dictionary itself for runs of common Han ideographs. Checked on every
// run of CJK characters in data/ and tests/fixtures/, on runs mixing scripts and planes, and on
// random runs: of characters from data/'s Chinese (dictionary words, ties between segmentations),
// and of any characters of the two handled blocks (mostly words the dictionary does not hold).
#include <catch2/catch.hpp>

#include <memory>
#include <set>

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
      const std::size_t expected = words_from_utf8(run);
      CHECK(count_cjk_words_icu(run) == expected);
      CHECK(count_cjk_words(run) == expected);
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
    CHECK(count_cjk_words(run) == words_from_utf8(run));
  }
}

// The dictionary path must be the one taken for data/'s Chinese (else the checks above would only
// test the fallback), and must decline what it does not handle.
TEST_CASE("The dictionary path takes runs of common Han ideographs and nothing else", "[stats][cjk]") {
  std::size_t taken = 0, runs = 0;
  for (const std::string& text : test::repository_texts())
    for (const std::string& run : cjk_runs(text)) {
      ++runs;
      taken += count_cjk_words_from_dictionary(run) >= 0;
    }
  CHECK(taken * 10 >= runs * 9);  // data/'s Chinese is nearly all in the two blocks

  const char* handled[] = {
      "中国",
      "\xE3\x90\x80\xE4\xB6\xBF",  // U+3400 U+4DBF: the ends of Extension A
      "\xE4\xB8\x80\xE9\xBF\xBF",  // U+4E00 U+9FFF: the ends of the main block
      // Dictionary words whose first character is no word on its own: the one-character word at
      // the unknown cost must still be offered beside them, at exactly that cost (found by
      // walking the dictionary for words whose count changes when either is altered).
      "倹約", "亜潅木", "人形浄瑠璃", "爼島",
  };
  for (const char* run : handled) {
    INFO(run);
    CHECK(count_cjk_words_from_dictionary(run) == static_cast<std::ptrdiff_t>(words_from_utf8(run)));
  }
  const char* declined[] = {
      "日本語かな",                                // kana: ICU's katakana and Hangul rules apply
      "한국어",                                    // Hangul
      "中国\xEF\xA4\x80",                          // U+F900, a compatibility ideograph: NFKC changes it
      "中国\xF0\xA0\x80\x80",                      // U+20000, Extension B
      "中国\xE3\x80\x85",                          // U+3005, a Han iteration mark outside the blocks
      // The neighbours of the two blocks: U+33FF, U+4DC0 and U+4DFF (hexagram symbols, between
      // the blocks), U+A000 (Yi).
      "中国\xE3\x8F\xBF", "中国\xE4\xB7\x80", "中国\xE4\xB7\xBF", "中国\xEA\x80\x80",
  };
  for (const char* run : declined) {
    INFO(run);
    CHECK(count_cjk_words_from_dictionary(run) == -1);
    CHECK(count_cjk_words(run) == words_from_utf8(run));
  }
  // The path reads three-byte sequences without the general decoder: whatever is not one (the
  // text pass never hands such runs over, but the function takes any bytes) is declined too.
  const char* not_three_byte[] = {
      "中\xC3\xA9",         // a two-byte character: 5 bytes
      "中\xC3\xA9" "a",     // two-byte and one-byte characters filling 6 bytes
      "中\xE4\xB8\x41",     // a sequence cut short by an ASCII byte
      "\xB8\xAD\xE4中",     // continuation bytes first
  };
  for (const char* run : not_three_byte) {
    INFO(run);
    CHECK(count_cjk_words_from_dictionary(run) == -1);
  }
}

std::string utf8_of(char32_t cp) {
  std::string s;
  append_utf8(s, cp);
  return s;
}

TEST_CASE("Random runs of Han ideographs get ICU's word count", "[stats][cjk]") {
  // Characters from data/'s Chinese, so that runs hold dictionary words and competing
  // segmentations, and their real order (slices of the real runs, spliced), so that long words
  // are met. (The 20-character lookup limit is not: cjdict's longest word has 16.)
  std::vector<std::string> real_runs;
  std::set<char32_t> seen;
  for (const std::string& text : test::repository_texts())
    for (const std::string& run : cjk_runs(text))
      if (count_cjk_words_from_dictionary(run) >= 0) {
        real_runs.push_back(run);
        for (std::size_t i = 0; i < run.size();) {
          const DecodedChar d = decode_utf8(run, i);
          seen.insert(d.cp);
          i += d.length;
        }
      }
  REQUIRE(seen.size() > 300);
  const std::vector<char32_t> common(seen.begin(), seen.end());

  std::uint64_t state = 0x2545F4914F6CDD1DULL;
  auto next = [&state](std::uint64_t bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % bound;
  };
  auto any_handled = [&next]() -> char32_t {
    const std::uint64_t k = next(0x4DC0 - 0x3400 + 0xA000 - 0x4E00);
    return static_cast<char32_t>(k < 0x4DC0 - 0x3400 ? 0x3400 + k : 0x4E00 + k - (0x4DC0 - 0x3400));
  };
  for (int round = 0; round < 6000; ++round) {
    std::string run;
    const std::size_t chars = 2 + next(round % 10 == 0 ? 120 : 24);
    for (std::size_t k = 0; k < chars;) {
      switch (round % 3) {
        case 0:  // common characters in random order
          run += utf8_of(common[next(common.size())]);
          ++k;
          break;
        case 1: {  // a slice of a real run (whole characters: each is three bytes)
          const std::string& r = real_runs[next(real_runs.size())];
          const std::size_t from = 3 * next(r.size() / 3), take = std::min<std::size_t>(chars - k, 1 + next(30));
          const std::string piece = r.substr(from, 3 * take);
          run += piece;
          k += std::max<std::size_t>(1, piece.size() / 3);
          break;
        }
        default:  // any character of the two blocks, now and then a common one
          run += utf8_of(next(4) == 0 ? common[next(common.size())] : any_handled());
          ++k;
      }
    }
    INFO(run);
    REQUIRE(count_cjk_words_from_dictionary(run) == static_cast<std::ptrdiff_t>(words_from_utf8(run)));
  }
}

}  // namespace
}  // namespace corpus_scan::stats_detail
