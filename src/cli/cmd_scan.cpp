// `corpus-scan scan PATH...`: one JSON record per article and chrome span, for jq and scripts.
#include <memory>

#include <spdlog/spdlog.h>

#include "cli.hpp"
#include "corpus_scan/report.hpp"

namespace corpus_scan::cli {

void setup_scan(CLI::App& app) {
  auto flags = std::make_shared<PipelineFlags>();
  CLI::App* cmd = app.add_subcommand("scan", "Split, normalize and measure dumps; one JSON record per article");
  cmd->footer(
      "Example:\n  corpus-scan scan data | jq -c 'select(.type == \"article\") | {path, title, words: .stats.words}'\n\n"
      "Records: \"article\" and \"chrome\" spans in file order, then one \"file\" record per file;\n"
      "a file that cannot be processed gives one \"skipped\" record. Exit status: 0 all inputs\n"
      "processed, 1 some skipped, 2 usage error or failure.");
  add_pipeline_flags(*cmd, *flags, "scan");
  cmd->callback([flags] { run_records(*flags, &write_scan_records); });
}

}  // namespace corpus_scan::cli
