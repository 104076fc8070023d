// The pipeline for one file: reader -> splitter -> normalizer -> statistics.
//
// Ownership: a FileReport owns its SourceText; its Lines, Segments (and their title views) and
// Edits refer to that text, so they stay valid exactly as long as the FileReport does. Moving a
// FileReport is safe (the text lives in heap storage that moves with it).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "corpus_scan/normalizer.hpp"
#include "corpus_scan/reader.hpp"
#include "corpus_scan/splitter.hpp"
#include "corpus_scan/stats.hpp"
#include "corpus_scan/text.hpp"

namespace corpus_scan {

struct ScanOptions {
  ReadOptions read;
  SplitOptions split;
  NormalizeOptions normalize;
  QualityThresholds quality;  // thresholds of the quality rules in each article's stats
};

struct ArticleReport {
  std::size_t segment;          // index into FileReport::segments
  std::string normalized;       // the article's normalized text, lines joined by '\n'
  std::vector<Edit> edits;      // offsets into the original file's bytes
  ArticleStats stats;
};

struct FileReport {
  std::string path;                          // as reached from the argument (raw bytes)
  std::optional<SkipReason> skip;            // set when the file was not processed
  std::unique_ptr<SourceText> source;        // null when skipped
  std::vector<Line> lines;
  std::vector<Segment> segments;             // articles and chrome, tiling the text
  std::vector<ArticleReport> articles;       // one per article segment, in order
};

// Runs the whole pipeline on an already decoded file.
FileReport analyze(std::string path, DecodeResult decoded, const ScanOptions& options,
                   const Normalizer& normalizer);

// Normalizes the lines [first, end) of a text, appending lines joined by '\n' to `out` and
// edits (in original-byte offsets) to `edits`.
void normalize_lines(const SourceText& source, const std::vector<Line>& lines, std::size_t first,
                     std::size_t end, const Normalizer& normalizer, std::string& out,
                     std::vector<Edit>* edits);

}  // namespace corpus_scan
