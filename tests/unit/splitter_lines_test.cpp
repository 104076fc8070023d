// The splitter's line features are computed by fast paths (words found 64 bytes at a time and
// hashed eight bytes at a time, code points counted eight bytes at a time). Here they are checked
// against reading the line one character at a time, on every line of data/ and the fixtures and
// on strings built to hit the edges: words across 64-byte blocks, at the end of a line, with
// apostrophes, invalid UTF-8, Han characters common and not. describe_lines' own shortcuts are
// held to what it computed before them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "splitter_internal.hpp"
#include "test_util.hpp"

using namespace corpus_scan;
using namespace corpus_scan::splitting;

namespace {

// The definition: a word is a letter followed by letters and apostrophes; words of three bytes or
// more that are not stopwords are tokens, as are Han characters that are not among the commonest.
std::vector<std::uint32_t> tokens_by_character(std::string_view s) {
  auto letter = [](unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  std::vector<std::uint32_t> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (letter(c)) {
      const std::size_t start = i;
      while (i < s.size() && (letter(static_cast<unsigned char>(s[i])) || s[i] == '\'')) ++i;
      if (i - start >= 3) {
        const std::uint32_t h = word_hash(s.substr(start, i - start));
        if (!is_stopword_hash(h)) out.push_back(h & ~kHanTokenBit);
      }
      continue;
    }
    const DecodedChar d = decode_utf8(s, i);
    if (is_cjk_ideograph(d.cp) && !is_common_han(d.cp))
      out.push_back((static_cast<std::uint32_t>(d.cp) * 2654435761u) | kHanTokenBit);
    i += d.length;
  }
  return out;
}

std::uint32_t chars_by_character(std::string_view s) {
  std::uint32_t n = 0;
  for (std::size_t i = 0; i < s.size(); i += decode_utf8(s, i).length) ++n;
  return n;
}

void check_line(std::string_view line) {
  // A copy with nothing readable after it, so reads past the end would show under ASan.
  const std::string own(line);
  TokenVector fast{7, 8};  // tokens are appended after what is there
  tokenize(own, fast);
  TokenVector expected{7, 8};
  for (std::uint32_t t : tokens_by_character(own)) expected.push_back(t);
  INFO("line: " << own);
  REQUIRE(fast == expected);
  // The line inside a longer text, as describe_lines passes it: the tokenizer reads the blocks
  // where they lie, and letters, apostrophes and UTF-8 after the line must not join its last word.
  for (const char* after : {"abcdefgh", "'s", "\xe4\xb8\xad"}) {
    std::string text = own;
    while (text.size() < own.size() + 80) text += after;
    TokenVector in_text{7, 8};
    tokenize(std::string_view(text).substr(0, own.size()), in_text, text);
    REQUIRE(in_text == expected);
  }
  REQUIRE(count_code_points(own) == chars_by_character(own));
  REQUIRE(title_marks(own).digits == static_cast<std::uint32_t>(std::count_if(
                                          own.begin(), own.end(), [](char c) { return c >= '0' && c <= '9'; })));
}

std::vector<std::string> repository_lines() {
  std::vector<std::string> lines;
  for (const std::string& text : test::repository_texts()) {
    for (const Line& l : split_lines(text)) {
      lines.emplace_back(l.content(text));
      lines.emplace_back(trim_space(l.content(text)));
    }
  }
  return lines;
}

}  // namespace

TEST_CASE("fast tokens and code point counts equal a character-at-a-time reading on every real line", "[splitter][lines]") {
  const std::vector<std::string> lines = repository_lines();
  REQUIRE(lines.size() > 4000);
  for (const std::string& line : lines) {
    check_line(line);
    // every suffix of short lines: words cut at every position, against the end of the buffer
    if (line.size() < 80)
      for (std::size_t k = 1; k < line.size(); ++k) check_line(std::string_view(line).substr(k));
  }
}

TEST_CASE("fast tokens and counts on edge cases: block boundaries, apostrophes, invalid UTF-8", "[splitter][lines]") {
  const std::string word64(64, 'x');
  const std::vector<std::string> cases = {
      "",
      "a",
      "ab",
      "abc",
      "The",                                  // a stopword
      "ACCORDING according According",        // the longest stopword, any case
      "accordingly",                          // longer than any stopword
      "'tis don't it's ''abc' x'y 'a'b'c''",  // apostrophes before, inside and after words
      word64, word64 + "y", "y" + word64, std::string(63, ' ') + "abcd", std::string(62, ' ') + "abcd efgh",
      std::string(60, '.') + "wordacrossblocks" + std::string(60, '.') + "another",
      std::string(127, 'q') + "'" + std::string(3, 'r'),
      "中华人民共和国 的一是 新闻 abc中def",     // common and topical Han, Han glued to words
      "\xe4\xb8",                              // truncated Han at the end
      "abc\xff" "def\x80\x80ghi\xc0\xafjkl",   // invalid bytes between words
      "\xed\xa0\x80 surrogate \xf4\x90\x80\x80 beyond",
      "𠀀𠀁 extension B, 〇, 兀 compatibility",
      "naïve café Ωmega résumé",              // letters above ASCII end words
      "tab\tseparated\0nul\x7f" "del",
      std::string(5000, '7'),                  // digits: more 16-byte chunks than a byte lane counts (255)
      std::string(4079, '0') + "/:9" + std::string(4100, '1') + "x",
  };
  for (const std::string& c : cases) {
    check_line(c);
    for (std::size_t k = 1; k < c.size(); ++k) check_line(std::string_view(c).substr(k));
  }
  // Random bytes drawn mostly from letters, spaces, apostrophes and UTF-8 pieces.
  std::mt19937 rng(42);
  const std::string alphabet = "abcXYZ' .,0\xe4\xb8\xad\xe6\x96\x87\x80\xff\xc3\xa9";
  for (int n = 0; n < 2000; ++n) check_line(test::random_line(rng, alphabet, 200));
  // Code point counts must read invalid UTF-8 as decode_utf8 does: every lead byte and the edge
  // values of the second byte that make a form overlong, a surrogate or too large, cut at every
  // position and moved across the 64-byte block edges.
  const std::vector<std::string> utf8 = {
      "\xc0\xaf \xc1\xbf \xc2\x80 \xdf\xbf",                  // overlong two-byte leads; the first and last valid
      "\xe0\x80\x80 \xe0\x9f\xbf \xe0\xa0\x80 \xef\xbf\xbf",  // overlong three-byte forms; valid ones
      "\xed\x9f\xbf \xed\xa0\x80 \xed\xbf\xbf \xee\x80\x80",  // the last before the surrogates, surrogates
      "\xf0\x8f\xbf\xbf \xf0\x90\x80\x80 \xf4\x8f\xbf\xbf \xf4\x90\x80\x80 \xf5\x80\x80\x80 \xff",
      "\xe4\xb8\xad\xe4\xb8 \xe4\xb8\xad\xb8\xad \xf0\x9f\x98\x80\x80 \xc3",  // cut and extra continuations
  };
  for (const std::string& c : utf8)
    for (std::size_t pad = 0; pad < 70; ++pad) {
      const std::string s = std::string(pad, 'a') + c;
      check_line(s);
      check_line(s.substr(0, s.size() - 1));
      check_line(std::string(128 - pad % 4 - 1, 'b') + c);
    }
  const std::string bytes = "a \x80\x8f\x90\x9f\xa0\xbf\xc0\xc1\xc2\xdf\xe0\xe4\xed\xef\xf0\xf4\xf5\xff";
  // mostly continuation bytes after leads, some of them valid
  for (int n = 0; n < 4000; ++n) check_line(test::random_line(rng, bytes, 150));
  // ASCII only (blocks without a non-ASCII byte take their own path): short and long words,
  // apostrophes, across block edges.
  const std::string ascii = "aBc' .,0";
  for (int n = 0; n < 2000; ++n) check_line(test::random_line(rng, ascii, 300));
}

namespace {

// The definitions title_marks replaced: a search per question.
int inner_sentences_by_search(std::string_view s) {
  int n = 0;
  for (std::size_t i = 0; i + 2 < s.size(); ++i)
    n += (s[i] == '.' || s[i] == '?' || s[i] == '!') && s[i + 1] == ' ' && s[i + 2] >= 'A' && s[i + 2] <= 'Z';
  for (std::size_t at = s.find("。"); at != std::string_view::npos && at + 3 < s.size(); at = s.find("。", at + 3)) ++n;
  return n;
}
bool looks_like_code_by_search(std::string_view s) {
  if (s[0] == '#' || s[0] == '{' || s[0] == '}' || s[0] == '<') return true;
  const std::size_t eq = s.find('=');
  if (eq != std::string_view::npos && eq > 0 && s[eq - 1] != ' ' && eq + 1 < s.size() && s[eq + 1] != ' ') return true;
  if (s.size() < 60 && s.find(" (") != std::string_view::npos && s.find('_') != std::string_view::npos) return true;
  return s.find("()") != std::string_view::npos || s.find("==") != std::string_view::npos;
}
void check_marks(std::string_view line) {
  if (line.empty()) return;
  const std::string own(line);
  INFO("line: " << own);
  const TitleMarks m = title_marks(own);
  REQUIRE(m.inner_sentences == inner_sentences_by_search(own));
  REQUIRE(m.looks_like_code == looks_like_code_by_search(own));
  REQUIRE(m.digits == static_cast<std::uint32_t>(std::count_if(own.begin(), own.end(), [](char c) { return c >= '0' && c <= '9'; })));
  REQUIRE(m.ascii == std::none_of(own.begin(), own.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
  // The line inside a longer text, as describe_lines passes it: the blocks are read where they lie,
  // and marks, digits and code signs after the line must not count.
  for (const char* after : {". A", "()", "=x", "_ (", "\xE3\x80\x82x", "0123456789"}) {
    std::string text = own;
    while (text.size() < own.size() + 80) text += after;
    const TitleMarks in_text = title_marks(std::string_view(text).substr(0, own.size()), text.data() + text.size());
    REQUIRE(in_text.inner_sentences == m.inner_sentences);
    REQUIRE(in_text.looks_like_code == m.looks_like_code);
    REQUIRE(in_text.digits == m.digits);
    REQUIRE(in_text.ascii == m.ascii);  // ("。" after the line must not count)
  }
}

}  // namespace

TEST_CASE("title_marks answers as the searches do on every line of data/ and the fixtures", "[splitter][lines]") {
  std::size_t code = 0, sentences = 0, lines = 0;
  for (const std::string& line : repository_lines()) {
    check_marks(line);
    if (line.empty()) continue;
    ++lines;
    code += title_marks(line).looks_like_code;
    sentences += title_marks(line).inner_sentences > 0;
  }
  INFO(lines << " lines, " << code << " code, " << sentences << " with inner sentences");
  REQUIRE(code > 0);
  REQUIRE(sentences > 100);
}

TEST_CASE("title_marks at block edges and line ends", "[splitter][lines]") {
  const std::vector<std::string> edges = {
      "a", "=", "a=b", "a = b", "a=", "=b", "x == y", "f()", "(", ")", "( )", "call (x_y)", "。", "a。", "a。b",
      "一。二。三。", "。。", ". A", "x. A", "x. a", "x.  A", "Yes! No? Maybe. So", "end.", "#include", "{", "<div>",
      "\xE3\x80", "\xE3\x80\x82\xE3", "a\xE3\x80\x82", "under_score (x)"};
  for (const std::string& e : edges) check_marks(e);
  // each pair or triple put across a 64-byte block edge, and at a line's end
  for (const char* tail : {". B", "()", "==", " (_", "。x", "a=b", "=", ".", "。", "42"}) {
    for (std::size_t pad = 55; pad <= 135; ++pad) {
      check_marks(std::string(pad, 'x') + tail);
      check_marks(std::string(pad, 'x') + tail + "yz");
      check_marks(std::string(pad, ' ') + tail + std::string(pad % 7, 'Q'));
    }
  }
}

namespace {

// describe_lines against what it computed before its shortcuts (e2c362e, ff54504): a line's code
// points counted over its trimmed text (now its byte count when the line is ASCII by its title
// marks), its indent counted over the untrimmed line, walking through the spaces and invisible
// characters that start it (now only over what trim_space took off its front), and its title
// shape with the line's title marks read by title_shape (now, for a line without a cue of at most
// 220 bytes, read first by describe_lines and passed in).
std::uint32_t indent_by_character(std::string_view content) {
  std::uint32_t n = 0;
  for (std::size_t i = 0; i < content.size();) {
    const DecodedChar d = decode_utf8(content, i);
    if (!is_horizontal_space(d.cp) && !is_invisible(d.cp)) break;
    n += is_horizontal_space(d.cp);
    i += d.length;
  }
  return n;
}

struct Shortcuts {
  // lines of each kind seen; `unmarked`: over 220 bytes in at most 220 code points (title_shape
  // reads their marks itself)
  std::size_t ascii = 0, other = 0, indented = 0, titles = 0, unmarked = 0;
};

void check_described(const std::string& text, Shortcuts& seen) {
  const std::vector<Line> lines = split_lines(text);
  const LineTable table = describe_lines(text, lines);
  REQUIRE(table.info.size() == lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const LineInfo& li = table.info[i];
    const std::string_view content = lines[i].content(text);
    INFO("line: " << content);
    REQUIRE(li.blank == trim_space(content).empty());
    if (li.blank) continue;
    REQUIRE(li.chars == count_code_points(li.trimmed));
    REQUIRE(li.indent == indent_by_character(content));
    // (the chars the old way are li.chars, checked above, and so is decorative, which it decides)
    REQUIRE(li.title_shape == title_shape(li, nullptr, text.data() + text.size()));
    const bool ascii = std::none_of(li.trimmed.begin(), li.trimmed.end(), [](char c) { return c & 0x80; });
    ++(ascii ? seen.ascii : seen.other);
    seen.indented += li.indent > 0;
    seen.titles += li.title_shape >= 0.3f;
    seen.unmarked += li.trimmed.size() > 220 && li.chars <= 220;
  }
}

}  // namespace

TEST_CASE("describe_lines' chars, indent and title shape equal their definitions on every real line",
          "[splitter][lines]") {
  Shortcuts seen;
  for (const std::string& text : test::repository_texts()) check_described(text, seen);
  INFO(seen.ascii << " ASCII lines, " << seen.other << " others, " << seen.indented << " indented, "
                  << seen.titles << " title-shaped, " << seen.unmarked << " unmarked");
  REQUIRE(seen.ascii > 500);
  REQUIRE(seen.other > 100);
  REQUIRE(seen.indented > 100);
  REQUIRE(seen.titles > 100);
  REQUIRE(seen.unmarked > 0);
}

TEST_CASE("describe_lines' shortcuts at their edges: exotic indents, 220 bytes, cues", "[splitter][lines]") {
  const std::string long_ascii = "Title " + std::string(214, 'x');  // 220 bytes: title marks read first
  const std::string han = "\xe4\xb8\xad\xe5\x9b\xbd";                // 中国: 6 bytes, 2 code points
  std::string long_han;  // over 220 bytes in fewer than 220 code points, with digits and a "。" inside
  while (long_han.size() < 300) long_han += han + "2024\xe3\x80\x82";
  const std::vector<std::string> texts = {
      "\tTab indented Title\n  \t Mixed Indent\n\xc2\xa0\xc2\xa0NBSP Indent\n",
      "\xe3\x80\x80\xe3\x80\x80" + han + "\n",  // two U+3000
      "\xe2\x80\x8b Zero width then a space\n \xe2\x80\x8b \xe2\x80\x8b Two\n",
      "\xef\xbb\xbf" "Byte order mark title\n",
      long_ascii + "\n" + long_ascii + "y\n" + long_ascii.substr(1) + han + "\n",
      "  " + long_han + "\n" + long_han + "\n",
      "Xinhua News Agency, Beijing, March 5\nBy Li Wei\n" + han + " " + han + "\n   x\n",
      "Short\n" + han + "\n\xff\xfe invalid bytes\n  \xc3\n",
  };
  Shortcuts seen;
  for (const std::string& text : texts) check_described(text, seen);
  REQUIRE(seen.indented >= 8);
  REQUIRE(seen.unmarked >= 2);
}
