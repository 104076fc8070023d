// Fields: the named values of an article record, shared by every output format, so JSON Lines,
// CSV, TSV and the table print the same number for the same name ("stats.words",
// "stats.repetition.dup_line_frac"): one table says what each field is and how to read it.
//
// Ownership: a Cell owns its value (strings are copied), so it outlives the record it came from.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "corpus_scan/fingerprint.hpp"
#include "corpus_scan/scan.hpp"
#include "corpus_scan/stats.hpp"

namespace corpus_scan {

class JsonWriter;

// One field's value: null, a boolean, a count, a real, a string or a list of strings.
using Cell = std::variant<std::monostate, bool, std::uint64_t, double, std::string, std::vector<std::string>>;

void write_cell_json(const Cell& cell, JsonWriter& json);
// Text form for CSV/TSV/table cells: numbers exactly as in JSON, booleans true/false, null empty,
// lists joined by ';'.
void append_cell_text(const Cell& cell, std::string& out);

// A field of the "stats" object; `name` is relative to it ("words", "repetition.dup_line_frac").
// Most fields are one number (or boolean) stored in ArticleStats: for those, `type` and `offset`
// say where, so the JSON writer reads it in place instead of building a Cell for each of the ~85
// fields of every record. `get` works for every field (CSV, TSV, the table, the summary).
struct StatField {
  enum class Type : std::uint8_t { Cell, U64, U32, Real, Bool };  // Cell: only `get` reads it
  std::string_view name;
  Cell (*get)(const ArticleStats&);
  Type type = Type::Cell;
  std::uint32_t offset = 0;  // of the value in ArticleStats, for every type but Cell
};
// Every stats field, in the order the JSON object lists them.
const std::vector<StatField>& stat_fields();

// The JSON text around the values of a record whose field names are dotted paths, computed once
// from the names: "a.b", "a.c", "d" -> {"a":{"b":..,"c":..},"d":..}. Names must come grouped by
// prefix (as the field tables list them). Writing a record is then one append before each value
// and one after the last, instead of walking every name for every record.
class NestedJsonLayout {
 public:
  explicit NestedJsonLayout(const std::vector<std::string_view>& names);
  // Writes what comes before field i's value: the objects to close and open, and its key. The
  // caller then writes the value. Fields are written in order, all of them.
  JsonWriter& key(JsonWriter& json, std::size_t i) const;
  // After the last value: closes every object the layout opened.
  void finish(JsonWriter& json) const;
  // The text key(json, i) writes, for writers that fill a buffer themselves; the comma before
  // field 0 is not in it.
  std::string_view before(std::size_t i) const { return before_[i]; }

 private:
  std::vector<std::string> before_;  // the text before each field's value
  std::string after_;                // the closing braces after the last
};

// ---- Article records ---------------------------------------------------------------------------

// One article of an analyzed file, with its duplicate mark (null: first occurrence, or no
// duplicate detection). Views: valid while the FileReport and the mark live.
struct ArticleRow {
  const FileReport& file;
  std::size_t article;               // index into file.articles
  const DuplicateMark* duplicate;    // may be null
  const ArticleReport& report() const { return file.articles[article]; }
  const Segment& segment() const { return file.segments[report().segment]; }
  const ArticleStats& stats() const { return report().stats; }
};

// A place in the original file: 1-based inclusive lines, half-open byte offsets.
struct SpanLocation {
  std::uint64_t line_start, line_end, byte_start, byte_end;
};

// Where the article's untranslated (Chinese) paragraphs are in the original file; the byte span
// runs from the first line's start to the end of the last line's content.
std::vector<SpanLocation> locate_untranslated(const ArticleRow& row);

// The article record's "untranslated" array and "duplicate_of" value (null when not a duplicate).
void write_untranslated_json(const ArticleRow& row, JsonWriter& json);
void write_duplicate_json(const DuplicateMark* mark, JsonWriter& json);

// A field of an article record: its dotted name, how to read it as a Cell, and (for the few
// fields whose JSON is richer than a cell, like "untranslated") how to write its JSON.
struct ArticleField {
  std::string name;
  Cell (*get)(const ArticleRow&) = nullptr;
  void (*json)(const ArticleRow&, JsonWriter&) = nullptr;  // null: write_cell_json(get(row))
  std::size_t stat = SIZE_MAX;                             // for "stats.*" fields: index into stat_fields()
  Cell value(const ArticleRow& row) const;
  void write_json(const ArticleRow& row, JsonWriter& json) const;
};
// Every field of an article record, in record order: CSV's and TSV's default columns.
const std::vector<ArticleField>& article_fields();

}  // namespace corpus_scan
