// Statistics: the per-article signals a corpus engineer filters on (docs/stats.md defines each).
//
// Families: counts, ratios, Gopher repetition, language (script of each paragraph), artifacts
// (normalizer edits), Gopher quality rules, fingerprints. All of them come from one pass over
// the article's normalized text plus a pass over its tokens; Chinese is measured as Chinese
// (a Han character is a token; Chinese words come from ICU's dictionary segmentation).
//
// Ownership: compute_stats() reads views owned by the caller and returns plain values; it keeps
// per-thread scratch buffers between calls (so it allocates almost nothing per article) and may
// be called from several threads at once.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus_scan/language.hpp"
#include "corpus_scan/normalizer.hpp"

namespace corpus_scan {

class JsonWriter;

// ---- Quality rules ---------------------------------------------------------------------------

// The Gopher quality and repetition rules (Rae et al. 2021, "Scaling Language Models", section
// A.1.1 and table A1), each a bound on one statistic. Names are part of the CLI/JSON contract.
enum class QualityRule : std::uint8_t {
  MinWords, MaxWords, MinMeanWordLength, MaxMeanWordLength, MaxHashWordRatio, MaxEllipsisWordRatio,
  MaxBulletLineFrac, MaxEllipsisLineFrac, MinAlphaWordFrac, MinStopWords,
  MaxDupLineFrac, MaxDupParaFrac, MaxDupLineCharFrac, MaxDupParaCharFrac,
  MaxTop2gramCharFrac, MaxTop3gramCharFrac, MaxTop4gramCharFrac,
  MaxDup5gramCharFrac, MaxDup6gramCharFrac, MaxDup7gramCharFrac, MaxDup8gramCharFrac,
  MaxDup9gramCharFrac, MaxDup10gramCharFrac,
};
inline constexpr std::size_t kQualityRuleCount = 23;

struct QualityRuleInfo {
  QualityRule rule;
  std::string_view name;       // "min_words", "max_dup_5gram_char_frac", ...
  std::string_view stat;       // the statistic it bounds, as a dotted field: "stats.words"
  bool is_min;                 // fails when the value is below (min) / above (max) the threshold
  double published;            // Gopher's published threshold
};
const std::array<QualityRuleInfo, kQualityRuleCount>& quality_rules();
std::optional<QualityRule> quality_rule_from_name(std::string_view name);

// Thresholds in force: the published ones unless overridden; a rule switched off is nullopt.
struct QualityThresholds {
  std::array<std::optional<double>, kQualityRuleCount> value;
  QualityThresholds();
  const std::optional<double>& operator[](QualityRule r) const { return value[static_cast<std::size_t>(r)]; }

  // Applies "name=value" or "name=off". Returns an error for people, or nullopt on success.
  [[nodiscard]] std::optional<std::string> apply(std::string_view assignment);
  // Applies a config file's text: one "name = value" per line, '#' starts a comment. Errors name
  // the line: "<origin>:3: unknown rule 'max_wrods' (known rules: ...)".
  [[nodiscard]] std::optional<std::string> apply_config(std::string_view text, std::string_view origin);
};

struct QualityVerdict {
  bool pass = true;
  std::vector<QualityRule> failed;  // in quality_rules() order
};

// ---- Per-article statistics -------------------------------------------------------------------

// Gopher's repetition measures (docs/stats.md has the exact definitions). Fractions in [0, 1].
struct RepetitionStats {
  double dup_line_frac = 0;       // non-blank lines that repeat an earlier line / non-blank lines
  double dup_line_char_frac = 0;  // chars of those lines / chars
  double dup_para_frac = 0;       // paragraphs that repeat an earlier paragraph / paragraphs
  double dup_para_char_frac = 0;  // chars of those paragraphs / chars
  std::array<double, 3> top_ngram_char_frac{};  // n = 2, 3, 4: chars of the most frequent n-gram's occurrences / token chars
  std::array<double, 6> dup_ngram_char_frac{};  // n = 5..10: token chars covered by repeated n-grams / token chars
};

struct Fingerprint {
  std::uint64_t text_hash = 0;  // hash of the normalized text's non-blank lines, trimmed
  std::uint64_t simhash = 0;    // 64-bit SimHash of the token 3-gram shingles
  std::uint32_t shingles = 0;   // number of shingles that went into simhash
};

struct ArticleStats {
  // counts
  std::uint64_t bytes = 0;          // bytes of the article's span in the original file
  std::uint64_t chars = 0;          // code points of the normalized text (line ends included)
  std::uint64_t lines = 0;          // lines in the span
  std::uint64_t nonblank_lines = 0;
  std::uint64_t paragraphs = 0;     // runs of non-blank lines
  std::uint64_t sentences = 0;      // Unicode (ICU) sentences
  std::uint64_t words = 0;          // english_words + chinese_words
  std::uint64_t english_words = 0;  // runs of letters and digits (joined by ' ’ - inside, . , inside numbers)
  std::uint64_t chinese_words = 0;  // words of ICU's segmentation of runs of CJK characters
  std::uint64_t tokens = 0;         // english_words + CJK characters: the unit of n-grams
  std::uint64_t cjk_chars = 0;      // Han ideographs
  std::uint64_t latin_letters = 0;  // letters of the Latin script
  std::uint64_t uppercase = 0;
  std::uint64_t digits = 0;         // Unicode decimal digits (Nd)
  std::uint64_t punctuation = 0;    // Unicode punctuation (P*), ASCII and CJK alike
  std::uint64_t whitespace = 0;     // White_Space, line ends included
  std::uint64_t hashes = 0;         // '#' characters
  std::uint64_t ellipses = 0;       // "…" and non-overlapping "..."
  std::uint64_t stop_words = 0;     // occurrences of Gopher's stop words (the, be, to, of, and, that, have, with)
  std::uint64_t alpha_words = 0;    // words holding at least one letter
  std::uint64_t english_word_chars = 0;  // code points in English words
  std::uint64_t distinct_tokens = 0;
  std::uint64_t terminal_punct_lines = 0;  // non-blank lines ending . ! ? 。！？ (closing quotes allowed after)
  std::uint64_t ellipsis_lines = 0;        // non-blank lines ending "..." or "…"
  std::uint64_t bullet_lines = 0;          // non-blank lines starting with a bullet
  // ratios (derived from the counts; see docs/stats.md)
  double cjk_share = 0;            // cjk_chars / (cjk_chars + latin_letters)
  double digit_ratio = 0;          // digits / chars
  double uppercase_ratio = 0;      // uppercase / chars
  double punctuation_ratio = 0;    // punctuation / chars
  double whitespace_ratio = 0;     // whitespace / chars
  double mean_word_length = 0;     // english_word_chars / english_words
  double mean_sentence_length = 0; // words / sentences
  double type_token_ratio = 0;     // distinct_tokens / tokens
  double unigram_entropy = 0;      // Shannon entropy of the token distribution, in nats
  double stop_word_frac = 0;       // stop_words / english_words
  double alpha_word_frac = 0;      // alpha_words / words
  double terminal_punct_line_frac = 0;  // terminal_punct_lines / nonblank_lines
  double ellipsis_line_frac = 0;   // ellipsis_lines / nonblank_lines
  double bullet_line_frac = 0;     // bullet_lines / nonblank_lines
  double hash_word_ratio = 0;      // hashes / words
  double ellipsis_word_ratio = 0;  // ellipses / words
  double symbol_word_ratio = 0;    // (hashes + ellipses) / words
  RepetitionStats repetition;
  LanguageProfile language;
  // artifacts
  std::array<std::uint64_t, kEditKindCount> edits_by_kind{};
  std::uint64_t edits = 0;         // all edits
  std::uint64_t mt_edits = 0;      // edits of the kinds that repair translation damage (not whitespace, unicode)
  double artifacts_per_1000_chars = 0;  // mt_edits * 1000 / chars
  QualityVerdict quality;
  Fingerprint fingerprint;
};

// Whether an edit kind counts as machine-translation damage for artifacts_per_1000_chars: every
// kind except whitespace and unicode, which tidy text rather than repair it.
bool is_mt_artifact(EditKind kind);

// `original` is the article's span of the text, `normalized` its normalized text (one line per
// line of the span, joined by '\n'), `edits` the normalizer's edits within the span.
ArticleStats compute_stats(std::string_view original, std::string_view normalized,
                           const std::vector<Edit>& edits, const QualityThresholds& thresholds = {});

// The value a rule bounds, read from computed statistics.
double rule_value(const ArticleStats& stats, QualityRule rule);
QualityVerdict evaluate_quality(const ArticleStats& stats, const QualityThresholds& thresholds);

// Writes the "stats" object (without its key).
void write_stats_json(const ArticleStats& stats, JsonWriter& json);

// Hex form of fingerprints in JSON and CSV: 16 lowercase hex digits (jq's numbers are doubles,
// which would lose the low bits of a 64-bit integer).
std::string hex64(std::uint64_t v);

}  // namespace corpus_scan
