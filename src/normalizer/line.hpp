// normalize_line without its copy, for callers that copy many lines: Normalizer::normalize_line
// appends every line to the output, while scan's normalize_lines copies a run of unchanged lines
// (most of an article) with one append straight from the text.
//
// Ownership: the view returned is either the caller's line itself or the calling thread's
// normalizer scratch, which the next call on that thread overwrites.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "corpus_scan/normalizer.hpp"

namespace corpus_scan::normalizer {

// Normalizes `line` exactly as normalizer.normalize_line(line, base, out, edits) does, appending
// the same edits, and returns the text it would append: `line` itself (the same data pointer)
// when no pass changed it, else a view of thread-local scratch valid until the next call.
std::string_view normalize_view(const Normalizer& normalizer, std::string_view line, std::uint64_t base,
                                std::vector<Edit>* edits);

// Whether normalize_view returned `line` unchanged (not a copy of it).
inline bool unchanged(std::string_view line, std::string_view result) noexcept {
  return result.data() == line.data() && result.size() == line.size();
}

}  // namespace corpus_scan::normalizer
