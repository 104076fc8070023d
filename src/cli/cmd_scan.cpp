// `corpus-scan scan PATH...`: one JSON record per article and chrome span, for jq and scripts.
#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>

#include <spdlog/spdlog.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.hpp"
#include "corpus_scan/fingerprint.hpp"
#include "corpus_scan/report.hpp"
#include "corpus_scan/summary.hpp"
#include "corpus_scan/table.hpp"

namespace corpus_scan::cli {

namespace {

// What `scan` prints and how: the flags beyond the pipeline's.
struct ScanOutputFlags {
  std::string format;                   // empty: table on a terminal, else jsonl
  std::vector<std::string> fields;
  bool summary = false;
  std::vector<std::string> thresholds;  // NAME=VALUE
  std::string quality_config;
};

std::size_t terminal_width() {
  winsize ws{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  if (const char* columns = std::getenv("COLUMNS")) {
    const long n = std::strtol(columns, nullptr, 10);
    if (n > 20) return static_cast<std::size_t>(n);
  }
  return 120;
}

// The records of one run: duplicate marks across files, the chosen format, the summary.
// Called on the writing thread in input order (RecordWriter), so its state needs no lock.
class ScanOutput {
 public:
  ScanOutput(OutputFormat format, std::optional<RowWriter> rows, bool summary)
      : format_(format), rows_(std::move(rows)), summary_(summary) {}

  void header(std::string& out) const {
    if (rows_) rows_->header(out);
  }

  void write(const FileReport& file, std::string& out) {
    const DuplicateMarks marks = mark_duplicates(file);
    if (summary_) totals_.add(file, &marks);
    if (!rows_) return write_scan_records(file, out, &marks);
    if (file.skip) {
      // JSON Lines keeps its "skipped" record; the other formats have rows for articles only,
      // and the skip is logged on stderr and shows in the exit status.
      if (format_ == OutputFormat::Jsonl) write_scan_records(file, out);
      return;
    }
    for (std::size_t a = 0; a < file.articles.size(); ++a)
      rows_->row(ArticleRow{file, a, marks[a] ? &*marks[a] : nullptr}, out);
  }

  void finish(std::string& out) const {
    if (!summary_) return;
    if (format_ == OutputFormat::Table) totals_.write_text(out);
    else totals_.write_json(out);
  }

 private:
  DuplicateMarks mark_duplicates(const FileReport& file) {
    DuplicateMarks marks(file.articles.size());
    if (file.articles.empty()) return marks;
    duplicates_.begin_file(file.path);
    for (std::size_t a = 0; a < file.articles.size(); ++a)
      marks[a] = duplicates_.observe(file.articles[a].stats.fingerprint, a);
    return marks;
  }

  OutputFormat format_;
  std::optional<RowWriter> rows_;
  bool summary_;
  DuplicateIndex duplicates_;
  CorpusSummary totals_;
};

QualityThresholds parse_thresholds(const ScanOutputFlags& flags) {
  QualityThresholds thresholds;
  if (!flags.quality_config.empty()) {
    std::ifstream in(flags.quality_config, std::ios::binary);
    if (!in) throw CLI::ValidationError("--quality-config", "cannot read '" + flags.quality_config + "'");
    std::ostringstream text;
    text << in.rdbuf();
    if (auto error = thresholds.apply_config(text.str(), flags.quality_config))
      throw CLI::ValidationError("--quality-config", *error);
  }
  // The command line wins over the file.
  for (const std::string& t : flags.thresholds)
    if (auto error = thresholds.apply(t)) throw CLI::ValidationError("--threshold", *error);
  return thresholds;
}

std::unique_ptr<ScanOutput> make_output(const ScanOutputFlags& flags) {
  OutputFormat format = ::isatty(STDOUT_FILENO) ? OutputFormat::Table : OutputFormat::Jsonl;
  if (!flags.format.empty()) format = *output_format_from_name(flags.format);
  if (flags.summary && (format == OutputFormat::Csv || format == OutputFormat::Tsv))
    throw CLI::ValidationError("--summary", "a summary is not a CSV/TSV row; use --format jsonl or table with --summary");
  std::optional<RowWriter> rows;
  if (format != OutputFormat::Jsonl || !flags.fields.empty()) {
    std::vector<const ArticleField*> fields = default_fields(format);
    if (!flags.fields.empty())
      if (auto error = select_fields(flags.fields, fields)) throw CLI::ValidationError("--fields", *error);
    rows.emplace(format, std::move(fields), terminal_width());
  }
  return std::make_unique<ScanOutput>(format, std::move(rows), flags.summary);
}

void add_scan_output_flags(CLI::App& cmd, ScanOutputFlags& flags) {
  cmd.add_option("--format", flags.format,
                 "jsonl (default when stdout is not a terminal), csv, tsv, or table (default on a terminal)")
      ->check(CLI::IsMember({"jsonl", "json", "csv", "tsv", "table"}))
      ->group("Output");
  cmd.add_option("--fields", flags.fields,
                 "Comma-separated fields to print (dotted names: path,title,stats.words,stats.repetition); "
                 "CSV/TSV default to all, in a stable order")
      ->delimiter(',')
      ->group("Output");
  cmd.add_flag("--summary", flags.summary,
               "End with a {\"type\": \"summary\"} record: totals, distributions, failing rules, artifacts")
      ->group("Output");
  cmd.add_option("--threshold", flags.thresholds,
                 "Override a quality rule's threshold: NAME=VALUE or NAME=off (e.g. min_words=30); repeatable")
      ->delimiter(',')
      ->group("Quality rules");
  cmd.add_option("--quality-config", flags.quality_config,
                 "File of quality thresholds, one 'name = value' (or 'name = off') per line; --threshold wins")
      ->group("Quality rules");
}

}  // namespace

void setup_scan(CLI::App& app) {
  auto flags = std::make_shared<PipelineFlags>();
  CLI::App* cmd = app.add_subcommand("scan", "Split, normalize and measure dumps; one JSON record per article");
  cmd->footer(
      "Example:\n  corpus-scan scan data | jq -c 'select(.type == \"article\") | {path, title, words: .stats.words}'\n\n"
      "Records: \"article\" and \"chrome\" spans in file order, then one \"file\" record per file;\n"
      "a file that cannot be processed gives one \"skipped\" record. Exit status: 0 all inputs\n"
      "processed, 1 some skipped, 2 usage error or failure.");
  add_pipeline_flags(*cmd, *flags, "scan");
  auto output_flags = std::make_shared<ScanOutputFlags>();
  add_scan_output_flags(*cmd, *output_flags);
  cmd->callback([flags, output_flags] {
    flags->quality = parse_thresholds(*output_flags);
    const std::unique_ptr<ScanOutput> output = make_output(*output_flags);
    std::string out;
    output->header(out);
    write_stdout(out);
    run_records(*flags, [&output](const FileReport& file, std::string& o) { output->write(file, o); });
    out.clear();
    output->finish(out);
    write_stdout(out);
  });
}

}  // namespace corpus_scan::cli
