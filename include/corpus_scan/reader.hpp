// Reader: turns a file's bytes into text every later stage can process, without losing a byte.
//
// Encoding policy (docs/robustness.md has the reasoning):
//   1. --encoding given: decode with it (a UTF-8 name keeps the fast path below).
//   2. A byte-order mark decides: UTF-8, UTF-16LE/BE, UTF-32LE/BE.
//   3. Valid UTF-8 (ASCII included) is UTF-8. The charset detector never runs on it.
//   4. Mostly UTF-8 - the invalid bytes are few (< kMinDetectorEvidence) or a small share of the
//      non-ASCII bytes (< 1/4) - is UTF-8 with invalid bytes, processed as U+FFFD and reported by
//      offset. Guessing Latin-1 there would turn every valid character into mojibake.
//   5. Otherwise ICU's charset detector (ucsdet) names the encoding and ICU's converter decodes it;
//      if the detector has no credible answer the bytes stay UTF-8 with invalid bytes.
//   6. NUL characters in the text make the file binary: it is skipped with a reason.
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

// A run of bytes that is not valid in the file's encoding (UTF-8 unless transcoded), as offsets
// into the original bytes.
struct InvalidRun {
  std::uint64_t offset;
  std::uint64_t length;
};

// One run of the decoded-to-original offset map: the code points starting at text offsets
// text_begin, text_begin + text_width, ... (up to the next run's text_begin) start at original
// offsets original_begin, original_begin + original_width, ... Runs compress the per-code-point
// map: a line of GBK hanzi (3 UTF-8 bytes from 2 GBK bytes each) is one run, not one entry per
// character. The last run is a sentinel with text_width 0: text().size() -> original.size().
struct OffsetRun {
  std::uint64_t text_begin;
  std::uint64_t original_begin;
  std::uint32_t text_width;
  std::uint32_t original_width;
};

struct SourceText {
  std::string original;          // the file's bytes, exactly as read
  std::string decoded;           // UTF-8 text when the input needed transcoding
  bool transcoded = false;       // true when `decoded` (not `original`) is the text to process
  std::string encoding = "UTF-8";  // name of the detected (or forced) encoding, as ICU spells it
  int encoding_confidence = 100;   // 0..100: ICU's detector confidence; 100 for BOMs, valid UTF-8
                                   // and forced encodings; for UTF-8 with invalid bytes, the share
                                   // of non-ASCII bytes that are valid UTF-8
  bool has_bom = false;
  std::uint64_t invalid_bytes = 0;          // total bytes invalid in `encoding` (replaced by U+FFFD)
  std::vector<InvalidRun> invalid_runs;     // first kMaxInvalidRuns runs, for reporting
  // For transcoded input: maps offsets into `decoded` back to `original` (see OffsetRun), sorted
  // by text_begin, ending with the sentinel. Empty when text() is `original` (identity mapping).
  std::vector<OffsetRun> offset_map;

  static constexpr std::size_t kMaxInvalidRuns = 64;

  // What the pipeline processes: the original bytes themselves (UTF-8 input, the common case,
  // so offsets need no mapping) or the transcoded UTF-8.
  std::string_view text() const { return transcoded ? std::string_view(decoded) : std::string_view(original); }

  // Maps an offset into text() to an offset into `original`. An offset inside a code point maps
  // to the code point's first original byte; text().size() maps to original.size().
  std::uint64_t original_offset(std::uint64_t text_offset) const;
};

// Why a file is not processed as text.
struct SkipReason {
  std::string code;     // stable, machine-readable: "binary", "unreadable", "vanished", ...
  std::string message;  // for people
  int error_number = 0; // errno of an I/O failure (ENOENT lets the walker say "vanished"), else 0
};

struct ReadOptions {
  // Force an encoding (an ICU converter name such as "GB18030", "UTF-16LE"); empty = detect.
  std::string encoding;
};

// Fewer invalid UTF-8 bytes than this is too little text for a charset detector to judge, so such
// a file is UTF-8 with a few invalid bytes (step 4 of the policy).
inline constexpr std::uint64_t kMinDetectorEvidence = 16;

// True when ICU has a converter for `name` (for validating --encoding up front).
bool is_known_encoding(const std::string& name);

// Classifies and decodes bytes already in memory. Returns a SkipReason when the bytes are not text
// (NUL characters) or cannot be decoded, never throws for bad input.
struct DecodeResult {
  std::optional<SourceText> source;
  std::optional<SkipReason> skip;
};
DecodeResult decode_bytes(std::string bytes, const ReadOptions& options = {});

// Reads a whole file and decodes it. I/O failures become a SkipReason ("unreadable", with errno),
// a file too large for memory "too-large". Reads into a buffer sized from fstat, so a file costs
// its size once, not the doubling of a growing buffer.
DecodeResult read_file(const std::string& path, const ReadOptions& options = {});

// The same for an open descriptor (standard input: fd 0) whose size may not be known.
DecodeResult read_descriptor(int fd, const ReadOptions& options = {});

}  // namespace corpus_scan
