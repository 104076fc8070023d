// The normalizer's fast paths against their byte-at-a-time definitions: each fast path must give
// the same answer as the simple code it replaced, on every line of data/, the fixtures and the
// normalizer fuzz corpus (raw and normalized), on adversarial strings, and on random byte soup.
#include <catch2/catch.hpp>

#include <cctype>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <unicode/normalizer2.h>

#include "corpus_scan/normalizer.hpp"
#include "corpus_scan/text.hpp"
#include "normalizer/passes.hpp"
#include "normalizer/screen.hpp"
#include "normalizer/script.hpp"
#include "normalizer/tables.hpp"
#include "normalizer/word_sites.hpp"
#include "test_util.hpp"

using namespace corpus_scan;
using namespace corpus_scan::test;

namespace {

// ---- The definitions: simple byte- or token-at-a-time code (for split-domain, the code before
// its fast path) that each fast path must agree with. ----

// The characters the loop gate reads, by their first three bytes (see kOtherLead): U+0080-00BF,
// U+2000-207F, U+3000-303F but U+3007, U+FF00-FF7F, and U+4000-9FFF but U+4DC0-4DFF.
bool gate_reads_char(unsigned c, unsigned c1, unsigned c2) {
  const bool cont1 = c1 >= 0x80 && c1 <= 0xBF, cont2 = c2 >= 0x80 && c2 <= 0xBF;
  if (c >= 0xE4 && c <= 0xE9) return cont1 && cont2 && !(c == 0xE4 && c1 == 0xB7);
  return c == 0xC2 || (c == 0xE2 && (c1 == 0x80 || c1 == 0x81)) || (c == 0xE3 && c1 == 0x80 && c2 != 0x87) ||
         (c == 0xEF && (c1 == 0xBC || c1 == 0xBD));
}

// The characters the screen vouches NFC-inert, by their first three bytes (see kNfcSuspect):
// U+0080-02FF, U+2002-207F, U+3000-3029, U+3030-303F, U+FF00-FF7F, U+FFFD and U+4000-9FFF.
bool nfc_vouched_char(unsigned c, unsigned c1, unsigned c2) {
  const bool cont1 = c1 >= 0x80 && c1 <= 0xBF, cont2 = c2 >= 0x80 && c2 <= 0xBF;
  if (c >= 0xE4 && c <= 0xE9) return cont1 && cont2;
  return (c >= 0xC2 && c <= 0xCB) || (c == 0xE2 && c1 == 0x80 && c2 >= 0x82) || (c == 0xE2 && c1 == 0x81) ||
         (c == 0xE3 && c1 == 0x80 && (c2 < 0xAA || c2 > 0xAF)) || (c == 0xEF && (c1 == 0xBC || c1 == 0xBD)) ||
         (c == 0xEF && c1 == 0xBF && c2 == 0xBD);
}

// The line screen one byte at a time: each ASCII trigger is a byte pair, each non-ASCII one a
// byte sequence (see screen.hpp).
std::uint32_t reference_screen(std::string_view text) {
  using namespace corpus_scan::normalizer;
  if (text.empty()) return 0;
  const auto at = [&](std::size_t k) -> unsigned { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u; };
  const auto one_of = [](unsigned c, std::string_view set) { return c != 0 && set.find(static_cast<char>(c)) != std::string_view::npos; };
  std::uint32_t s = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned p = i > 0 ? at(i - 1) : 0, c = at(i), c1 = at(i + 1), c2 = at(i + 2);
    const auto upper = [](unsigned x) { return x >= 'A' && x <= 'Z'; };
    const auto lower = [](unsigned x) { return x >= 'a' && x <= 'z'; };
    if (c >= 0x80) s |= kNonAscii;
    if (c < 0x20 || c == 0x7F) s |= kControl;
    if (c == 0xEF) s |= kReplacementLead;
    if (p == ' ' && c == ' ') s |= kDoubleSpace;
    if (p == '.' && c == ' ') s |= kDotSpace;
    if (p == ' ' && c == '.') s |= kSpaceDot;
    if (one_of(c, "'`") && (p == ' ' || c1 == ' ')) s |= kSpacedQuote;
    if (c == 0xE2 && c1 == 0x80 && one_of(c2, "\x98\x99\xB2") && (p == ' ' || at(i + 3) == ' ')) s |= kSpacedQuote;
    const std::string suffix{static_cast<char>(c1), static_cast<char>(c2)};  // an ordinal's, no letter after it
    const bool ordinal = (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") && !std::isalpha(at(i + 3));
    if (p >= '0' && p <= '9' && ((c == ' ' && (one_of(c1, " :") || ordinal)) || (c == ':' && c1 == ' '))) s |= kDigitGap;
    if (one_of(p, ".,;:!?") && upper(c)) s |= kPunctUpper;
    if (upper(p) && lower(c)) s |= kUpperLower;
    if ((lower(p) || p == ')') && upper(c)) s |= kBeforeUpper;
    if (p == '?' && c == '?') s |= kDoubleQuestion;
    if ((c == 0xC2 && (c1 == 0xA0 || c1 == 0xAD)) || (c == 0xE1 && (c1 == 0x9A || c1 == 0xA0)) ||
        (c == 0xE2 && c1 == 0x80 && ((c2 >= 0x80 && c2 <= 0x8F) || c2 == 0xAF)) ||
        (c == 0xE2 && c1 == 0x81 && c2 >= 0x9F && c2 <= 0xA4) || (c == 0xE3 && c1 == 0x80 && c2 == 0x80) ||
        (c == 0xEF && c1 == 0xBB))
      s |= kOddSpace;
    if ((c == 0xE3 && c1 == 0x80) || (c == 0xE2 && c1 == 0x80 && (c2 == 0x9C || c2 == 0x9D)) ||
        (c == 0xEF && (c1 == 0xBC || c1 == 0xBD)))
      s |= kCjkPunctMark;
    if (c == 0xE2 && c1 == 0x80 && c2 == 0xA6) s |= kEllipsisMark;
    if (c == 0xE2 && c1 == 0x80 && c2 == 0x94) s |= kDashMark;
    if (c >= 0xC0 && !gate_reads_char(c, c1, c2)) s |= kOtherLead;
    if (c >= 0xC0 && !nfc_vouched_char(c, c1, c2)) s |= kNfcSuspect;
    const unsigned pp = i > 1 ? at(i - 2) : 0;
    if ((pp == '.' && p == ' ' && lower(c)) || (pp == 'w' && p == '.' && c == ' ')) s |= kDomainGap;
  }
  if (text.front() == ' ' || text.back() == ' ') s |= kEdgeSpace;
  if (valid_utf8_prefix(text) != text.size()) s |= kBadUtf8;
  return s;
}

// split-domain before it visited only the ". " that can be joined: every ". " found by find().
void reference_split_domain(std::string_view text, std::vector<normalizer::Pending>& out) {
  using namespace corpus_scan::normalizer;
  const auto letters_end = [&](std::size_t pos) {
    while (pos < text.size() && is_ascii_alpha(text[pos])) ++pos;
    return pos;
  };
  const auto is_identifier_byte = [](char c) { return is_ascii_alnum(c) || c == '_'; };
  std::size_t pos = 0;
  while ((pos = text.find(". ", pos)) != std::string_view::npos) {
    const std::size_t label_begin = pos + 2;
    const std::size_t label_end = letters_end(label_begin);
    const std::string_view label = text.substr(label_begin, label_end - label_begin);
    const bool boundary = label_end == text.size() || !is_identifier_byte(text[label_end]);
    const bool word_follows = label_end < text.size() && text[label_end] == ' ';
    if (word_follows && tables::contains(tables::kWordLikeDomainSuffixes, label)) {
      pos += 2;
      continue;
    }
    const bool after_name = pos > 0 && is_ascii_alnum(text[pos - 1]);
    const bool www = pos >= 3 && text.compare(pos - 3, 3, "www") == 0 && (pos == 3 || !is_ascii_alpha(text[pos - 4]));
    if (after_name && ((boundary && tables::contains(tables::kDomainSuffixes, label)) || (www && !label.empty())))
      out.push_back({pos + 1, pos + 2, "", EditKind::SplitDomain});
    pos += 2;
  }
}

// The sites missing-space and glued-words look at (word_sites.hpp), one byte at a time as their
// loops did before the masks.
std::vector<std::size_t> reference_marks_before_capitals(std::string_view text) {
  std::vector<std::size_t> sites;
  for (std::size_t i = 1; i + 1 < text.size(); ++i)
    if (normalizer::is_ascii_upper(text[i + 1]) && std::string_view(".,;:!?").find(text[i]) != std::string_view::npos)
      sites.push_back(i);
  return sites;
}
std::vector<std::size_t> reference_inner_capitals(std::string_view text) {
  using normalizer::is_ascii_lower;
  std::vector<std::size_t> sites;
  for (std::size_t i = 1; i + 1 < text.size(); ++i)
    if (normalizer::is_ascii_upper(text[i]) && is_ascii_lower(text[i + 1]) && (is_ascii_lower(text[i - 1]) || text[i - 1] == ')'))
      sites.push_back(i);
  return sites;
}

// The repetition-loop gate (loop_gate.hpp) one token at a time: "maybe" at any lead byte of a
// character it cannot read (gate_reads_char); else tokens are the runs of ASCII letters and
// digits, each signed by its case-folded first byte plus 32 times its length (mod 256), and the
// Han letters (lead byte E4-E9), each signed as if its middle byte were a one-byte token; some
// m <= 8 must see 3m tokens in a row whose signature equals the one m back.
bool reference_may_loop(std::string_view text) {
  const auto at = [&](std::size_t k) -> unsigned { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u; };
  for (std::size_t i = 0; i < text.size(); ++i)
    if (at(i) >= 0xC0 && !gate_reads_char(at(i), at(i + 1), at(i + 2))) return true;
  const auto sign = [](unsigned first, std::size_t length) { return ((first | 0x20u) + 32u * static_cast<unsigned>(length)) & 0xFFu; };
  std::vector<unsigned> sigs;
  for (std::size_t i = 0; i < text.size();) {
    if (at(i) >= 0xE4 && at(i) <= 0xE9) {
      sigs.push_back(sign(at(i + 1), 1));
      i += 3;
      continue;
    }
    if (!normalizer::is_ascii_alnum(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && normalizer::is_ascii_alnum(text[j])) ++j;
    sigs.push_back(sign(at(i), j - i));
    i = j;
  }
  for (std::size_t m = 1; m <= 8; ++m) {
    std::size_t run = 0;
    for (std::size_t k = m; k < sigs.size(); ++k) {
      run = sigs[k] == sigs[k - m] ? run + 1 : 0;
      if (run >= 3 * m) return true;
    }
  }
  return false;
}

// ---- The lines they are compared on. ----

void add_with_normalized(std::vector<std::string>& lines, std::string_view line) {
  static const Normalizer normalizer;
  lines.emplace_back(line);
  std::string out;
  normalizer.normalize_line(line, 0, out, nullptr);
  lines.push_back(std::move(out));
}

// Adversarial strings: blocks of 64 bytes cut through words and multi-byte characters at every
// offset, loops of every phrase length, invalid UTF-8, words longer than 8 and 64 bytes.
std::vector<std::string> adversarial_lines() {
  std::vector<std::string> lines = {
      "",
      "a",
      "the the the the",
      "the the the",
      "The THE the tHe",
      "a b a b a b a b",
      "a b c a b c a b c a b c",
      "one, two; one, two; one, two; one, two.",
      "\xE5\x93\x88\xE5\x93\x88\xE5\x93\x88\xE5\x93\x88",
      "\xE2\x80\x99 \xE2\x80\x99 \xE2\x80\x99 \xE2\x80\x99",
      "\x80\x80 \x80\x80 \x80\x80 \x80\x80",
      "ab\x80 ab\x80 ab\x80 ab\x80",
      "\xC3\xA9t\xC3\xA9 \xC3\xA9t\xC3\xA9 \xC3\xA9t\xC3\xA9 \xC3\xA9t\xC3\xA9",
      "\xFF\xFE\xFF\xFE\xFF\xFE\xFF\xFE",
      "supercalifragilistic supercalifragilistic supercalifragilistic supercalifragilistic",
      "Guangming. com", "www. Xinhua", "WWW. xinhua", "wwww. news", "see www. b", "a. net profit", "a. net, b. info",
      "x. com. y. cn", ". com", "w. A", "www. ", "e.g. the", "sina. com_x", "Beijing. Cn",
  };
  for (std::size_t pad = 0; pad < 70; ++pad) {
    const std::string p(pad, 'x');
    lines.push_back(p + ". com " + p + "www. Site. org");  // ". " and "www. " across 64-byte blocks
    lines.push_back(p + " word word word word");
    lines.push_back(p + "-\xE4\xB8\xAD\xE6\x96\x87 \xE4\xB8\xAD\xE6\x96\x87 \xE4\xB8\xAD\xE6\x96\x87 \xE4\xB8\xAD\xE6\x96\x87");
    lines.push_back(p + " " + std::string(pad + 60, 'y') + " " + std::string(pad + 60, 'y') + " " +
                    std::string(pad + 60, 'y') + " " + std::string(pad + 60, 'y'));
    lines.push_back(p + "\xE2\x80");
    lines.push_back(std::string(pad, ' ') + "ends in a word");
    lines.push_back(p + ".Investment" + p + "according toPoisonous x)According,A");  // sites across blocks
  }
  // Lines of whole 64-byte blocks whose last word (completing a loop, or not) ends the line.
  for (std::size_t size : {64, 128, 192}) {
    lines.push_back(std::string(size - 20, 'x') + " word word word word");
    lines.push_back(std::string(size - 20, 'x') + " word word wore word");
    lines.push_back(std::string(size - 8, 'x') + " \xE4\xB8\xAD\xE6\x96\x87" + "z");
  }
  // Chinese loops and near misses: spaced and unspaced, Han letters between ASCII words and
  // punctuation the gate reads (、。，“” U+00B7), across block boundaries; and the characters
  // beside them it cannot read (U+3007, U+4DC0, kana, a cut-short Han letter).
  const std::string chuan = "\xE4\xBC\xA0", ru = "\xE5\x85\xA5", ha = "\xE5\x93\x88", zhong = "\xE4\xB8\xAD";
  for (std::size_t pad : {0, 1, 2, 29, 61, 62, 63, 64, 125}) {
    const std::string p(pad, 'x');
    lines.push_back(p + " " + chuan + " " + chuan + " " + chuan + " " + chuan + " " + ru + " " + ru + " " + ru + " " + ru);
    lines.push_back(p + chuan + " " + chuan + " " + chuan + " " + ru);
    std::string laugh;
    for (int r = 0; r < 9; ++r) laugh += ha;
    lines.push_back(p + laugh);
    lines.push_back(p + laugh.substr(0, 12));
    lines.push_back(p + laugh.substr(0, 24) + "ab");
    lines.push_back(p + "the" + zhong + "the" + zhong + "the" + zhong + "the" + zhong + "the");
    lines.push_back(p + zhong + "a" + zhong + "a" + zhong + "a" + zhong + "a" + zhong + "a");
    lines.push_back(p + zhong + "\xE3\x80\x81" + ru + "\xE3\x80\x82" + zhong + "\xE3\x80\x81" + ru + "\xE3\x80\x82" + zhong +
                    "\xEF\xBC\x8C" + ru + "\xE2\x80\x9C" + zhong + "\xC2\xB7" + ru + " end");
    lines.push_back(p + "Beijing " + zhong + " news, Beijing " + zhong + " news, Beijing " + zhong + " news, Beijing " + zhong + " news.");
    lines.push_back(p + "\xE3\x80\x87 \xE3\x80\x87 \xE3\x80\x87 \xE3\x80\x87");
    lines.push_back(p + "\xE4\xB7\x80 \xE4\xB7\x80 \xE4\xB7\x80 \xE4\xB7\x80 a");
    lines.push_back(p + "\xE3\x81\x82 \xE3\x81\x82 \xE3\x81\x82 \xE3\x81\x82");
    lines.push_back(p + chuan + " " + chuan + " " + chuan + " " + chuan.substr(0, 2));
    lines.push_back(p + "\xE4" + "ab ab ab ab");
  }
  // Loops the pass removes, in the shapes the pre-checks must not miss.
  for (const char* unit : {"Twinkle, ", "twinkle ", "TWINKLE \xE2\x80\x99", "the the ", "2023 ", "a1 ", "re-", "of\xE2\x80\x94",
                           "word \xE2\x80\x9C", "Supercalifragilistic!!! ", "\xE4\xB8\xAD ", "caf\xC3\xA9 ",
                           "\xE4\xBC\xA0 ", "\xE4\xB8\xAD\xE5\x9B\xBD\xEF\xBC\x8C", "\xE5\x93\x88\xE5\x93\x88",
                           "a\xE4\xB8\xAD", "\xE4\xB8\xAD\xE3\x80\x82"}) {
    std::string loop;
    for (int r = 0; r < 5; ++r) loop += r % 2 == 0 ? unit : std::string(unit) + " ";
    for (std::size_t pad : {0, 30, 61}) lines.push_back(std::string(pad, 'x') + " " + loop + "end");
  }
  // Long lines: loops (and near misses) after 240-262 words of random letters and lengths.
  std::mt19937 rng(7);
  for (std::size_t before = 240; before <= 262; ++before) {
    std::string words;
    for (std::size_t k = 0; k < before; ++k) {
      words += std::string(1 + rng() % 11, static_cast<char>('a' + rng() % 26));
      words += k % 7 == 0 ? ", " : " ";
    }
    lines.push_back(words + "one two three one two three one two three one two three");
    lines.push_back(words + "one two three one two three one two three one two");
    lines.push_back(words + "twinkle twinkle twinkle twinkle");
  }
  for (std::size_t m = 1; m <= 9; ++m) {
    std::string unit, line;
    for (std::size_t k = 0; k < m; ++k) unit += "w" + std::to_string(k) + " ";
    for (int r = 0; r < 4; ++r) line += unit;
    lines.push_back(line);
    lines.push_back(line.substr(0, line.size() - 4));
  }
  return lines;
}

// Random byte soup from a small alphabet that exercises every class boundary.
std::vector<std::string> random_lines() {
  static const char* const kPieces[] = {"a",  "B",  "7",   " ",  "  ", ".",  ",",  ":",  "?",  "'",  ")",  "the",
                                        "The", "\t", "\x7F", "\x80", "\xBF", "\xC3\xA9", "\xE2\x80\x99",
                                        "\xE2\x80\x98", "\xE2\x80\xA6", "\xE2\x80\x94", "\xE4\xB8\xAD",
                                        "\xEF\xBC\x8C", "\xEF\xBF\xBD", "\xE3\x80\x80", "\xC2\xA0", "\xF0\x9F\x98\x80",
                                        "\xE2", "\xEF\xBB\xBF", "word", "word ", "\xE5\x93\x88", "\xE5\x93",
                                        "\xE5", "\xC2", "\xC2\xB7", "\xE3\x80\x81", "\xE3\x80\x87", "\xE4\xB7\x80"};
  std::mt19937 rng(6);
  std::vector<std::string> lines;
  for (int k = 0; k < 3000; ++k) {
    std::string line;
    const std::size_t pieces = rng() % 120;
    for (std::size_t p = 0; p < pieces; ++p) line += kPieces[rng() % std::size(kPieces)];
    lines.push_back(std::move(line));
  }
  return lines;
}

const std::vector<std::string>& sample_lines() {
  static const std::vector<std::string> lines = [] {
    std::vector<std::string> all;
    std::vector<std::string> paths;
    for (const std::string& f : data_files()) paths.push_back(data_path(f));
    for (const char* f : {"blank_lines.txt", "bom.txt", "crlf.txt", "invalid_utf8.txt", "lone_cr.txt"})
      paths.push_back(fixture_path(f));
    const std::filesystem::path fuzz_corpus = std::filesystem::path(CORPUS_SCAN_TESTS_DIR) / ".." / "fuzz" / "corpus" / "normalizer";
    for (const auto& entry : std::filesystem::directory_iterator(fuzz_corpus)) paths.push_back(entry.path().string());
    for (const std::string& p : paths) {
      const std::string text = slurp(p);
      for (const Line& l : split_lines(text)) add_with_normalized(all, l.content(text));
    }
    for (const std::string& line : adversarial_lines()) add_with_normalized(all, line);
    for (const std::string& line : random_lines()) add_with_normalized(all, line);
    return all;
  }();
  return lines;
}

}  // namespace

TEST_CASE("fast paths: the line screen agrees with its byte-at-a-time definition", "[normalizer][fast]") {
  std::uint32_t seen = 0;
  for (const std::string& line : sample_lines()) {
    const std::uint32_t expected = reference_screen(line);
    seen |= expected;
    INFO(line);
    CHECK(normalizer::screen_line(line) == expected);
  }
  CHECK(seen == (1u << 21) - 1);  // every trigger occurs in the samples
}

TEST_CASE("fast paths: text the NFC shortcut passes is NFC by ICU's quick check", "[normalizer][fast]") {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  REQUIRE(U_SUCCESS(status));
  std::size_t passed = 0, valid_non_ascii = 0;
  for (const std::string& line : sample_lines()) {
    if (blocks::ascii_prefix(line) == line.size()) continue;
    valid_non_ascii += valid_utf8_prefix(line) == line.size();
    if (!normalizer::surely_nfc(line)) continue;
    ++passed;
    status = U_ZERO_ERROR;
    INFO(line);
    CHECK(nfc->isNormalizedUTF8(icu::StringPiece(line.data(), static_cast<std::int32_t>(line.size())), status));
  }
  CHECK(passed * 2 > valid_non_ascii);  // it does spare ICU most lines
  // What it must leave to ICU: combining marks, singletons, compatibility characters it cannot
  // vouch for, text beyond the BMP, invalid UTF-8.
  for (const char* line : {"cafe\xCC\x81", "\xE2\x84\xAB", "\xEF\xA4\x80", "\xF0\x9F\x98\x80", "bad \xFF byte", "\xE2\x80\x80"})
    CHECK_FALSE(normalizer::surely_nfc(line));
  CHECK(normalizer::surely_nfc("China\xE2\x80\x99s \xE4\xB8\xAD\xE5\x9B\xBD \xE2\x80\x94 \xE2\x80\x9Cyes\xE2\x80\x9D caf\xC3\xA9"));
  // Its shortcut for lead bytes E4-E9: every code point they encode is inert by ICU.
  for (UChar32 cp = 0x4000; cp <= 0x9FFF; ++cp) {
    INFO(cp);
    REQUIRE(nfc->isInert(cp));
  }
  CHECK_FALSE(normalizer::surely_nfc("\xE4\xB8"));          // a lead byte cut short
  CHECK_FALSE(normalizer::surely_nfc("\xE4\xB8\xAD\xE4"));  // ... after a whole one
}

TEST_CASE("fast paths: a character the screen vouches NFC-inert is inert by ICU", "[normalizer][fast]") {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  REQUIRE(U_SUCCESS(status));
  std::size_t vouched = 0;
  for (char32_t cp = 0x80; cp <= 0xFFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string ch;
    append_utf8(ch, cp);
    if ((normalizer::screen_line(ch) & normalizer::kNfcSuspect) != 0) continue;
    ++vouched;
    INFO(static_cast<std::uint32_t>(cp));
    // Below U+0300 every character is NFC_QC=Yes with combining class 0 (surely_nfc's rule).
    REQUIRE((cp < 0x300 || nfc->isInert(static_cast<UChar32>(cp))));
  }
  CHECK(vouched == (0x300 - 0x80) + (0x2080 - 0x2002) + (0x3040 - 0x3000 - 6) + 0x80 + 1 + 0x6000);
  // What it leaves to the pass: combining marks, singletons, text beyond the BMP.
  for (const char* ch : {"\xCC\x81", "\xE2\x80\x80", "\xE2\x84\xAB", "\xE3\x80\xAA", "\xEF\xA4\x80", "\xF0\x9F\x98\x80"})
    CHECK((normalizer::screen_line(ch) & normalizer::kNfcSuspect) != 0);
}

TEST_CASE("fast paths: the unicode pass finds nothing on lines the screen proves NFC", "[normalizer][fast]") {
  using normalizer::unicode_triggered;
  std::size_t spared = 0, shortcut = 0;  // non-ASCII lines the screen / surely_nfc proves NFC
  for (const std::string& line : sample_lines()) {
    const std::uint32_t screen = normalizer::screen_line(line);
    shortcut += (screen & normalizer::kNonAscii) != 0 && normalizer::surely_nfc(line);
    if (unicode_triggered(UnicodeForm::NFC, screen)) continue;
    spared += (screen & normalizer::kNonAscii) != 0;
    std::vector<normalizer::Pending> found;
    normalizer::find_unicode(line, UnicodeForm::NFC, found);
    INFO(line);
    CHECK(found.empty());
    CHECK(normalizer::surely_nfc(line));
  }
  // It spares the pass nearly every line surely_nfc would pass (the rest hold inert characters
  // beyond its first-three-byte ranges).
  CHECK(spared * 10 > shortcut * 9);
  // NFKC maps compatibility characters (fullwidth forms, U+2002 EN SPACE), so any non-ASCII byte triggers it.
  CHECK(unicode_triggered(UnicodeForm::NFKC, normalizer::screen_line("\xEF\xBC\x81")));
  CHECK_FALSE(unicode_triggered(UnicodeForm::NFC, normalizer::screen_line("\xEF\xBC\x81")));
  CHECK_FALSE(unicode_triggered(UnicodeForm::None, normalizer::screen_line("cafe\xCC\x81")));
  CHECK(unicode_triggered(UnicodeForm::NFC, normalizer::screen_line("bad \xFF byte")));
}

TEST_CASE("fast paths: the loop pre-check never hides a loop the pass removes", "[normalizer][fast]") {
  std::size_t loops = 0, spared = 0;  // lines with a loop; lines the gate answers "no" for
  for (const std::string& line : sample_lines()) {
    std::vector<normalizer::Pending> found;
    normalizer::find_loops_unscreened(line, found);
    const bool gate = normalizer::may_loop(line);
    loops += !found.empty();
    spared += !gate;
    INFO(line);
    if (!found.empty()) CHECK(gate);
  }
  CHECK(loops > 30);
  CHECK(spared > 1000);
  // On the real dumps it spares the pass almost every line, those with Chinese letters included.
  std::size_t data_lines = 0, data_maybe = 0, han_lines = 0, han_maybe = 0;
  for (const std::string& name : data_files()) {
    const std::string text = slurp(data_path(name));
    for (const Line& l : split_lines(text)) {
      const std::string_view line = l.content(text);
      const bool maybe = normalizer::may_loop(line), han = line.find("\xE4") != line.npos || line.find("\xE5") != line.npos ||
                                                        line.find("\xE6") != line.npos || line.find("\xE7") != line.npos;
      ++data_lines;
      data_maybe += maybe;
      han_lines += han;
      han_maybe += han && maybe;
    }
  }
  CHECK(data_maybe * 20 < data_lines);
  CHECK(han_lines > 20);
  INFO(han_maybe << " of " << han_lines);
  CHECK(han_maybe * 4 < han_lines);  // (a few hold four like letters in a row: 传传传传)
}

TEST_CASE("fast paths: split-domain visits every \". \" that it can join", "[normalizer][fast]") {
  std::size_t joined = 0;
  for (const std::string& line : sample_lines()) {
    std::vector<normalizer::Pending> expected, got;
    reference_split_domain(line, expected);
    normalizer::find_split_domain(line, got);
    joined += !expected.empty();
    INFO(line);
    REQUIRE(got.size() == expected.size());
    for (std::size_t k = 0; k < got.size(); ++k) CHECK((got[k].begin == expected[k].begin && got[k].end == expected[k].end));
  }
  CHECK(joined > 70);
}

TEST_CASE("fast paths: the word passes visit every site their byte loops did", "[normalizer][fast]") {
  std::size_t marks = 0, capitals = 0;
  for (const std::string& line : sample_lines()) {
    std::vector<std::size_t> got_marks, got_capitals;
    normalizer::for_each_mark_before_capital(line, [&](std::size_t i) { got_marks.push_back(i); });
    normalizer::for_each_inner_capital(line, [&](std::size_t i) { got_capitals.push_back(i); });
    const std::vector<std::size_t> expected_marks = reference_marks_before_capitals(line);
    const std::vector<std::size_t> expected_capitals = reference_inner_capitals(line);
    marks += expected_marks.size();
    capitals += expected_capitals.size();
    INFO(line);
    CHECK(got_marks == expected_marks);
    CHECK(got_capitals == expected_capitals);
  }
  CHECK(marks > 200);
  CHECK(capitals > 200);
}

TEST_CASE("fast paths: an empty line is left as it is, with no edit", "[normalizer][fast]") {
  const Normalizer normalizer;
  std::string out = "kept";
  std::vector<Edit> edits;
  normalizer.normalize_line("", 7, out, &edits);
  CHECK(out == "kept");
  CHECK(edits.empty());
}

TEST_CASE("fast paths: the loop gate agrees with its token-at-a-time definition", "[normalizer][fast]") {
  std::size_t maybe = 0;
  for (const std::string& line : sample_lines()) {
    INFO(line);
    const bool expected = reference_may_loop(line);
    maybe += expected;
    CHECK(normalizer::may_loop(line) == expected);
  }
  CHECK(maybe > 100);
}
