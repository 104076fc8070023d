// Where the word passes can act, found with masks over 64-byte blocks (byte_blocks.hpp) instead of
// a test per byte, which mispredicted at every capital: missing-space only acts at a mark before a
// capital, glued-words only at a capital inside a word or after a bracket, split-domain only at
// a ". " before a-z or after "w". The passes decide at each site; tests/unit/normalizer_fast_test.cpp
// holds the walks to their byte-at-a-time definitions (split-domain's through the pass itself).
//
// Ownership: the walks read the caller's string_view and keep nothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "byte_blocks.hpp"

namespace corpus_scan::normalizer {

// Calls visit(i), in order, for each i >= 1 where text[i] is one of . , ; : ! ? and text[i + 1]
// is A-Z: the only places missing-space acts.
template <class Visit>
void for_each_mark_before_capital(std::string_view text, Visit visit) {
  struct Classes {
    std::uint64_t mark, upper;
    void merge(const Classes& o, int shift) { mark |= o.mark << shift, upper |= o.upper << shift; }
  };
  std::uint64_t carry_mark = 0;
  for (blocks::Blocks block(text); block.next();) {
    using namespace blocks;
    Classes c = classify64<Classes>(block.data(), [](Bytes x) {
      const auto eq = [&](unsigned char b) { return x == splat(b); };
      return Classes{bits16(eq('.') | eq(',') | eq(';') | eq(':') | eq('!') | eq('?')), bits16(in_range(x, 'A', 'Z'))};
    });
    const unsigned skip = block.skip();
    c.mark >>= skip, c.upper >>= skip;
    // Bit k: byte base + k is the capital, so the mark is at base + k - 1.
    for (std::uint64_t hits = shift_in(c.mark, carry_mark) & c.upper; hits != 0; hits &= hits - 1) {
      const std::size_t i = block.base() + static_cast<std::size_t>(__builtin_ctzll(hits)) - 1;
      if (i >= 1) visit(i);
    }
  }
}

// Calls visit(i), in order, for each i >= 1 where text[i] is A-Z, text[i + 1] a-z and text[i - 1]
// a-z or ')': the only places glued-words acts (a capital inside a word, or after a bracket).
template <class Visit>
void for_each_inner_capital(std::string_view text, Visit visit) {
  struct Classes {
    std::uint64_t upper, lower, close;
    void merge(const Classes& o, int shift) { upper |= o.upper << shift, lower |= o.lower << shift, close |= o.close << shift; }
  };
  std::uint64_t carry_before = 0, carry_capital = 0;
  for (blocks::Blocks block(text); block.next();) {
    using namespace blocks;
    Classes c = classify64<Classes>(block.data(), [](Bytes x) {
      return Classes{bits16(in_range(x, 'A', 'Z')), bits16(in_range(x, 'a', 'z')), bits16(x == splat(')'))};
    });
    const unsigned skip = block.skip();
    c.upper >>= skip, c.lower >>= skip, c.close >>= skip;
    const std::uint64_t capital = shift_in(c.lower | c.close, carry_before) & c.upper;
    // Bit k: byte base + k is the a-z after the capital at base + k - 1.
    for (std::uint64_t hits = shift_in(capital, carry_capital) & c.lower; hits != 0; hits &= hits - 1)
      visit(block.base() + static_cast<std::size_t>(__builtin_ctzll(hits)) - 1);
  }
}

// The ". " (at pos) that find_split_domain could join, in order: an edit needs a lowercase
// suffix after the space (kDomainSuffixes are all lowercase) or "www. " and a letter, so only a
// ". " followed by a-z, and "w. " followed by anything, is visited (the visit decides, as
// before). Nearly every line has ". " before a capital; finding each one with memchr and then
// rejecting it cost a call and a mispredicted branch per sentence. Bit k of a block's mask is
// its byte k, the byte after the ". ", so pos = base + k - 2.
template <class Visit>
void for_each_domain_gap(std::string_view text, Visit visit) {
  struct Classes {
    std::uint64_t dot, space, lower, w;
    void merge(const Classes& o, int shift) {
      dot |= o.dot << shift, space |= o.space << shift, lower |= o.lower << shift, w |= o.w << shift;
    }
  };
  std::uint64_t carry_dot = 0, carry_w = 0, carry_gap = 0, carry_w_dot = 0, carry_w_gap = 0;
  for (blocks::Blocks block(text); block.next();) {
    using namespace blocks;
    Classes c = classify64<Classes>(block.data(), [](Bytes x) {
      return Classes{bits16(x == splat('.')), bits16(x == splat(' ')), bits16(in_range(x, 'a', 'z')),
                     bits16(x == splat('w'))};
    });
    const unsigned skip = block.skip();
    c.dot >>= skip, c.space >>= skip, c.lower >>= skip, c.w >>= skip;
    const std::uint64_t w_dot = shift_in(c.w, carry_w) & c.dot;
    const std::uint64_t gap = shift_in(c.dot, carry_dot) & c.space;      // the space of ". "
    const std::uint64_t w_gap = shift_in(w_dot, carry_w_dot) & c.space;  // the space of "w. "
    // Any byte of the line after "w. " (the visit rejects what is no letter).
    std::uint64_t hits = (shift_in(gap, carry_gap) & c.lower) | (shift_in(w_gap, carry_w_gap) & block.valid());
    for (; hits != 0; hits &= hits - 1) visit(block.base() + static_cast<std::size_t>(__builtin_ctzll(hits)) - 2);
  }
}


}  // namespace corpus_scan::normalizer
