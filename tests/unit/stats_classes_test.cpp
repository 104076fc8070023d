// What the text pass's ASCII fast path assumes about the class table (src/stats.cpp,
// scan_ascii_word_run): an ASCII letter or digit is never a space, punctuation, Han, a CJK token,
// blank-ish or a symbol mark; lowercasing an uppercase one is adding 32; letters are Latin
// letters, and the Sentence_Break classes are Lower, Upper and Numeric.
#include <catch2/catch.hpp>

#include <unicode/uchar.h>

#include "corpus_scan/text.hpp"
#include "../../src/stats_internal.hpp"

using namespace corpus_scan::stats_detail;

TEST_CASE("ASCII word characters carry only the classes the fast path counts", "[stats][classes]") {
  const std::uint16_t* bmp = bmp_char_classes();
  int word_chars = 0;
  for (char32_t c = 0; c < 0x80; ++c) {
    const std::uint16_t cls = bmp[c];
    INFO("code point " << static_cast<int>(c));
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    CHECK(((cls & kWordChar) != 0) == alnum);
    if (!(cls & kWordChar)) continue;
    ++word_chars;
    CHECK((cls & (kSpace | kPunct | kHan | kCjkToken | kBlankish | kSymbolMark)) == 0);
    CHECK(((cls & kUpper) != 0) == (c >= 'A' && c <= 'Z'));
    if (cls & kUpper) CHECK((bmp[c + 32] & kUpper) == 0);
    const bool digit = c >= '0' && c <= '9';
    CHECK(((cls & kDigit) != 0) == digit);
    CHECK(((cls & kLetter) != 0) == !digit);
    CHECK(((cls & kLatin) != 0) == !digit);
    const SentenceBreak sb = sentence_break(cls);
    CHECK(sb == (digit ? kSbNumeric : (cls & kUpper) ? kSbUpper : kSbLower));
  }
  CHECK(word_chars == 62);
}

TEST_CASE("the lazily filled class table gives ICU's class for every BMP code point", "[stats][classes]") {
  const std::uint16_t* bmp = bmp_char_classes();
  for (char32_t c = 0; c < 0x100; ++c) CHECK(bmp[c] == compute_char_class(c));  // filled up front
  std::size_t mismatches = 0;
  // Look up from the top down, so blocks are filled by a code point in their middle or end.
  for (char32_t c = 0x10000; c-- > 0;) mismatches += char_class(bmp, c) != compute_char_class(c);
  CHECK(mismatches == 0);
  for (char32_t c = 0; c < 0x10000; ++c) mismatches += bmp[c] != compute_char_class(c);  // all filled now
  CHECK(mismatches == 0);
  CHECK(char_class(bmp, 0x20000) == compute_char_class(0x20000));  // beyond the BMP: computed
}

TEST_CASE("a space is blank white space, Sp for sentences, and nothing else the text pass asks", "[stats][classes]") {
  // The text pass handles ' ' on a path of its own that relies on exactly this.
  const std::uint16_t cls = bmp_char_classes()[' '];
  CHECK((cls & kSpace) != 0);
  CHECK((cls & kBlankish) != 0);
  CHECK(sentence_break(cls) == kSbSp);
  CHECK((cls & (kWordChar | kCjkToken | kDigit | kSymbolMark | kUpper | kPunct | kHan | kLatin | kLetter)) == 0);
}

TEST_CASE("a comma is punctuation, SContinue for sentences, and nothing else the text pass asks", "[stats][classes]") {
  // scan_ascii_words reads ", " after a word on a path of its own that relies on exactly this:
  // punctuation, not blank, not a space, a class the sentence scanner does not mark.
  const std::uint16_t cls = bmp_char_classes()[','];
  CHECK((cls & kPunct) != 0);
  CHECK(sentence_break(cls) == kSbSContinue);
  CHECK(((SentenceMarks::kMarked >> sentence_break(cls)) & 1) == 0);
  CHECK((cls & (kSpace | kBlankish | kWordChar | kCjkToken | kDigit | kSymbolMark | kUpper | kHan | kLatin | kLetter)) == 0);
}

TEST_CASE("blank-ish code points are white space or format characters, as the class fill assumes", "[stats][classes]") {
  // class_of (src/stats_text.cpp) asks is_horizontal_space only of White_Space code points and
  // is_invisible only of format characters (Cf); the table test above cannot see that shortcut,
  // since both of its sides take it.
  int horizontal = 0, invisible = 0;
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    if (corpus_scan::is_horizontal_space(c)) {
      ++horizontal;
      INFO("horizontal space U+" << std::hex << static_cast<std::uint32_t>(c));
      CHECK(u_isUWhiteSpace(static_cast<UChar32>(c)));
    }
    if (corpus_scan::is_invisible(c)) {
      ++invisible;
      INFO("invisible U+" << std::hex << static_cast<std::uint32_t>(c));
      CHECK(u_charType(static_cast<UChar32>(c)) == U_FORMAT_CHAR);
    }
  }
  CHECK(horizontal >= 18);  // space, tab, NBSP, U+1680, U+2000-200A, U+202F, U+205F, U+3000
  CHECK(invisible >= 13);   // U+00AD, U+180E, U+200B-200F, U+2060-2064, U+FEFF
}
