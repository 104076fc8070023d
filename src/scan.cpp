#include "corpus_scan/scan.hpp"

#include "normalizer/line.hpp"

namespace corpus_scan {

void normalize_lines(const SourceText& source, const std::vector<Line>& lines, std::size_t first,
                     std::size_t end, const Normalizer& normalizer, std::string& out,
                     std::vector<Edit>* edits) {
  const std::string_view text = source.text();
  const std::size_t edits_before = edits ? edits->size() : 0;
  // The output is about as long as the lines' span: one allocation, not one per doubling.
  if (first < end) out.reserve(out.size() + (lines[end - 1].end - lines[first].begin));
  // Most lines come out as they went in, and with them the "\n" after them: text bytes
  // [run_begin, run_end) are output not yet copied, so a run of unchanged lines is one append
  // instead of one per line and terminator. put(output, to) outputs the text up to `to` (the run
  // reaches just before it): the run grows when `output` is those very bytes, else is copied and
  // restarts after them.
  std::size_t run_begin = first < end ? lines[first].begin : 0, run_end = run_begin;
  const auto flush = [&] { out.append(text, run_begin, run_end - run_begin); };
  const auto put = [&](std::string_view output, std::size_t to) {
    if (!normalizer::unchanged(text.substr(run_end, to - run_end), output)) {
      flush();
      out.append(output);
      run_begin = to;
    }
    run_end = to;
  };
  for (std::size_t i = first; i < end; ++i) {
    const Line& line = lines[i];
    // Every terminator comes out as "\n": an LF (the only one that starts with '\n') is itself.
    if (i > first) {
      const std::size_t terminator = lines[i - 1].end;
      put(text[terminator] == '\n' ? text.substr(terminator, 1) : "\n", line.begin);
    }
    put(normalizer::normalize_view(normalizer, line.content(text), line.begin, edits), line.end);
  }
  flush();
  // Edits were made against text(); map them to the original bytes when the file was transcoded.
  if (edits && source.transcoded) {
    for (std::size_t k = edits_before; k < edits->size(); ++k) {
      Edit& e = (*edits)[k];
      e.begin = source.original_offset(e.begin);
      e.end = source.original_offset(e.end);
      e.before.assign(source.original, e.begin, e.end - e.begin);
    }
  }
}

FileReport analyze(std::string path, DecodeResult decoded, const ScanOptions& options,
                   const Normalizer& normalizer) {
  FileReport report;
  report.path = std::move(path);
  if (decoded.skip) {
    report.skip = std::move(decoded.skip);
    return report;
  }
  report.source = std::make_unique<SourceText>(std::move(*decoded.source));
  const SourceText& src = *report.source;
  const std::string_view text = src.text();
  report.lines = split_lines(text);
  report.segments = split_articles(text, report.lines, options.split);
  for (std::size_t s = 0; s < report.segments.size(); ++s) {
    const Segment& seg = report.segments[s];
    if (seg.kind != SegmentKind::Article) continue;
    ArticleReport article;
    article.segment = s;
    normalize_lines(src, report.lines, seg.first_line, seg.end_line, normalizer, article.normalized,
                    &article.edits);
    article.stats = compute_stats(text.substr(seg.byte_begin, seg.byte_end - seg.byte_begin),
                                  article.normalized, article.edits, options.quality);
    article.stats.bytes = src.original_offset(seg.byte_end) - src.original_offset(seg.byte_begin);
    report.articles.push_back(std::move(article));
  }
  return report;
}

}  // namespace corpus_scan
