// The repetition-loop pass's cheapest pre-check (may_loop), fed one 64-byte block at a time from
// the masks the line screen keeps (screen.hpp), so it does not classify the line again.
//
// It is a necessary condition for a loop the pass would remove: it says "no loop" only when no
// unit of m <= kMaxPhraseTokens tokens repeats kMinRepeats times. It applies to lines whose only
// non-ASCII characters are Han letters U+4000-9FFF, each a token of its own as in the pass, and
// characters that are never part of a token (curly quotes, dashes, CJK and fullwidth punctuation:
// screen.hpp lists them). There the pass's tokens are exactly the runs of ASCII letters and digits
// and the Han letters, which the screen's masks show as one bit at the letter's middle byte. Any
// other lead byte (the screen's kOtherLead) makes the answer "maybe" without it. A repeated unit
// makes each token's signature (its case-folded first byte and its length; a Han letter's middle
// byte) equal the one m tokens back, 3m times in a row: one byte-wise compare against the last 8
// signatures and 8 run counters per token, no hashing. (Each counter is a byte lane of its own; it
// sets its hit bit the moment it reaches 3m, long before it could wrap.)
//
// Ownership: keeps a view of the caller's line, which must outlive it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "byte_blocks.hpp"

namespace corpus_scan::normalizer {

inline constexpr std::size_t kMaxPhraseTokens = 8;
inline constexpr std::size_t kMinRepeats = 4;  // "Twinkle, twinkle, twinkle, bright stars" is left alone

class LoopGate {
 public:
  explicit LoopGate(std::string_view text) noexcept : text_(text) {}

  // True once the answer is "maybe a loop": later blocks need not be fed.
  bool maybe() const noexcept { return maybe_; }

  // One block: bit k of `alnum` (ASCII letters and digits, Han letters' middle bytes) is byte
  // base + k of the line, for the bytes of this block not fed before.
  void block(std::uint64_t alnum, std::size_t base) noexcept {
    const std::uint64_t before = blocks::shift_in(alnum, carry_alnum_);
    const std::uint64_t ends = ~alnum & before;
    // Starts and ends alternate. A token left open by the blocks before counts as a start at bit 0
    // (that byte then has no start bit of its own) whose position is last_start_: chosen by a
    // select, not a branch, as whether a block starts inside a word is a coin toss per block.
    const std::uint64_t carried = before & 1;
    std::uint64_t starts = (alnum & ~before) | carried;
    const auto start_at = [&] {
      return base + static_cast<std::size_t>(__builtin_ctzll(starts | (std::uint64_t{1} << 63)));
    };
    const std::size_t first = start_at();
    std::size_t b = (last_start_ & (0 - carried)) | (first & (carried - 1));
    for (std::uint64_t e = ends; e != 0; e &= e - 1) {
      token(b, base + static_cast<std::size_t>(__builtin_ctzll(e)));
      starts &= starts - 1;
      b = start_at();
    }
    // A token left open runs into the next block from b (the ctz of an empty mask is never used:
    // then no token is open).
    last_start_ = b;
    maybe_ |= hit();
  }

  // After the last block: the answer (false: no loop on this line).
  bool finish() noexcept {
    // A token running to the end of a line of whole blocks has no end bit (a shorter last
    // block's bytes past the line are no letters, which gives the others one).
    if (!maybe_ && text_.size() % 64 == 0 && carry_alnum_ != 0) token(last_start_, text_.size());
    return maybe_ || hit();
  }

 private:
  using Lanes = std::uint64_t __attribute__((vector_size(16)));  // to move a word into a vector
  static constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  static_assert(kMaxPhraseTokens == 8 && kMinRepeats == 4, "one byte lane per phrase length m, a run of 3m");
  // Lane m-1 reaches bit 7 when its run counter is at least 3m.
  static constexpr std::uint64_t kThreshold = [] {
    std::uint64_t t = 0;
    for (std::uint64_t m = 1; m <= 8; ++m) t |= (128 - 3 * m) << (8 * (m - 1));
    return t;
  }();

  // The per-token work is the gate's whole cost, so the eight lanes live in a vector register:
  // one byte compare gives the equal lanes (it took five word operations to find them and three
  // to widen them into a mask). Lanes 8-15 compare zeros and are never read.
  void token(std::size_t b, std::size_t e) noexcept {
    const std::uint64_t sig = ((static_cast<unsigned char>(text_[b]) | 0x20u) + 32u * static_cast<std::uint64_t>(e - b)) & 0xFF;
    const blocks::Mask same = reinterpret_cast<blocks::Bytes>(Lanes{recent_, 0}) == reinterpret_cast<blocks::Bytes>(Lanes{sig * kOnes, 0});
    runs_ = (runs_ + 1) & reinterpret_cast<blocks::Bytes>(same);
    recent_ = (recent_ << 8) | sig;
    hit_ |= runs_ + reinterpret_cast<blocks::Bytes>(Lanes{kThreshold, 0});
  }
  // Whether lane m-1's counter has reached 3m, for some m (bit 7 of lanes 0-7).
  bool hit() const noexcept { return (blocks::bits16(reinterpret_cast<blocks::Mask>(hit_)) & 0xFF) != 0; }

  std::string_view text_;
  std::uint64_t recent_ = 0;  // the signatures of the last 8 tokens, the latest in the low byte
  blocks::Bytes runs_{};      // lane m-1: how many tokens in a row matched the one m back
  blocks::Bytes hit_{};       // bit 7 of lane m-1: its counter reached 3m
  std::uint64_t carry_alnum_ = 0;
  std::size_t last_start_ = 0;
  bool maybe_ = false;
};

}  // namespace corpus_scan::normalizer
