// Lexical cohesion in the spirit of TextTiling (Hearst 1997), over English words and Han
// characters alike. At a gap in the token stream the left window holds the tokens of the article
// so far (at most `left` tokens, and never reaching back past the last article start) and the
// right window the `right` tokens that follow; cohesion is the cosine of their hashed counts.
// Both windows only ever move forward and the dot product and norms are updated token by token,
// so a whole file costs O(tokens), however its lines fall.
#include <algorithm>
#include <cmath>

#include "splitter_internal.hpp"

namespace corpus_scan::splitting {

namespace {
constexpr std::size_t kBuckets = 1u << 13;
}  // namespace

CohesionWindows::CohesionWindows(const std::vector<std::uint32_t>& tokens, std::size_t left, std::size_t right)
    : tokens_(tokens), left_size_(std::max<std::size_t>(left, 1)), right_size_(std::max<std::size_t>(right, 1)),
      left_(kBuckets, 0), right_(kBuckets, 0) {
  while (hi_ < tokens_.size() && hi_ < right_size_) add(right_, left_, bucket(hi_++), +1, right_norm_);
}

void CohesionWindows::advance_to(std::size_t p) {
  while (mid_ < p && mid_ < tokens_.size()) {
    const std::size_t b = bucket(mid_++);
    add(right_, left_, b, -1, right_norm_);
    add(left_, right_, b, +1, left_norm_);
    if (mid_ - lo_ > left_size_) add(left_, right_, bucket(lo_++), -1, left_norm_);
    if (hi_ < tokens_.size()) add(right_, left_, bucket(hi_++), +1, right_norm_);
  }
}

void CohesionWindows::clip_left_at(std::size_t p) {
  while (lo_ < p && lo_ < mid_) add(left_, right_, bucket(lo_++), -1, left_norm_);
}

float CohesionWindows::cosine() const {
  if (left_norm_ == 0 || right_norm_ == 0) return 0.0f;
  return static_cast<float>(static_cast<double>(dot_) /
                            std::sqrt(static_cast<double>(left_norm_) * static_cast<double>(right_norm_)));
}

std::size_t CohesionWindows::bucket(std::size_t i) const { return tokens_[i] & (kBuckets - 1); }

void CohesionWindows::add(std::vector<std::int32_t>& counts, const std::vector<std::int32_t>& other,
                          std::size_t b, std::int32_t delta, std::int64_t& norm) {
  dot_ += static_cast<std::int64_t>(delta) * other[b];
  norm += static_cast<std::int64_t>(2 * counts[b] + delta) * delta;
  counts[b] += delta;
}

}  // namespace corpus_scan::splitting
