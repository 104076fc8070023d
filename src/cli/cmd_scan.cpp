// `corpus-scan scan PATH...`: one JSON record per article and chrome span, for jq and scripts.
#include <memory>

#include <spdlog/spdlog.h>

#include "cli.hpp"
#include "corpus_scan/report.hpp"

namespace corpus_scan::cli {

void run_records(const std::vector<std::string>& paths, const ScanOptions& options,
                 void (*write)(const FileReport&, std::string&)) {
  const Normalizer normalizer(options.normalize);
  std::string out;
  walk_inputs(paths, [&](const Input& input) {
    const FileReport report = scan_input(input, options, normalizer);
    if (report.skip) {
      log_skip(report);
      g_exit_status = std::max<int>(g_exit_status, kSomeSkipped);
    }
    out.clear();
    write(report, out);
    write_stdout(out);
  });
}

ScanOptions PipelineFlags::to_options() const {
  ScanOptions options;
  options.normalize = normalize.to_options();
  options.read.encoding = read.encoding;
  return options;
}

void add_pipeline_flags(CLI::App& cmd, PipelineFlags& flags, const std::string& what) {
  cmd.add_option("paths", flags.paths, "Files and directories to " + what + " ('-' reads standard input)")->required();
  add_normalize_flags(cmd, flags.normalize);
  add_read_flags(cmd, flags.read);
}

void setup_scan(CLI::App& app) {
  auto flags = std::make_shared<PipelineFlags>();
  CLI::App* cmd = app.add_subcommand("scan", "Split, normalize and measure dumps; one JSON record per article");
  cmd->footer(
      "Example:\n  corpus-scan scan data | jq -c 'select(.type == \"article\") | {path, title, words: .stats.words}'\n\n"
      "Records: \"article\" and \"chrome\" spans in file order, then one \"file\" record per file;\n"
      "a file that cannot be processed gives one \"skipped\" record. Exit status: 0 all inputs\n"
      "processed, 1 some skipped, 2 usage error or failure.");
  add_pipeline_flags(*cmd, *flags, "scan");
  cmd->callback([flags] { run_records(flags->paths, flags->to_options(), &write_scan_records); });
}

}  // namespace corpus_scan::cli
