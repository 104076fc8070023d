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

// Carry-save adder over 64 one-bit columns: a + b + c = 2 * carry + sum in each column.
struct CarrySave {
  std::uint64_t carry, sum;
};
inline CarrySave carry_save(std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  const std::uint64_t u = a ^ b;
  return {(a & b) | (u & c), u ^ c};
}

// Per-bit counts of the ones of many 64-bit words. Spreading every word into byte counters cost
// eight table loads and adds a word; instead words go in blocks of 16 through a carry-save tree
// (Harley and Seal's population count, kept per column): four bit planes (weights 1, 2, 4, 8)
// persist between blocks and each block leaves one word of weight 16 for the byte counters,
// about five logic operations a word. The counts are exact, so the SimHash is unchanged.
class BitVotes {
 public:
  static constexpr std::size_t kBlock = 16;

  // Adds the words f[0..count); the rest of the block must be zero words (they add no ones).
  void add_block(const std::uint64_t* f, std::size_t count) {
    const std::uint64_t twos_a = add_into(ones_, f[0], f[1]), twos_b = add_into(ones_, f[2], f[3]);
    const std::uint64_t fours_a = add_into(twos_, twos_a, twos_b);
    const std::uint64_t twos_c = add_into(ones_, f[4], f[5]), twos_d = add_into(ones_, f[6], f[7]);
    const std::uint64_t fours_b = add_into(twos_, twos_c, twos_d);
    const std::uint64_t eights_a = add_into(fours_, fours_a, fours_b);
    const std::uint64_t twos_e = add_into(ones_, f[8], f[9]), twos_f = add_into(ones_, f[10], f[11]);
    const std::uint64_t fours_c = add_into(twos_, twos_e, twos_f);
    const std::uint64_t twos_g = add_into(ones_, f[12], f[13]), twos_h = add_into(ones_, f[14], f[15]);
    const std::uint64_t fours_d = add_into(twos_, twos_g, twos_h);
    const std::uint64_t eights_b = add_into(fours_, fours_c, fours_d);
    const CarrySave e = carry_save(eights_, eights_a, eights_b);
    eights_ = e.sum;
    spread_add(e.carry);  // weight 16
    total_ += count;
  }

  // Bit b of the SimHash is set when most words have bit b set.
  std::uint64_t simhash() {
    flush();
    std::uint64_t h = 0;
    for (int b = 0; b < 64; ++b) {
      const std::uint64_t ones = 16 * std::uint64_t(sixteens_[b]) + 8 * ((eights_ >> b) & 1) +
                                 4 * ((fours_ >> b) & 1) + 2 * ((twos_ >> b) & 1) + ((ones_ >> b) & 1);
      if (2 * ones > total_) h |= std::uint64_t(1) << b;
    }
    return h;
  }

 private:
  // Adds two words of the next lower weight into `plane` and returns the carry word.
  static std::uint64_t add_into(std::uint64_t& plane, std::uint64_t a, std::uint64_t b) {
    const CarrySave s = carry_save(plane, a, b);
    plane = s.sum;
    return s.carry;
  }
  // Adds the bits of w to the byte counters of the weight-16 words.
  void spread_add(std::uint64_t w) {
    for (int k = 0; k < 8; ++k) lanes_[k] += kSpread[(w >> (8 * k)) & 0xFF];
    if (++pending_ == 255) flush();  // an 8-bit lane holds at most 255
  }
  void flush() {
    for (int k = 0; k < 8; ++k) {
      for (int j = 0; j < 8; ++j) sixteens_[8 * k + j] += (lanes_[k] >> (8 * j)) & 0xFF;
      lanes_[k] = 0;
    }
    pending_ = 0;
  }

  std::uint64_t ones_ = 0, twos_ = 0, fours_ = 0, eights_ = 0;  // bit planes of the block tree
  std::uint64_t lanes_[8] = {};                                // byte counters of weight-16 words
  std::uint32_t pending_ = 0;                                  // words in lanes_ since the flush
  std::uint32_t sixteens_[64] = {};                            // weight-16 words per column
  std::uint64_t total_ = 0;
};

}  // namespace

Fingerprint fingerprint_tokens(const TokenStream& tokens, std::uint64_t text_hash) {
  Fingerprint fp;
  fp.text_hash = mix64(text_hash);
  const std::vector<std::uint64_t>& h = tokens.hash;
  BitVotes votes;
  if (h.size() >= 3) {
    // Shingles are token 3-grams: an edit changes at most three of them.
    const auto shingle = [&h](std::size_t i) {
      return mix64(h[i] * 0xff51afd7ed558ccdULL + h[i + 1] * 0xc4ceb9fe1a85ec53ULL + h[i + 2]);
    };
    const std::size_t count = h.size() - 2;
    std::size_t i = 0;
    for (; i + BitVotes::kBlock <= count; i += BitVotes::kBlock) {
      std::uint64_t block[BitVotes::kBlock];
      for (std::size_t k = 0; k < BitVotes::kBlock; ++k) block[k] = shingle(i + k);
      votes.add_block(block, BitVotes::kBlock);
    }
    std::uint64_t tail[BitVotes::kBlock] = {};
    for (std::size_t k = 0; i + k < count; ++k) tail[k] = shingle(i + k);
    votes.add_block(tail, count - i);
    fp.shingles = static_cast<std::uint32_t>(count);
  } else {
    std::uint64_t block[BitVotes::kBlock] = {};
    std::copy(h.begin(), h.end(), block);
    votes.add_block(block, h.size());
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
