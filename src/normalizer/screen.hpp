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
#include <vector>

#include "corpus_scan/normalizer.hpp"

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
  kDigitGap = 1u << 7,        // a digit then ": ", or " " and one of " :", or " " and an ordinal
                              // suffix st, nd, rd, th that no ASCII letter follows
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
  kOtherLead = 1u << 17,      // a lead byte (>= 0xC0) of a character the repetition-loop gate cannot
                              // read (loop_gate.hpp): all but U+0080-00BF (C2), U+2000-207F (E2 80|81),
                              // U+3000-303F (E3 80, not U+3007), U+FF00-FF7F (EF BC|BD) and the Han
                              // letters U+4000-9FFF (E4-E9 and two continuation bytes, not U+4DC0-4DFF)
  kDomainGap = 1u << 18,      // ". " then a-z, or "w. " (where split-domain looks)
  kBadUtf8 = 1u << 19,        // bytes that are not UTF-8 as decode_utf8 reads it: a lead byte it
                              // rejects or one without its continuation bytes, or a continuation
                              // byte that follows no lead byte's own (exact: the line is invalid)
  kNfcSuspect = 1u << 20,     // a lead byte (>= 0xC0) of a character the screen cannot vouch NFC-inert
                              // by its first three bytes: all but U+0080-02FF (C2-CB), U+2002-207F
                              // (E2 80 82-BF, E2 81), U+3000-3029 and U+3030-303F (E3 80, not AA-AF),
                              // U+FF00-FF7F (EF BC|BD), U+FFFD (EF BF BD) and the Han letters U+4000-9FFF (E4-E9 and two
                              // continuation bytes). Curly quotes, dashes and Chinese text need no
                              // NFC pass; tests/unit/normalizer_fast_test.cpp asks ICU for each.
};

// Classifies 16 bytes per instruction (byte_blocks.hpp); tests/unit/normalizer_fast_test.cpp holds it
// to the byte-at-a-time definition of every bit above. With `alnum_blocks`, it also keeps what the
// repetition-loop gate reads, so the gate needs no walk of its own: one mask per 64-byte block
// (the first (text.size() + 63) / 64 elements; the vector is grown to hold them, never shrunk, and
// any elements after them are stale), bit k set when byte 64 * block + k is an ASCII letter or
// digit, or follows a lead byte E4-E9 (the middle byte of a Han letter).
std::uint32_t screen_line(std::string_view text, std::vector<std::uint64_t>* alnum_blocks = nullptr);

// Whether a line with these triggers may hold something for the pass that makes edits of `kind`
// (false: the pass is skipped). One definition for normalize_line and for the test that holds
// each pass to it. LostChars here is the lost-chars report; the repair of invalid UTF-8, also
// recorded as lost-chars, runs on any kNonAscii line, like the unicode pass.
constexpr bool triggered(EditKind kind, std::uint32_t screen) noexcept {
  const auto has = [screen](std::uint32_t t) { return (screen & t) != 0; };
  switch (kind) {
    case EditKind::Whitespace: return has(kControl | kDoubleSpace | kEdgeSpace | kOddSpace);
    case EditKind::CjkPunctInLatin: return has(kCjkPunctMark);
    case EditKind::SplitEllipsis: return has(kEllipsisMark) || (has(kDotSpace) && has(kSpaceDot));
    case EditKind::SplitDash: return has(kDashMark);
    case EditKind::BrokenApostrophe: return has(kSpacedQuote);
    case EditKind::SplitNumber: return has(kDigitGap);
    case EditKind::MissingSpace: return has(kPunctUpper);
    case EditKind::SplitDomain: return has(kDomainGap);
    case EditKind::GluedWords: return has(kUpperLower) && has(kBeforeUpper);
    case EditKind::RepetitionLoop: return true;  // its own gate decides (loop_gate.hpp)
    case EditKind::LostChars: return has(kDoubleQuestion | kReplacementLead);
    case EditKind::Unicode: return has(kNonAscii);
  }
  return true;
}

// Whether the unicode pass in `form` may change a line with these triggers. NFC leaves text alone
// when it is valid UTF-8 (no kBadUtf8) whose characters are all below U+0300 or NFC-inert (no
// kNfcSuspect): such text is NFC. NFKC also maps compatibility characters, so any non-ASCII
// byte is a trigger. (triggered(EditKind::Unicode) is the form-blind kNonAscii.)
constexpr bool unicode_triggered(UnicodeForm form, std::uint32_t screen) noexcept {
  if (form == UnicodeForm::None) return false;
  return (screen & (form == UnicodeForm::NFC ? kNfcSuspect | kBadUtf8 : kNonAscii)) != 0;
}

}  // namespace corpus_scan::normalizer
