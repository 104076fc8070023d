// The Gopher quality and repetition rules, their thresholds, and overriding them.
#include <charconv>
#include <cmath>

#include "corpus_scan/stats.hpp"

namespace corpus_scan {

namespace {

using R = QualityRule;

// Thresholds from Rae et al. 2021 ("Scaling Language Models: Methods, Analysis & Insights from
// Training Gopher"), appendix A.1.1 and table A1, in the order the paper lists them.
constexpr std::array<QualityRuleInfo, kQualityRuleCount> kRules = {{
    {R::MinWords, "min_words", "stats.words", true, 50},
    {R::MaxWords, "max_words", "stats.words", false, 100000},
    {R::MinMeanWordLength, "min_mean_word_length", "stats.mean_word_length", true, 3},
    {R::MaxMeanWordLength, "max_mean_word_length", "stats.mean_word_length", false, 10},
    {R::MaxHashWordRatio, "max_hash_word_ratio", "stats.hash_word_ratio", false, 0.1},
    {R::MaxEllipsisWordRatio, "max_ellipsis_word_ratio", "stats.ellipsis_word_ratio", false, 0.1},
    {R::MaxBulletLineFrac, "max_bullet_line_frac", "stats.bullet_line_frac", false, 0.9},
    {R::MaxEllipsisLineFrac, "max_ellipsis_line_frac", "stats.ellipsis_line_frac", false, 0.3},
    {R::MinAlphaWordFrac, "min_alpha_word_frac", "stats.alpha_word_frac", true, 0.8},
    {R::MinStopWords, "min_stop_words", "stats.stop_words", true, 2},
    {R::MaxDupLineFrac, "max_dup_line_frac", "stats.repetition.dup_line_frac", false, 0.30},
    {R::MaxDupParaFrac, "max_dup_para_frac", "stats.repetition.dup_para_frac", false, 0.30},
    {R::MaxDupLineCharFrac, "max_dup_line_char_frac", "stats.repetition.dup_line_char_frac", false, 0.20},
    {R::MaxDupParaCharFrac, "max_dup_para_char_frac", "stats.repetition.dup_para_char_frac", false, 0.20},
    {R::MaxTop2gramCharFrac, "max_top_2gram_char_frac", "stats.repetition.top_2gram_char_frac", false, 0.20},
    {R::MaxTop3gramCharFrac, "max_top_3gram_char_frac", "stats.repetition.top_3gram_char_frac", false, 0.18},
    {R::MaxTop4gramCharFrac, "max_top_4gram_char_frac", "stats.repetition.top_4gram_char_frac", false, 0.16},
    {R::MaxDup5gramCharFrac, "max_dup_5gram_char_frac", "stats.repetition.dup_5gram_char_frac", false, 0.15},
    {R::MaxDup6gramCharFrac, "max_dup_6gram_char_frac", "stats.repetition.dup_6gram_char_frac", false, 0.14},
    {R::MaxDup7gramCharFrac, "max_dup_7gram_char_frac", "stats.repetition.dup_7gram_char_frac", false, 0.13},
    {R::MaxDup8gramCharFrac, "max_dup_8gram_char_frac", "stats.repetition.dup_8gram_char_frac", false, 0.12},
    {R::MaxDup9gramCharFrac, "max_dup_9gram_char_frac", "stats.repetition.dup_9gram_char_frac", false, 0.11},
    {R::MaxDup10gramCharFrac, "max_dup_10gram_char_frac", "stats.repetition.dup_10gram_char_frac", false, 0.10},
}};

constexpr bool rules_in_enum_order() {
  for (std::size_t i = 0; i < kRules.size(); ++i)
    if (static_cast<std::size_t>(kRules[i].rule) != i) return false;
  return true;
}
static_assert(rules_in_enum_order(), "kRules must list the rules in QualityRule order");

std::string known_rules() {
  std::string s;
  for (const QualityRuleInfo& r : kRules) s += std::string(s.empty() ? "" : ", ") + std::string(r.name);
  return s;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

const std::array<QualityRuleInfo, kQualityRuleCount>& quality_rules() { return kRules; }

std::optional<QualityRule> quality_rule_from_name(std::string_view name) {
  for (const QualityRuleInfo& r : kRules)
    if (r.name == name) return r.rule;
  return std::nullopt;
}

QualityThresholds::QualityThresholds() {
  for (const QualityRuleInfo& r : kRules) value[static_cast<std::size_t>(r.rule)] = r.published;
}

std::optional<std::string> QualityThresholds::apply(std::string_view assignment) {
  const std::size_t eq = assignment.find('=');
  if (eq == std::string_view::npos)
    return "expected NAME=VALUE or NAME=off, got '" + std::string(assignment) + "'";
  const std::string_view name = trim(assignment.substr(0, eq));
  const std::string_view text = trim(assignment.substr(eq + 1));
  const auto rule = quality_rule_from_name(name);
  if (!rule) return "unknown rule '" + std::string(name) + "' (known rules: " + known_rules() + ")";
  std::optional<double>& slot = value[static_cast<std::size_t>(*rule)];
  if (text == "off") {
    slot.reset();
    return std::nullopt;
  }
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v))
    return "rule '" + std::string(name) + "': '" + std::string(text) + "' is not a number (or 'off')";
  slot = v;
  return std::nullopt;
}

std::optional<std::string> QualityThresholds::apply_config(std::string_view text, std::string_view origin) {
  std::size_t line_no = 0;
  while (!text.empty()) {
    ++line_no;
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (const std::size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = trim(line);
    if (line.empty()) continue;
    if (auto error = apply(line)) return std::string(origin) + ":" + std::to_string(line_no) + ": " + *error;
  }
  return std::nullopt;
}

double rule_value(const ArticleStats& s, QualityRule rule) {
  const RepetitionStats& r = s.repetition;
  switch (rule) {
    case R::MinWords: case R::MaxWords: return double(s.words);
    case R::MinMeanWordLength: case R::MaxMeanWordLength: return s.mean_word_length;
    case R::MaxHashWordRatio: return s.hash_word_ratio;
    case R::MaxEllipsisWordRatio: return s.ellipsis_word_ratio;
    case R::MaxBulletLineFrac: return s.bullet_line_frac;
    case R::MaxEllipsisLineFrac: return s.ellipsis_line_frac;
    case R::MinAlphaWordFrac: return s.alpha_word_frac;
    case R::MinStopWords: return double(s.stop_words);
    case R::MaxDupLineFrac: return r.dup_line_frac;
    case R::MaxDupParaFrac: return r.dup_para_frac;
    case R::MaxDupLineCharFrac: return r.dup_line_char_frac;
    case R::MaxDupParaCharFrac: return r.dup_para_char_frac;
    case R::MaxTop2gramCharFrac: case R::MaxTop3gramCharFrac: case R::MaxTop4gramCharFrac:
      return r.top_ngram_char_frac[static_cast<std::size_t>(rule) - static_cast<std::size_t>(R::MaxTop2gramCharFrac)];
    default:
      return r.dup_ngram_char_frac[static_cast<std::size_t>(rule) - static_cast<std::size_t>(R::MaxDup5gramCharFrac)];
  }
}

QualityVerdict evaluate_quality(const ArticleStats& stats, const QualityThresholds& thresholds) {
  QualityVerdict v;
  for (const QualityRuleInfo& r : kRules) {
    const std::optional<double>& t = thresholds[r.rule];
    if (!t) continue;
    const double x = rule_value(stats, r.rule);
    // A value exactly on the threshold passes, as in Gopher ("fewer than 50", "more than 0.1").
    if (r.is_min ? x < *t : x > *t) v.failed.push_back(r.rule);
  }
  v.pass = v.failed.empty();
  return v;
}

}  // namespace corpus_scan
