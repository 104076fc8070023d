// Byte-level text primitives shared by every stage: tolerant UTF-8 decoding and line splitting.
//
// Ownership: every std::string_view and every offset here points into a buffer owned by the caller
// (normally SourceText::text). Nothing in this header allocates or keeps a reference.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace corpus_scan {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// One decoded code point and how many bytes it took. Invalid UTF-8 (stray continuation bytes,
// overlong forms, surrogates, code points past U+10FFFF, truncated sequences) decodes as
// U+FFFD consuming exactly one byte, so offsets never skip a byte and decoding never fails.
struct DecodedChar {
  char32_t cp;
  std::uint32_t length;
  bool valid;
};

DecodedChar decode_utf8_multibyte(std::string_view s, std::size_t pos) noexcept;

// Inline so the ASCII case (most bytes of these dumps) costs a compare and a branch, and a valid
// three-byte sequence (Chinese characters, curly quotes, dashes: nearly all the rest) a few
// more; everything else, invalid bytes included, goes to decode_utf8_multibyte. The three-byte
// test is the same as there: E0-EF, two continuation bytes, no overlong form, no surrogate.
inline DecodedChar decode_utf8(std::string_view s, std::size_t pos) noexcept {
  const auto c = static_cast<unsigned char>(s[pos]);
  if (c < 0x80) return {c, 1, true};
  if ((c & 0xF0) == 0xE0 && s.size() - pos > 2) {
    const auto c1 = static_cast<unsigned char>(s[pos + 1]);
    const auto c2 = static_cast<unsigned char>(s[pos + 2]);
    const char32_t cp = (char32_t{c & 0x0Fu} << 12) | (char32_t{c1 & 0x3Fu} << 6) | (c2 & 0x3Fu);
    if (((c1 & 0xC0) == 0x80) & ((c2 & 0xC0) == 0x80) & (cp >= 0x800) & ((cp < 0xD800) | (cp > 0xDFFF)))
      return {cp, 3, true};
  }
  return decode_utf8_multibyte(s, pos);
}

DecodedChar decode_utf8_before_multibyte(std::string_view s, std::size_t pos) noexcept;

// The code point that ends just before `pos`, 0 < pos <= s.size() (same tolerance rules as
// decode_utf8). Inline for the ASCII case: lines and words nearly always end in ASCII ('.', a
// letter), and a byte below 0x80 is a whole code point whatever precedes it.
inline DecodedChar decode_utf8_before(std::string_view s, std::size_t pos) noexcept {
  const auto c = static_cast<unsigned char>(s[pos - 1]);
  if (c < 0x80) return {c, 1, true};
  return decode_utf8_before_multibyte(s, pos);
}

// Writes cp's UTF-8 form (1-4 bytes) to out and returns its length.
std::size_t encode_utf8(char32_t cp, unsigned char out[4]) noexcept;
void append_utf8(std::string& out, char32_t cp);

// Code points of s as decode_utf8 reads it (an invalid byte is one U+FFFD): ASCII runs are measured
// 16 bytes at a time (blocks::ascii_prefix), and only the non-ASCII characters are decoded.
std::size_t count_code_points(std::string_view s) noexcept;

// Length of the longest valid UTF-8 prefix of s.
std::size_t valid_utf8_prefix(std::string_view s) noexcept;

// A line of text: [begin, end) is its content, [end, next) its terminator (LF, CRLF or lone CR,
// or nothing for a last line without one). Offsets are into the buffer that was split.
struct Line {
  std::uint64_t begin;
  std::uint64_t end;
  std::uint64_t next;

  std::string_view content(std::string_view text) const { return text.substr(begin, end - begin); }
};

// Splits text into lines. An empty text has no lines; a text ending in a terminator has no
// empty line after it (as `wc -l` and editors count).
std::vector<Line> split_lines(std::string_view text);

// Code point classes used by several stages.
bool is_cjk_ideograph(char32_t cp) noexcept;    // Han ideographs (unified, extensions, compatibility)
bool is_cjk_punctuation(char32_t cp) noexcept;  // CJK symbols and punctuation, fullwidth ASCII punctuation
bool is_fullwidth_form(char32_t cp) noexcept;   // U+FF01..U+FF5E
bool is_horizontal_space(char32_t cp) noexcept; // space, tab, NBSP, ideographic space and other Zs
bool is_invisible(char32_t cp) noexcept;        // zero-width and other default-ignorable format chars

// True when the line holds nothing but horizontal space and invisible characters.
bool is_blank(std::string_view line) noexcept;

}  // namespace corpus_scan
