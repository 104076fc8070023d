#include "corpus_scan/summary.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "corpus_scan/fields.hpp"
#include "corpus_scan/json.hpp"

namespace corpus_scan {

CorpusSummary::CorpusSummary() {
  for (std::size_t i = 0; i < kSummaryStats.size(); ++i) {
    const auto& fields = stat_fields();
    const auto it = std::find_if(fields.begin(), fields.end(), [&](const StatField& f) { return f.name == kSummaryStats[i]; });
    if (it == fields.end()) throw std::logic_error("summary names an unknown stat");
    stat_index_[i] = static_cast<std::size_t>(it - fields.begin());
  }
}

CorpusSummary::ArticleFacts CorpusSummary::facts(const ArticleStats& s) {
  static const CorpusSummary indexed;  // stat_index_ of kSummaryStats, computed once
  ArticleFacts f;
  for (std::size_t i = 0; i < kSummaryStats.size(); ++i) {
    const Cell c = stat_fields()[indexed.stat_index_[i]].get(s);
    f.values[i] = json_rounded(std::holds_alternative<double>(c) ? std::get<double>(c) : double(std::get<std::uint64_t>(c)));
  }
  f.pass = s.quality.pass;
  f.failed = s.quality.failed;
  f.edits = s.edits_by_kind;
  f.untranslated = s.language.untranslated.size();
  return f;
}

void CorpusSummary::add(const FileReport& file, const DuplicateMarks* marks) {
  if (file.skip) return add_skipped();
  add_file(file.source->original.size(), file.segments.size() - file.articles.size());
  for (std::size_t a = 0; a < file.articles.size(); ++a)
    add_article(facts(file.articles[a].stats), marks && (*marks)[a] ? &*(*marks)[a] : nullptr);
}

void CorpusSummary::add_file(std::uint64_t bytes, std::uint64_t chrome) {
  ++files_;
  bytes_ += bytes;
  chrome_ += chrome;
}

void CorpusSummary::add_article(const ArticleFacts& a, const DuplicateMark* mark) {
  ++articles_;
  passing_ += a.pass;
  for (QualityRule r : a.failed) ++failed_[static_cast<std::size_t>(r)];
  for (std::size_t k = 0; k < kEditKindCount; ++k) edits_[k] += a.edits[k];
  untranslated_paragraphs_ += a.untranslated;
  articles_with_untranslated_ += a.untranslated > 0;
  if (mark) ++(mark->exact ? exact_duplicates_ : near_duplicates_);
  for (std::size_t i = 0; i < kSummaryStats.size(); ++i) values_[i].push_back(static_cast<float>(a.values[i]));
}

CorpusSummary::Distribution CorpusSummary::distribution(std::size_t i) const {
  std::vector<float> v = values_[i];
  if (v.empty()) return {};
  std::sort(v.begin(), v.end());
  // Nearest rank: the smallest value with at least q of the values at or below it.
  const auto rank = [&](double q) {
    std::size_t r = static_cast<std::size_t>(q * double(v.size()) + 0.999999);
    return double(v[std::clamp<std::size_t>(r, 1, v.size()) - 1]);
  };
  return {v.front(), rank(0.5), rank(0.9), v.back()};
}

void CorpusSummary::write_json(std::string& out) const {
  JsonWriter json(out);
  json.begin_object().field("type", "summary");
  json.field("files", files_)
      .field("articles", articles_)
      .field("chrome", chrome_)
      .field("skipped", skipped_)
      .field("bytes", bytes_);
  json.key("distributions").begin_object();
  for (std::size_t i = 0; i < kSummaryStats.size(); ++i) {
    const Distribution d = distribution(i);
    json.key(kSummaryStats[i]).begin_object();
    json.field("min", d.min).field("median", d.median).field("p90", d.p90).field("max", d.max);
    json.end_object();
  }
  json.end_object();
  json.key("quality").begin_object();
  json.field("pass", passing_).field("fail", articles_ - passing_);
  json.key("failed_rules").begin_object();
  for (const QualityRuleInfo& r : quality_rules()) json.field(r.name, failed_[static_cast<std::size_t>(r.rule)]);
  json.end_object();
  json.end_object();
  json.key("artifacts").begin_object();
  for (EditKind k : all_kinds()) json.field(kind_name(k), edits_[static_cast<std::size_t>(k)]);
  json.end_object();
  json.key("untranslated").begin_object();
  json.field("paragraphs", untranslated_paragraphs_).field("articles", articles_with_untranslated_);
  json.end_object();
  json.key("duplicates").begin_object();
  json.field("exact", exact_duplicates_).field("near", near_duplicates_);
  json.end_object();
  json.end_object();
  out.push_back('\n');
}

void CorpusSummary::write_text(std::string& out) const {
  auto o = std::back_inserter(out);
  fmt::format_to(o, "\n{} files, {} articles, {} skipped, {} bytes; {} articles pass the quality rules, {} fail\n",
                 files_, articles_, skipped_, bytes_, passing_, articles_ - passing_);
  fmt::format_to(o, "duplicates: {} exact, {} near; untranslated: {} paragraphs in {} articles\n", exact_duplicates_,
                 near_duplicates_, untranslated_paragraphs_, articles_with_untranslated_);
  fmt::format_to(o, "\n{:<32} {:>10} {:>10} {:>10} {:>10}\n", "statistic", "min", "median", "p90", "max");
  for (std::size_t i = 0; i < kSummaryStats.size(); ++i) {
    const Distribution d = distribution(i);
    fmt::format_to(o, "{:<32} {:>10.4g} {:>10.4g} {:>10.4g} {:>10.4g}\n", kSummaryStats[i], d.min, d.median, d.p90, d.max);
  }
  out += "\nfailing rules:";
  bool any = false;
  for (const QualityRuleInfo& r : quality_rules()) {
    if (const std::uint64_t n = failed_[static_cast<std::size_t>(r.rule)]) {
      fmt::format_to(o, " {} {}", r.name, n);
      any = true;
    }
  }
  out += any ? "\n" : " none\n";
  out += "edits:";
  for (EditKind k : all_kinds()) fmt::format_to(o, " {} {}", kind_name(k), edits_[static_cast<std::size_t>(k)]);
  out.push_back('\n');
}

}  // namespace corpus_scan
