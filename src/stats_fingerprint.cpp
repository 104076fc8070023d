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
// its own 8-bit counter: eight additions count the ones of all 64 bits of a shingle hash.
constexpr std::array<std::uint64_t, 256> make_spread() {
  std::array<std::uint64_t, 256> t{};
  for (std::uint32_t x = 0; x < 256; ++x)
    for (std::uint32_t j = 0; j < 8; ++j) t[x] |= std::uint64_t((x >> j) & 1) << (8 * j);
  return t;
}
constexpr std::array<std::uint64_t, 256> kSpread = make_spread();

class BitVotes {
 public:
  void add(std::uint64_t f) {
    for (int k = 0; k < 8; ++k) lanes_[k] += kSpread[(f >> (8 * k)) & 0xFF];
    ++total_;
    if (++pending_ == 255) flush();  // an 8-bit lane holds at most 255
  }
  // Bit b of the SimHash is set when most shingles have bit b set.
  std::uint64_t simhash() {
    flush();
    std::uint64_t h = 0;
    for (int b = 0; b < 64; ++b)
      if (2 * std::uint64_t(ones_[b]) > total_) h |= std::uint64_t(1) << b;
    return h;
  }

 private:
  void flush() {
    for (int k = 0; k < 8; ++k) {
      for (int j = 0; j < 8; ++j) ones_[8 * k + j] += (lanes_[k] >> (8 * j)) & 0xFF;
      lanes_[k] = 0;
    }
    pending_ = 0;
  }
  std::uint64_t lanes_[8] = {};
  std::uint32_t ones_[64] = {};
  std::uint64_t total_ = 0;
  std::uint32_t pending_ = 0;
};

}  // namespace

Fingerprint fingerprint_tokens(const TokenStream& tokens, std::uint64_t text_hash) {
  Fingerprint fp;
  fp.text_hash = mix64(text_hash);
  const std::vector<std::uint64_t>& h = tokens.hash;
  BitVotes votes;
  if (h.size() >= 3) {
    // Shingles are token 3-grams: an edit changes at most three of them.
    for (std::size_t i = 0; i + 3 <= h.size(); ++i)
      votes.add(mix64(h[i] * 0xff51afd7ed558ccdULL + h[i + 1] * 0xc4ceb9fe1a85ec53ULL + h[i + 2]));
    fp.shingles = static_cast<std::uint32_t>(h.size() - 2);
  } else {
    for (std::uint64_t t : h) votes.add(t);
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
