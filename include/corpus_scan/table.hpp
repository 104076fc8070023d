// Output formats for article rows: JSON Lines with chosen fields, CSV, TSV and an aligned table
// for people. All read the same fields (fields.hpp), so they print the same values.
//
// Ownership: writers append to caller-owned strings; a RowWriter keeps pointers to entries of
// article_fields(), which live for the whole program.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus_scan/fields.hpp"

namespace corpus_scan {

enum class OutputFormat { Jsonl, Csv, Tsv, Table };
std::optional<OutputFormat> output_format_from_name(std::string_view name);

// Resolves --fields names: a name selects the field of that name, or every field under it as a
// dotted prefix ("stats.repetition" selects all repetition fields). Fields come out in record
// order, once each. Returns an error for people naming the unknown field, or nullopt.
[[nodiscard]] std::optional<std::string> select_fields(const std::vector<std::string>& names,
                                                       std::vector<const ArticleField*>& selected);

// Columns when --fields is not given: every field for CSV and TSV (a stable order: record order,
// new fields appended to their group), a short list for the table.
std::vector<const ArticleField*> default_fields(OutputFormat format);

class RowWriter {
 public:
  // `width` is the table's width in columns (terminal width); ignored by the other formats.
  RowWriter(OutputFormat format, std::vector<const ArticleField*> fields, std::size_t width = 100);

  // CSV/TSV: the header line; table: the header and a rule; JSON Lines: nothing.
  void header(std::string& out) const;
  void row(const ArticleRow& row, std::string& out) const;

  const std::vector<const ArticleField*>& fields() const { return fields_; }

 private:
  void csv_row(const std::vector<std::string>& cells, std::string& out) const;
  void tsv_row(const std::vector<std::string>& cells, std::string& out) const;
  void table_row(const std::vector<std::string>& cells, std::string& out) const;

  OutputFormat format_;
  std::vector<const ArticleField*> fields_;
  NestedJsonLayout json_layout_;      // JSON Lines: the record's text around the values
  std::vector<std::size_t> widths_;   // table: display columns per field
  std::vector<bool> right_align_;     // table: numbers right-aligned
};

// Columns a string takes on a terminal (East Asian wide and fullwidth characters take two).
std::size_t display_width(std::string_view s);

}  // namespace corpus_scan
