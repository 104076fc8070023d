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
#include "../src/stats_internal.hpp"

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

// Chinese word counting alone, over the runs of two or more CJK characters in data/ (what the
// stats' text pass hands over), per character: the dictionary walk as scan uses it, and ICU's word
// BreakIterator, which it replaced for runs of common Han ideographs.
const std::vector<std::string>& cjk_runs() {
  static const std::vector<std::string> runs = [] {
    const std::uint16_t* bmp = stats_detail::bmp_char_classes();
    const std::string& text = corpus();
    std::vector<std::string> found;
    std::size_t begin = 0, chars = 0;
    for (std::size_t i = 0; i <= text.size();) {
      const DecodedChar d = i < text.size() ? decode_utf8(text, i) : DecodedChar{0, 1, false};
      if (i < text.size() && (stats_detail::char_class(bmp, d.cp) & stats_detail::kCjkToken)) {
        if (chars++ == 0) begin = i;
      } else {
        if (chars >= 2) found.emplace_back(text.substr(begin, i - begin));
        chars = 0;
      }
      i += d.length;
    }
    return found;
  }();
  return runs;
}

template <std::size_t (*Count)(std::string_view)>
void chinese_words(benchmark::State& state) {
  std::size_t chars = 0;
  for (const std::string& run : cjk_runs()) chars += count_code_points(run);
  for (auto _ : state)
    for (const std::string& run : cjk_runs()) benchmark::DoNotOptimize(Count(run));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * chars));
}
void BM_ChineseWords(benchmark::State& state) { chinese_words<stats_detail::count_cjk_words>(state); }
void BM_ChineseWordsIcu(benchmark::State& state) { chinese_words<stats_detail::count_cjk_words_icu>(state); }
BENCHMARK(BM_ChineseWords);
BENCHMARK(BM_ChineseWordsIcu);

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
