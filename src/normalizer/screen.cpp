#include "normalizer/screen.hpp"

#include "byte_blocks.hpp"
#include "corpus_scan/text.hpp"
#include "normalizer/script.hpp"
#include "normalizer/word_sites.hpp"

namespace corpus_scan::normalizer {

namespace {

// The marks missing-space looks for before a capital: . , ; : ! ?
constexpr bool is_sentence_mark(unsigned b) noexcept {
  return b == '.' || b == ',' || b == ';' || b == ':' || b == '!' || b == '?';
}

// text[k] as an unsigned byte, or 0 past the end (no trigger involves a NUL).
unsigned byte_at(std::string_view text, std::size_t k) noexcept {
  return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u;
}

std::uint32_t neighbour_triggers(std::string_view text, std::size_t i) noexcept {
  const auto at = [&](std::size_t k) { return byte_at(text, k); };
  const unsigned c = at(i), before = i > 0 ? at(i - 1) : 0u, after = at(i + 1);
  std::uint32_t t = 0;
  if (c >= 'A' && c <= 'Z') {
    // Only capitals after neither a letter nor a space come here; the masks settle kUpperLower
    // and a-z before a capital (screen_line).
    if (before == ')') t |= kBeforeUpper;
    if (is_sentence_mark(before)) t |= kPunctUpper;
  } else if (c == '?') {
    if (after == '?') t |= kDoubleQuestion;
  } else if (c == ':') {
    if (before >= '0' && before <= '9' && after == ' ') t |= kDigitGap;  // "8: 00"
  } else if (before == ' ' || after == ' ') {  // ' or `
    t |= kSpacedQuote;
  }
  return t;
}

// Whether text[k, k + 2) is "st", "nd", "rd" or "th" and no ASCII letter follows it (an
// ordinal's suffix as find_split_number takes it).
bool ordinal_suffix_at(std::string_view text, std::size_t k) noexcept {
  const unsigned a = byte_at(text, k), b = byte_at(text, k + 1), next = byte_at(text, k + 2) | 0x20u;
  const bool suffix = (a == 's' && b == 't') || ((a == 'n' || a == 'r') && b == 'd') || (a == 't' && b == 'h');
  return suffix && !(next >= 'a' && next <= 'z');
}

// Whether the space at text[i], just after a digit, is that of a split clock time or ordinal:
// "8 : 00", "8  :00", "14 th", "1 st", "2 nd", "3 rd" (find_split_number; "8: 00" is found at
// its colon, see neighbour_triggers).
// An ordinal's suffix is read whole, with the boundary after it, as the pass reads it: a trigger
// on any s, n, r or t ("5 stars", "10 times", "2 new") ran the pass on one line in sixteen
// (/tmp/pc8: 292 runs for 13 edits).
std::uint32_t digit_gap_at(std::string_view text, std::size_t i) noexcept {
  const unsigned after = byte_at(text, i + 1);
  const bool gap = after == ' ' || after == ':' || ordinal_suffix_at(text, i + 1);
  return gap ? std::uint32_t{kDigitGap} : std::uint32_t{0};
}

// Whether the loop gate can tell the repetition-loop pass's tokens around the character with
// these first three bytes (loop_gate.hpp): a character that is no part of a token (U+0080-00BF,
// U+2000-207F, U+3000-303F but the letter U+3007, U+FF00-FF7F), or a Han letter U+4000-9FFF but
// U+4DC0-4DFF, which is a token of its own and valid only with two continuation bytes.
constexpr bool gate_reads(unsigned c, unsigned b1, unsigned b2) noexcept {
  if (c >= 0xE4 && c <= 0xE9) return is_u4000_9fff(c, b1, b2) && !(c == 0xE4 && b1 == 0xB7);
  return c == 0xC2 || (c == 0xE2 && (b1 == 0x80 || b1 == 0x81)) || (c == 0xE3 && b1 == 0x80 && b2 != 0x87) ||
         (c == 0xEF && (b1 == 0xBC || b1 == 0xBD));
}

// Whether the character with these first three bytes is, by them alone, below U+0300 or one
// ICU calls NFC-inert (see kNfcSuspect): then it neither changes under NFC nor combines with
// its neighbours. (U+2000-2001 are singletons, U+302A-302F combining marks; U+FFFD is what the
// invalid-UTF-8 repair leaves.)
constexpr bool nfc_vouched(unsigned c, unsigned b1, unsigned b2) noexcept {
  if (c >= 0xE4 && c <= 0xE9) return is_u4000_9fff(c, b1, b2);
  return (c >= 0xC2 && c <= 0xCB) || (c == 0xE2 && (b1 == 0x81 || (b1 == 0x80 && b2 >= 0x82))) ||
         (c == 0xE3 && b1 == 0x80 && !(b2 >= 0xAA && b2 <= 0xAF)) ||
         (c == 0xEF && (b1 == 0xBC || b1 == 0xBD || (b1 == 0xBF && b2 == 0xBD)));
}

// Whether the character whose lead byte (>= 0xC0) is at text[i] is one decode_utf8 accepts
// (C2-F4 with all its continuation bytes; no overlong form, surrogate or code point past
// U+10FFFF) and no continuation byte follows it. With no continuation byte after an ASCII byte
// (screen_line's masks), every continuation byte of the line is then some lead byte's own.
bool valid_char_at(std::string_view text, std::size_t i) noexcept {
  const DecodedChar d = decode_utf8(text, i);
  return d.valid && (byte_at(text, i + d.length) & 0xC0u) != 0x80u;
}

// The non-ASCII triggers of the character whose lead byte is at text[i] (see screen.hpp).
std::uint32_t lead_triggers(std::string_view text, std::size_t i) noexcept {
  const auto at = [&](std::size_t k) { return byte_at(text, k); };
  const unsigned c = static_cast<unsigned char>(text[i]), b1 = at(i + 1);
  const unsigned b2 = at(i + 2);
  std::uint32_t t = gate_reads(c, b1, b2) ? 0u : std::uint32_t{kOtherLead};
  if (!nfc_vouched(c, b1, b2)) t |= kNfcSuspect;
  if (!valid_char_at(text, i)) t |= kBadUtf8;
  switch (c) {
    case 0xC2:
      if (b1 == 0xA0 || b1 == 0xAD) t |= kOddSpace;
      break;
    case 0xE1:
      if (b1 == 0x9A || b1 == 0xA0) t |= kOddSpace;
      break;
    case 0xE2: {
      if (b1 == 0x81 && b2 >= 0x9F && b2 <= 0xA4) t |= kOddSpace;
      if (b1 != 0x80) break;
      if ((b2 >= 0x80 && b2 <= 0x8F) || b2 == 0xAF) t |= kOddSpace;
      if (b2 == 0x9C || b2 == 0x9D) t |= kCjkPunctMark;
      if (b2 == 0xA6) t |= kEllipsisMark;
      if (b2 == 0x94) t |= kDashMark;
      if ((b2 == 0x98 || b2 == 0x99 || b2 == 0xB2) && ((i > 0 && text[i - 1] == ' ') || at(i + 3) == ' '))
        t |= kSpacedQuote;  // ‘ ’ ′ next to a space
      break;
    }
    case 0xE3:
      if (b1 == 0x80) t |= kCjkPunctMark;
      if (b1 == 0x80 && b2 == 0x80) t |= kOddSpace;
      break;
    case 0xEF:
      t |= kReplacementLead;
      if (b1 == 0xBB) t |= kOddSpace;
      if (b1 == 0xBC || b1 == 0xBD) t |= kCjkPunctMark;
      break;
    default:
      break;
  }
  return t;
}

}  // namespace

std::uint32_t screen_line(std::string_view text, std::vector<std::uint64_t>* alnum_blocks) {
  // Grown, never shrunk: resizing to each line's length went both ways from line to line, a
  // mispredicted branch in two of three lines (the gate reads only the line's own blocks).
  if (const std::size_t blocks = (text.size() + 63) / 64; alnum_blocks && alnum_blocks->size() < blocks)
    alnum_blocks->resize(blocks);
  if (text.empty()) return 0;
  using namespace blocks;
  // Four byte classes become bit masks over each 64-byte block; a byte pair (previous, current)
  // is the previous byte's mask moved one byte on (shift_in) ANDed with the current byte's.
  // Control and non-ASCII bytes only matter as "any", so their compares accumulate in vector
  // registers (bytes a last block re-reads count again, harmlessly). Quotes, '?', ':', capitals
  // after a mark, a space after a number and non-ASCII lead bytes are rare in text: their neighbours
  // are read one by one. (Fewer masks per block was the speed-up: each costs a compare, a
  // movemask and the shifts that join the four quarters.)
  std::uint64_t carry_space = 0, carry_dot = 0, carry_digit = 0, carry_upper = 0, carry_lower = 0;
  // A capital that starts the line follows nothing, so neither a mark nor ')': counted as after a
  // space, it is settled by the masks (most lines start with one; it was a visit per line).
  std::uint64_t carry_plain = 1;
  std::uint64_t carry_han = 0, carry_high = 0;
  DomainGaps domain_gaps;
  std::uint64_t stray_continuation = 0;  // a byte 80-BF after an ASCII byte or at the line's start
  std::uint64_t double_space = 0, dot_space = 0, space_dot = 0, upper_lower = 0, before_upper = 0, domain_gap = 0;
  Mask control{};
  Bytes high{};
  std::uint32_t found = 0;
  for (Blocks block(text); block.next();) {
    std::uint64_t space = 0, dot = 0, digit = 0, rare = 0, lead = 0, upper = 0, letter = 0, w = 0, han = 0, high_bits = 0;
    std::uint64_t e4 = 0, b7 = 0;  // bytes E4 and B7: U+4DC0-4DFF (E4 B7) is the one range of E4-E9 the gate cannot read
    Bytes block_high{};  // the block's bytes ORed: its top bit says whether any is >= 0x80
    for (int q = 0; q < 4; ++q) {
      const Bytes x = load(block.data() + 16 * q);
      const auto eq = [&](unsigned char c) { return x == splat(c); };
      const int shift = 16 * q;
      space |= bits16(eq(' ')) << shift;
      dot |= bits16(eq('.')) << shift;
      w |= bits16(eq('w')) << shift;
      digit |= bits16(in_range(x, '0', '9')) << shift;
      upper |= bits16(in_range(x, 'A', 'Z')) << shift;
      letter |= bits16(in_range(x | splat(0x20), 'a', 'z')) << shift;
      rare |= bits16(eq('\'') | eq('`') | eq('?') | eq(':')) << shift;
      control |= (x < splat(0x20)) | eq(0x7F);
      block_high |= x;
    }
    high |= block_high;
    // Lead bytes only in a block with a byte >= 0x80, a test per block rather than per quarter
    // (a quarter's test mispredicted around each curly quote of an English line).
    if (bits16(reinterpret_cast<Mask>(block_high)) != 0) {
      for (int q = 0; q < 4; ++q) {
        const Bytes x = load(block.data() + 16 * q);
        high_bits |= bits16(reinterpret_cast<Mask>(x)) << (16 * q);
        lead |= bits16(x >= splat(0xC0)) << (16 * q);
        han |= bits16(in_range(x, 0xE4, 0xE9)) << (16 * q);
        e4 |= bits16(x == splat(0xE4)) << (16 * q);
        b7 |= bits16(x == splat(0xB7)) << (16 * q);
      }
    }
    const std::size_t base = block.base();
    const unsigned skip = block.skip();
    space >>= skip, dot >>= skip, digit >>= skip, rare >>= skip, lead >>= skip, upper >>= skip;
    letter >>= skip, w >>= skip, han >>= skip, high_bits >>= skip, e4 >>= skip, b7 >>= skip;
    const std::uint64_t space_before = shift_in(space, carry_space);
    double_space |= space_before & space;
    const std::uint64_t dot_then_space = shift_in(dot, carry_dot) & space;
    dot_space |= dot_then_space;
    space_dot |= space_before & dot;
    // A capital after a letter or a space (nearly all of them) is settled by masks; only one
    // after anything else (a mark, a bracket, a digit, the line's start) is looked at byte by
    // byte for missing-space and ')': a loop per capital mispredicted its exit in every block.
    const std::uint64_t lower = letter & ~upper;
    upper_lower |= shift_in(upper, carry_upper) & lower;
    before_upper |= shift_in(lower, carry_lower) & upper;
    rare |= upper & ~shift_in(letter | space, carry_plain);
    // Where split-domain looks: ". " then a-z, or "w. " ("www. Xinhua"); most ". " start a sentence.
    const DomainGaps::Sites sites = domain_gaps.next(dot_then_space, dot, space, lower, w);
    domain_gap |= sites.lower_after | sites.w_space;
    // A Han letter is one token to the loop gate: a bit at its middle byte, which the bytes beside
    // it (lead and continuation bytes) never join. (A lead byte whose letter the gate cannot
    // read is kOtherLead, and then the gate reads no mask.)
    if (alnum_blocks) (*alnum_blocks)[base / 64] = letter | digit | shift_in(han, carry_han);
    // Valid UTF-8 needs no repair pass: see valid_char_at for the lead bytes.
    stray_continuation |= high_bits & ~lead & ~shift_in(high_bits, carry_high);
    // A space after a number: split-number needs it or a colon there (the colon, rarer than
    // numbers, is one of the rare bytes), and one more byte. Visiting every number's end
    // mispredicted the loop in most blocks with a number.
    for (std::uint64_t gaps = shift_in(digit, carry_digit) & space; gaps != 0; gaps &= gaps - 1)
      found |= digit_gap_at(text, base + static_cast<std::size_t>(__builtin_ctzll(gaps)));
    for (; rare != 0; rare &= rare - 1) found |= neighbour_triggers(text, base + static_cast<std::size_t>(__builtin_ctzll(rare)));
    // A Han letter U+4000-9FFF but U+4DC0-4DFF (E4-E9, two continuation bytes, then none) has no
    // trigger (see lead_triggers): settled by masks while its bytes are in this block, so Chinese
    // text is not visited letter by letter.
    const std::uint64_t continuation = high_bits & ~lead;
    const std::uint64_t plain_han = han & (continuation >> 1) & (continuation >> 2) & ~(continuation >> 3) &
                                    ~(e4 & (b7 >> 1)) & (~std::uint64_t{0} >> 3);
    for (lead &= ~plain_han; lead != 0; lead &= lead - 1) found |= lead_triggers(text, base + static_cast<std::size_t>(__builtin_ctzll(lead)));
  }
  const auto flag = [](std::uint64_t mask, Trigger t) { return mask != 0 ? static_cast<std::uint32_t>(t) : std::uint32_t{0}; };
  found |= flag(bits16(control), kControl) | flag(bits16(reinterpret_cast<Mask>(high)), kNonAscii) | flag(double_space, kDoubleSpace) |
           flag(dot_space, kDotSpace) | flag(space_dot, kSpaceDot) | flag(upper_lower, kUpperLower) |
           flag(before_upper, kBeforeUpper) | flag(domain_gap, kDomainGap) | flag(stray_continuation, kBadUtf8);
  if (text.front() == ' ' || text.back() == ' ') found |= kEdgeSpace;
  return found;
}

}  // namespace corpus_scan::normalizer
