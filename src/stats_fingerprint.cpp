// Fingerprints: the SimHash of an article's token shingles, and the corpus-level index that marks
// exact and near duplicates holding only fingerprints.
#include <algorithm>
#include <bit>

#include "corpus_scan/fingerprint.hpp"
#include "stats_internal.hpp"

namespace corpus_scan {

namespace stats_detail {

namespace {

// spread[x] holds bit j of x in byte j, so adding spread[byte] to a 64-bit word adds each bit to
// its own 8-bit counter: eight additions count the ones of all 64 bits of a word.
constexpr std::array<std::uint64_t, 256> make_spread() {
  std::array<std::uint64_t, 256> t{};
  for (std::uint32_t x = 0; x < 256; ++x)
    for (std::uint32_t j = 0; j < 8; ++j) t[x] |= std::uint64_t((x >> j) & 1) << (8 * j);
  return t;
}
constexpr std::array<std::uint64_t, 256> kSpread = make_spread();

// Two 64-bit words in one SSE2 register: the carry-save tree below works on two words at once.
using WordPair = std::uint64_t __attribute__((vector_size(16)));

// Carry-save adder over 64 one-bit columns (of each word of a pair): a + b + c = 2 * carry + sum
// in each column.
template <class W>
struct CarrySave {
  W carry, sum;
};
template <class W>
inline CarrySave<W> carry_save(W a, W b, W c) {
  const W u = a ^ b;
  return {(a & b) | (u & c), u ^ c};
}

// Per-bit counts of the ones of many 64-bit words. Spreading every word into byte counters cost
// eight table loads and adds a word; instead words go in blocks of 32 through a carry-save tree
// (Harley and Seal's population count, kept per column): four bit planes (weights 1, 2, 4, 8)
// persist between blocks and each block leaves one word of weight 32 for the byte counters. The
// tree runs on pairs of words in SSE2 registers (16 pairs a block: each lane of a plane counts
// the words at even or odd places, over the same 64 columns), so a word costs about half as many
// logic operations as one word at a time; the pair of weight-16 words a block leaves goes into
// a fifth plane (both lanes count the same columns), which halves the words to spread. The
// counts are exact, so the SimHash is unchanged.
class BitVotes {
 public:
  static constexpr std::size_t kBlock = 32;

  // Adds the words word(0), ..., word(31), of which the first `count` are the article's (the
  // rest must be zero words: they add no ones).
  template <class Word>
  void add_block(Word word, std::size_t count) {
    const auto pair = [&word](std::size_t k) { return WordPair{word(2 * k), word(2 * k + 1)}; };
    const WordPair twos_a = add_into(ones_, pair(0), pair(1)), twos_b = add_into(ones_, pair(2), pair(3));
    const WordPair fours_a = add_into(twos_, twos_a, twos_b);
    const WordPair twos_c = add_into(ones_, pair(4), pair(5)), twos_d = add_into(ones_, pair(6), pair(7));
    const WordPair fours_b = add_into(twos_, twos_c, twos_d);
    const WordPair eights_a = add_into(fours_, fours_a, fours_b);
    const WordPair twos_e = add_into(ones_, pair(8), pair(9)), twos_f = add_into(ones_, pair(10), pair(11));
    const WordPair fours_c = add_into(twos_, twos_e, twos_f);
    const WordPair twos_g = add_into(ones_, pair(12), pair(13)), twos_h = add_into(ones_, pair(14), pair(15));
    const WordPair fours_d = add_into(twos_, twos_g, twos_h);
    const WordPair eights_b = add_into(fours_, fours_c, fours_d);
    const WordPair sixteens = add_into(eights_, eights_a, eights_b);
    spread_add(add_into(sixteens_, sixteens[0], sixteens[1]));  // weight 32
    total_ += count;
  }

  // Bit b of the SimHash is set when most words have bit b set.
  std::uint64_t simhash() {
    flush();
    std::uint64_t h = 0;
    for (int b = 0; b < 64; ++b) {
      const auto bit = [b](std::uint64_t w) { return (w >> b) & 1; };
      std::uint64_t ones = 32 * std::uint64_t(thirty_twos_[b]) + 16 * bit(sixteens_);
      for (int lane = 0; lane < 2; ++lane)
        ones += 8 * bit(eights_[lane]) + 4 * bit(fours_[lane]) + 2 * bit(twos_[lane]) + bit(ones_[lane]);
      if (2 * ones > total_) h |= std::uint64_t(1) << b;
    }
    return h;
  }

 private:
  // Adds two words of the next lower weight into `plane` and returns the carry word.
  template <class W>
  static W add_into(W& plane, W a, W b) {
    const CarrySave<W> s = carry_save(plane, a, b);
    plane = s.sum;
    return s.carry;
  }
  // Adds the bits of w to the byte counters of the weight-32 words.
  void spread_add(std::uint64_t w) {
    for (int k = 0; k < 8; ++k) lanes_[k] += kSpread[(w >> (8 * k)) & 0xFF];
    if (++pending_ == 255) flush();  // an 8-bit lane holds at most 255
  }
  void flush() {
    for (int k = 0; k < 8; ++k) {
      for (int j = 0; j < 8; ++j) thirty_twos_[8 * k + j] += (lanes_[k] >> (8 * j)) & 0xFF;
      lanes_[k] = 0;
    }
    pending_ = 0;
  }

  WordPair ones_{}, twos_{}, fours_{}, eights_{};  // bit planes of the block tree, two lanes each
  std::uint64_t sixteens_ = 0;                       // the plane of the pairs' weight-16 words
  std::uint64_t lanes_[8] = {};                      // byte counters of weight-32 words
  std::uint32_t pending_ = 0;                        // words in lanes_ since the flush
  std::uint32_t thirty_twos_[64] = {};               // weight-32 words per column
  std::uint64_t total_ = 0;
};

}  // namespace

Fingerprint fingerprint_tokens(const TokenStream& tokens, std::uint64_t text_hash) {
  Fingerprint fp;
  fp.text_hash = mix64(text_hash);
  const std::vector<std::uint64_t>& h = tokens.hash;
  BitVotes votes;
  // Words past the last (a block's padding) are zero.
  std::uint64_t tail[BitVotes::kBlock] = {};
  const auto tail_word = [&tail](std::size_t k) { return tail[k]; };
  if (h.size() >= 3) {
    // Shingles are token 3-grams: an edit changes at most three of them.
    const auto shingle = [&h](std::size_t i) {
      return mix64(h[i] * 0xff51afd7ed558ccdULL + h[i + 1] * 0xc4ceb9fe1a85ec53ULL + h[i + 2]);
    };
    const std::size_t count = h.size() - 2;
    std::size_t i = 0;
    for (; i + BitVotes::kBlock <= count; i += BitVotes::kBlock)
      votes.add_block([&shingle, i](std::size_t k) { return shingle(i + k); }, BitVotes::kBlock);
    for (std::size_t k = 0; i + k < count; ++k) tail[k] = shingle(i + k);
    votes.add_block(tail_word, count - i);
    fp.shingles = static_cast<std::uint32_t>(count);
  } else {
    std::copy(h.begin(), h.end(), tail);
    votes.add_block(tail_word, h.size());
    fp.shingles = static_cast<std::uint32_t>(h.size());
  }
  fp.simhash = votes.simhash();
  return fp;
}

}  // namespace stats_detail

DuplicateIndex::DuplicateIndex(unsigned max_distance, std::uint32_t min_shingles)
    : max_distance_(std::min(max_distance, 15u)), min_shingles_(min_shingles) {
  // At least four blocks keep a block at 16 bits or fewer, so the head table stays small.
  blocks_ = std::max(4u, max_distance_ + 1);
  block_bits_ = 64 / blocks_;
}

void DuplicateIndex::begin_file(std::string path) {
  paths_.push_back(std::move(path));
  file_ = static_cast<std::uint32_t>(paths_.size() - 1);
}

std::uint32_t DuplicateIndex::block_key(std::uint64_t simhash, unsigned block) const {
  const std::uint64_t value = (simhash >> (block * block_bits_)) & ((std::uint64_t(1) << block_bits_) - 1);
  return static_cast<std::uint32_t>((std::uint64_t(block) << block_bits_) | value);
}

DuplicateMark DuplicateIndex::mark(std::uint32_t file, std::uint32_t index, bool exact, std::uint32_t distance) const {
  return DuplicateMark{paths_[file], index, exact, distance};
}

std::optional<DuplicateMark> DuplicateIndex::observe(const Fingerprint& fp, std::uint64_t article_index) {
  ++articles_;
  const Entry self{fp.simhash, file_, static_cast<std::uint32_t>(article_index)};
  const auto [it, inserted] = exact_.try_emplace(fp.text_hash, self);
  if (!inserted) return mark(it->second.file, it->second.index, true, 0);
  if (fp.shingles < min_shingles_) return std::nullopt;

  if (heads_.empty()) heads_.assign(std::size_t(blocks_) << block_bits_, kNone);
  // The earliest indexed article within max_distance bits is the original.
  std::uint32_t best = kNone;
  std::uint32_t best_distance = 0;
  for (unsigned b = 0; b < blocks_; ++b) {
    for (std::uint32_t e = heads_[block_key(fp.simhash, b)]; e != kNone; e = next_[std::size_t(e) * blocks_ + b]) {
      if (e >= best) continue;
      const auto d = static_cast<std::uint32_t>(std::popcount(near_[e].simhash ^ fp.simhash));
      if (d <= max_distance_) {
        best = e;
        best_distance = d;
      }
    }
  }
  // Index this article (a near duplicate too: a third copy may be closer to it than to the first).
  const auto id = static_cast<std::uint32_t>(near_.size());
  near_.push_back(self);
  next_.resize(next_.size() + blocks_);
  for (unsigned b = 0; b < blocks_; ++b) {
    std::uint32_t& head = heads_[block_key(fp.simhash, b)];
    next_[std::size_t(id) * blocks_ + b] = head;
    head = id;
  }
  if (best == kNone) return std::nullopt;
  return mark(near_[best].file, near_[best].index, false, best_distance);
}

}  // namespace corpus_scan
