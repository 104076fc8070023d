// Character classes, sentence counting and Chinese word segmentation for the statistics.
//
// ICU is the reference for sentences and Chinese words, but a break iterator costs far more than
// a table lookup, so sentences are counted by a scanner that applies the same Unicode rules to a
// table of Sentence_Break classes; ICU runs only on lines holding classes the scanner leaves to
// it, and on runs of CJK characters, where its dictionary is the point.
#include <algorithm>
#include <array>
#include <memory>
#include <mutex>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

#include "corpus_scan/text.hpp"
#include "stats_internal.hpp"

namespace corpus_scan::stats_detail {

namespace {

// The ICU properties a code point's class is made of.
struct IcuProperties {
  bool alphabetic, uppercase, white_space;
  std::int8_t type;     // general category (UCharCategory)
  UScriptCode script;   // only read for alphabetic code points
  std::uint8_t sentence_break;
};

// A code point's class from its ICU properties and the text.hpp predicates (which are not ICU's).
inline __attribute__((always_inline)) std::uint16_t class_of(char32_t cp, const IcuProperties& p) {
  std::uint16_t cls = 0;
  const bool han = is_cjk_ideograph(cp);
  const bool cjk = han || (p.alphabetic && (p.script == USCRIPT_HIRAGANA || p.script == USCRIPT_KATAKANA ||
                                            p.script == USCRIPT_HANGUL || p.script == USCRIPT_BOPOMOFO));
  if (p.alphabetic) cls |= kLetter;
  if (han) cls |= kHan;
  if (cjk) cls |= kCjkToken;
  const bool mark = p.type == U_NON_SPACING_MARK || p.type == U_COMBINING_SPACING_MARK;
  if (!cjk && (p.alphabetic || p.type == U_DECIMAL_DIGIT_NUMBER || mark)) cls |= kWordChar;
  if (p.uppercase) cls |= kUpper;
  if (p.type == U_DECIMAL_DIGIT_NUMBER) cls |= kDigit;
  if (U_MASK(p.type) & U_GC_P_MASK) cls |= kPunct;  // U_GET_GC_MASK(c), without asking u_charType again
  if (p.white_space) cls |= kSpace;
  if (p.alphabetic && p.script == USCRIPT_LATIN) cls |= kLatin;
  // Every horizontal space is White_Space and every invisible character a format character (Cf)
  // (tests/unit/stats_classes_test.cpp checks both over all of Unicode), so most code points skip
  // the two scans of lists.
  if ((p.white_space && is_horizontal_space(cp)) || (p.type == U_FORMAT_CHAR && is_invisible(cp))) cls |= kBlankish;
  if (cp == '.' || cp == '#' || cp == 0x2026) cls |= kSymbolMark;
  cls |= static_cast<std::uint16_t>(p.sentence_break << kSbShift);
  return cls;
}

}  // namespace

std::uint16_t compute_char_class(char32_t cp) {
  const auto c = static_cast<UChar32>(cp);
  IcuProperties p;
  p.alphabetic = u_hasBinaryProperty(c, UCHAR_ALPHABETIC);
  p.uppercase = u_hasBinaryProperty(c, UCHAR_UPPERCASE);
  p.white_space = u_isUWhiteSpace(c);
  p.type = u_charType(c);
  // The script only matters for letters (class_of reads it only when alphabetic).
  UErrorCode status = U_ZERO_ERROR;
  p.script = p.alphabetic ? uscript_getScript(c, &status) : USCRIPT_COMMON;
  p.sentence_break = static_cast<std::uint8_t>(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
  return class_of(cp, p);
}

namespace {

constexpr char32_t kBlock = 256;

// Computes the classes of the block from `first` into t. The same properties compute_char_class
// asks for, by ICU's direct calls (u_hasBinaryProperty dispatches on the property first), and
// only where they can hold: no script for a Han ideograph (it makes a CJK token whatever its
// script, and none is Latin), no binary property outside its general categories. ~200
// instructions a code point instead of ~400. The class test compares the whole filled table with
// compute_char_class.
void fill_block(std::uint16_t* t, char32_t first) {
  for (char32_t c = first; c < first + kBlock; ++c) {
    const auto u = static_cast<UChar32>(c);
    IcuProperties p;
    p.type = u_charType(u);
    // Each binary property is asked only of the general categories that hold it in Unicode 15
    // (Alphabetic: letters, Mn, Mc, Nl, So; Uppercase: Lu, Nl, So; White_Space: Zs, Zl, Zp, Cc).
    // Should a later ICU widen one, the class test fails: it compares the table with
    // compute_char_class, which asks ICU of every code point.
    const std::uint32_t gc = U_MASK(p.type);
    p.alphabetic = (gc & (U_GC_L_MASK | U_GC_MN_MASK | U_GC_MC_MASK | U_GC_NL_MASK | U_GC_SO_MASK)) && u_isUAlphabetic(u);
    p.uppercase = (gc & (U_GC_LU_MASK | U_GC_NL_MASK | U_GC_SO_MASK)) && u_isUUppercase(u);
    p.white_space = (gc & (U_GC_ZS_MASK | U_GC_ZL_MASK | U_GC_ZP_MASK | U_GC_CC_MASK)) && u_isUWhiteSpace(u);
    UErrorCode status = U_ZERO_ERROR;
    p.script = p.alphabetic && !is_cjk_ideograph(c) ? uscript_getScript(u, &status) : USCRIPT_COMMON;
    p.sentence_break = static_cast<std::uint8_t>(u_getIntPropertyValue(u, UCHAR_SENTENCE_BREAK));
    __atomic_store_n(&t[c], class_of(c, p), __ATOMIC_RELAXED);
  }
}

std::uint16_t* class_table() {
  static const std::unique_ptr<std::uint16_t[]> table = [] {
    auto t = std::make_unique<std::uint16_t[]>(0x10000);
    std::fill_n(t.get(), 0x10000, kClassUnknown);
    fill_block(t.get(), 0);
    return t;
  }();
  return table.get();
}

}  // namespace

const std::uint16_t* bmp_char_classes() { return class_table(); }

std::uint16_t fill_char_class_block(char32_t cp) {
  std::uint16_t* t = class_table();
  fill_block(t, cp & ~(kBlock - 1));
  return __atomic_load_n(&t[cp], __ATOMIC_RELAXED);
}

namespace {

constexpr bool is_term(std::uint8_t c) { return c == kSbATerm || c == kSbSTerm; }

}  // namespace

int count_sentences_marked(const std::uint8_t* c, std::size_t n, const SentenceMarks& marks) {
  // Only the marked positions can start a rule below; the positions a break skips (Close and Sp
  // after a terminator) are never marked, so walking the marks in order visits what a walk over
  // every character would act on. Classes the rules do not cover (SB5: Extend/Format attach to
  // what precedes; paragraph separators inside a line) hand the line to ICU.
  if (!marks.any_not_space) return 0;
  int sentences = 0;
  for (std::size_t m = 0; m < marks.count; ++m) {
    const std::size_t i = marks.at[m];
    const std::uint8_t k = c[i];
    if (!is_term(k)) return -1;
    const bool aterm = k == kSbATerm;
    std::size_t j = i + 1;
    if (aterm && j < n) {
      if (c[j] == kSbNumeric) continue;  // SB6: "3.5"
      if (i > 0 && (c[i - 1] == kSbUpper || c[i - 1] == kSbLower) && c[j] == kSbUpper) continue;  // SB7: "U.S"
    }
    while (j < n && c[j] == kSbClose) ++j;  // SB9
    while (j < n && c[j] == kSbSp) ++j;     // SB10
    if (j == n) break;                      // the line ends the sentence; only Close and Sp follow
    if (aterm) {                            // SB8: "e.g. the", "etc. 3 more"
      std::size_t m = j;
      while (m < n && c[m] != kSbOLetter && c[m] != kSbUpper && c[m] != kSbLower && !is_term(c[m])) ++m;
      if (m < n && c[m] == kSbLower) continue;
    }
    if (c[j] == kSbSContinue || is_term(c[j])) continue;  // SB8a: "?!", "etc.,"
    ++sentences;  // SB11: a break before j; what was skipped (Close, Sp) needs no check
  }
  return sentences + 1;
}

int count_sentences_scanned(const std::uint8_t* c, std::size_t n) {
  SentenceMarks marks;
  marks.start_line(n);
  for (std::size_t i = 0; i < n; ++i) marks.note(c[i], i);
  return count_sentences_marked(c, n, marks);
}

namespace {

// One break iterator of each kind per thread: cloning the prototype is cheap, building it is not.
icu::BreakIterator* thread_iterator(bool words) {
  struct Iterators {
    std::unique_ptr<icu::BreakIterator> sentence, word;
  };
  thread_local Iterators its;
  std::unique_ptr<icu::BreakIterator>& it = words ? its.word : its.sentence;
  if (!it) {
    UErrorCode status = U_ZERO_ERROR;
    it.reset(words ? icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status)
                   : icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) it.reset();
  }
  return it.get();
}

// Runs `it` over the text `ut` was opened on (`status`: how opening it went), calls
// `visit(begin, end)` for each segment, in the text's units, and closes `ut`. Returns false when
// ICU failed, so callers can fall back.
template <class Visit>
bool for_each_segment(icu::BreakIterator* it, UText& ut, UErrorCode& status, Visit visit) {
  if (U_SUCCESS(status)) it->setText(&ut, status);
  if (U_FAILURE(status)) {
    utext_close(&ut);
    return false;
  }
  std::int32_t begin = it->first();
  for (std::int32_t end = it->next(); end != icu::BreakIterator::DONE; begin = end, end = it->next())
    visit(static_cast<std::size_t>(begin), static_cast<std::size_t>(end));
  utext_close(&ut);
  return true;
}

}  // namespace

std::size_t count_sentences_icu(std::string_view line) {
  std::size_t n = 0;
  icu::BreakIterator* it = thread_iterator(false);
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  // With a UTF-8 UText the iterator's indices are byte offsets into `line`.
  if (it) utext_openUTF8(&ut, line.data(), static_cast<int64_t>(line.size()), &status);
  const bool ok = it && for_each_segment(it, ut, status, [&](std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e;) {
      const DecodedChar d = decode_utf8(line, i);
      if (!u_isUWhiteSpace(static_cast<UChar32>(d.cp))) {
        ++n;
        return;
      }
      i += d.length;
    }
  });
  return ok ? n : (is_blank(line) ? 0 : 1);
}

std::size_t count_cjk_words_icu(std::string_view run) {
  // The run goes to ICU as UTF-16, not through a UTF-8 UText: ICU's dictionary engine reads a
  // UTF-16 chunk in place, but copies UTF-8 text into a UnicodeString with a map of offsets for
  // every range it segments, and its rules walk UTF-16 natively. The words are the same; only the
  // count is used, so the change of offsets does not matter.
  icu::BreakIterator* it = thread_iterator(true);
  if (!it) return 1;
  thread_local std::vector<UChar> utf16;
  if (utf16.size() < run.size()) utf16.resize(run.size());  // never more UTF-16 units than bytes
  UErrorCode status = U_ZERO_ERROR;
  std::int32_t units = 0;
  u_strFromUTF8(utf16.data(), static_cast<std::int32_t>(utf16.size()), &units, run.data(),
                static_cast<std::int32_t>(run.size()), &status);
  UText ut = UTEXT_INITIALIZER;
  utext_openUChars(&ut, utf16.data(), units, &status);
  std::size_t n = 0;
  const bool ok = for_each_segment(it, ut, status, [&n](std::size_t, std::size_t) { ++n; });
  return ok ? n : 1;
}

}  // namespace corpus_scan::stats_detail
