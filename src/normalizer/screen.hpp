// The line screen: one pass over a line's bytes that notes which byte pairs some normalizer pass
// could act on, so the passes whose trigger is absent are skipped without reading the line again
// (most lines of the dumps are plain English text that no pass changes).
//
// Every trigger is a necessary condition of its pass, never a sufficient one: a pass that is run
// decides for itself, exactly as without the screen. The screen is recomputed whenever a pass has
// changed the text, so it always describes the text the next pass sees.
//
// Ownership: screen_line reads the caller's string_view and keeps nothing.
#pragma once

#include <cstdint>
#include <string_view>

namespace corpus_scan::normalizer {

// Bits of what a line holds.
enum Trigger : std::uint32_t {
  kNonAscii = 1u << 0,        // a byte >= 0x80
  kControl = 1u << 1,         // a byte < 0x20 (tab included) or DEL
  kDoubleSpace = 1u << 2,     // "  "
  kEdgeSpace = 1u << 3,       // ' ' first or last
  kDotSpace = 1u << 4,        // ". "
  kSpaceDot = 1u << 5,        // " ."
  kSpacedQuote = 1u << 6,     // an apostrophe-like mark (' ` ‘ ’ ′) with a space just before or after
  kDigitGap = 1u << 7,        // a digit then " " and one of " :snrt", or ": "
  kPunctUpper = 1u << 8,      // one of . , ; : ! ? then A-Z
  kUpperLower = 1u << 9,      // A-Z then a-z
  kBeforeUpper = 1u << 10,    // a-z or ')' then A-Z
  kDoubleQuestion = 1u << 11, // "??"
  kReplacementLead = 1u << 12, // the lead byte of U+FFFD (0xEF)
  // Non-ASCII characters some pass acts on, by their UTF-8 bytes (a lead byte and the one or two
  // after it), so a line with only curly quotes or Chinese letters skips those passes:
  kOddSpace = 1u << 13,       // U+00A0, U+00AD, U+1680, U+180E, U+2000-200F, U+202F, U+205F-2064,
                              // U+3000, U+FEFF (non-ASCII spaces and invisibles): C2 A0|AD, E1 9A|A0,
                              // E2 80 80-8F|AF, E2 81 9F-A4, E3 80 80, EF BB
  kCjkPunctMark = 1u << 14,   // U+3000-303F, U+201C-201D, U+FF00-FF7F: E3 80, E2 80 9C|9D, EF BC|BD
  kEllipsisMark = 1u << 15,   // U+2026: E2 80 A6
  kDashMark = 1u << 16,       // U+2014: E2 80 94
};

// Classifies 16 bytes per instruction (byte_blocks.hpp); tests/unit/normalizer_fast_test.cpp holds it
// to the byte-at-a-time definition of every bit above.
std::uint32_t screen_line(std::string_view text) noexcept;

}  // namespace corpus_scan::normalizer
