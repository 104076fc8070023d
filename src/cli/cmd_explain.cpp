// `corpus-scan explain PATH...`: every normalizer edit in context, for people, then a per-kind
// tally. Colours only when stdout is a terminal and NO_COLOR is unset or empty (no-color.org).
#include <unistd.h>

#include <cstdlib>

#include "cli.hpp"
#include "corpus_scan/report.hpp"

namespace corpus_scan::cli {

namespace {

bool stdout_wants_color() {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return ::isatty(STDOUT_FILENO) != 0;
}

}  // namespace

void setup_explain(CLI::App& app) {
  auto flags = std::make_shared<PipelineFlags>();
  CLI::App* cmd = app.add_subcommand("explain", "Show every normalizer edit in context: before -> after, kind");
  cmd->footer(
      "Each line: PATH:LINE:COL  KIND  context[-before-]{+after+}context ([!text!]: reported, not changed).\n"
      "Example:\n  corpus-scan explain data/000_bf0e3fdb9f6fa110.txt | grep broken-apostrophe\n"
      "  corpus-scan explain --only missing-space,glued-words data");
  add_pipeline_flags(*cmd, *flags, "explain");
  cmd->callback([flags] {
    const ExplainStyle style{stdout_wants_color()};
    EditTally tally;
    run_records(*flags, [&](const FileReport& file, std::string& out) {
      write_explanation(file, out, style);
      count_edits(file, tally);
    });
    std::string summary;
    write_explanation_tally(tally, summary);
    write_stdout(summary);
  });
}

}  // namespace corpus_scan::cli
