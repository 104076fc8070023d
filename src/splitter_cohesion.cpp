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
  while (hi_ < tokens_.size() && hi_ < right_size_) add(right_, left_, hi_++, +1, right_norm_, right_han_);
}

void CohesionWindows::advance_to(std::size_t p) {
  while (mid_ < p && mid_ < tokens_.size()) {
    add(right_, left_, mid_, -1, right_norm_, right_han_);
    add(left_, right_, mid_++, +1, left_norm_, left_han_);
    if (mid_ - lo_ > left_size_) add(left_, right_, lo_++, -1, left_norm_, left_han_);
    if (hi_ < tokens_.size()) add(right_, left_, hi_++, +1, right_norm_, right_han_);
  }
}

void CohesionWindows::clip_left_at(std::size_t p) {
  while (lo_ < p && lo_ < mid_) add(left_, right_, lo_++, -1, left_norm_, left_han_);
}

float CohesionWindows::cosine() const {
  if (left_norm_ == 0 || right_norm_ == 0) return 0.0f;
  return static_cast<float>(static_cast<double>(dot_) /
                            std::sqrt(static_cast<double>(left_norm_) * static_cast<double>(right_norm_)));
}

double CohesionWindows::echo_after(std::size_t begin, std::size_t end) const {
  if (begin >= end) return 0.0;
  std::size_t echoed = 0;
  for (std::size_t i = begin; i < end; ++i) {
    const std::size_t b = bucket(i);
    std::int32_t own = 0;  // the line's own occurrences are in the right window too
    for (std::size_t j = begin; j < end && j < hi_; ++j) own += bucket(j) == b;
    if (right_[b] > own) ++echoed;
  }
  return static_cast<double>(echoed) / static_cast<double>(end - begin);
}

double CohesionWindows::echo_before(std::size_t begin, std::size_t end) const {
  if (begin >= end) return 0.0;
  std::size_t echoed = 0;
  for (std::size_t i = begin; i < end; ++i) echoed += left_[bucket(i)] > 0;
  return static_cast<double>(echoed) / static_cast<double>(end - begin);
}

std::size_t CohesionWindows::bucket(std::size_t i) const { return tokens_[i] & (kBuckets - 1); }

// counts[bucket of token i] += delta, keeping the dot product, the norm and the Han count up to date.
void CohesionWindows::add(std::vector<std::int32_t>& counts, const std::vector<std::int32_t>& other,
                          std::size_t i, std::int32_t delta, std::int64_t& norm, std::size_t& han) {
  const std::size_t b = bucket(i);
  if (tokens_[i] & kHanTokenBit) han += delta;
  dot_ += static_cast<std::int64_t>(delta) * other[b];
  norm += static_cast<std::int64_t>(2 * counts[b] + delta) * delta;
  counts[b] += delta;
}

}  // namespace corpus_scan::splitting
