// `corpus-scan split PATH...`: each article's original text and spans, to see what was cut where.
#include "cli.hpp"
#include "corpus_scan/report.hpp"

namespace corpus_scan::cli {

void setup_split(CLI::App& app) {
  auto flags = std::make_shared<PipelineFlags>();
  CLI::App* cmd = app.add_subcommand("split", "Write each article's original text and spans as JSON Lines");
  cmd->footer(
      "Example:\n  corpus-scan split data/001_2725a3a24cc2e181.txt | jq -r 'select(.type == \"article\") | \"\\(.line_start)-\\(.line_end) \\(.title)\"'");
  add_pipeline_flags(*cmd, *flags, "split");
  cmd->callback([flags] { run_records(*flags, &write_split_records); });
}

}  // namespace corpus_scan::cli
