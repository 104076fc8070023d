// Report: turns FileReports into the records users read (JSON Lines for jq, text for people).
//
// Ownership: writers append to a caller-owned std::string; the caller decides where it goes
// (the library never writes to stdout itself).
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "corpus_scan/fingerprint.hpp"
#include "corpus_scan/scan.hpp"

namespace corpus_scan {

// What `scan` writes for a file: one "article" record per article, one "chrome" record per chrome
// span, in file order, then one "file" record (encoding, invalid UTF-8, counts) - or a single
// "skipped" record when the file was not processed. With `marks` (one per article, from a
// DuplicateIndex) each article record also says which earlier article it duplicates.
void write_scan_records(const FileReport& file, std::string& out, const DuplicateMarks* marks = nullptr);

// What `split` writes: like scan, but each article and chrome record carries its original text
// ("text") and no statistics, so a person can see what was cut where.
void write_split_records(const FileReport& file, std::string& out);

// What `explain` writes: one line per edit - path:line:col, kind, and the edit in its line's
// context as [-before-]{+after+} ([!text!] for a finding that changes nothing); with `color`,
// ANSI colours replace the markers. Columns count code points from 1.
struct ExplainStyle {
  bool color = false;
};
void write_explanation(const FileReport& file, std::string& out, const ExplainStyle& style = {});

// Edits per kind over the files explained so far, for the closing tally line.
struct EditTally {
  std::array<std::uint64_t, kEditKindCount> by_kind{};
  std::uint64_t files = 0;
};
void count_edits(const FileReport& file, EditTally& tally);
void write_explanation_tally(const EditTally& tally, std::string& out);

// Writes the "path" field: a string when the path is valid UTF-8, else {"bytes": base64}.
class JsonWriter;
void write_path_field(JsonWriter& json, std::string_view path);
// The same value without the key (for paths inside other objects).
void write_path_value(JsonWriter& json, std::string_view path);

}  // namespace corpus_scan
