// Character classes and the "which script surrounds this spot" question every context-sensitive
// normalizer rule asks (Chinese punctuation stays in Chinese text, becomes ASCII in English text).
//
// Ownership: every function reads a caller-owned std::string_view and keeps nothing.
#pragma once

#include <cstddef>
#include <string_view>

#include "byte_blocks.hpp"
#include "corpus_scan/text.hpp"

namespace corpus_scan::normalizer {

enum class Script : unsigned char { None, Latin, Cjk };

inline constexpr bool is_ascii_alpha(char c) noexcept { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline constexpr bool is_ascii_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
inline constexpr bool is_ascii_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }
inline constexpr bool is_ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }
inline constexpr bool is_ascii_alnum(char c) noexcept { return is_ascii_alpha(c) || is_ascii_digit(c); }
inline constexpr bool is_ascii_space(char c) noexcept { return c == ' ' || c == '\t'; }

// Han ideographs, kana and hangul: the letters of Chinese (and Japanese/Korean) text.
bool is_cjk_letter(char32_t cp) noexcept;
// Latin letters: ASCII and the Latin-1 / Latin Extended blocks.
bool is_latin_letter(char32_t cp) noexcept;
Script script_of(char32_t cp) noexcept;

// The script of the nearest letter before `pos` (after `pos` for script_after), skipping spaces,
// digits and punctuation; Script::None when no letter is found within a short window (so the
// question costs O(1) however long the line is).
Script script_before(std::string_view text, std::size_t pos) noexcept;
Script script_after(std::string_view text, std::size_t pos) noexcept;

// True when the text around [begin, end) is English: no Chinese letter is the nearest letter on
// either side, and a Latin letter is on at least one side.
bool in_latin_context(std::string_view text, std::size_t begin, std::size_t end) noexcept;

// True when the nearest letter on either side of [begin, end) is Chinese.
bool touches_cjk(std::string_view text, std::size_t begin, std::size_t end) noexcept;

// Whether lead, b1, b2 are the bytes of a character U+4000-9FFF (lead byte E4-E9, then two
// continuation bytes): nearly every Chinese letter, told without decoding (surely_nfc skips them,
// the line screen marks them for the loop gate).
inline constexpr bool is_u4000_9fff(unsigned lead, unsigned b1, unsigned b2) noexcept {
  return lead >= 0xE4 && lead <= 0xE9 && (b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80;
}

// Whether s is all ASCII (blocks::ascii_prefix reads it 16 bytes at a time).
inline bool all_ascii(std::string_view s) noexcept { return blocks::ascii_prefix(s) == s.size(); }

}  // namespace corpus_scan::normalizer
