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

inline std::size_t CohesionWindows::bucket(std::size_t i) const { return tokens_[i] & (kBuckets - 1); }

// One window's count of token i's bucket (`own`; the other window's is `other`) += delta, keeping
// the dot product, that window's norm and its Han count up to date.
inline void CohesionWindows::add(Sums& s, std::size_t i, std::int32_t delta, std::int32_t Counts::*own,
                                 std::int32_t Counts::*other, std::int64_t Sums::*norm, std::size_t Sums::*han) {
  Counts& c = counts_[bucket(i)];
  if (tokens_[i] & kHanTokenBit) s.*han += delta;
  s.dot += static_cast<std::int64_t>(delta) * (c.*other);
  s.*norm += static_cast<std::int64_t>(2 * (c.*own) + delta) * delta;
  c.*own += delta;
}
inline void CohesionWindows::add_left(Sums& s, std::size_t i, std::int32_t delta) {
  add(s, i, delta, &Counts::left, &Counts::right, &Sums::left_norm, &Sums::left_han);
}
inline void CohesionWindows::add_right(Sums& s, std::size_t i, std::int32_t delta) {
  add(s, i, delta, &Counts::right, &Counts::left, &Sums::right_norm, &Sums::right_han);
}

// Token i crosses the gap: add_right(i, -1) then add_left(i, +1), with one bucket access.
inline void CohesionWindows::move_to_left(Sums& s, std::size_t i) {
  Counts& c = counts_[bucket(i)];
  if (tokens_[i] & kHanTokenBit) {
    --s.right_han;
    ++s.left_han;
  }
  s.dot += static_cast<std::int64_t>(c.right - 1) - c.left;
  s.right_norm -= 2 * static_cast<std::int64_t>(c.right) - 1;
  s.left_norm += 2 * static_cast<std::int64_t>(c.left) + 1;
  --c.right;
  ++c.left;
}

CohesionWindows::CohesionWindows(const std::vector<std::uint32_t>& tokens, std::size_t left, std::size_t right)
    : tokens_(tokens), left_size_(std::max<std::size_t>(left, 1)), right_size_(std::max<std::size_t>(right, 1)),
      counts_(kBuckets) {
  Sums s;
  while (hi_ < tokens_.size() && hi_ < right_size_) add_right(s, hi_++, +1);
  sums_ = s;
}

// The integer dot product and norms are exact, so they come out the same whatever order the
// windows are updated in; each token is updated where it crosses a window edge.
void CohesionWindows::advance_to(std::size_t p) {
  Sums s = sums_;
  const std::size_t stop = std::min(p, tokens_.size());
  while (mid_ < stop) {
    move_to_left(s, mid_++);
    if (mid_ - lo_ > left_size_) add_left(s, lo_++, -1);
    if (hi_ < tokens_.size()) add_right(s, hi_++, +1);
  }
  sums_ = s;
}

void CohesionWindows::clip_left_at(std::size_t p) {
  Sums s = sums_;
  while (lo_ < p && lo_ < mid_) add_left(s, lo_++, -1);
  sums_ = s;
}

float CohesionWindows::cosine() const {
  if (sums_.left_norm == 0 || sums_.right_norm == 0) return 0.0f;
  return static_cast<float>(static_cast<double>(sums_.dot) /
                            std::sqrt(static_cast<double>(sums_.left_norm) * static_cast<double>(sums_.right_norm)));
}

double CohesionWindows::echo_after(std::size_t begin, std::size_t end) {
  if (begin >= end) return 0.0;
  // The line's own occurrences are in the right window too: take them out while counting.
  const std::size_t own_end = std::min(end, hi_);
  for (std::size_t j = begin; j < own_end; ++j) --counts_[bucket(j)].right;
  std::size_t echoed = 0;
  for (std::size_t i = begin; i < end; ++i) echoed += counts_[bucket(i)].right > 0;
  for (std::size_t j = begin; j < own_end; ++j) ++counts_[bucket(j)].right;
  return static_cast<double>(echoed) / static_cast<double>(end - begin);
}

double CohesionWindows::echo_before(std::size_t begin, std::size_t end) const {
  if (begin >= end) return 0.0;
  std::size_t echoed = 0;
  for (std::size_t i = begin; i < end; ++i) echoed += counts_[bucket(i)].left > 0;
  return static_cast<double>(echoed) / static_cast<double>(end - begin);
}

}  // namespace corpus_scan::splitting
