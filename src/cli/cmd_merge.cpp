// `corpus-scan merge [FILE...]`: the reduce step after sharded scans. Reads the JSON Lines of many
// `scan` runs (each over its --shard or --files-from share) and writes what one `scan --summary`
// over all the inputs would have written at the end: the cross-file duplicate marks, which no shard
// could see, and the corpus summary.
//
// Order: one run visits files in walk order (directories sorted by name, depth first). Shards
// interleave, so merge puts files back in that order by comparing paths component by component;
// articles keep their index order within a file. For a run over one directory (or several
// arguments given in sorted order) that is exactly the single run's order, so duplicate marks
// point at the same first occurrences.
//
// Memory: a few hundred bytes per article (the summary's numbers and a fingerprint), never text.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <stdexcept>

#include <spdlog/spdlog.h>

#include "cli.hpp"
#include "records.hpp"
#include "corpus_scan/fields.hpp"
#include "corpus_scan/fingerprint.hpp"
#include "corpus_scan/json.hpp"
#include "corpus_scan/report.hpp"
#include "corpus_scan/summary.hpp"

namespace corpus_scan::cli {

namespace {

struct MergeCommand {
  std::vector<std::string> files;
  bool no_duplicates = false;
};

struct MergedArticle {
  std::uint64_t index = 0;
  Fingerprint fingerprint;
  CorpusSummary::ArticleFacts facts;
};

struct MergedFile {
  bool seen_file_record = false;
  bool skipped = false;
  std::uint64_t bytes = 0, chrome = 0;
  std::string origin;  // "FILE:LINE" of its file record, for messages
  std::vector<MergedArticle> articles;
};

// Walk order: '/' sorts before every other byte, so "a/b" (inside directory a) comes before
// "a.txt", as it does when the walker lists a directory's names sorted.
struct WalkOrder {
  bool operator()(const std::string& a, const std::string& b) const {
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
      if (a[i] == b[i]) continue;
      if (a[i] == '/') return true;
      if (b[i] == '/') return false;
      return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]);
    }
    return a.size() < b.size();
  }
};

std::uint64_t parse_hex64(const std::string& hex) {
  std::size_t used = 0;
  const std::uint64_t value = std::stoull(hex, &used, 16);
  if (used != hex.size()) throw std::runtime_error("bad fingerprint '" + hex + "'");
  return value;
}

// The inverse of what the summary takes from ArticleStats (CorpusSummary::facts), read from an
// article record's "stats" object.
CorpusSummary::ArticleFacts article_facts(const Json& stats) {
  CorpusSummary::ArticleFacts facts;
  for (std::size_t i = 0; i < kSummaryStats.size(); ++i) {
    const Json* at = &stats;
    std::string_view name = kSummaryStats[i];
    for (std::size_t dot; (dot = name.find('.')) != std::string_view::npos; name.remove_prefix(dot + 1))
      at = &at->at(std::string(name.substr(0, dot)));
    const Json& value = at->at(std::string(name));
    facts.values[i] = json_rounded(value.is_null() ? 0.0 : value.get<double>());
  }
  const Json& quality = stats.at("quality");
  facts.pass = quality.at("pass").get<bool>();
  for (const Json& name : quality.at("failed")) {
    const auto& rules = quality_rules();
    const auto rule = std::find_if(rules.begin(), rules.end(), [&](const QualityRuleInfo& r) { return r.name == name.get<std::string>(); });
    if (rule == rules.end()) throw std::runtime_error("unknown quality rule '" + name.get<std::string>() + "'");
    facts.failed.push_back(rule->rule);
  }
  const Json& edits = stats.at("edits");
  for (EditKind k : all_kinds()) facts.edits[static_cast<std::size_t>(k)] = edits.at(std::string(kind_name(k))).get<std::uint64_t>();
  facts.untranslated = stats.at("language").at("untranslated").get<std::uint64_t>();
  return facts;
}

Fingerprint article_fingerprint(const Json& stats) {
  const Json& fp = stats.at("fingerprint");
  return {parse_hex64(fp.at("hash").get<std::string>()), parse_hex64(fp.at("simhash").get<std::string>()),
          fp.at("shingles").get<std::uint32_t>()};
}

class ShardMerger {
 public:
  // Takes one record of a shard's output.
  void add(const Json& record, const std::string& where) {
    const std::string type = record.at("type").get<std::string>();
    if (type == "summary" || type == "chrome" || type == "duplicate") return;  // recomputed, or counted from "file"
    MergedFile& file = files_[record_path(record)];
    if (type == "article") {
      const Json& stats = record.at("stats");
      file.articles.push_back({record.at("index").get<std::uint64_t>(), article_fingerprint(stats), article_facts(stats)});
    } else if (type == "file" || type == "skipped") {
      if (file.seen_file_record || file.skipped) {
        spdlog::warn("{}: {} was already merged from {}; counted once", where, record_path(record), file.origin);
        return;
      }
      file.origin = where;
      if (type == "skipped") {
        file.skipped = true;
        return;
      }
      file.seen_file_record = true;
      file.bytes = record.at("bytes").get<std::uint64_t>();
      file.chrome = record.at("chrome").get<std::uint64_t>();
    } else {
      throw std::runtime_error("unknown record type '" + type + "'");
    }
  }

  // Writes the duplicate marks (one {"type": "duplicate"} record per article that repeats an
  // earlier one) and then the summary record.
  void write(bool duplicates) {
    CorpusSummary summary;
    DuplicateIndex index;
    std::string out;
    for (auto& [path, file] : files_) {
      if (!file.seen_file_record && !file.skipped)
        throw std::runtime_error(path + ": articles but no \"file\" record: a shard's output is incomplete");
      if (file.skipped) {
        summary.add_skipped();
        continue;
      }
      summary.add_file(file.bytes, file.chrome);
      if (file.articles.empty()) continue;  // as scan does: files without articles take no part
      std::sort(file.articles.begin(), file.articles.end(),
                [](const MergedArticle& a, const MergedArticle& b) { return a.index < b.index; });
      index.begin_file(path);
      for (const MergedArticle& article : file.articles) {
        const std::optional<DuplicateMark> mark = index.observe(article.fingerprint, article.index);
        summary.add_article(article.facts, mark ? &*mark : nullptr);
        if (mark && duplicates) write_duplicate_record(path, article.index, *mark, out);
      }
      write_stdout(out);
      out.clear();
    }
    summary.write_json(out);
    write_stdout(out);
  }

 private:
  static void write_duplicate_record(const std::string& path, std::uint64_t index, const DuplicateMark& mark,
                                     std::string& out) {
    JsonWriter json(out);
    json.begin_object().field("type", "duplicate");
    write_path_field(json, path);
    json.field("index", index);
    json.key("duplicate_of");
    write_duplicate_json(&mark, json);
    json.end_object();
    out.push_back('\n');
  }

  std::map<std::string, MergedFile, WalkOrder> files_;
};

}  // namespace

void setup_merge(CLI::App& app) {
  auto opts = std::make_shared<MergeCommand>();
  CLI::App* cmd = app.add_subcommand(
      "merge", "Combine the JSON Lines of sharded scans into one run's duplicate marks and corpus summary");
  cmd->footer(
      "Example:\n"
      "  parallel corpus-scan scan --shard {}/4 data '>' shard-{}.jsonl ::: 1 2 3 4\n"
      "  corpus-scan merge shard-*.jsonl | jq 'select(.type == \"summary\")'\n\n"
      "Writes a {\"type\": \"duplicate\"} record (path, index, duplicate_of) for each article that\n"
      "repeats an earlier one anywhere in the corpus, then the {\"type\": \"summary\"} record that\n"
      "'corpus-scan scan --summary' over all the inputs would end with. Files are put back in walk\n"
      "order (paths compared directory by directory), as one scan of a directory visits them.");
  cmd->add_option("files", opts->files, "JSON Lines written by 'corpus-scan scan' (default: standard input; '-' also)");
  cmd->add_flag("--no-duplicates", opts->no_duplicates, "Write only the summary record, not the duplicate marks");
  cmd->callback([opts] {
    ShardMerger merger;
    for_each_record(opts->files, [&](const Json& record, const std::string& where) { merger.add(record, where); });
    merger.write(!opts->no_duplicates);
  });
}

}  // namespace corpus_scan::cli
