#include "normalizer/rewrite.hpp"

#include <algorithm>

namespace corpus_scan::normalizer {

namespace {

// Two spans "touch" when one cannot be placed entirely before the other. An empty span (an
// insertion, or a deletion's output) touches a span only when it lies strictly inside it.
bool before(std::size_t a_begin, std::size_t a_end, std::size_t b_begin, std::size_t b_end) {
  (void)a_begin;
  (void)b_end;
  return a_end <= b_begin;
}
bool touch(std::size_t ab, std::size_t ae, std::size_t bb, std::size_t be) {
  return !before(ab, ae, bb, be) && !before(bb, be, ab, ae);
}

}  // namespace

void Rewrite::reset(std::string_view original) {
  original_ = original;
  text_ = original;
  changes_.clear();
  findings_.clear();
}

void Rewrite::apply(std::vector<Pending>& pending) {
  if (pending.empty()) return;
  next_.clear();
  merged_.clear();
  std::size_t copied = 0;          // text() bytes [0, copied) are already in next_
  std::ptrdiff_t delta = 0;        // original offset = text offset - delta, outside changes
  std::size_t i = 0, j = 0;
  const std::size_t n_changes = changes_.size(), n_pending = pending.size();
  while (i < n_changes || j < n_pending) {
    if (j == n_pending || (i < n_changes && before(changes_[i].wb, changes_[i].we, pending[j].begin, pending[j].end))) {
      // An earlier change this pass does not touch: carry it over, shifted.
      const Change& c = changes_[i++];
      next_.append(text_, copied, c.we - copied);
      copied = c.we;
      const std::size_t shift = next_.size() - c.we;
      merged_.push_back({c.ob, c.oe, c.wb + shift, c.we + shift, c.kind});
      delta += static_cast<std::ptrdiff_t>(c.we - c.wb) - static_cast<std::ptrdiff_t>(c.oe - c.ob);
      continue;
    }
    // A cluster: pending edits and earlier changes that touch each other transitively.
    std::size_t cb = pending[j].begin, ce = pending[j].end;
    std::size_t i_end = i, j_end = j + 1;
    std::ptrdiff_t cluster_delta = 0;
    for (bool grew = true; grew;) {
      grew = false;
      while (i_end < n_changes && touch(changes_[i_end].wb, changes_[i_end].we, cb, ce)) {
        const Change& c = changes_[i_end++];
        cb = std::min(cb, c.wb);
        ce = std::max(ce, c.we);
        cluster_delta += static_cast<std::ptrdiff_t>(c.we - c.wb) - static_cast<std::ptrdiff_t>(c.oe - c.ob);
        grew = true;
      }
      while (j_end < n_pending && touch(pending[j_end].begin, pending[j_end].end, cb, ce)) {
        ce = std::max(ce, pending[j_end].end);
        ++j_end;
        grew = true;
      }
    }
    next_.append(text_, copied, cb - copied);
    const std::size_t ob = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(cb) - delta);
    delta += cluster_delta;
    const std::size_t oe = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(ce) - delta);
    const std::size_t wb = next_.size();
    std::size_t pos = cb;
    for (std::size_t k = j; k < j_end; ++k) {
      next_.append(text_, pos, pending[k].begin - pos);
      next_.append(pending[k].after);
      pos = pending[k].end;
    }
    next_.append(text_, pos, ce - pos);
    const std::size_t we = next_.size();
    // A change undone by a later pass leaves no edit behind.
    if (std::string_view(next_).substr(wb, we - wb) != original_.substr(ob, oe - ob))
      merged_.push_back({ob, oe, wb, we, pending[j].kind});
    copied = ce;
    i = i_end;
    j = j_end;
  }
  next_.append(text_, copied, std::string::npos);
  cur_.swap(next_);
  text_ = cur_;
  changes_.swap(merged_);
  pending.clear();
}

void Rewrite::report(const std::vector<std::pair<std::size_t, std::size_t>>& spans, EditKind kind) {
  std::ptrdiff_t delta = 0;
  std::size_t i = 0;
  for (auto [b, e] : spans) {
    while (i < changes_.size() && before(changes_[i].wb, changes_[i].we, b, e)) {
      delta += static_cast<std::ptrdiff_t>(changes_[i].we - changes_[i].wb) -
               static_cast<std::ptrdiff_t>(changes_[i].oe - changes_[i].ob);
      ++i;
    }
    // A finding inside changed text is reported over the whole original span of that change,
    // and not at all when that change already records it (invalid bytes made U+FFFD).
    std::ptrdiff_t delta_after = delta;
    bool recorded = false;
    std::size_t ob = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(b) - delta), oe = 0;
    for (std::size_t k = i; k < changes_.size() && touch(changes_[k].wb, changes_[k].we, b, e); ++k) {
      const Change& c = changes_[k];
      ob = std::min(ob, c.ob);
      oe = std::max(oe, c.oe);
      delta_after += static_cast<std::ptrdiff_t>(c.we - c.wb) - static_cast<std::ptrdiff_t>(c.oe - c.ob);
      recorded |= c.kind == kind;
    }
    oe = std::max(oe, static_cast<std::size_t>(static_cast<std::ptrdiff_t>(e) - delta_after));
    if (!recorded) findings_.push_back({ob, oe, kind});
  }
}

void Rewrite::emit(std::uint64_t base, std::vector<Edit>& out) const {
  // Each Edit is built in its place in `out`, its strings assigned there: a string made first and
  // then moved in costs a copy of its bytes per move (a memcpy call of a varying small size).
  const auto add = [&](EditKind kind, std::size_t ob, std::size_t oe, std::string_view after) {
    Edit& e = out.emplace_back();
    e.kind = kind;
    e.begin = base + ob;
    e.end = base + oe;
    e.before.assign(original_.substr(ob, oe - ob));
    e.after.assign(after);
  };
  std::size_t f = 0;
  auto emit_findings_up_to = [&](std::size_t limit) {
    for (; f < findings_.size() && findings_[f].ob < limit; ++f) {
      const Finding& x = findings_[f];
      add(x.kind, x.ob, x.oe, original_.substr(x.ob, x.oe - x.ob));
    }
  };
  for (const Change& c : changes_) {
    emit_findings_up_to(c.ob + (c.oe == c.ob ? 0 : 1));
    add(c.kind, c.ob, c.oe, text_.substr(c.wb, c.we - c.wb));
  }
  emit_findings_up_to(static_cast<std::size_t>(-1));
}

}  // namespace corpus_scan::normalizer
