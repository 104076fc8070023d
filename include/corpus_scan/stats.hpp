// Statistics: the per-article signals a corpus engineer filters on.
//
// Ownership: compute_stats() reads views owned by the caller and returns plain values.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "corpus_scan/normalizer.hpp"

namespace corpus_scan {

class JsonWriter;

struct ArticleStats {
  std::uint64_t bytes = 0;          // bytes of the article's span in the original file
  std::uint64_t chars = 0;          // code points of the normalized text
  std::uint64_t lines = 0;          // lines in the span
  std::uint64_t nonblank_lines = 0;
  std::uint64_t words = 0;          // English words plus CJK ideographs (one word each, for now)
  std::uint64_t cjk_chars = 0;
  std::uint64_t latin_letters = 0;
  std::uint64_t digits = 0;
  std::array<std::uint64_t, kEditKindCount> edits_by_kind{};
};

// `original` is the article's original span, `normalized` its normalized text (lines joined by
// '\n'), `edits` the normalizer's edits within the span.
ArticleStats compute_stats(std::string_view original, std::string_view normalized,
                           const std::vector<Edit>& edits);

// Writes the "stats" object (without its key).
void write_stats_json(const ArticleStats& stats, JsonWriter& json);

}  // namespace corpus_scan
