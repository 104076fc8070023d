#include "corpus_scan/reader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <new>

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>

#include "corpus_scan/text.hpp"

namespace corpus_scan {

std::uint64_t SourceText::original_offset(std::uint64_t text_offset) const {
  if (offset_map.empty()) return text_offset;
  auto it = std::upper_bound(offset_map.begin(), offset_map.end(), text_offset,
                             [](std::uint64_t v, const OffsetRun& r) { return v < r.text_begin; });
  if (it == offset_map.begin()) return 0;
  const OffsetRun& run = *--it;
  if (run.text_width == 0) return run.original_begin;  // the sentinel (or past it)
  return run.original_begin + (text_offset - run.text_begin) / run.text_width * run.original_width;
}

namespace {

// ---- Invalid bytes -------------------------------------------------------------------------------

// Adds [offset, offset + length) to the invalid-byte count, merging it into the previous run when
// they touch (a converter reports a run of bad bytes one sequence at a time).
void note_invalid(SourceText& src, std::uint64_t offset, std::uint64_t length) {
  src.invalid_bytes += length;
  auto& runs = src.invalid_runs;
  if (!runs.empty() && runs.back().offset + runs.back().length == offset) {
    runs.back().length += length;
  } else if (runs.size() < SourceText::kMaxInvalidRuns) {
    runs.push_back({offset, length});
  }
}

void clear_invalid(SourceText& src) {
  src.invalid_bytes = 0;
  src.invalid_runs.clear();
}

// Records the invalid UTF-8 runs of `original`; the bytes stay untouched (every stage decodes
// tolerantly, so text() can be the file itself and offsets need no map).
void scan_utf8(SourceText& src) {
  const std::string_view s = src.original;
  std::size_t i = 0;
  while (i < s.size()) {
    i += valid_utf8_prefix(s.substr(i));
    if (i >= s.size()) break;
    std::size_t j = i;
    while (j < s.size() && !decode_utf8(s, j).valid) ++j;
    note_invalid(src, i, j - i);
    i = j;
  }
}

std::uint64_t count_non_ascii(std::string_view s) {
  return static_cast<std::uint64_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
}

// ---- ICU helpers ---------------------------------------------------------------------------------

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter open_converter(const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  Converter cnv(ucnv_open(name.c_str(), &status));
  if (U_FAILURE(status)) cnv.reset();
  return cnv;
}

bool is_utf8_name(const std::string& name) {
  const Converter cnv = open_converter(name);
  UErrorCode status = U_ZERO_ERROR;
  return cnv && std::strcmp(ucnv_getName(cnv.get(), &status), "UTF-8") == 0;
}

struct Detection {
  std::string name;
  int confidence = 0;
};

// Asks ICU's charset detector about `sample`. Returns an empty name when it has no answer.
Detection detect_charset(std::string_view sample) {
  Detection d;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> det(ucsdet_open(&status), &ucsdet_close);
  if (U_FAILURE(status)) return d;
  ucsdet_setText(det.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return d;
  const char* name = ucsdet_getName(match, &status);
  d.confidence = ucsdet_getConfidence(match, &status);
  if (U_FAILURE(status) || name == nullptr) return {};
  d.name = name;
  return d;
}

// The detector reads a bounded sample: enough for its statistics, and a 1 GB file costs no more
// than a small one. The sample starts at the beginning of the line holding the first byte that is
// not ASCII, so a long ASCII preamble does not drown the evidence; a line start is a character
// boundary in every encoding the detector knows except UTF-16/32 (which are found by NULs/BOMs).
std::string_view detector_sample(std::string_view bytes) {
  constexpr std::size_t kSample = 64 * 1024;
  constexpr std::size_t kMaxBackup = 4096;
  const auto first = std::find_if(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  const auto at = static_cast<std::size_t>(first - bytes.begin());
  // Everything before `at` is ASCII, so `at` itself is a character boundary; the line start before
  // it (if near) gives the detector the whole line as context.
  const std::size_t line = bytes.rfind('\n', at);
  const std::size_t start = line != std::string_view::npos && at - line <= kMaxBackup ? line + 1
                            : at <= kMaxBackup                                     ? 0
                                                                                   : at;
  return bytes.substr(start, kSample);
}

// ---- Transcoding ---------------------------------------------------------------------------------

// Builds the run-length offset map while code points are appended to the decoded text.
class OffsetMapBuilder {
 public:
  explicit OffsetMapBuilder(std::vector<OffsetRun>& runs) : runs_(runs) {}

  // A code point of `text_width` UTF-8 bytes at text offset `text_at` that starts at original
  // offset `original_at`. Its original width is known when the next code point arrives.
  void add(std::uint64_t text_at, std::uint64_t original_at, std::uint32_t text_width) {
    if (has_pending_) {
      original_at = std::max(original_at, pending_.original_begin);  // offsets never go back
      commit(static_cast<std::uint32_t>(original_at - pending_.original_begin));
    } else if (runs_.empty()) {
      original_at = 0;  // bytes before the first character (an escape sequence) belong to it: spans start at 0
    }
    pending_ = {text_at, original_at, text_width, 0};
    has_pending_ = true;
  }

  void finish(std::uint64_t text_size, std::uint64_t original_size) {
    if (has_pending_) commit(static_cast<std::uint32_t>(std::max(original_size, pending_.original_begin) - pending_.original_begin));
    runs_.push_back({text_size, original_size, 0, 0});
  }

 private:
  void commit(std::uint32_t original_width) {
    pending_.original_width = original_width;
    const bool extends = !runs_.empty() && runs_.back().text_width == pending_.text_width &&
                         runs_.back().original_width == original_width && pending_.text_begin == next_text_ &&
                         pending_.original_begin == next_original_;
    if (!extends) runs_.push_back(pending_);
    next_text_ = pending_.text_begin + pending_.text_width;
    next_original_ = pending_.original_begin + original_width;
    has_pending_ = false;
  }

  std::vector<OffsetRun>& runs_;
  OffsetRun pending_{};
  bool has_pending_ = false;
  std::uint64_t next_text_ = 0;
  std::uint64_t next_original_ = 0;
};

struct InvalidSink {
  const char* base;
  SourceText* src;
};

// ICU calls this for every byte sequence that is illegal or unmapped in the source encoding:
// record it (in original offsets) and substitute U+FFFD, as the UTF-8 path does.
void on_invalid_sequence(const void* context, UConverterToUnicodeArgs* args, const char* /*units*/,
                         int32_t length, UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: nothing to substitute
  const auto* sink = static_cast<const InvalidSink*>(context);
  const auto end = static_cast<std::uint64_t>(args->source - sink->base);
  const auto len = static_cast<std::uint64_t>(length);
  note_invalid(*sink->src, end >= len ? end - len : 0, len);
  *err = U_ZERO_ERROR;
  static const UChar kSub = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &kSub, 1, 0, err);
}

// Decodes src.original with `encoding` into src.decoded (UTF-8) and builds the offset map. Returns
// an error message when ICU cannot convert at all.
std::optional<std::string> transcode(SourceText& src, const std::string& encoding) {
  Converter cnv = open_converter(encoding);
  if (!cnv) return "no converter for encoding '" + encoding + "'";
  clear_invalid(src);
  InvalidSink sink{src.original.data(), &src};
  UErrorCode status = U_ZERO_ERROR;
  ucnv_setToUCallBack(cnv.get(), &on_invalid_sequence, &sink, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return std::string("cannot set up the converter: ") + u_errorName(status);

  src.decoded.clear();
  src.decoded.reserve(src.original.size() + src.original.size() / 2);
  src.offset_map.clear();
  OffsetMapBuilder map(src.offset_map);
  constexpr int32_t kChunk = 16 * 1024;
  UChar units[kChunk];
  int32_t offsets[kChunk];
  const char* source = src.original.data();
  const char* const source_end = source + src.original.size();
  UChar lead = 0;  // a lead surrogate waiting for its trail (pairs may straddle chunks)
  std::uint64_t lead_at = 0;
  std::uint64_t last_at = 0;
  auto emit = [&](char32_t cp, std::uint64_t at) {
    const std::uint64_t text_at = src.decoded.size();
    append_utf8(src.decoded, cp);
    map.add(text_at, at, static_cast<std::uint32_t>(src.decoded.size() - text_at));
  };
  for (;;) {
    UChar* target = units;
    const char* chunk_start = source;
    status = U_ZERO_ERROR;
    ucnv_toUnicode(cnv.get(), &target, units + kChunk, &source, source_end, offsets, true, &status);
    const auto base = static_cast<std::uint64_t>(chunk_start - src.original.data());
    for (int32_t i = 0; i < target - units; ++i) {
      // -1: a unit from bytes of an earlier call (ICU's own buffering); it belongs with the last.
      const std::uint64_t at = offsets[i] >= 0 ? base + static_cast<std::uint64_t>(offsets[i]) : last_at;
      last_at = at;
      const UChar u = units[i];
      if (lead != 0) {
        const UChar l = lead;
        lead = 0;
        if (U16_IS_TRAIL(u)) {
          emit(U16_GET_SUPPLEMENTARY(l, u), lead_at);
          continue;
        }
        emit(kReplacementChar, lead_at);
      }
      if (U16_IS_LEAD(u)) {
        lead = u;
        lead_at = at;
      } else {
        emit(U16_IS_TRAIL(u) ? kReplacementChar : static_cast<char32_t>(u), at);
      }
    }
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(status)) return std::string("cannot decode as ") + encoding + ": " + u_errorName(status);
    break;
  }
  if (lead != 0) emit(kReplacementChar, lead_at);
  map.finish(src.decoded.size(), src.original.size());
  src.transcoded = true;
  src.encoding = encoding;
  src.has_bom = src.decoded.starts_with("\xEF\xBB\xBF");
  return std::nullopt;
}

// ---- Policy --------------------------------------------------------------------------------------

struct Bom {
  const char* encoding;
  std::string_view bytes;
};

// UTF-32LE's mark begins with UTF-16LE's, so it is tried first.
std::optional<Bom> find_bom(std::string_view s) {
  static const Bom kBoms[] = {{"UTF-8", std::string_view("\xEF\xBB\xBF", 3)},
                              {"UTF-32LE", std::string_view("\xFF\xFE\0\0", 4)},
                              {"UTF-32BE", std::string_view("\0\0\xFE\xFF", 4)},
                              {"UTF-16LE", std::string_view("\xFF\xFE", 2)},
                              {"UTF-16BE", std::string_view("\xFE\xFF", 2)}};
  for (const Bom& bom : kBoms)
    if (s.starts_with(bom.bytes)) return bom;
  return std::nullopt;
}

// Step 4 of the policy: UTF-8 whose few bad bytes are damage, not another encoding.
bool is_mostly_utf8(const SourceText& src) {
  if (src.invalid_bytes < kMinDetectorEvidence) return true;
  return src.invalid_bytes * 4 < count_non_ascii(src.original);
}

int utf8_confidence(const SourceText& src) {
  if (src.invalid_bytes == 0) return 100;
  const std::uint64_t non_ascii = count_non_ascii(src.original);
  return non_ascii == 0 ? 0 : static_cast<int>(100 * (non_ascii - std::min(non_ascii, src.invalid_bytes)) / non_ascii);
}

void keep_as_utf8(SourceText& src) {
  src.encoding = "UTF-8";
  src.transcoded = false;
  src.decoded.clear();
  src.offset_map.clear();
  clear_invalid(src);
  scan_utf8(src);
  src.has_bom = src.original.starts_with("\xEF\xBB\xBF");
}

bool is_unicode_family(const std::string& name) { return name.starts_with("UTF-16") || name.starts_with("UTF-32"); }

// The detector's answer is credible when it is not UTF-8 itself (then the bytes are just damaged
// UTF-8) and it is at least somewhat confident.
constexpr int kMinDetectorConfidence = 10;

DecodeResult finish_decoding(SourceText src, const std::string& how) {
  DecodeResult result;
  if (std::memchr(src.text().data(), '\0', src.text().size()) != nullptr) {
    result.skip = SkipReason{"binary", "contains NUL " + std::string(src.transcoded ? "characters (" + how + ")" : "bytes") +
                                           ": not a text file"};
    return result;
  }
  result.source = std::move(src);
  return result;
}

DecodeResult decode_with(SourceText src, const std::string& encoding, int confidence, const std::string& how) {
  if (auto error = transcode(src, encoding)) {
    DecodeResult result;
    result.skip = SkipReason{"undecodable", *error};
    return result;
  }
  src.encoding_confidence = confidence;
  return finish_decoding(std::move(src), how);
}

}  // namespace

bool is_known_encoding(const std::string& name) { return !name.empty() && open_converter(name) != nullptr; }

DecodeResult decode_bytes(std::string bytes, const ReadOptions& options) {
  SourceText src;
  src.original = std::move(bytes);

  if (!options.encoding.empty()) {
    if (!is_utf8_name(options.encoding))
      return decode_with(std::move(src), options.encoding, 100, "decoded as " + options.encoding + ", as --encoding says");
    keep_as_utf8(src);
    src.encoding_confidence = 100;
    return finish_decoding(std::move(src), "");
  }

  if (const auto bom = find_bom(src.original); bom && std::strcmp(bom->encoding, "UTF-8") != 0)
    return decode_with(std::move(src), bom->encoding, 100, std::string("decoded as ") + bom->encoding + " by its byte-order mark");

  const bool has_nul = std::memchr(src.original.data(), '\0', src.original.size()) != nullptr;
  if (has_nul && !src.original.starts_with("\xEF\xBB\xBF")) {
    // NULs without a mark: UTF-16/32 text without a BOM, or (usually) a binary file.
    const Detection d = detect_charset(std::string_view(src.original).substr(0, 64 * 1024));
    if (is_unicode_family(d.name) && d.confidence >= 80)
      return decode_with(std::move(src), d.name, d.confidence, "detected as " + d.name);
    return finish_decoding(std::move(src), "");
  }

  keep_as_utf8(src);
  if (src.invalid_bytes == 0 || src.has_bom || is_mostly_utf8(src)) {
    src.encoding_confidence = src.has_bom ? 100 : utf8_confidence(src);
    return finish_decoding(std::move(src), "");
  }
  const Detection d = detect_charset(detector_sample(src.original));
  if (d.name.empty() || d.name == "UTF-8" || is_unicode_family(d.name) || d.confidence < kMinDetectorConfidence) {
    src.encoding_confidence = utf8_confidence(src);
    return finish_decoding(std::move(src), "");
  }
  return decode_with(std::move(src), d.name, d.confidence, "detected as " + d.name);
}

namespace {

struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

// Reads from fd until end of file, appending to `bytes` from `filled` on; grows the buffer only
// when the input is longer than expected. Returns errno, or 0.
int read_all(int fd, std::string& bytes, std::size_t filled) {
  for (;;) {
    if (filled == bytes.size()) bytes.resize(std::max<std::size_t>(bytes.size() * 2, 64 * 1024));
    const ssize_t n = ::read(fd, bytes.data() + filled, bytes.size() - filled);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (n == 0) break;
    filled += static_cast<std::size_t>(n);
  }
  bytes.resize(filled);
  return 0;
}

DecodeResult read_and_decode(int fd, std::size_t expected_size, const ReadOptions& options) {
  DecodeResult result;
  std::string bytes;
  try {
    // One spare byte, so a file read exactly to its expected size reaches end of file without a
    // reallocation (which would double the memory of a 1 GB file).
    bytes.resize(expected_size + 1);
    if (const int err = read_all(fd, bytes, 0)) {
      result.skip = SkipReason{"unreadable", std::strerror(err), err};
      return result;
    }
    return decode_bytes(std::move(bytes), options);
  } catch (const std::bad_alloc&) {
    result.skip = SkipReason{"too-large", "not enough memory to hold and decode the file (" +
                                              std::to_string(expected_size) + " bytes)"};
    return result;
  }
}

}  // namespace

DecodeResult read_file(const std::string& path, const ReadOptions& options) {
  DecodeResult result;
  Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) {
    const int err = errno;
    result.skip = SkipReason{"unreadable", std::strerror(err), err};
    return result;
  }
  struct stat st {};
  const std::size_t size = ::fstat(file.fd, &st) == 0 && S_ISREG(st.st_mode) ? static_cast<std::size_t>(st.st_size) : 0;
  return read_and_decode(file.fd, size, options);
}

DecodeResult read_descriptor(int fd, const ReadOptions& options) { return read_and_decode(fd, 0, options); }

}  // namespace corpus_scan
