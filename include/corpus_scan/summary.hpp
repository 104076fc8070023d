// The corpus summary `scan --summary` writes last: totals, distributions of the main statistics,
// how many articles fail each quality rule, artifact totals, duplicates.
//
// Memory: distributions are exact, so the summary keeps one 4-byte number per article for each
// distributed statistic (kSummaryStats, 12 of them: about 48 bytes per article); everything else
// is a fixed set of counters.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "corpus_scan/fingerprint.hpp"
#include "corpus_scan/scan.hpp"

namespace corpus_scan {

// The statistics whose distribution the summary reports, as stats field names.
inline constexpr std::array<std::string_view, 12> kSummaryStats = {
    "words", "chars", "sentences", "cjk_share", "mean_word_length", "mean_sentence_length",
    "type_token_ratio", "unigram_entropy", "language.chinese_share", "repetition.dup_line_frac",
    "repetition.dup_5gram_char_frac", "artifacts.per_1000_chars"};

class CorpusSummary {
 public:
  CorpusSummary();
  // Counts one file's records; `marks` as given to write_scan_records (may be null).
  void add(const FileReport& file, const DuplicateMarks* marks);

  // What the summary keeps of one article. Every member can be read back from the article's JSON
  // record, so `corpus-scan merge` rebuilds from shards' records the summary one run would write.
  struct ArticleFacts {
    std::array<double, kSummaryStats.size()> values{};  // kSummaryStats, rounded as JSON writes them
    bool pass = true;
    std::vector<QualityRule> failed;
    std::array<std::uint64_t, kEditKindCount> edits{};
    std::uint64_t untranslated = 0;  // untranslated paragraphs
  };
  static ArticleFacts facts(const ArticleStats& stats);
  // add(file, marks) is add_file (or add_skipped) then add_article for each article in order.
  void add_skipped() { ++skipped_; }
  void add_file(std::uint64_t bytes, std::uint64_t chrome);
  void add_article(const ArticleFacts& article, const DuplicateMark* mark);
  // One {"type": "summary", ...} JSON line.
  void write_json(std::string& out) const;
  // The same, as indented text for people (the table format).
  void write_text(std::string& out) const;

  struct Distribution {
    double min = 0, median = 0, p90 = 0, max = 0;
  };
  // Nearest-rank quantiles of the values seen for kSummaryStats[i]; all 0 when no article.
  Distribution distribution(std::size_t i) const;

 private:
  std::uint64_t files_ = 0, skipped_ = 0, articles_ = 0, chrome_ = 0, bytes_ = 0;
  std::uint64_t passing_ = 0, exact_duplicates_ = 0, near_duplicates_ = 0;
  std::uint64_t untranslated_paragraphs_ = 0, articles_with_untranslated_ = 0;
  std::array<std::uint64_t, kQualityRuleCount> failed_{};
  std::array<std::uint64_t, kEditKindCount> edits_{};
  std::array<std::size_t, kSummaryStats.size()> stat_index_{};  // into stat_fields()
  std::array<std::vector<float>, kSummaryStats.size()> values_;
};

}  // namespace corpus_scan
