// Shared pieces of the corpus-scan command line: one place for the flags several subcommands take,
// the input walker and the stdout writer. Everything that prints lives here, never in the library.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "corpus_scan/normalizer.hpp"
#include "corpus_scan/scan.hpp"

namespace corpus_scan::cli {

// Exit statuses scripts can rely on.
enum ExitStatus : int { kOk = 0, kSomeSkipped = 1, kFailed = 2 };

// Thrown when stdout is a closed pipe: the run ends quietly.
struct BrokenPipe {};
// Thrown when stdout cannot be written for another reason (disk full, ...).
struct WriteFailed {
  std::string message;
};

// Writes to stdout, turning errors into BrokenPipe / WriteFailed so no record is half-written
// without a word.
void write_stdout(std::string_view data);

// The normalizer switches `normalize`, `scan`, `split` and `explain` share.
struct NormalizeFlags {
  std::vector<std::string> disable;
  std::vector<std::string> only;
  bool nfkc = false;
  // Builds NormalizeOptions; throws CLI::ValidationError for an unknown kind.
  NormalizeOptions to_options() const;
};
void add_normalize_flags(CLI::App& cmd, NormalizeFlags& flags);

struct ReadFlags {
  std::string encoding;
};
void add_read_flags(CLI::App& cmd, ReadFlags& flags);

// One input reached from the command line: a file to read, or a problem to report.
struct Input {
  std::string path;            // as reached from the argument; "-" for standard input
  std::string error_code;      // empty when the input can be read; else a SkipReason code
  std::string error_message;
};

// Visits the inputs named by `paths` in a deterministic order: arguments in the order given,
// directories recursively with entries sorted by name. Symbolic links to directories are followed
// once (loops are reported, not followed again).
void walk_inputs(const std::vector<std::string>& paths, const std::function<void(const Input&)>& visit);

// Reads (or fails to read) one input and runs the pipeline on it.
FileReport scan_input(const Input& input, const ScanOptions& options, const Normalizer& normalizer);

// The inputs and switches every pipeline subcommand (scan, split, explain) takes.
struct PipelineFlags {
  std::vector<std::string> paths;
  std::string files_from;       // --files-from: a list of paths, one a line ("-": standard input)
  bool null_separated = false;  // -0: the list is NUL-separated (find -print0)
  std::string shard;            // --shard K/N: keep only this run's share of the inputs; empty = all
  bool no_progress = false;
  NormalizeFlags normalize;
  ReadFlags read;
  unsigned threads = 0;  // 0 = all cores
  QualityThresholds quality;  // scan: thresholds of the quality rules (--threshold, --quality-config)
  ScanOptions to_options() const;
};
void add_pipeline_flags(CLI::App& cmd, PipelineFlags& flags, const std::string& what);

// A deterministic share of the inputs, so N independent runs (GNU parallel, Slurm array jobs,
// Hadoop or Spark tasks) together read every input exactly once: input paths whose FNV-1a 64-bit
// hash of the path bytes, modulo `count`, equals `index - 1`.
struct Shard {
  std::uint64_t index = 1;  // 1-based, like split -n K/N
  std::uint64_t count = 1;
  // Parses "K/N" (1 <= K <= N); throws CLI::ValidationError otherwise.
  static Shard parse(const std::string& text);
  bool contains(std::string_view path) const;
};

// Visits this run's inputs in a deterministic order: the PATH arguments, then the paths listed in
// --files-from, each walked like walk_inputs(), keeping only the inputs of --shard.
void for_each_input(const PipelineFlags& flags, const std::function<void(const Input&)>& visit);

// Formats one file's records. Called on the main thread, once per input, in input order, so it
// may keep corpus-level state (e.g. duplicate marks) and its output is the same for any -j.
using RecordWriter = std::function<void(const FileReport&, std::string&)>;

// Runs the pipeline over every input on `threads` worker threads (0 = all cores), writing the
// records to stdout in input order, and raises the exit status to 1 when an input was skipped.
void run_records(const std::vector<std::string>& paths, const ScanOptions& options, unsigned threads,
                 const RecordWriter& write);
// The same over for_each_input(flags), with a progress bar on a terminal.
void run_records(const PipelineFlags& flags, const RecordWriter& write);

// Logs a skipped file on stderr.
void log_skip(const FileReport& report);

void setup_scan(CLI::App& app);
void setup_normalize(CLI::App& app);
void setup_split(CLI::App& app);
void setup_explain(CLI::App& app);
void setup_merge(CLI::App& app);
void setup_report(CLI::App& app);

// Set by subcommands: the process exit status.
extern int g_exit_status;

}  // namespace corpus_scan::cli
