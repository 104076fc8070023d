#include "corpus_scan/report.hpp"

#include <fmt/format.h>

#include "corpus_scan/fields.hpp"
#include "corpus_scan/json.hpp"

namespace corpus_scan {

namespace {

enum class Detail { Stats, Text };

void write_span_fields(JsonWriter& json, const FileReport& file, const Segment& seg) {
  const SourceText& src = *file.source;
  json.field("line_start", static_cast<std::uint64_t>(seg.first_line + 1))
      .field("line_end", static_cast<std::uint64_t>(seg.end_line))
      .field("byte_start", src.original_offset(seg.byte_begin))
      .field("byte_end", src.original_offset(seg.byte_end));
}

// A string field that is null when empty. The name is a literal, so key() quotes it without a scan.
template <std::size_t N>
void write_optional_field(JsonWriter& json, const char (&name)[N], std::string_view value) {
  json.key(name);
  if (value.empty()) json.null(); else json.value(value);
}

// The byline, editor, source and dateline the splitter read off the article; null when absent.
void write_metadata(JsonWriter& json, const ArticleMetadata& meta) {
  json.key("metadata").begin_object();
  write_optional_field(json, "author", meta.author);
  write_optional_field(json, "editor", meta.editor);
  write_optional_field(json, "source", meta.source);
  write_optional_field(json, "date", meta.date);
  json.end_object();
}

void write_segment_records(const FileReport& file, std::string& out, Detail detail,
                           const DuplicateMarks* marks = nullptr) {
  const SourceText& src = *file.source;
  const std::string_view text = src.text();
  std::size_t article_index = 0;
  // One writer for all the records (each is a top-level object, so none takes a comma): its
  // stack of open containers is allocated once per file, not once per record.
  JsonWriter json(out);
  for (std::size_t s = 0; s < file.segments.size(); ++s) {
    const Segment& seg = file.segments[s];
    json.begin_object();
    if (seg.kind == SegmentKind::Article) {
      const ArticleReport& article = file.articles[article_index];
      json.field("type", "article");
      write_path_field(json, file.path);
      json.field("index", static_cast<std::uint64_t>(article_index));
      write_span_fields(json, file, seg);
      json.field("title", seg.title);
      json.field("title_line", static_cast<std::uint64_t>(seg.title_line + 1));
      json.key("boundary").begin_object();
      json.key("cues").begin_array();
      for (const std::string& cue : seg.boundary.cues) json.value(cue);
      json.end_array();
      json.field("confidence", seg.boundary.confidence);
      json.end_object();
      write_metadata(json, seg.metadata);
      if (detail == Detail::Stats) {
        json.key("stats");
        write_stats_json(article.stats, json);
        const DuplicateMark* mark = marks && (*marks)[article_index] ? &*(*marks)[article_index] : nullptr;
        const ArticleRow row{file, article_index, mark};
        json.key("untranslated");
        write_untranslated_json(row, json);
        if (marks) {
          json.key("duplicate_of");
          write_duplicate_json(mark, json);
        }
      } else {
        json.field("text", text.substr(seg.byte_begin, seg.byte_end - seg.byte_begin));
        json.field("normalized", article.normalized);
      }
      ++article_index;
    } else {
      json.field("type", "chrome");
      write_path_field(json, file.path);
      write_span_fields(json, file, seg);
      json.field("reason", seg.reason);
      if (detail == Detail::Text) json.field("text", text.substr(seg.byte_begin, seg.byte_end - seg.byte_begin));
    }
    json.end_object();
    out.push_back('\n');
  }
}

void write_skipped(const FileReport& file, std::string& out) {
  JsonWriter json(out);
  json.begin_object().field("type", "skipped");
  write_path_field(json, file.path);
  json.field("reason", file.skip->code).field("message", file.skip->message);
  json.end_object();
  out.push_back('\n');
}

void write_file_record(const FileReport& file, std::string& out) {
  const SourceText& src = *file.source;
  JsonWriter json(out);
  json.begin_object().field("type", "file");
  write_path_field(json, file.path);
  json.field("bytes", static_cast<std::uint64_t>(src.original.size()))
      .field("lines", static_cast<std::uint64_t>(file.lines.size()))
      .field("articles", static_cast<std::uint64_t>(file.articles.size()))
      .field("chrome", static_cast<std::uint64_t>(file.segments.size() - file.articles.size()))
      .field("encoding", src.encoding)
      .field("encoding_confidence", src.encoding_confidence)
      .field("bom", src.has_bom);
  json.key("invalid_utf8").begin_object();
  json.field("bytes", src.invalid_bytes);
  json.key("runs").begin_array();
  for (const InvalidRun& r : src.invalid_runs)
    json.begin_object().field("offset", r.offset).field("length", r.length).end_object();
  json.end_array();
  json.end_object();
  json.end_object();
  out.push_back('\n');
}

}  // namespace

void write_path_field(JsonWriter& json, std::string_view path) {
  json.key("path");
  write_path_value(json, path);
}

void write_path_value(JsonWriter& json, std::string_view path) {
  if (valid_utf8_prefix(path) == path.size()) {
    json.value(path);
  } else {
    json.begin_object().field("bytes", base64_encode(path)).end_object();
  }
}

void write_scan_records(const FileReport& file, std::string& out, const DuplicateMarks* marks) {
  if (file.skip) return write_skipped(file, out);
  write_segment_records(file, out, Detail::Stats, marks);
  write_file_record(file, out);
}

void write_split_records(const FileReport& file, std::string& out) {
  if (file.skip) return write_skipped(file, out);
  write_segment_records(file, out, Detail::Text);
  write_file_record(file, out);
}

}  // namespace corpus_scan
