// Rewrite: the working copy of one line as the normalizer passes change it, plus the alignment
// back to the original bytes (the sentencepiece idea, kept sparse: the alignment is the list of
// changed spans, so an untouched line costs nothing).
//
// Each pass reads text(), proposes Pending edits in text() coordinates and calls apply(). When a
// later pass rewrites bytes an earlier pass produced, the two changes merge into one edit whose
// span is the union in the original, so every recorded edit always slices the original exactly.
//
// Ownership: reset() keeps a view of the caller's original line (text() is that view until a
// change is applied, so unchanged lines are never copied); it must outlive the Rewrite's use until
// emit(). Buffers are reused across lines (one Rewrite per thread, no per-line allocation once
// warm).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "corpus_scan/normalizer.hpp"

namespace corpus_scan::normalizer {

// A proposed change to the current text: replace [begin, end) by `after`.
struct Pending {
  std::size_t begin;
  std::size_t end;
  std::string after;
  EditKind kind;
};

class Rewrite {
 public:
  void reset(std::string_view original);
  std::string_view text() const { return text_; }

  // Applies edits that are sorted by position and do not overlap (insertions are empty spans).
  // Clears `pending`.
  void apply(std::vector<Pending>& pending);

  // Records findings that change nothing (before == after), in text() coordinates, sorted.
  void report(const std::vector<std::pair<std::size_t, std::size_t>>& spans, EditKind kind);

  // Appends the edits in original coordinates (plus `base`), sorted by position.
  void emit(std::uint64_t base, std::vector<Edit>& out) const;

 private:
  // One changed span: original [ob, oe) became text() [wb, we).
  struct Change {
    std::size_t ob, oe, wb, we;
    EditKind kind;
  };
  struct Finding {
    std::size_t ob, oe;
    EditKind kind;
  };
  std::string_view original_;
  std::string_view text_;  // original_ until the first change (most lines have none), then cur_
  std::string cur_, next_;
  std::vector<Change> changes_, merged_;
  std::vector<Finding> findings_;
};

}  // namespace corpus_scan::normalizer
