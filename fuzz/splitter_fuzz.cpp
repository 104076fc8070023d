// Fuzz target for the splitter and the whole per-file pipeline: whatever the bytes, segments tile
// the text along line boundaries, titles lie in their title line, and every record written parses
// as JSON whose spans tile the original bytes.
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "corpus_scan/reader.hpp"
#include "corpus_scan/report.hpp"
#include "corpus_scan/scan.hpp"
#include "corpus_scan/splitter.hpp"
#include "corpus_scan/text.hpp"
#include "fuzz_check.hpp"

using namespace corpus_scan;

namespace {

void check_segments(std::string_view text, const std::vector<Line>& lines, const std::vector<Segment>& segments) {
  if (text.empty()) {
    FUZZ_CHECK(segments.empty());
    return;
  }
  FUZZ_CHECK(!segments.empty());
  std::uint64_t at = 0;
  std::size_t line = 0;
  for (const Segment& seg : segments) {
    FUZZ_CHECK(seg.byte_begin == at);
    FUZZ_CHECK(seg.byte_begin < seg.byte_end);
    FUZZ_CHECK(seg.first_line == line);
    FUZZ_CHECK(seg.first_line < seg.end_line && seg.end_line <= lines.size());
    FUZZ_CHECK(lines[seg.first_line].begin == seg.byte_begin);
    FUZZ_CHECK(lines[seg.end_line - 1].next == seg.byte_end);
    if (seg.kind == SegmentKind::Article) {
      FUZZ_CHECK(seg.title_line >= seg.first_line && seg.title_line < seg.end_line);
      const Line& title_line = lines[seg.title_line];
      // The title is a view into its line (or empty).
      if (!seg.title.empty()) {
        FUZZ_CHECK(seg.title.data() >= text.data() + title_line.begin);
        FUZZ_CHECK(seg.title.data() + seg.title.size() <= text.data() + title_line.end);
      }
      FUZZ_CHECK(std::isfinite(seg.boundary.confidence));
      FUZZ_CHECK(seg.boundary.confidence >= 0.0 && seg.boundary.confidence <= 1.0);
    } else {
      FUZZ_CHECK(!seg.reason.empty());
    }
    at = seg.byte_end;
    line = seg.end_line;
  }
  FUZZ_CHECK(at == text.size());
  FUZZ_CHECK(line == lines.size());
}

// Every line of `records` is a JSON object; article and chrome spans tile [0, size).
void check_records(const std::string& records, std::uint64_t size, bool skipped) {
  std::uint64_t at = 0;
  std::size_t files = 0;
  std::size_t start = 0;
  while (start < records.size()) {
    const std::size_t end = records.find('\n', start);
    FUZZ_CHECK(end != std::string::npos);  // every record ends its line
    const nlohmann::json record = nlohmann::json::parse(records.begin() + start, records.begin() + end, nullptr, false);
    FUZZ_CHECK(!record.is_discarded() && record.is_object());
    const std::string type = record.at("type");
    if (type == "article" || type == "chrome") {
      FUZZ_CHECK(record.at("byte_start") == at);
      at = record.at("byte_end");
    } else if (type == "file") {
      FUZZ_CHECK(record.at("bytes") == size);
      ++files;
    } else {
      FUZZ_CHECK(type == "skipped" && skipped);
      ++files;
    }
    start = end + 1;
  }
  FUZZ_CHECK(files == 1);  // every input is accounted for exactly once
  if (!skipped) FUZZ_CHECK(at == size);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  static const Normalizer normalizer;
  DecodeResult decoded = decode_bytes(input);
  if (decoded.source) {
    const std::string_view text = decoded.source->text();
    const std::vector<Line> lines = split_lines(text);
    check_segments(text, lines, split_articles(text, lines));
  }
  const FileReport report = analyze("fuzz.txt", std::move(decoded), ScanOptions{}, normalizer);
  std::string out;
  write_scan_records(report, out);
  check_records(out, size, report.skip.has_value());
  out.clear();
  write_split_records(report, out);
  check_records(out, size, report.skip.has_value());
  return 0;
}
