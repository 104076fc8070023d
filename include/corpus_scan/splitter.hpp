// Splitter: cuts a dump into its articles and the page chrome between them.
//
// Every byte of the text belongs to exactly one Segment, and segments come in file order, so
// they tile the text: segments[0].byte_begin == 0, each byte_end is the next byte_begin, and the
// last byte_end is text.size(). Offsets and line indices refer to the text and the Line vector
// passed in; titles are views into that text (owned by the caller, typically SourceText).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "corpus_scan/text.hpp"

namespace corpus_scan {

// Why the splitter started an article where it did.
struct Boundary {
  std::vector<std::string> cues;  // names of the cues that fired, e.g. "separator", "title-shape"
  double confidence = 0.0;        // in [0, 1]
};

enum class SegmentKind { Article, Chrome };

struct Segment {
  SegmentKind kind = SegmentKind::Article;
  std::size_t first_line = 0;     // index into the Line vector
  std::size_t end_line = 0;       // one past the last line
  std::uint64_t byte_begin = 0;   // offsets into the text
  std::uint64_t byte_end = 0;
  // Articles only:
  std::size_t title_line = 0;     // index of the title line
  std::string_view title;         // the title's content, trimmed of surrounding space
  Boundary boundary;
  // Chrome only:
  std::string reason;             // "page-header", "separator", "blank", "page-footer", ...
};

struct SplitOptions {
  // Longest line (in code points) that may be learned as a separator.
  std::size_t max_separator_chars = 40;
  // How many stand-alone occurrences make a short line a separator.
  std::size_t min_separator_repeats = 2;
};

std::vector<Segment> split_articles(std::string_view text, const std::vector<Line>& lines,
                                    const SplitOptions& options = {});

}  // namespace corpus_scan
