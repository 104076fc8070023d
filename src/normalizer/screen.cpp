#include "normalizer/screen.hpp"

#include <array>

#include "normalizer/blocks.hpp"

namespace corpus_scan::normalizer {

namespace {

// The byte classes looked at 16 at a time, one bit mask each over a 64-byte block. Classes that
// are rare in text (capitals, quotes, '?', non-ASCII) are only found here; their neighbours are
// then read one by one (neighbour_triggers), which is cheaper than a mask per neighbour class.
struct Classes {
  std::uint64_t space, dot, digit, colon, ctrl, upper, rare, high, lead;
  void merge(const Classes& o, int shift) {
    space |= o.space << shift;
    dot |= o.dot << shift;
    digit |= o.digit << shift;
    colon |= o.colon << shift;
    ctrl |= o.ctrl << shift;
    upper |= o.upper << shift;
    rare |= o.rare << shift;
    high |= o.high << shift;
    lead |= o.lead << shift;
  }
};

inline __attribute__((always_inline)) Classes classify(blocks::Bytes x) noexcept {
  using namespace blocks;
  const auto eq = [&](unsigned char c) { return x == splat(c); };
  Classes c;
  c.space = bits16(eq(' '));
  c.dot = bits16(eq('.'));
  c.digit = bits16(in_range(x, '0', '9'));
  c.colon = bits16(eq(':'));
  c.ctrl = bits16((x < splat(0x20)) | eq(0x7F));
  c.upper = bits16(in_range(x, 'A', 'Z'));
  c.rare = bits16(eq('\'') | eq('`') | eq('?'));
  c.high = bits16(x >= splat(0x80));
  c.lead = c.high != 0 ? bits16(x >= splat(0xC0)) : 0;
  return c;
}

// What the bytes around a capital, a quote or a question mark at text[i] trigger.
constexpr std::array<std::uint8_t, 256> kBeforeCapital = [] {
  std::array<std::uint8_t, 256> t{};
  for (int b = 0; b < 256; ++b) {
    if ((b >= 'a' && b <= 'z') || b == ')') t[static_cast<std::size_t>(b)] = 1;  // glued-words
    if (b == '.' || b == ',' || b == ';' || b == ':' || b == '!' || b == '?') t[static_cast<std::size_t>(b)] = 2;  // missing-space
  }
  return t;
}();

std::uint32_t neighbour_triggers(std::string_view text, std::size_t i) noexcept {
  const auto at = [&](std::size_t k) -> unsigned { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u; };
  const unsigned c = at(i), before = i > 0 ? at(i - 1) : 0u, after = at(i + 1);
  std::uint32_t t = 0;
  if (c >= 'A' && c <= 'Z') {
    if (kBeforeCapital[before] == 1) t |= kBeforeUpper;
    if (kBeforeCapital[before] == 2) t |= kPunctUpper;
    if (after >= 'a' && after <= 'z') t |= kUpperLower;
  } else if (c == '?') {
    if (after == '?') t |= kDoubleQuestion;
  } else if (before == ' ' || after == ' ') {  // ' or `
    t |= kSpacedQuote;
  }
  return t;
}

// Whether the space or colon at text[i], after a digit, starts a split clock time or ordinal:
// "8 : 00", "8  :00", "8: 00", "14 th", "1 st", "2 nd", "3 rd" (see find_split_number).
std::uint32_t digit_gap_at(std::string_view text, std::size_t i) noexcept {
  const char after = i + 1 < text.size() ? text[i + 1] : '\0';
  const bool gap = text[i] == ':' ? after == ' '
                                  : (after == ' ' || after == ':' || after == 's' || after == 'n' || after == 'r' || after == 't');
  return gap ? std::uint32_t{kDigitGap} : std::uint32_t{0};
}

// The non-ASCII triggers of the character whose lead byte is at text[i] (see screen.hpp).
std::uint32_t lead_triggers(std::string_view text, std::size_t i) noexcept {
  const auto at = [&](std::size_t k) -> unsigned { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u; };
  const unsigned b1 = at(i + 1);
  std::uint32_t t = 0;
  switch (static_cast<unsigned char>(text[i])) {
    case 0xC2:
      if (b1 == 0xA0 || b1 == 0xAD) t = kOddSpace;
      break;
    case 0xE1:
      if (b1 == 0x9A || b1 == 0xA0) t = kOddSpace;
      break;
    case 0xE2: {
      const unsigned b2 = at(i + 2);
      if (b1 == 0x81 && b2 >= 0x9F && b2 <= 0xA4) t = kOddSpace;
      if (b1 != 0x80) break;
      if ((b2 >= 0x80 && b2 <= 0x8F) || b2 == 0xAF) t = kOddSpace;
      if (b2 == 0x9C || b2 == 0x9D) t = kCjkPunctMark;
      if (b2 == 0xA6) t = kEllipsisMark;
      if (b2 == 0x94) t = kDashMark;
      if ((b2 == 0x98 || b2 == 0x99 || b2 == 0xB2) && ((i > 0 && text[i - 1] == ' ') || at(i + 3) == ' '))
        t = kSpacedQuote;  // ‘ ’ ′ next to a space
      break;
    }
    case 0xE3:
      if (b1 == 0x80) t = kCjkPunctMark;
      if (b1 == 0x80 && at(i + 2) == 0x80) t |= kOddSpace;
      break;
    case 0xEF:
      t = kReplacementLead;
      if (b1 == 0xBB) t |= kOddSpace;
      if (b1 == 0xBC || b1 == 0xBD) t |= kCjkPunctMark;
      break;
    default:
      break;
  }
  return t;
}

}  // namespace

std::uint32_t screen_line(std::string_view text) noexcept {
  if (text.empty()) return 0;
  // A byte pair (previous, current) is the previous byte's mask moved one byte on (shift_in) ANDed
  // with the current byte's; each trigger's masks accumulate over the line.
  std::uint64_t carry_space = 0, carry_dot = 0, carry_digit = 0;
  std::uint64_t control = 0, high = 0, double_space = 0, dot_space = 0, space_dot = 0;
  std::uint32_t found = 0;
  constexpr std::uint32_t kCapitalTriggers = kBeforeUpper | kPunctUpper | kUpperLower;
  for (blocks::Blocks block(text); block.next();) {
    using blocks::shift_in;
    const Classes c = blocks::classify64<Classes>(block.data(), classify);
    const std::size_t base = block.base();
    const std::uint64_t valid = block.valid();
    const std::uint64_t space_before = shift_in(c.space, carry_space);
    control |= c.ctrl & valid;  // the padding after the text is NUL bytes
    high |= c.high;
    double_space |= space_before & c.space;
    dot_space |= shift_in(c.dot, carry_dot) & c.space;
    space_dot |= space_before & c.dot;
    // A digit then a space or colon is common ("in 2023 the"); split-number needs the byte after
    // it too, read one by one until one is found.
    if ((found & kDigitGap) == 0)
      for (std::uint64_t gaps = shift_in(c.digit, carry_digit) & (c.space | c.colon) & valid; gaps != 0; gaps &= gaps - 1)
        found |= digit_gap_at(text, base + static_cast<std::size_t>(__builtin_ctzll(gaps)));
    else
      carry_digit = c.digit >> 63;
    // Capitals: until all three of their triggers are found.
    std::uint64_t rare = c.rare | ((found & kCapitalTriggers) == kCapitalTriggers ? 0 : c.upper);
    for (; rare != 0; rare &= rare - 1) found |= neighbour_triggers(text, base + static_cast<std::size_t>(__builtin_ctzll(rare)));
    // Non-ASCII bytes are few in these dumps: their characters are looked at one by one.
    for (std::uint64_t leads = c.lead; leads != 0; leads &= leads - 1)
      found |= lead_triggers(text, base + static_cast<std::size_t>(__builtin_ctzll(leads)));
  }
  const auto flag = [](std::uint64_t mask, Trigger t) { return mask != 0 ? static_cast<std::uint32_t>(t) : std::uint32_t{0}; };
  found |= flag(control, kControl) | flag(high, kNonAscii) | flag(double_space, kDoubleSpace) |
           flag(dot_space, kDotSpace) | flag(space_dot, kSpaceDot);
  if (text.front() == ' ' || text.back() == ' ') found |= kEdgeSpace;
  return found;
}

}  // namespace corpus_scan::normalizer
