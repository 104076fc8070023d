#include <catch2/catch.hpp>

#include "corpus_scan/text.hpp"

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
  std::uint32_t state = 12345;
  const auto next = [&] { return state = state * 1664525u + 1013904223u, state >> 8; };
  std::size_t whole = 0;
  for (int k = 0; k < 20000; ++k) {
    std::string s;
    const std::size_t pieces = next() % 24;
    for (std::size_t p = 0; p < pieces; ++p) {
      const std::size_t piece = next() % std::size(kPieces);
      if (piece < 10 || next() % 8 == 0) s += kPieces[piece];  // invalid pieces are rarer
    }
    INFO(k);
    const std::size_t expected = reference(s);
    whole += expected == s.size();
    CHECK(valid_utf8_prefix(s) == expected);
  }
  CHECK(whole > 2000);
  CHECK(whole < 18000);
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

TEST_CASE("is_blank sees spaces, NBSP, ideographic space and zero-width characters as blank", "[text]") {
  CHECK(is_blank(""));
  CHECK(is_blank(" \t"));
  CHECK(is_blank("\xC2\xA0"));
  CHECK(is_blank("\xE3\x80\x80"));
  CHECK(is_blank("\xE2\x80\x8B "));
  CHECK_FALSE(is_blank(" a"));
  CHECK_FALSE(is_blank("\xE9\x80\x9A"));
}
