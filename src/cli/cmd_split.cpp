// `corpus-scan split PATH...`: each article's original text and spans, to see what was cut where.
// With --cuts, one line per span for people instead: where it is, what it is, and why it was cut.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli.hpp"
#include "corpus_scan/report.hpp"

namespace corpus_scan::cli {

namespace {

// At most `n` bytes of s, cut at a character boundary.
std::string_view head(std::string_view s, std::size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

// "path:5-52  article  0.97 separator,byline-after  | From Specialization to …"
void write_cuts(const FileReport& file, std::string& out) {
  if (file.skip) {
    fmt::format_to(std::back_inserter(out), "{}: skipped ({}): {}\n", file.path, file.skip->code, file.skip->message);
    return;
  }
  auto it = std::back_inserter(out);
  for (const Segment& seg : file.segments) {
    const std::string where = fmt::format("{}:{}-{}", file.path, seg.first_line + 1, seg.end_line);
    if (seg.kind == SegmentKind::Chrome) {
      const std::string_view first = file.lines.empty() ? std::string_view{}
                                                         : trim_space(file.lines[seg.first_line].content(file.source->text()));
      fmt::format_to(it, "{:<44} chrome        {:<48} | {}\n", where, seg.reason, head(first, 80));
      continue;
    }
    fmt::format_to(it, "{:<44} article  {:.2f} {:<48} | {}\n", where, seg.boundary.confidence,
                   fmt::to_string(fmt::join(seg.boundary.cues, ",")), head(seg.title, 80));
  }
}

}  // namespace

void setup_split(CLI::App& app) {
  auto flags = std::make_shared<PipelineFlags>();
  auto cuts = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("split", "Write each article's original text and spans as JSON Lines");
  cmd->footer(
      "Examples:\n  corpus-scan split data/001_2725a3a24cc2e181.txt | jq -r 'select(.type == \"article\") | \"\\(.line_start)-\\(.line_end) \\(.boundary.cues) \\(.title)\"'\n"
      "  corpus-scan split --cuts data/001_2725a3a24cc2e181.txt    # one line per span: where, what, why\n"
      "The cues are described in docs/splitter.md.");
  add_pipeline_flags(*cmd, *flags, "split");
  cmd->add_flag("--cuts", *cuts,
                "For people: one line per article or chrome span with its lines, the cues that cut it and its "
                "confidence, and its title (not JSON)");
  cmd->callback([flags, cuts] { run_records(*flags, *cuts ? RecordWriter(&write_cuts) : RecordWriter(&write_split_records)); });
}

}  // namespace corpus_scan::cli
