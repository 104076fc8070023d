// `corpus-scan explain PATH...`: every normalizer edit in context, for people.
#include "cli.hpp"
#include "corpus_scan/report.hpp"

namespace corpus_scan::cli {

void setup_explain(CLI::App& app) {
  auto flags = std::make_shared<PipelineFlags>();
  CLI::App* cmd = app.add_subcommand("explain", "Show every normalizer edit in context: before -> after, kind");
  cmd->footer("Example:\n  corpus-scan explain data/000_bf0e3fdb9f6fa110.txt | grep broken-apostrophe");
  add_pipeline_flags(*cmd, *flags, "explain");
  cmd->callback([flags] { run_records(*flags, &write_explanation); });
}

}  // namespace corpus_scan::cli
