// The fields of an article record, read the same way by every output format.
#include <cstdint>

#include "corpus_scan/fields.hpp"
#include "corpus_scan/json.hpp"
#include "corpus_scan/report.hpp"

namespace corpus_scan {

std::vector<SpanLocation> locate_untranslated(const ArticleRow& row) {
  std::vector<SpanLocation> spans;
  const FileReport& file = row.file;
  const SourceText& src = *file.source;
  const std::size_t first = row.segment().first_line;
  for (const UntranslatedSpan& u : row.stats().language.untranslated) {
    const Line& a = file.lines[first + u.first_line];
    const Line& b = file.lines[first + u.end_line - 1];
    spans.push_back({first + u.first_line + 1, first + u.end_line, src.original_offset(a.begin),
                     src.original_offset(b.end)});
  }
  return spans;
}

void write_untranslated_json(const ArticleRow& row, JsonWriter& json) {
  json.begin_array();
  for (const SpanLocation& s : locate_untranslated(row)) {
    json.begin_object()
        .field("line_start", s.line_start)
        .field("line_end", s.line_end)
        .field("byte_start", s.byte_start)
        .field("byte_end", s.byte_end)
        .end_object();
  }
  json.end_array();
}

void write_duplicate_json(const DuplicateMark* mark, JsonWriter& json) {
  if (!mark) {
    json.null();
    return;
  }
  json.begin_object();
  write_path_field(json, mark->path);
  json.field("index", mark->index)
      .field("kind", mark->exact ? "exact" : "near")
      .field("distance", mark->distance)
      .end_object();
}

Cell ArticleField::value(const ArticleRow& row) const {
  return stat != SIZE_MAX ? stat_fields()[stat].get(row.stats()) : get(row);
}

void ArticleField::write_json(const ArticleRow& row, JsonWriter& out) const {
  if (json && stat == SIZE_MAX) return json(row, out);
  write_cell_json(value(row), out);
}

namespace {

Cell span_cell(const ArticleRow& row, int which) {
  const Segment& seg = row.segment();
  const SourceText& src = *row.file.source;
  switch (which) {
    case 0: return std::uint64_t(seg.first_line + 1);
    case 1: return std::uint64_t(seg.end_line);
    case 2: return src.original_offset(seg.byte_begin);
    default: return src.original_offset(seg.byte_end);
  }
}

Cell text_or_null(std::string_view s) { return s.empty() ? Cell() : Cell(std::string(s)); }

std::vector<ArticleField> build_article_fields() {
  using Row = const ArticleRow&;
  std::vector<ArticleField> f = {
      {"path", [](Row r) -> Cell { return r.file.path; },
       [](Row r, JsonWriter& json) { write_path_value(json, r.file.path); }},
      {"index", [](Row r) -> Cell { return std::uint64_t(r.article); }},
      {"line_start", [](Row r) { return span_cell(r, 0); }},
      {"line_end", [](Row r) { return span_cell(r, 1); }},
      {"byte_start", [](Row r) { return span_cell(r, 2); }},
      {"byte_end", [](Row r) { return span_cell(r, 3); }},
      {"title", [](Row r) -> Cell { return std::string(r.segment().title); }},
      {"title_line", [](Row r) -> Cell { return std::uint64_t(r.segment().title_line + 1); }},
      {"boundary.cues", [](Row r) -> Cell { return r.segment().boundary.cues; }},
      {"boundary.confidence", [](Row r) -> Cell { return r.segment().boundary.confidence; }},
      // The splitter's metadata, null when the article has no such line (as in the record).
      {"metadata.author", [](Row r) { return text_or_null(r.segment().metadata.author); }},
      {"metadata.editor", [](Row r) { return text_or_null(r.segment().metadata.editor); }},
      {"metadata.source", [](Row r) { return text_or_null(r.segment().metadata.source); }},
      {"metadata.date", [](Row r) { return text_or_null(r.segment().metadata.date); }},
  };
  for (std::size_t i = 0; i < stat_fields().size(); ++i) {
    ArticleField field;
    field.name = "stats." + std::string(stat_fields()[i].name);
    field.stat = i;
    f.push_back(std::move(field));
  }
  f.push_back({"untranslated",
               [](Row r) -> Cell {
                 // As text: "12-14;20-20", the 1-based line ranges.
                 std::vector<std::string> ranges;
                 for (const SpanLocation& s : locate_untranslated(r))
                   ranges.push_back(std::to_string(s.line_start) + "-" + std::to_string(s.line_end));
                 return ranges;
               },
               write_untranslated_json});
  f.push_back({"duplicate_of.path", [](Row r) -> Cell {
                 return r.duplicate ? Cell(std::string(r.duplicate->path)) : Cell();
               }});
  f.push_back({"duplicate_of.index", [](Row r) -> Cell {
                 return r.duplicate ? Cell(r.duplicate->index) : Cell();
               }});
  f.push_back({"duplicate_of.kind", [](Row r) -> Cell {
                 return r.duplicate ? Cell(std::string(r.duplicate->exact ? "exact" : "near")) : Cell();
               }});
  f.push_back({"duplicate_of.distance", [](Row r) -> Cell {
                 return r.duplicate ? Cell(std::uint64_t(r.duplicate->distance)) : Cell();
               }});
  return f;
}

}  // namespace

const std::vector<ArticleField>& article_fields() {
  static const std::vector<ArticleField> fields = build_article_fields();
  return fields;
}

}  // namespace corpus_scan
