// The text pass's loop for runs of short ASCII words (src/stats.cpp, scan_ascii_words) is a second
// implementation of what its general loop does for them: it counts and hashes a word from the
// 16 bytes around it instead of character by character through WordBytes. These tests hold the two
// to the same answer: every count, every token (hash and length) and every line hash, over every
// line and every whole file of data/ and tests/fixtures, and over strings made to sit on the
// fast loop's edges (16-byte blocks, joiners, line ends, non-ASCII neighbours).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "../../src/stats_internal.hpp"
#include "corpus_scan/reader.hpp"
#include "corpus_scan/text.hpp"
#include "test_util.hpp"

using namespace corpus_scan;
using namespace corpus_scan::stats_detail;

namespace {

// Fails with the text when the fast loop changes any number the text pass produces.
void check_same(std::string_view text) {
  const TextPassResult fast = run_text_pass(text, true), general = run_text_pass(text, false);
  INFO("text: " << std::string(text.substr(0, 300)));
  const ArticleStats &f = fast.stats, &g = general.stats;
  CHECK(f.chars == g.chars);
  CHECK(f.lines == g.lines);
  CHECK(f.nonblank_lines == g.nonblank_lines);
  CHECK(f.paragraphs == g.paragraphs);
  CHECK(f.sentences == g.sentences);
  CHECK(f.english_words == g.english_words);
  CHECK(f.chinese_words == g.chinese_words);
  CHECK(f.cjk_chars == g.cjk_chars);
  CHECK(f.latin_letters == g.latin_letters);
  CHECK(f.uppercase == g.uppercase);
  CHECK(f.digits == g.digits);
  CHECK(f.punctuation == g.punctuation);
  CHECK(f.whitespace == g.whitespace);
  CHECK(f.hashes == g.hashes);
  CHECK(f.ellipses == g.ellipses);
  CHECK(f.stop_words == g.stop_words);
  CHECK(f.alpha_words == g.alpha_words);
  CHECK(f.english_word_chars == g.english_word_chars);
  CHECK(f.terminal_punct_lines == g.terminal_punct_lines);
  CHECK(f.ellipsis_lines == g.ellipsis_lines);
  CHECK(f.bullet_lines == g.bullet_lines);
  CHECK(fast.tokens.hash == general.tokens.hash);
  CHECK(fast.tokens.chars == general.tokens.chars);
  CHECK(fast.text_hash == general.text_hash);
  REQUIRE(fast.lines.size() == general.lines.size());
  for (std::size_t k = 0; k < fast.lines.size(); ++k) {
    CHECK(fast.lines[k].hash == general.lines[k].hash);
    CHECK(fast.lines[k].chars == general.lines[k].chars);
  }
  CHECK(fast.paragraphs.size() == general.paragraphs.size());
}

std::vector<std::string> sample_files() {
  std::vector<std::string> texts;
  for (const std::string& name : test::data_files()) texts.push_back(test::slurp(test::data_path(name)));
  for (const char* name : {"blank_lines.txt", "bom.txt", "crlf.txt", "empty.txt", "invalid_utf8.txt", "lone_cr.txt"})
    texts.push_back(test::slurp(test::fixture_path(name)));
  return texts;
}

}  // namespace

TEST_CASE("the ASCII words loop agrees with the general loop on every line and file of the samples",
          "[stats][text]") {
  std::size_t lines = 0;
  for (const std::string& text : sample_files()) {
    check_same(text);  // whole: lines followed by more text, which the loop's 16-byte reads may see
    for (const Line& l : split_lines(text)) {
      check_same(l.content(text));  // alone: the line's end is the text's end
      ++lines;
    }
  }
  CHECK(lines > 1000);
}

TEST_CASE("the ASCII words loop agrees with the general loop at its edges", "[stats][text]") {
  const std::vector<std::string> pieces = {
      // joiners after a run: apostrophes, hyphens, '.' and ',' between digits or not
      "Xi'an", "China's", "e-commerce", "well- known", "end-", "'quoted'", "3.51", "2,100", "U.S. and", "a.b",
      "9.x", "9.", "x.9", "1,a", "a,1", "abc.", "ABC,", "rock'n'roll", "--", "9-9",
      // non-ASCII neighbours: letters, U+2019 and U+2010 joiners, CJK, quotes, digits of other scripts
      "café", "naïve", "China’s", "e‐commerce", "ABC中文def", "中文ABC", "“Quoted”", "x٣", "7٣", "3.٣", "word’",
      // case, digits and stop words
      "THE", "The", "the", "AND", "and", "With", "have", "that", "be", "to", "of", "MiXeD9Case", "a", "Z", "0",
      // spaces, tabs, invisible characters, sentence marks, symbols
      "  two  spaces", "tab\there", "zero\u200Bwidth", "Dr. Smith went home. He slept!", "#tag", "wait...", "…",
      "a\rb", "trailing ",
      // punctuation between a word and a space or the line's end, which the loop reads itself:
      // sentence marks, dots that make (or almost make) an ellipsis, closers, runs of several
      "end. Next", "e.g. the", "U.S. Army", "3.5. ", "word... next", "word.. next", "a. . . b", "x. .. y", "word.",
      "(word) next", "\"word\", next", "word; next: this", "why? No!", "word.\tx", "word#. x", "x.\"", "x,,",
      "x - y", "x -- y", "x--y", "end.)", "2020. The", "x.\r y",
      // joiners and separators inside a word, which the loop also reads itself
      "1.2.3.4", "3-5", "a-1.5", "x'-y", "co-op's", "1,000,000.5", "A-B-C-D-E-F-G-H", "well-known,", "e-commerce.",
      "2.5%", "U.S-made", "O'Neil's", "9.9.9.9.9.9.9.9",
      // long words: 15, 16, 17 bytes and more, and past the 64 bytes a word's hash folds at
      std::string(15, 'q'), std::string(16, 'Q'), std::string(17, 'r'), std::string(31, 's'), std::string(64, 'T'),
      std::string(70, 'u') + "é" + std::string(10, 'V')};
  // Each piece alone, at every offset within a 16-byte block, before and after other pieces, at
  // a line's end and in the middle of a line.
  for (const std::string& p : pieces) {
    for (std::size_t pad = 0; pad < 17; ++pad) {
      const std::string lead = std::string(pad, 'x') + " ";
      check_same(lead + p);
      check_same(lead + p + " tail words");
      check_same(lead + p + "\n" + p + " next line");
      check_same(std::string(pad, ' ') + p + "," + p + "." + p);
    }
  }
  // Lines of hundreds of words: the loop counts uppercase letters and digits in byte lanes that
  // must be summed before 256 words land on the same lane.
  std::string many, mixed;
  for (int k = 0; k < 700; ++k) many += "ABC9 ";
  for (int k = 0; k < 700; ++k) mixed += (k % 7 == 0 ? "Word, " : k % 5 == 0 ? "X1. " : "of ");
  check_same(many);
  check_same(mixed);
  check_same("x " + many + "\n" + mixed);
  std::string all;
  for (const std::string& a : pieces)
    for (const std::string& b : {std::string(" "), std::string(""), std::string("\n"), std::string(". ")}) all += a + b;
  check_same(all);
}

TEST_CASE("lines, blank lines and paragraphs are counted as the text's lines say", "[stats][text]") {
  // scan_line returns at once from an empty line; this holds the pass to the definitions, from
  // the text split on '\n' independently: every line counts, a paragraph is a maximal run of
  // lines that are not blank (text.hpp is_blank), and a paragraph's characters are those of its
  // lines. Real files, and texts made to start, end and alternate with empty and blank lines.
  std::vector<std::string> texts = sample_files();
  for (const char* t : {"", "\n", "\n\n", "a", "a\n", "\na", "a\n\nb", "a\n \nb", "a\n\n\n\nb\nc\n\n", "\t\n\u3000\nx",
                        "China's economy\n\nXi'an 3.51\n\n\n中文 text\n", "  \n\n  word  \n\n"})
    texts.emplace_back(t);
  for (const std::string& text : texts) {
    INFO("text: " << text.substr(0, 200));
    std::vector<std::string_view> lines;
    for (std::size_t pos = 0;;) {
      const std::size_t nl = text.find('\n', pos);
      lines.push_back(std::string_view(text).substr(pos, nl == std::string::npos ? std::string::npos : nl - pos));
      if (nl == std::string::npos) break;
      pos = nl + 1;
    }
    std::size_t nonblank = 0, paragraphs = 0;
    std::vector<std::size_t> paragraph_lines;  // non-blank lines of each paragraph
    bool in_paragraph = false;
    for (const std::string_view l : lines) {
      if (is_blank(l)) {
        in_paragraph = false;
        continue;
      }
      ++nonblank;
      if (!in_paragraph) {
        ++paragraphs;
        paragraph_lines.push_back(0);
      }
      in_paragraph = true;
      ++paragraph_lines.back();
    }
    const TextPassResult r = run_text_pass(text, true);
    CHECK(r.stats.lines == lines.size());
    CHECK(r.stats.nonblank_lines == nonblank);
    CHECK(r.stats.paragraphs == paragraphs);
    REQUIRE(r.lines.size() == nonblank);
    REQUIRE(r.paragraphs.size() == paragraphs);
    std::size_t line = 0;
    for (std::size_t p = 0; p < paragraphs; ++p) {
      std::uint64_t chars = 0;
      for (std::size_t k = 0; k < paragraph_lines[p]; ++k) chars += r.lines[line++].chars;
      CHECK(r.paragraphs[p].chars == chars);
    }
  }
}

TEST_CASE("a text's character counts are the sums of its lines' counts", "[stats][text]") {
  // The pass keeps one set of character counters for the whole text (zeroed once, not per line);
  // this holds it to counting each line on its own: every class count of the text is the sum over
  // its lines passed one by one, plus one white space character per '\n', and a run of dots never
  // reaches across a line break (an ellipsis is three dots on one line). Real files, and texts made
  // with dots, '#' and U+2026 at line edges.
  std::vector<std::string> texts = sample_files();
  for (const char* t : {"a..\n.b", "..\n.", "...\n...", ".\n.\n.", "x.\n..y", "#\n#\n", "A1..\n\n.\u2026\n", "..\u3002\n.."})
    texts.emplace_back(t);
  for (const std::string& text : texts) {
    INFO("text: " << text.substr(0, 200));
    ArticleStats sum;
    std::uint64_t newlines = 0;
    for (std::size_t pos = 0;;) {
      const std::size_t nl = text.find('\n', pos);
      const ArticleStats l =
          run_text_pass(std::string_view(text).substr(pos, nl == std::string::npos ? std::string::npos : nl - pos), true)
              .stats;
      for (auto [total, part] : {std::pair{&sum.chars, l.chars}, {&sum.whitespace, l.whitespace},
                                 {&sum.uppercase, l.uppercase}, {&sum.digits, l.digits},
                                 {&sum.punctuation, l.punctuation}, {&sum.cjk_chars, l.cjk_chars},
                                 {&sum.latin_letters, l.latin_letters}, {&sum.ellipses, l.ellipses},
                                 {&sum.hashes, l.hashes}})
        *total += part;
      if (nl == std::string::npos) break;
      ++newlines;
      pos = nl + 1;
    }
    const ArticleStats whole = run_text_pass(text, true).stats;
    CHECK(whole.chars == sum.chars + newlines);
    CHECK(whole.whitespace == sum.whitespace + newlines);
    CHECK(whole.uppercase == sum.uppercase);
    CHECK(whole.digits == sum.digits);
    CHECK(whole.punctuation == sum.punctuation);
    CHECK(whole.cjk_chars == sum.cjk_chars);
    CHECK(whole.latin_letters == sum.latin_letters);
    CHECK(whole.ellipses == sum.ellipses);
    CHECK(whole.hashes == sum.hashes);
  }
}

TEST_CASE("hash_bytes is its definition at every tail length", "[stats][text]") {
  // hash_bytes reads the bytes after its last full eight-byte word from the top of the last eight
  // (when there are eight); this holds it to the definition, those bytes put together one by one,
  // first byte lowest: over every length from 0 to 40 at every offset of a buffer, and every line
  // of the samples.
  const auto reference = [](std::string_view s) {
    std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ (s.size() * 0xff51afd7ed558ccdULL);
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      std::uint64_t w = 0;
      for (std::size_t k = 0; k < 8; ++k) w |= std::uint64_t{static_cast<unsigned char>(s[i + k])} << (8 * k);
      h = (h ^ mix64(w)) * 0x9fb21c651e98df25ULL;
    }
    std::uint64_t tail = 0;
    for (std::size_t k = 0; i + k < s.size(); ++k) tail |= std::uint64_t{static_cast<unsigned char>(s[i + k])} << (8 * k);
    return mix64(h ^ mix64(tail + s.size()));
  };
  const std::string bytes = "The quick brown fox \xE4\xB8\xAD\xE6\x96\x87 jumps\xFF over 3.51 lazy dogs\x01\x80!";
  for (std::size_t begin = 0; begin < 8; ++begin)
    for (std::size_t n = 0; begin + n <= bytes.size() && n <= 40; ++n) {
      const std::string_view s = std::string_view(bytes).substr(begin, n);
      INFO("begin " << begin << " size " << n);
      CHECK(hash_bytes(s) == reference(s));
    }
  for (const std::string& text : sample_files())
    for (std::size_t pos = 0; pos < text.size();) {
      const std::size_t nl = std::min(text.find('\n', pos), text.size());
      const std::string_view line = std::string_view(text).substr(pos, nl - pos);
      if (hash_bytes(line) != reference(line)) FAIL("line: " << line);
      pos = nl + 1;
    }
}
