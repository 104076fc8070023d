// Reader: turns a file's bytes into text every later stage can process, without losing a byte.
//
// Ownership: SourceText owns both the original bytes and (when the input was not UTF-8) the
// decoded UTF-8. Lines, spans and string_views handed out by later stages point into
// SourceText::text() and stay valid as long as the SourceText lives.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corpus_scan {

// A run of bytes that is not valid UTF-8, as offsets into the original bytes.
struct InvalidRun {
  std::uint64_t offset;
  std::uint64_t length;
};

struct SourceText {
  std::string original;          // the file's bytes, exactly as read
  std::string decoded;           // UTF-8 text when the input needed transcoding
  bool transcoded = false;       // true when `decoded` (not `original`) is the text to process
  std::string encoding = "UTF-8";  // name of the detected (or forced) encoding
  int encoding_confidence = 100;   // 0..100, as ICU's charset detector reports it
  bool has_bom = false;
  std::uint64_t invalid_bytes = 0;          // total bytes of invalid UTF-8 (replaced by U+FFFD)
  std::vector<InvalidRun> invalid_runs;     // first kMaxInvalidRuns runs, for reporting
  // For transcoded input: original byte offset of each decoded code point start (sorted), so
  // offsets into text() map back to the file. Empty when text == original (identity mapping).
  std::vector<std::pair<std::uint64_t, std::uint64_t>> offset_map;

  static constexpr std::size_t kMaxInvalidRuns = 64;

  // What the pipeline processes: the original bytes themselves (UTF-8 input, the common case,
  // so offsets need no mapping) or the transcoded UTF-8.
  std::string_view text() const { return transcoded ? std::string_view(decoded) : std::string_view(original); }

  // Maps an offset into text() to an offset into `original`.
  std::uint64_t original_offset(std::uint64_t text_offset) const;
};

// Why a file is not processed as text.
struct SkipReason {
  std::string code;     // stable, machine-readable: "binary", "unreadable", "not-a-file", ...
  std::string message;  // for people
};

struct ReadOptions {
  // Force an encoding (an ICU converter name such as "GB18030", "UTF-16LE"); empty = detect.
  std::string encoding;
};

// Classifies and decodes bytes already in memory. Returns a SkipReason when the bytes are not text
// (NUL bytes in what is not UTF-16), never throws for bad input.
struct DecodeResult {
  std::optional<SourceText> source;
  std::optional<SkipReason> skip;
};
DecodeResult decode_bytes(std::string bytes, const ReadOptions& options = {});

// Reads a whole file and decodes it. I/O failures become a SkipReason ("unreadable").
DecodeResult read_file(const std::string& path, const ReadOptions& options = {});

}  // namespace corpus_scan
