// The "stats" object of an article record, written from one table of fields (stat_fields) that
// CSV, TSV and the table also read. Field names are a contract (docs/scan.schema.json).
#include "corpus_scan/fields.hpp"
#include "corpus_scan/json.hpp"

namespace corpus_scan {

namespace {

template <auto Member>
Cell member(const ArticleStats& s) {
  return Cell(s.*Member);
}

template <std::size_t I>
Cell top_ngram(const ArticleStats& s) {
  return s.repetition.top_ngram_char_frac[I];
}
template <std::size_t I>
Cell dup_ngram(const ArticleStats& s) {
  return s.repetition.dup_ngram_char_frac[I];
}
template <std::size_t K>
Cell edits_of_kind(const ArticleStats& s) {
  return s.edits_by_kind[K];
}
template <std::size_t L>
Cell paragraphs_labelled(const ArticleStats& s) {
  return std::uint64_t(s.language.paragraphs[L]);
}

std::vector<StatField> build_stat_fields() {
  using S = ArticleStats;
  std::vector<StatField> f = {
      // counts
      {"bytes", member<&S::bytes>},
      {"chars", member<&S::chars>},
      {"lines", member<&S::lines>},
      {"nonblank_lines", member<&S::nonblank_lines>},
      {"paragraphs", member<&S::paragraphs>},
      {"sentences", member<&S::sentences>},
      {"words", member<&S::words>},
      {"english_words", member<&S::english_words>},
      {"chinese_words", member<&S::chinese_words>},
      {"tokens", member<&S::tokens>},
      {"cjk_chars", member<&S::cjk_chars>},
      {"latin_letters", member<&S::latin_letters>},
      {"uppercase", member<&S::uppercase>},
      {"digits", member<&S::digits>},
      {"punctuation", member<&S::punctuation>},
      {"whitespace", member<&S::whitespace>},
      {"hashes", member<&S::hashes>},
      {"ellipses", member<&S::ellipses>},
      {"stop_words", member<&S::stop_words>},
      {"alpha_words", member<&S::alpha_words>},
      {"distinct_tokens", member<&S::distinct_tokens>},
      {"terminal_punct_lines", member<&S::terminal_punct_lines>},
      {"ellipsis_lines", member<&S::ellipsis_lines>},
      {"bullet_lines", member<&S::bullet_lines>},
      // ratios
      {"cjk_share", member<&S::cjk_share>},
      {"digit_ratio", member<&S::digit_ratio>},
      {"uppercase_ratio", member<&S::uppercase_ratio>},
      {"punctuation_ratio", member<&S::punctuation_ratio>},
      {"whitespace_ratio", member<&S::whitespace_ratio>},
      {"mean_word_length", member<&S::mean_word_length>},
      {"mean_sentence_length", member<&S::mean_sentence_length>},
      {"type_token_ratio", member<&S::type_token_ratio>},
      {"unigram_entropy", member<&S::unigram_entropy>},
      {"stop_word_frac", member<&S::stop_word_frac>},
      {"alpha_word_frac", member<&S::alpha_word_frac>},
      {"terminal_punct_line_frac", member<&S::terminal_punct_line_frac>},
      {"ellipsis_line_frac", member<&S::ellipsis_line_frac>},
      {"bullet_line_frac", member<&S::bullet_line_frac>},
      {"hash_word_ratio", member<&S::hash_word_ratio>},
      {"ellipsis_word_ratio", member<&S::ellipsis_word_ratio>},
      {"symbol_word_ratio", member<&S::symbol_word_ratio>},
      // repetition
      {"repetition.dup_line_frac", [](const S& s) -> Cell { return s.repetition.dup_line_frac; }},
      {"repetition.dup_line_char_frac", [](const S& s) -> Cell { return s.repetition.dup_line_char_frac; }},
      {"repetition.dup_para_frac", [](const S& s) -> Cell { return s.repetition.dup_para_frac; }},
      {"repetition.dup_para_char_frac", [](const S& s) -> Cell { return s.repetition.dup_para_char_frac; }},
      {"repetition.top_2gram_char_frac", top_ngram<0>},
      {"repetition.top_3gram_char_frac", top_ngram<1>},
      {"repetition.top_4gram_char_frac", top_ngram<2>},
      {"repetition.dup_5gram_char_frac", dup_ngram<0>},
      {"repetition.dup_6gram_char_frac", dup_ngram<1>},
      {"repetition.dup_7gram_char_frac", dup_ngram<2>},
      {"repetition.dup_8gram_char_frac", dup_ngram<3>},
      {"repetition.dup_9gram_char_frac", dup_ngram<4>},
      {"repetition.dup_10gram_char_frac", dup_ngram<5>},
      // language
      {"language.label", [](const S& s) -> Cell { return std::string(script_label_name(s.language.label)); }},
      {"language.english_share", [](const S& s) -> Cell { return s.language.english_share; }},
      {"language.chinese_share", [](const S& s) -> Cell { return s.language.chinese_share; }},
      {"language.mixed_share", [](const S& s) -> Cell { return s.language.mixed_share; }},
      {"language.paragraphs.english", paragraphs_labelled<0>},
      {"language.paragraphs.chinese", paragraphs_labelled<1>},
      {"language.paragraphs.mixed", paragraphs_labelled<2>},
      {"language.paragraphs.none", paragraphs_labelled<3>},
      {"language.untranslated", [](const S& s) -> Cell { return std::uint64_t(s.language.untranslated.size()); }},
  };
  static_assert(static_cast<int>(ScriptLabel::English) == 0 && static_cast<int>(ScriptLabel::None) == 3);
  // artifacts: one count per normalizer kind, then the totals
  static constexpr Cell (*kEditGetters[])(const S&) = {
      edits_of_kind<0>, edits_of_kind<1>, edits_of_kind<2>, edits_of_kind<3>, edits_of_kind<4>, edits_of_kind<5>,
      edits_of_kind<6>, edits_of_kind<7>, edits_of_kind<8>, edits_of_kind<9>, edits_of_kind<10>, edits_of_kind<11>};
  static_assert(std::size(kEditGetters) == kEditKindCount);
  static std::vector<std::string> edit_names;  // "edits.<kind>" must outlive the string_views
  if (edit_names.empty())
    for (EditKind k : all_kinds()) edit_names.push_back("edits." + std::string(kind_name(k)));
  for (std::size_t k = 0; k < kEditKindCount; ++k)
    f.push_back({edit_names[k], kEditGetters[static_cast<std::size_t>(all_kinds()[k])]});
  f.push_back({"artifacts.edits", member<&S::edits>});
  f.push_back({"artifacts.mt_edits", member<&S::mt_edits>});
  f.push_back({"artifacts.per_1000_chars", member<&S::artifacts_per_1000_chars>});
  // quality and fingerprints
  f.push_back({"quality.pass", [](const S& s) -> Cell { return s.quality.pass; }});
  f.push_back({"quality.failed", [](const S& s) -> Cell {
                 std::vector<std::string> names;
                 for (QualityRule r : s.quality.failed)
                   names.emplace_back(quality_rules()[static_cast<std::size_t>(r)].name);
                 return names;
               }});
  f.push_back({"fingerprint.hash", [](const S& s) -> Cell { return hex64(s.fingerprint.text_hash); }});
  f.push_back({"fingerprint.simhash", [](const S& s) -> Cell { return hex64(s.fingerprint.simhash); }});
  f.push_back({"fingerprint.shingles", [](const S& s) -> Cell { return std::uint64_t(s.fingerprint.shingles); }});
  return f;
}

}  // namespace

const std::vector<StatField>& stat_fields() {
  static const std::vector<StatField> fields = build_stat_fields();
  return fields;
}

void write_cell_json(const Cell& cell, JsonWriter& json) {
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          json.null();
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          json.begin_array();
          for (const std::string& s : v) json.value(s);
          json.end_array();
        } else {
          json.value(v);
        }
      },
      cell);
}

void append_cell_text(const Cell& cell, std::string& out) {
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
        } else if constexpr (std::is_same_v<T, std::string>) {
          out += v;
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          for (std::size_t i = 0; i < v.size(); ++i) {
            if (i) out.push_back(';');
            out += v[i];
          }
        } else {
          // Numbers and booleans exactly as the JSON writer prints them, so the formats agree.
          JsonWriter(out).value(v);
        }
      },
      cell);
}

namespace {

// Writes (name, value) pairs whose names are dotted paths as nested JSON objects; used once per
// layout, to compute its text.
class NestedJsonWriter {
 public:
  explicit NestedJsonWriter(JsonWriter& json) : json_(json) {}
  // Opens/closes objects as needed and writes the key; the caller then writes the value.
  JsonWriter& key(std::string_view dotted);
  void finish();  // closes every object this writer opened

 private:
  JsonWriter& json_;
  std::vector<std::string> open_;  // object names currently open, outermost first
};

JsonWriter& NestedJsonWriter::key(std::string_view dotted) {
  // Split into object path + leaf. (Runs once per field of a layout, not per record.)
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t dot = dotted.find('.', start);
    parts.push_back(dotted.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  const std::size_t depth = parts.size() - 1;
  std::size_t common = 0;
  while (common < open_.size() && common < depth && open_[common] == parts[common]) ++common;
  while (open_.size() > common) {
    json_.end_object();
    open_.pop_back();
  }
  for (std::size_t i = common; i < depth; ++i) {
    json_.key(parts[i]).begin_object();
    open_.emplace_back(parts[i]);
  }
  return json_.key(parts.back());
}

void NestedJsonWriter::finish() {
  while (!open_.empty()) {
    json_.end_object();
    open_.pop_back();
  }
}

}  // namespace

NestedJsonLayout::NestedJsonLayout(const std::vector<std::string_view>& names) {
  // Write a record with null values and keep the text between them.
  std::string out;
  JsonWriter json(out);
  json.begin_object();
  NestedJsonWriter nested(json);
  for (const std::string_view name : names) {
    out.clear();
    nested.key(name);
    before_.push_back(out);
    json.null();
  }
  out.clear();
  nested.finish();
  after_ = out;
}

JsonWriter& NestedJsonLayout::key(JsonWriter& json, std::size_t i) const {
  // The first key's comma depends on what the record holds before it; the others' are in the text.
  return json.key_text(before_[i], i == 0);
}

void NestedJsonLayout::finish(JsonWriter& json) const { json.close_text(after_); }

void write_stats_json(const ArticleStats& s, JsonWriter& json) {
  static const NestedJsonLayout layout = [] {
    std::vector<std::string_view> names;
    for (const StatField& f : stat_fields()) names.push_back(f.name);
    return NestedJsonLayout(names);
  }();
  const std::vector<StatField>& fields = stat_fields();
  json.begin_object();
  for (std::size_t i = 0; i < fields.size(); ++i) {
    layout.key(json, i);
    write_cell_json(fields[i].get(s), json);
  }
  layout.finish(json);
  json.end_object();
}

}  // namespace corpus_scan
