// The "stats" object of an article record, written from one table of fields (stat_fields) that
// CSV, TSV and the table also read. Field names are a contract (docs/scan.schema.json).
#include "corpus_scan/fields.hpp"
#include "corpus_scan/json.hpp"

#include <algorithm>
#include <cstring>

namespace corpus_scan {

namespace {

using S = ArticleStats;

// Where stored fields are looked up once, to learn their offsets in ArticleStats.
const ArticleStats& probe() {
  static const ArticleStats stats{};
  return stats;
}

// A field stored in ArticleStats: At is a captureless lambda returning a reference to it. `get`
// reads it as a Cell; type and offset let the JSON writer read it in place.
template <auto At>
StatField stored(std::string_view name) {
  using T = std::remove_cvref_t<decltype(At(probe()))>;
  StatField f{name, [](const S& s) -> Cell {
                if constexpr (std::is_same_v<T, std::uint32_t>) return std::uint64_t(At(s));
                else return Cell(At(s));
              }};
  if constexpr (std::is_same_v<T, std::uint64_t>) f.type = StatField::Type::U64;
  else if constexpr (std::is_same_v<T, std::uint32_t>) f.type = StatField::Type::U32;
  else if constexpr (std::is_same_v<T, double>) f.type = StatField::Type::Real;
  else if constexpr (std::is_same_v<T, bool>) f.type = StatField::Type::Bool;
  else static_assert(sizeof(T) == 0, "a stored field is a count, a real or a boolean");
  f.offset = static_cast<std::uint32_t>(reinterpret_cast<const char*>(&At(probe())) -
                                        reinterpret_cast<const char*>(&probe()));
  return f;
}

// A field reached from ArticleStats through a path of member pointers (s.*P1.*P2...).
template <auto... Path>
StatField member(std::string_view name) {
  return stored<[](const S& s) -> const auto& { return (s .* ... .* Path); }>(name);
}
// Entry I of an array reached the same way.
template <std::size_t I, auto... Path>
StatField entry(std::string_view name) {
  return stored<[](const S& s) -> const auto& { return (s .* ... .* Path)[I]; }>(name);
}
template <std::size_t K>
StatField edits_of_kind(std::string_view name) {
  return entry<K, &S::edits_by_kind>(name);
}

std::vector<StatField> build_stat_fields() {
  std::vector<StatField> f = {
      // counts
      member<&S::bytes>("bytes"),
      member<&S::chars>("chars"),
      member<&S::lines>("lines"),
      member<&S::nonblank_lines>("nonblank_lines"),
      member<&S::paragraphs>("paragraphs"),
      member<&S::sentences>("sentences"),
      member<&S::words>("words"),
      member<&S::english_words>("english_words"),
      member<&S::chinese_words>("chinese_words"),
      member<&S::tokens>("tokens"),
      member<&S::cjk_chars>("cjk_chars"),
      member<&S::latin_letters>("latin_letters"),
      member<&S::uppercase>("uppercase"),
      member<&S::digits>("digits"),
      member<&S::punctuation>("punctuation"),
      member<&S::whitespace>("whitespace"),
      member<&S::hashes>("hashes"),
      member<&S::ellipses>("ellipses"),
      member<&S::stop_words>("stop_words"),
      member<&S::alpha_words>("alpha_words"),
      member<&S::distinct_tokens>("distinct_tokens"),
      member<&S::terminal_punct_lines>("terminal_punct_lines"),
      member<&S::ellipsis_lines>("ellipsis_lines"),
      member<&S::bullet_lines>("bullet_lines"),
      // ratios
      member<&S::cjk_share>("cjk_share"),
      member<&S::digit_ratio>("digit_ratio"),
      member<&S::uppercase_ratio>("uppercase_ratio"),
      member<&S::punctuation_ratio>("punctuation_ratio"),
      member<&S::whitespace_ratio>("whitespace_ratio"),
      member<&S::mean_word_length>("mean_word_length"),
      member<&S::mean_sentence_length>("mean_sentence_length"),
      member<&S::type_token_ratio>("type_token_ratio"),
      member<&S::unigram_entropy>("unigram_entropy"),
      member<&S::stop_word_frac>("stop_word_frac"),
      member<&S::alpha_word_frac>("alpha_word_frac"),
      member<&S::terminal_punct_line_frac>("terminal_punct_line_frac"),
      member<&S::ellipsis_line_frac>("ellipsis_line_frac"),
      member<&S::bullet_line_frac>("bullet_line_frac"),
      member<&S::hash_word_ratio>("hash_word_ratio"),
      member<&S::ellipsis_word_ratio>("ellipsis_word_ratio"),
      member<&S::symbol_word_ratio>("symbol_word_ratio"),
      // repetition
      member<&S::repetition, &RepetitionStats::dup_line_frac>("repetition.dup_line_frac"),
      member<&S::repetition, &RepetitionStats::dup_line_char_frac>("repetition.dup_line_char_frac"),
      member<&S::repetition, &RepetitionStats::dup_para_frac>("repetition.dup_para_frac"),
      member<&S::repetition, &RepetitionStats::dup_para_char_frac>("repetition.dup_para_char_frac"),
      entry<0, &S::repetition, &RepetitionStats::top_ngram_char_frac>("repetition.top_2gram_char_frac"),
      entry<1, &S::repetition, &RepetitionStats::top_ngram_char_frac>("repetition.top_3gram_char_frac"),
      entry<2, &S::repetition, &RepetitionStats::top_ngram_char_frac>("repetition.top_4gram_char_frac"),
      entry<0, &S::repetition, &RepetitionStats::dup_ngram_char_frac>("repetition.dup_5gram_char_frac"),
      entry<1, &S::repetition, &RepetitionStats::dup_ngram_char_frac>("repetition.dup_6gram_char_frac"),
      entry<2, &S::repetition, &RepetitionStats::dup_ngram_char_frac>("repetition.dup_7gram_char_frac"),
      entry<3, &S::repetition, &RepetitionStats::dup_ngram_char_frac>("repetition.dup_8gram_char_frac"),
      entry<4, &S::repetition, &RepetitionStats::dup_ngram_char_frac>("repetition.dup_9gram_char_frac"),
      entry<5, &S::repetition, &RepetitionStats::dup_ngram_char_frac>("repetition.dup_10gram_char_frac"),
      // language
      {"language.label", [](const S& s) -> Cell { return std::string(script_label_name(s.language.label)); }},
      member<&S::language, &LanguageProfile::english_share>("language.english_share"),
      member<&S::language, &LanguageProfile::chinese_share>("language.chinese_share"),
      member<&S::language, &LanguageProfile::mixed_share>("language.mixed_share"),
      entry<0, &S::language, &LanguageProfile::paragraphs>("language.paragraphs.english"),
      entry<1, &S::language, &LanguageProfile::paragraphs>("language.paragraphs.chinese"),
      entry<2, &S::language, &LanguageProfile::paragraphs>("language.paragraphs.mixed"),
      entry<3, &S::language, &LanguageProfile::paragraphs>("language.paragraphs.none"),
      {"language.untranslated", [](const S& s) -> Cell { return std::uint64_t(s.language.untranslated.size()); }},
  };
  static_assert(static_cast<int>(ScriptLabel::English) == 0 && static_cast<int>(ScriptLabel::None) == 3);
  // artifacts: one count per normalizer kind, then the totals
  static constexpr StatField (*kEditFields[])(std::string_view) = {
      edits_of_kind<0>, edits_of_kind<1>, edits_of_kind<2>, edits_of_kind<3>, edits_of_kind<4>, edits_of_kind<5>,
      edits_of_kind<6>, edits_of_kind<7>, edits_of_kind<8>, edits_of_kind<9>, edits_of_kind<10>, edits_of_kind<11>};
  static_assert(std::size(kEditFields) == kEditKindCount);
  static std::vector<std::string> edit_names;  // "edits.<kind>" must outlive the string_views
  if (edit_names.empty())
    for (EditKind k : all_kinds()) edit_names.push_back("edits." + std::string(kind_name(k)));
  for (std::size_t k = 0; k < kEditKindCount; ++k)
    f.push_back(kEditFields[static_cast<std::size_t>(all_kinds()[k])](edit_names[k]));
  f.push_back(member<&S::edits>("artifacts.edits"));
  f.push_back(member<&S::mt_edits>("artifacts.mt_edits"));
  f.push_back(member<&S::artifacts_per_1000_chars>("artifacts.per_1000_chars"));
  // quality and fingerprints
  f.push_back(member<&S::quality, &QualityVerdict::pass>("quality.pass"));
  f.push_back({"quality.failed", [](const S& s) -> Cell {
                 std::vector<std::string> names;
                 for (QualityRule r : s.quality.failed)
                   names.emplace_back(quality_rules()[static_cast<std::size_t>(r)].name);
                 return names;
               }});
  f.push_back({"fingerprint.hash", [](const S& s) -> Cell { return hex64(s.fingerprint.text_hash); }});
  f.push_back({"fingerprint.simhash", [](const S& s) -> Cell { return hex64(s.fingerprint.simhash); }});
  f.push_back(member<&S::fingerprint, &Fingerprint::shingles>("fingerprint.shingles"));
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

namespace {

template <class T>
T stored_value(const ArticleStats& s, std::uint32_t offset) {
  T v;
  std::memcpy(&v, reinterpret_cast<const char*>(&s) + offset, sizeof v);
  return v;
}

// One field of the stats object as the writer reads it: its key as the layout writes it, and
// where its value is.
struct StatStep {
  std::string_view key;
  const StatField* field;
  StatField::Type type;
  std::uint32_t offset;
};

// Stats records are most of the output: their stored fields are written into a buffer on the
// stack (keys copied from the layout, numbers formatted in place) and appended in one piece;
// only the few Cell fields go through the JsonWriter. Each stored field takes at most its key
// and kJsonNumberRoom characters.
class StatsBuffer {
 public:
  explicit StatsBuffer(std::string& out) : out_(out) {}
  ~StatsBuffer() { flush(); }
  // `key` is followed by at least kKeyPad readable bytes: its first kKeyPad bytes are copied as
  // one fixed-size block (a few vector moves, no call into memcpy, no branch on the length). The
  // layout's keys are shorter (`,"repetition":{"dup_line_frac":` is 31); a longer one would take
  // a second copy for the rest.
  static constexpr std::size_t kKeyPad = 48;
  void write_key(std::string_view key) {
    if (static_cast<std::size_t>(end_ - p_) < key.size() + kKeyPad + kJsonNumberRoom) flush();
    std::memcpy(p_, key.data(), kKeyPad);
    if (key.size() > kKeyPad) std::memcpy(p_ + kKeyPad, key.data() + kKeyPad, key.size() - kKeyPad);
    p_ += key.size();
  }
  void write(const StatStep& f, const ArticleStats& s) {
    write_key(f.key);
    switch (f.type) {
      case StatField::Type::U64: p_ = format_json_number(stored_value<std::uint64_t>(s, f.offset), p_); break;
      case StatField::Type::U32: p_ = format_json_number(std::uint64_t(stored_value<std::uint32_t>(s, f.offset)), p_); break;
      case StatField::Type::Real: p_ = format_json_number(stored_value<double>(s, f.offset), p_); break;
      case StatField::Type::Bool: p_ = stored_value<bool>(s, f.offset) ? std::copy_n("true", 4, p_) : std::copy_n("false", 5, p_); break;
      case StatField::Type::Cell: break;  // not stored: the caller writes it
    }
  }
  void flush() {
    out_.append(buf_, static_cast<std::size_t>(p_ - buf_));
    p_ = buf_;
  }

 private:
  std::string& out_;
  char buf_[2048];
  char* p_ = buf_;
  char* const end_ = buf_ + sizeof buf_;
};

}  // namespace

void write_stats_json(const ArticleStats& s, JsonWriter& json) {
  static const NestedJsonLayout layout = [] {
    std::vector<std::string_view> names;
    for (const StatField& f : stat_fields()) names.push_back(f.name);
    return NestedJsonLayout(names);
  }();
  // Each field's key (followed by StatsBuffer::kKeyPad spare bytes) beside what the loop reads of
  // the field, packed small: the loop walks this, not the StatField table and the key table.
  static const std::vector<StatStep> steps = [] {
    static std::string arena;
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < stat_fields().size(); ++i) {
      starts.push_back(arena.size());
      arena += layout.before(i);
      arena.append(StatsBuffer::kKeyPad, ' ');
    }
    std::vector<StatStep> v;
    for (std::size_t i = 0; i < starts.size(); ++i) {
      const StatField& f = stat_fields()[i];
      v.push_back({{arena.data() + starts[i], layout.before(i).size()}, &f, f.type, f.offset});
    }
    return v;
  }();
  json.begin_object();
  {
    // Field 0 opens the object, so no key in this loop needs a comma the layout left out.
    StatsBuffer buffer(json.output());
    for (const StatStep& step : steps) {
      if (step.type != StatField::Type::Cell) {
        buffer.write(step, s);
        continue;
      }
      buffer.write_key(step.key);
      buffer.flush();
      json.key_text({}, false);  // the key is out: the writer puts the value after it, no comma
      write_cell_json(step.field->get(s), json);
    }
  }
  layout.finish(json);
  json.end_object();
}

}  // namespace corpus_scan
