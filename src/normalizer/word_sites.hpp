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

// Where split-domain can act, block by block from a line's masks (bit k: byte k of the block):
// an edit needs a lowercase suffix after the space (kDomainSuffixes are all lowercase) or "www. "
// and a letter, so a ". " followed by a-z, and "w. " followed by anything (the pass decides).
// The screen (screen.cpp) flags a line that has one; for_each_domain_gap visits them. The carries
// hold the masks' last bits from the block before.
struct DomainGaps {
  struct Sites {
    std::uint64_t lower_after;  // the a-z after a ". "
    std::uint64_t w_space;      // the space of a "w. " (what follows it may be in the next block)
  };
  std::uint64_t carry_gap = 0, carry_w = 0, carry_w_dot = 0;
  // dot_space: the spaces of ". " (the screen has them already).
  Sites next(std::uint64_t dot_space, std::uint64_t dot, std::uint64_t space, std::uint64_t lower, std::uint64_t w) noexcept {
    using blocks::shift_in;
    return {shift_in(dot_space, carry_gap) & lower, shift_in(shift_in(w, carry_w) & dot, carry_w_dot) & space};
  }
};

// Calls visit(pos), in order, for each ". " at pos that DomainGaps finds and that a byte follows.
// Nearly every line has ". " before a capital; finding each one with memchr and then rejecting it
// cost a call and a mispredicted branch per sentence. Bit k of a block's mask is its byte k, the
// byte after the ". ", so pos = base + k - 2.
template <class Visit>
void for_each_domain_gap(std::string_view text, Visit visit) {
  struct Classes {
    std::uint64_t dot, space, lower, w;
    void merge(const Classes& o, int shift) {
      dot |= o.dot << shift, space |= o.space << shift, lower |= o.lower << shift, w |= o.w << shift;
    }
  };
  std::uint64_t carry_dot = 0, carry_w_space = 0;
  DomainGaps gaps;
  for (blocks::Blocks block(text); block.next();) {
    using namespace blocks;
    Classes c = classify64<Classes>(block.data(), [](Bytes x) {
      return Classes{bits16(x == splat('.')), bits16(x == splat(' ')), bits16(in_range(x, 'a', 'z')),
                     bits16(x == splat('w'))};
    });
    const unsigned skip = block.skip();
    c.dot >>= skip, c.space >>= skip, c.lower >>= skip, c.w >>= skip;
    const DomainGaps::Sites sites = gaps.next(shift_in(c.dot, carry_dot) & c.space, c.dot, c.space, c.lower, c.w);
    // The byte after "w. ", whatever it is, when the line has one.
    std::uint64_t hits = sites.lower_after | (shift_in(sites.w_space, carry_w_space) & block.valid());
    for (; hits != 0; hits &= hits - 1) visit(block.base() + static_cast<std::size_t>(__builtin_ctzll(hits)) - 2);
  }
}

}  // namespace corpus_scan::normalizer
