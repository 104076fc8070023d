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

void write_segment_records(const FileReport& file, std::string& out, Detail detail,
                           const DuplicateMarks* marks = nullptr) {
  const SourceText& src = *file.source;
  const std::string_view text = src.text();
  std::size_t article_index = 0;
  for (std::size_t s = 0; s < file.segments.size(); ++s) {
    const Segment& seg = file.segments[s];
    JsonWriter json(out);
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

void write_explanation(const FileReport& file, std::string& out) {
  if (file.skip) {
    fmt::format_to(std::back_inserter(out), "{}: skipped ({}): {}\n", file.path, file.skip->code,
                   file.skip->message);
    return;
  }
  const SourceText& src = *file.source;
  const std::string_view orig = src.original;
  for (const ArticleReport& article : file.articles) {
    for (const Edit& e : article.edits) {
      // Line number of the edit: count the lines before it (lines are sorted by offset).
      std::size_t line = 0;
      {
        std::size_t lo = 0, hi = file.lines.size();
        while (lo < hi) {
          const std::size_t mid = (lo + hi) / 2;
          if (src.original_offset(file.lines[mid].begin) <= e.begin) lo = mid + 1; else hi = mid;
        }
        line = lo;
      }
      const std::uint64_t ctx_begin = e.begin >= 24 ? e.begin - 24 : 0;
      const std::uint64_t ctx_end = std::min<std::uint64_t>(orig.size(), e.end + 24);
      std::string left, right;
      append_json_escaped(left, orig.substr(ctx_begin, e.begin - ctx_begin));
      append_json_escaped(right, orig.substr(e.end, ctx_end - e.end));
      std::string before, after;
      append_json_escaped(before, e.before);
      append_json_escaped(after, e.after);
      fmt::format_to(std::back_inserter(out), "{}:{}:{}  {:<18}  …{}[{} → {}]{}…\n", file.path, line,
                     e.begin, kind_name(e.kind), left, before, after, right);
    }
  }
}

}  // namespace corpus_scan
