// CSV, TSV, the aligned table, and JSON Lines with chosen fields.
#include <algorithm>

#include <fmt/format.h>
#include <unicode/uchar.h>

#include "corpus_scan/json.hpp"
#include "corpus_scan/table.hpp"
#include "corpus_scan/text.hpp"

namespace corpus_scan {

std::optional<OutputFormat> output_format_from_name(std::string_view name) {
  if (name == "jsonl" || name == "json") return OutputFormat::Jsonl;
  if (name == "csv") return OutputFormat::Csv;
  if (name == "tsv") return OutputFormat::Tsv;
  if (name == "table") return OutputFormat::Table;
  return std::nullopt;
}

std::optional<std::string> select_fields(const std::vector<std::string>& names,
                                         std::vector<const ArticleField*>& selected) {
  const std::vector<ArticleField>& all = article_fields();
  std::vector<bool> chosen(all.size(), false);
  for (const std::string& name : names) {
    bool any = false;
    for (std::size_t i = 0; i < all.size(); ++i) {
      const std::string& f = all[i].name;
      if (f == name || (f.size() > name.size() && f.starts_with(name) && f[name.size()] == '.')) {
        chosen[i] = true;
        any = true;
      }
    }
    if (!any)
      return "unknown field '" + name +
             "' (fields are dotted names such as path, title, stats.words, stats.repetition, "
             "stats.quality.pass; docs/stats.md lists them all)";
  }
  selected.clear();
  for (std::size_t i = 0; i < all.size(); ++i)
    if (chosen[i]) selected.push_back(&all[i]);
  return std::nullopt;
}

std::vector<const ArticleField*> default_fields(OutputFormat format) {
  std::vector<const ArticleField*> fields;
  if (format == OutputFormat::Table) {
    static const std::vector<std::string> kTable = {
        "path", "index", "stats.words", "stats.cjk_share", "stats.language.untranslated",
        "stats.quality.pass", "duplicate_of.kind", "title"};
    // The names are ours, so they always resolve; keep the table's order, not the record's.
    for (const std::string& name : kTable)
      for (const ArticleField& f : article_fields())
        if (f.name == name) fields.push_back(&f);
    return fields;
  }
  for (const ArticleField& f : article_fields()) fields.push_back(&f);
  return fields;
}

std::size_t display_width(std::string_view s) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      w += b >= 0x20;
      ++i;
      continue;
    }
    const DecodedChar d = decode_utf8(s, i);
    const auto c = static_cast<UChar32>(d.cp);
    const int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    if (u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY_MASK) & (U_GC_MN_MASK | U_GC_ME_MASK | U_GC_CF_MASK)) {
      // combining marks and format characters take no column
    } else {
      w += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
    }
    i += d.length;
  }
  return w;
}

namespace {

std::string_view leaf(std::string_view dotted) {
  const std::size_t dot = dotted.rfind('.');
  return dot == std::string_view::npos ? dotted : dotted.substr(dot + 1);
}

// The table is read by people: reals with at most three decimals, no trailing zeros.
std::string table_text(const Cell& cell) {
  if (std::holds_alternative<std::monostate>(cell)) return "-";
  if (const double* d = std::get_if<double>(&cell)) {
    std::string s = fmt::format("{:.3f}", *d);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
  }
  std::string s;
  append_cell_text(cell, s);
  return s;
}

// Cuts s to at most `width` display columns, marking the cut with "…" (at the start for paths,
// whose end says most, at the end otherwise).
std::string fit(std::string_view s, std::size_t width, bool keep_end) {
  if (display_width(s) <= width) return std::string(s);
  if (width == 0) return {};
  std::string_view kept = s;
  while (!kept.empty() && display_width(kept) + 1 > width) {
    if (keep_end) kept.remove_prefix(decode_utf8(kept, 0).length);
    else kept.remove_suffix(decode_utf8_before(kept, kept.size()).length);
  }
  return keep_end ? "…" + std::string(kept) : std::string(kept) + "…";
}

bool is_number(const Cell& c) {
  return std::holds_alternative<std::uint64_t>(c) || std::holds_alternative<double>(c);
}

}  // namespace

RowWriter::RowWriter(OutputFormat format, std::vector<const ArticleField*> fields, std::size_t width)
    : format_(format), fields_(std::move(fields)), json_layout_([&] {
        std::vector<std::string_view> names;
        for (const ArticleField* f : fields_) names.push_back(f->name);
        return NestedJsonLayout(names);
      }()) {
  if (format_ != OutputFormat::Table) return;
  // Widths are fixed up front so rows print as files finish (no buffering): numbers and short
  // strings by their header, the path a fixed share, the title (or the last text column) the rest.
  const ArticleStats sample;  // a default value of each stats field tells its type
  std::size_t used = 0;
  std::size_t flexible = SIZE_MAX;
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    const ArticleField& f = *fields_[i];
    const std::size_t head = display_width(leaf(f.name));
    const bool stat_number = f.stat != SIZE_MAX && is_number(stat_fields()[f.stat].get(sample));
    const bool number = stat_number || f.name == "index" || f.name.starts_with("line_") ||
                        f.name.starts_with("byte_") || f.name == "title_line" || f.name == "boundary.confidence" ||
                        f.name == "duplicate_of.index" || f.name == "duplicate_of.distance";
    std::size_t w = std::max<std::size_t>(head, number ? 6 : 5);
    if (f.name == "path" || f.name == "duplicate_of.path") w = std::clamp<std::size_t>(width / 5, 12, 28);
    if (f.name == "title") flexible = i;
    widths_.push_back(w);
    right_align_.push_back(number);
    used += w + 2;
  }
  if (flexible == SIZE_MAX && !fields_.empty() && !right_align_.back()) flexible = fields_.size() - 1;
  if (flexible != SIZE_MAX) {
    used -= widths_[flexible];
    widths_[flexible] = width > used + 12 ? width - used : 12;
  }
}

void RowWriter::header(std::string& out) const {
  if (format_ == OutputFormat::Jsonl) return;
  std::vector<std::string> names;
  for (const ArticleField* f : fields_) names.push_back(format_ == OutputFormat::Table ? std::string(leaf(f->name)) : f->name);
  if (format_ == OutputFormat::Csv) return csv_row(names, out);
  if (format_ == OutputFormat::Tsv) return tsv_row(names, out);
  table_row(names, out);
  std::size_t total = 0;
  for (std::size_t w : widths_) total += w + 2;
  for (std::size_t i = 0; i + 2 < total; ++i) out += "─";
  out.push_back('\n');
}

void RowWriter::row(const ArticleRow& row, std::string& out) const {
  if (format_ == OutputFormat::Jsonl) {
    JsonWriter json(out);
    json.begin_object().field("type", "article");
    for (std::size_t i = 0; i < fields_.size(); ++i) {
      json_layout_.key(json, i);
      fields_[i]->write_json(row, json);
    }
    json_layout_.finish(json);
    json.end_object();
    out.push_back('\n');
    return;
  }
  std::vector<std::string> cells;
  cells.reserve(fields_.size());
  for (const ArticleField* f : fields_) {
    const Cell c = f->value(row);
    if (format_ == OutputFormat::Table) {
      cells.push_back(table_text(c));
    } else {
      cells.emplace_back();
      append_cell_text(c, cells.back());
    }
  }
  if (format_ == OutputFormat::Csv) return csv_row(cells, out);
  if (format_ == OutputFormat::Tsv) return tsv_row(cells, out);
  table_row(cells, out);
}

// RFC 4180: a cell holding a comma, quote or line break is quoted, quotes doubled.
void RowWriter::csv_row(const std::vector<std::string>& cells, std::string& out) const {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out.push_back(',');
    const std::string& c = cells[i];
    if (c.find_first_of(",\"\r\n") == std::string::npos) {
      out += c;
      continue;
    }
    out.push_back('"');
    for (char ch : c) {
      if (ch == '"') out.push_back('"');
      out.push_back(ch);
    }
    out.push_back('"');
  }
  out += "\r\n";
}

// TSV cannot quote: tab, line breaks and backslash are written as \t \n \r \\.
void RowWriter::tsv_row(const std::vector<std::string>& cells, std::string& out) const {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out.push_back('\t');
    for (char ch : cells[i]) {
      switch (ch) {
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\\': out += "\\\\"; break;
        default: out.push_back(ch);
      }
    }
  }
  out.push_back('\n');
}

void RowWriter::table_row(const std::vector<std::string>& cells, std::string& out) const {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) line += "  ";
    const bool path = fields_[i]->name == "path" || fields_[i]->name == "duplicate_of.path";
    std::string text = fit(cells[i], widths_[i], path);
    // Control characters would break the layout.
    std::replace_if(text.begin(), text.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
    const std::size_t pad = widths_[i] - std::min(widths_[i], display_width(text));
    const bool last = i + 1 == cells.size();
    if (right_align_[i]) line.append(pad, ' ');
    line += text;
    if (!right_align_[i] && !last) line.append(pad, ' ');
  }
  out += line;
  out.push_back('\n');
}

}  // namespace corpus_scan
