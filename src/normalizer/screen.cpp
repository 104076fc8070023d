#include "normalizer/screen.hpp"

#include <array>

namespace corpus_scan::normalizer {

namespace {

// Byte classes: the few bytes a trigger names, everything else Other.
enum ByteClass : std::uint8_t {
  kOther, kSpace, kCtrl, kDigit, kUpper, kLower, kDot, kMark /* , ; ! */, kColon, kQuestion,
  kQuote /* ' ` */, kClose /* ) */, kLeadE2 /* ‘ ’ ′ start so */, kQuoteTail /* ... and end in 98 99 B2 */,
  kLeadEF, kHigh, kClassCount
};
static_assert(kClassCount <= 16);

constexpr std::array<std::uint8_t, 256> kClass = [] {
  std::array<std::uint8_t, 256> t{};
  for (int b = 0; b < 256; ++b) {
    std::uint8_t c = kOther;
    if (b < 0x20 || b == 0x7F) c = kCtrl;
    else if (b == ' ') c = kSpace;
    else if (b >= '0' && b <= '9') c = kDigit;
    else if (b >= 'A' && b <= 'Z') c = kUpper;
    else if (b >= 'a' && b <= 'z') c = kLower;
    else if (b == '.') c = kDot;
    else if (b == ',' || b == ';' || b == '!') c = kMark;
    else if (b == ':') c = kColon;
    else if (b == '?') c = kQuestion;
    else if (b == '\'' || b == '`') c = kQuote;
    else if (b == ')') c = kClose;
    else if (b == 0xE2) c = kLeadE2;
    else if (b == 0x98 || b == 0x99 || b == 0xB2) c = kQuoteTail;
    else if (b == 0xEF) c = kLeadEF;
    else if (b >= 0x80) c = kHigh;
    t[static_cast<std::size_t>(b)] = c;
  }
  return t;
}();

// The triggers of the byte pair (prev, cur), indexed prev * 16 + cur; includes cur's own.
constexpr std::array<std::uint16_t, 256> kPair = [] {
  std::array<std::uint16_t, 256> t{};
  for (int p = 0; p < 16; ++p) {
    for (int c = 0; c < 16; ++c) {
      std::uint32_t f = 0;
      if (c == kLeadE2 || c == kQuoteTail || c == kLeadEF || c == kHigh) f |= kNonAscii;
      if (c == kCtrl) f |= kControl;
      if (c == kLeadEF) f |= kReplacementLead;
      if (p == kSpace && c == kSpace) f |= kDoubleSpace;
      if (p == kDot && c == kSpace) f |= kDotSpace;
      if (p == kSpace && c == kDot) f |= kSpaceDot;
      if ((p == kSpace && (c == kQuote || c == kLeadE2)) || ((p == kQuote || p == kQuoteTail) && c == kSpace))
        f |= kSpacedQuote;
      if (p == kDigit && (c == kSpace || c == kColon)) f |= kDigitGap;
      if ((p == kDot || p == kMark || p == kColon || p == kQuestion) && c == kUpper) f |= kPunctUpper;
      if (p == kUpper && c == kLower) f |= kUpperLower;
      if ((p == kLower || p == kClose) && c == kUpper) f |= kBeforeUpper;
      if (p == kQuestion && c == kQuestion) f |= kDoubleQuestion;
      t[static_cast<std::size_t>(p * 16 + c)] = static_cast<std::uint16_t>(f);
    }
  }
  return t;
}();

}  // namespace

std::uint32_t screen_line(std::string_view text) noexcept {
  if (text.empty()) return 0;
  std::uint32_t found = 0;
  std::uint32_t prev = kOther;
  for (const char ch : text) {
    const std::uint32_t cur = kClass[static_cast<unsigned char>(ch)];
    found |= kPair[prev * 16 + cur];
    prev = cur;
  }
  if (text.front() == ' ' || text.back() == ' ') found |= kEdgeSpace;
  return found;
}

}  // namespace corpus_scan::normalizer
