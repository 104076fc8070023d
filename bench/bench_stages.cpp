// Throughput of each pipeline stage over the sample dumps in data/ (bytes/s of input text).
// The whole binary is measured against `wc -lwm` by bench/run-scan.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "corpus_scan/normalizer.hpp"
#include "corpus_scan/reader.hpp"
#include "corpus_scan/report.hpp"
#include "corpus_scan/scan.hpp"
#include "corpus_scan/splitter.hpp"
#include "corpus_scan/stats.hpp"
#include "corpus_scan/text.hpp"

using namespace corpus_scan;

namespace {

// All of data/ concatenated: mostly English with Chinese paragraphs, as users' dumps are.
const std::string& corpus() {
  static const std::string text = [] {
    std::string all;
    for (const char* name : {"000_bf0e3fdb9f6fa110.txt", "001_2725a3a24cc2e181.txt", "002_f2556a01afc1b775.txt"}) {
      std::ifstream in(std::string(CORPUS_SCAN_DATA_DIR) + "/" + name, std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      all += ss.str();
    }
    return all;
  }();
  return text;
}

// The corpus through the whole pipeline once, with the options scan uses by default: the input
// of the benchmarks of the stages that come after analysis.
const FileReport& analyzed_corpus() {
  static const ScanOptions options;
  static const Normalizer normalizer(options.normalize);
  static const FileReport report = analyze("bench", decode_bytes(corpus()), options, normalizer);
  return report;
}

void BM_Reader(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(decode_bytes(corpus()));
  state.SetBytesProcessed(state.iterations() * corpus().size());
}
BENCHMARK(BM_Reader);

void BM_SplitLines(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(split_lines(corpus()));
  state.SetBytesProcessed(state.iterations() * corpus().size());
}
BENCHMARK(BM_SplitLines);

void BM_Splitter(benchmark::State& state) {
  const auto lines = split_lines(corpus());
  for (auto _ : state) benchmark::DoNotOptimize(split_articles(corpus(), lines));
  state.SetBytesProcessed(state.iterations() * corpus().size());
}
BENCHMARK(BM_Splitter);

// Dumps without separators (data/001, data/002) take the evidence path: cues and lexical cohesion.
void BM_SplitterNoSeparator(benchmark::State& state) {
  std::string text;
  for (const char* name : {"001_2725a3a24cc2e181.txt", "002_f2556a01afc1b775.txt"}) {
    std::ifstream in(std::string(CORPUS_SCAN_DATA_DIR) + "/" + name, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    text += ss.str();
  }
  const auto lines = split_lines(text);
  for (auto _ : state) benchmark::DoNotOptimize(split_articles(text, lines));
  state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(BM_SplitterNoSeparator);

void BM_Normalizer(benchmark::State& state) {
  const auto lines = split_lines(corpus());
  const Normalizer normalizer;
  std::string out;
  std::vector<Edit> edits;
  for (auto _ : state) {
    out.clear();
    edits.clear();
    for (const Line& l : lines) normalizer.normalize_line(l.content(corpus()), l.begin, out, &edits);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(state.iterations() * corpus().size());
}
BENCHMARK(BM_Normalizer);

// The statistics of every article of data/, over its normalized text (as scan computes them).
void BM_Stats(benchmark::State& state) {
  const ScanOptions options;
  const FileReport& report = analyzed_corpus();
  const std::string_view text = report.source->text();
  for (auto _ : state) {
    for (const ArticleReport& a : report.articles) {
      const Segment& seg = report.segments[a.segment];
      benchmark::DoNotOptimize(compute_stats(text.substr(seg.byte_begin, seg.byte_end - seg.byte_begin), a.normalized,
                                             a.edits, options.quality));
    }
  }
  state.SetBytesProcessed(state.iterations() * corpus().size());
}
BENCHMARK(BM_Stats);

// The JSON Lines records of one analyzed file.
void BM_ScanRecords(benchmark::State& state) {
  const FileReport& report = analyzed_corpus();
  std::string out;
  for (auto _ : state) {
    out.clear();
    write_scan_records(report, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(state.iterations() * corpus().size());
}
BENCHMARK(BM_ScanRecords);

void BM_WholeFile(benchmark::State& state) {
  const ScanOptions options;
  const Normalizer normalizer(options.normalize);
  for (auto _ : state) benchmark::DoNotOptimize(analyze("bench", decode_bytes(corpus()), options, normalizer));
  state.SetBytesProcessed(state.iterations() * corpus().size());
}
BENCHMARK(BM_WholeFile);

}  // namespace

BENCHMARK_MAIN();
