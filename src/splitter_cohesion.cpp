// Lexical cohesion in the spirit of TextTiling (Hearst 1997), over English words and Han
// characters alike. At a gap in the token stream the left window holds the tokens of the article
// so far (at most `left` tokens, and never reaching back past the last article start) and the
// right window the `right` tokens that follow; cohesion is the cosine of their hashed counts.
// Both windows only ever move forward and the dot product and norms are updated token by token,
// so a whole file costs O(tokens), however its lines fall. Where the gap jumps further than the
// left window holds, nothing in the windows stays in them: they are rebuilt at the new gap from
// the lines just before it, and the lines jumped over are never tokenized (on generated dumps
// about a third of the tokens, more on dumps of long paragraphs, which are never titles).
#include <algorithm>
#include <cmath>

#include "splitter_internal.hpp"

namespace corpus_scan::splitting {

namespace {
constexpr std::size_t kBuckets = 1u << 13;
}  // namespace

inline std::size_t CohesionWindows::bucket(std::size_t i) const { return seq_[i] & (kBuckets - 1); }

// One window's count of token i's bucket (`own`; the other window's is `other`) += delta, keeping
// the dot product, that window's norm and its Han count up to date.
inline void CohesionWindows::add(Sums& s, std::size_t i, std::int32_t delta, std::int32_t Counts::*own,
                                 std::int32_t Counts::*other, std::int64_t Sums::*norm, std::size_t Sums::*han) {
  Counts& c = counts_[bucket(i)];
  if (seq_[i] & kHanTokenBit) s.*han += delta;
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
  if (seq_[i] & kHanTokenBit) {
    --s.right_han;
    ++s.left_han;
  }
  s.dot += static_cast<std::int64_t>(c.right - 1) - c.left;
  s.right_norm -= 2 * static_cast<std::int64_t>(c.right) - 1;
  s.left_norm += 2 * static_cast<std::int64_t>(c.left) + 1;
  --c.right;
  ++c.left;
}

CohesionWindows::CohesionWindows(LineTable& table, std::size_t left, std::size_t right)
    : table_(table), left_size_(std::max<std::size_t>(left, 1)), right_size_(std::max<std::size_t>(right, 1)),
      counts_(kBuckets), line_start_(1, 0) {
  Sums s;
  fill_right(s);
  sums_ = s;
}

// A line is tokenized straight onto the stream; only the lines advance_to counted before reading
// them are in LineTable::tokens already, and are copied from there.
bool CohesionWindows::append_line() {
  if (seq_next_ >= table_.info.size()) return false;
  const LineInfo& li = table_.info[seq_next_++];
  if (li.tokenized) {
    const std::size_t at = seq_.size(), k = li.token_end - li.token_begin;
    seq_.resize(at + k);
    std::copy_n(table_.tokens.data() + li.token_begin, k, seq_.data() + at);
  } else if (!li.blank) {
    tokenize(li.trimmed, seq_, table_.text);
  }
  line_start_.push_back(static_cast<std::uint32_t>(seq_.size()));
  return true;
}

inline bool CohesionWindows::have(std::size_t i) {
  while (i >= seq_.size())
    if (!append_line()) return false;
  return true;
}

void CohesionWindows::fill_right(Sums& s) {
  while (hi_ - mid_ < right_size_ && have(hi_)) add_right(s, hi_++, +1);
}

// The integer dot product and norms are exact, so they come out the same whatever order the
// windows are updated in; each token is updated where it crosses a window edge. Moving the gap
// by k tokens moves the right edge k tokens on (as far as the file goes) and the left edge up to
// `left` tokens behind the gap: three loops, one per edge, each without a branch inside (one loop
// stepping all three edges together tested both outer edges at every token).
void CohesionWindows::move_gap_to(std::size_t p) {
  if (p <= mid_) return;
  const std::size_t step = p - mid_;
  have(hi_ + step - 1);  // (appends the lines the right edge reaches, as far as the file goes)
  const std::size_t hi = std::min(hi_ + step, seq_.size());
  const std::size_t lo = std::max(lo_, p > left_size_ ? p - left_size_ : 0);
  Sums s = sums_;
  for (; hi_ < hi; ++hi_) add_right(s, hi_, +1);  // first, so that every token the gap passes is in the right window
  for (; mid_ < p; ++mid_) move_to_left(s, mid_);
  for (; lo_ < lo; ++lo_) add_left(s, lo_, -1);
  sums_ = s;
}

// The windows built afresh with the gap before `gap_line`, the stream starting at line `first`,
// whose tokens up to the gap fill the left window (so an article start before `first`, which
// could only shorten it, cannot matter).
void CohesionWindows::restart_at(std::size_t first, std::size_t gap_line) {
  for (std::size_t i = lo_; i < hi_; ++i) counts_[bucket(i)] = Counts{};
  seq_.clear();
  line_start_.assign(1, 0);
  seq_first_ = seq_next_ = first;
  while (seq_next_ <= gap_line) append_line();
  mid_ = hi_ = line_start_[gap_line - first];
  lo_ = mid_ - left_size_;
  Sums s;
  for (std::size_t i = lo_; i < mid_; ++i) add_left(s, i, +1);
  fill_right(s);
  sums_ = s;
}

void CohesionWindows::advance_to(std::size_t line) {
  if (line >= seq_next_) {
    // The tokens of the lines not read yet before `line`, counted back from it: when they alone
    // fill the left window, whatever the windows hold now will have left them.
    std::size_t gathered = 0, from = line;
    while (from > seq_next_ && gathered < left_size_) gathered += line_tokens(table_, --from);
    if (gathered >= left_size_) restart_at(from, line);
    while (seq_next_ <= line) append_line();
  }
  move_gap_to(line_start_[line - seq_first_]);
  gap_end_ = line_start_[line - seq_first_ + 1];
}

void CohesionWindows::clip_left_at(std::size_t line) {
  const std::size_t p = line_start_[line - seq_first_];
  Sums s = sums_;
  if (p >= mid_) {
    // The whole left window goes (the scorer clips at the gap): every left count, the dot
    // product, the left norm and Han count become 0, without updating them token by token.
    for (std::size_t i = lo_; i < mid_; ++i) counts_[bucket(i)].left = 0;
    lo_ = mid_;
    s.dot = s.left_norm = 0;
    s.left_han = 0;
  }
  while (lo_ < p && lo_ < mid_) add_left(s, lo_++, -1);
  sums_ = s;
}

float CohesionWindows::cosine() const {
  if (sums_.left_norm == 0 || sums_.right_norm == 0) return 0.0f;
  return static_cast<float>(static_cast<double>(sums_.dot) /
                            std::sqrt(static_cast<double>(sums_.left_norm) * static_cast<double>(sums_.right_norm)));
}

CohesionWindows::Echoes CohesionWindows::echoes() {
  const std::size_t begin = mid_, end = gap_end_;
  if (begin >= end) return {};
  // The line's own occurrences are in the right window too: take them out while counting.
  const std::size_t own_end = std::min(end, hi_);
  for (std::size_t j = begin; j < own_end; ++j) --counts_[bucket(j)].right;
  std::size_t after = 0, before = 0;
  for (std::size_t i = begin; i < end; ++i) {
    const Counts& c = counts_[bucket(i)];
    after += c.right > 0;
    before += c.left > 0;
  }
  for (std::size_t j = begin; j < own_end; ++j) ++counts_[bucket(j)].right;
  const double n = static_cast<double>(end - begin);
  return {static_cast<double>(after) / n, static_cast<double>(before) / n};
}

}  // namespace corpus_scan::splitting
