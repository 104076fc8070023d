#include <catch2/catch.hpp>

#include "corpus_scan/text.hpp"
#include "test_util.hpp"

using namespace corpus_scan;

TEST_CASE("decode_utf8 decodes valid sequences of every length", "[text]") {
  const std::string s = "a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80";  // a é 中 😀
  auto d = decode_utf8(s, 0);
  CHECK((d.cp == U'a' && d.length == 1 && d.valid));
  d = decode_utf8(s, 1);
  CHECK((d.cp == 0xE9 && d.length == 2 && d.valid));
  d = decode_utf8(s, 3);
  CHECK((d.cp == 0x4E2D && d.length == 3 && d.valid));
  d = decode_utf8(s, 6);
  CHECK((d.cp == 0x1F600 && d.length == 4 && d.valid));
}

TEST_CASE("decode_utf8 turns every kind of invalid byte into U+FFFD consuming one byte", "[text]") {
  struct Case { const char* name; std::string bytes; };
  const Case cases[] = {
      {"stray continuation", "\x80"},
      {"overlong 2-byte", "\xC0\xAF"},
      {"overlong 3-byte", "\xE0\x80\xAF"},
      {"overlong 4-byte", "\xF0\x80\x80\xAF"},
      {"surrogate", "\xED\xA0\x80"},
      {"past U+10FFFF", "\xF4\x90\x80\x80"},
      {"truncated 3-byte", "\xE4\xB8"},
      {"lead F5", "\xF5\x80\x80\x80"},
      {"lone FF", "\xFF"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const DecodedChar d = decode_utf8(c.bytes, 0);
    CHECK(d.cp == kReplacementChar);
    CHECK(d.length == 1);
    CHECK_FALSE(d.valid);
    CHECK(valid_utf8_prefix(c.bytes) == 0);
  }
}

// The tests' pseudo-random numbers: a linear congruential generator, so a seed fixes the strings.
struct Lcg {
  std::uint32_t state;
  std::uint32_t operator()() { return state = state * 1664525u + 1013904223u, state >> 8; }
};

// A made-up string of fewer than `max_pieces` pieces drawn from `pieces`: those from index
// `common` on (the invalid sequences) are kept only one time in eight.
template <std::size_t N>
std::string random_pieces(Lcg& next, const char* const (&pieces)[N], std::size_t max_pieces, std::size_t common) {
  std::string s;
  const std::size_t count = next() % max_pieces;
  for (std::size_t p = 0; p < count; ++p) {
    const std::size_t piece = next() % N;
    if (piece < common || next() % 8 == 0) s += pieces[piece];
  }
  return s;
}

TEST_CASE("valid_utf8_prefix ends where decoding one character at a time first fails", "[text]") {
  const auto reference = [](std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
      const DecodedChar d = decode_utf8(s, i);
      if (!d.valid) break;
      i += d.length;
    }
    return i;
  };
  // Random strings of ASCII runs of every length around the eight-byte scan, characters of each
  // length (runs of Chinese letters among them) and invalid or cut-short sequences.
  static const char* const kPieces[] = {"a", "abcdefg", "abcdefgh", "abcdefghijklmnopq", " ", "\xC3\xA9", "\xE4\xB8\xAD",
                                        "\xE4\xB8\xAD\xE5\x9B\xBD", "\xE2\x80\x99", "\xF0\x9F\x98\x80", "\xE4\xB8", "\x80",
                                        "\xFF", "\xED\xA0\x80", "\xC0\xAF"};
  Lcg next{12345};
  std::size_t whole = 0;
  for (int k = 0; k < 20000; ++k) {
    const std::string s = random_pieces(next, kPieces, 24, 10);
    INFO(k);
    const std::size_t expected = reference(s);
    whole += expected == s.size();
    CHECK(valid_utf8_prefix(s) == expected);
  }
  CHECK(whole > 2000);
  CHECK(whole < 18000);
}

// count_code_points reads ASCII 16 bytes at a time and decodes only the rest; the definition is
// decode_utf8 read one character at a time.
std::size_t code_points_by_decoding(std::string_view s) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size(); i += decode_utf8(s, i).length) ++chars;
  return chars;
}

TEST_CASE("count_code_points agrees with decoding one character at a time on every line of data/", "[text]") {
  std::size_t lines = 0, non_ascii = 0;
  for (const std::string& text : test::repository_texts()) {
    for (const Line& line : split_lines(text)) {
      const std::string_view s = line.content(text);
      INFO(s);
      CHECK(count_code_points(s) == code_points_by_decoding(s));
      ++lines;
      non_ascii += code_points_by_decoding(s) != s.size();
    }
    CHECK(count_code_points(text) == code_points_by_decoding(text));  // whole files: many blocks
  }
  CHECK(lines > 1000);
  CHECK(non_ascii > 100);
}

TEST_CASE("count_code_points counts each invalid byte once, wherever it falls in a 16-byte chunk", "[text]") {
  struct Case { const char* name; std::string piece; std::size_t chars; };
  const Case cases[] = {
      // must count as one character each
      {"2-byte", "\xC3\xA9", 1}, {"3-byte", "\xE4\xB8\xAD", 1}, {"curly quote", "\xE2\x80\x99", 1},
      {"4-byte", "\xF0\x9F\x98\x80", 1}, {"E0 valid", "\xE0\xA4\x85", 1}, {"ED valid", "\xED\x95\x9C", 1},
      {"F4 valid", "\xF4\x8F\xBF\xBF", 1},
      // must count a character per byte (or per the bytes decode_utf8 rejects)
      {"stray continuation", "\x80", 1}, {"overlong C0", "\xC0\xAF", 2}, {"overlong E0", "\xE0\x80\xAF", 3},
      {"surrogate", "\xED\xA0\x80", 3}, {"past U+10FFFF", "\xF4\x90\x80\x80", 4}, {"lead F5", "\xF5\x80\x80\x80", 4},
      {"truncated 3-byte", "\xE4\xB8", 2}, {"extra continuation", "\xC3\xA9\xA9", 2}, {"lone FF", "\xFF", 1},
  };
  for (const Case& c : cases) {
    CHECK(code_points_by_decoding(c.piece) == c.chars);
    // the piece at every offset of a 150-byte ASCII line, so it meets each block edge and the line's end
    for (std::size_t at = 0; at <= 150; ++at) {
      const std::string s = std::string(at, 'a') + c.piece + std::string(150 - at, 'b');
      INFO(c.name << " at " << at);
      CHECK(count_code_points(s) == code_points_by_decoding(s));
      CHECK(count_code_points(std::string_view(s).substr(0, at + c.piece.size())) ==
            at + c.chars);  // the piece ends the text
    }
  }
}

TEST_CASE("count_code_points agrees with decoding on random mixtures of valid and invalid pieces", "[text]") {
  static const char* const kPieces[] = {"a", "abcdefg", "abcdefghijklmnopq", " ", "\xC3\xA9", "\xE4\xB8\xAD",
                                        "\xE4\xB8\xAD\xE5\x9B\xBD", "\xE2\x80\x99", "\xF0\x9F\x98\x80", "\xE4\xB8",
                                        "\x80", "\xFF", "\xED\xA0\x80", "\xC0\xAF", "\xE0\xA4\x85", "\xF4\x90\x80\x80"};
  Lcg next{777};
  for (int k = 0; k < 20000; ++k) {
    const std::string s = random_pieces(next, kPieces, 64, 9);
    INFO(k);
    CHECK(count_code_points(s) == code_points_by_decoding(s));
  }
}

TEST_CASE("decode_utf8_before finds the code point ending at a position", "[text]") {
  const std::string s = "x\xE4\xB8\xAD";
  const DecodedChar d = decode_utf8_before(s, s.size());
  CHECK(d.cp == 0x4E2D);
  CHECK(d.length == 3);
  const std::string bad = "x\xB8";
  CHECK(decode_utf8_before(bad, 2).length == 1);
  CHECK_FALSE(decode_utf8_before(bad, 2).valid);
}

TEST_CASE("decode_utf8_before reads back the character decode_utf8 read forward, valid or not", "[text]") {
  // At every character boundary of random mixtures (ASCII, 2-4 byte characters, stray, overlong,
  // truncated and out-of-range bytes), the character read backward is the one read forward last.
  static const char* const kPieces[] = {"a", ".", " ", "\xC3\xA9", "\xE4\xB8\xAD", "\xE2\x80\x99", "\xF0\x9F\x98\x80",
                                        "\xE4\xB8", "\x80", "\xFF", "\xED\xA0\x80", "\xC0\xAF", "\xF4\x90\x80\x80",
                                        "\xC3\xA9\xA9", "\xF0\x9F\x98"};
  Lcg next{4242};
  std::size_t non_ascii = 0;
  for (int k = 0; k < 5000; ++k) {
    const std::string s = random_pieces(next, kPieces, 24, 15);
    for (std::size_t i = 0; i < s.size();) {
      const DecodedChar forward = decode_utf8(s, i);
      i += forward.length;
      const DecodedChar backward = decode_utf8_before(s, i);
      INFO(k << " at " << i);
      CHECK(backward.cp == forward.cp);
      CHECK(backward.length == forward.length);
      CHECK(backward.valid == forward.valid);
      non_ascii += forward.cp >= 0x80;
    }
  }
  CHECK(non_ascii > 10000);
}

TEST_CASE("split_lines handles LF, CRLF, lone CR and a missing final terminator", "[text]") {
  const std::string s = "a\nb\r\nc\rd";
  const auto lines = split_lines(s);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].content(s) == "a");
  CHECK(lines[1].content(s) == "b");
  CHECK(lines[1].next - lines[1].end == 2);
  CHECK(lines[2].content(s) == "c");
  CHECK(lines[3].content(s) == "d");
  CHECK(lines[3].next == s.size());
  CHECK(split_lines("").empty());
  CHECK(split_lines("x\n").size() == 1);
  CHECK(split_lines("\n\n").size() == 2);
}

TEST_CASE("lines tile the text exactly", "[text]") {
  const std::string s = "\r\n\rx\n\ny\r";
  const auto lines = split_lines(s);
  std::uint64_t at = 0;
  for (const Line& l : lines) {
    CHECK(l.begin == at);
    at = l.next;
  }
  CHECK(at == s.size());
}

// split_lines finds terminators as 64-byte masks; the definition reads a byte at a time.
std::vector<Line> lines_byte_by_byte(std::string_view s) {
  std::vector<Line> lines;
  std::size_t begin = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\r' && s[i] != '\n') continue;
    const std::size_t next = s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n' ? i + 2 : i + 1;
    lines.push_back({begin, i, next});
    begin = next;
    i = next - 1;
  }
  if (begin < s.size()) lines.push_back({begin, s.size(), s.size()});
  return lines;
}

bool same_lines(const std::vector<Line>& a, const std::vector<Line>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k)
    if (a[k].begin != b[k].begin || a[k].end != b[k].end || a[k].next != b[k].next) return false;
  return true;
}

TEST_CASE("split_lines agrees with reading a byte at a time on data/ and on every terminator layout", "[text]") {
  for (const std::string& text : test::repository_texts()) {
    CHECK(same_lines(split_lines(text), lines_byte_by_byte(text)));
    std::string crlf;  // the same text with CRLF terminators (and any lone CR it had)
    for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    CHECK(same_lines(split_lines(crlf), lines_byte_by_byte(crlf)));
  }
  // A CRLF split by every block edge, and blocks full of terminators (more than four a block).
  for (std::size_t at = 0; at < 200; ++at) {
    const std::string s = std::string(at, 'x') + "\r\n" + std::string(at % 7, 'y') + "\r";
    INFO(at);
    CHECK(same_lines(split_lines(s), lines_byte_by_byte(s)));
  }
  CHECK(split_lines(std::string(5000, '\n')).size() == 5000);
  CHECK(split_lines(std::string(5000, '\r')).size() == 5000);
  const std::string pairs = [] { std::string p; for (int k = 0; k < 3000; ++k) p += "\r\n"; return p; }();
  CHECK(split_lines(pairs).size() == 3000);
  Lcg next{99};
  for (int k = 0; k < 5000; ++k) {
    const std::string s = test::random_line(next, std::string_view("ab\r\n\n \xE4", 7), 300);
    INFO(k);
    CHECK(same_lines(split_lines(s), lines_byte_by_byte(s)));
  }
}

TEST_CASE("is_blank sees spaces, NBSP, ideographic space and zero-width characters as blank", "[text]") {
  CHECK(is_blank(""));
  CHECK(is_blank(" \t"));
  CHECK(is_blank("\xC2\xA0"));
  CHECK(is_blank("\xE3\x80\x80"));
  CHECK(is_blank("\xE2\x80\x8B "));
  CHECK_FALSE(is_blank(" a"));
  CHECK_FALSE(is_blank("\xE9\x80\x9A"));
}
