// Fuzz target for the reader: any bytes, detected and with a forced encoding, must decode without
// crashing into text whose every offset maps back into the original bytes.
#include <cstdint>
#include <string>
#include <string_view>

#include "corpus_scan/reader.hpp"
#include "corpus_scan/text.hpp"
#include "fuzz_check.hpp"

using namespace corpus_scan;

namespace {

void check_source(const SourceText& src, std::string_view input) {
  FUZZ_CHECK(src.original == input);
  const std::string_view text = src.text();
  FUZZ_CHECK(text.find('\0') == std::string_view::npos);  // NULs make a file binary
  FUZZ_CHECK(src.encoding_confidence >= 0 && src.encoding_confidence <= 100);
  if (!src.transcoded) {
    FUZZ_CHECK(text.data() == src.original.data());
    FUZZ_CHECK(src.offset_map.empty());
  } else {
    FUZZ_CHECK(valid_utf8_prefix(text) == text.size());  // transcoded text is always valid UTF-8
    FUZZ_CHECK(!src.offset_map.empty());
    const OffsetRun& sentinel = src.offset_map.back();
    FUZZ_CHECK(sentinel.text_begin == text.size() && sentinel.original_begin == src.original.size());
    FUZZ_CHECK(sentinel.text_width == 0);
    for (std::size_t i = 1; i < src.offset_map.size(); ++i)
      FUZZ_CHECK(src.offset_map[i - 1].text_begin < src.offset_map[i].text_begin || src.offset_map[i].text_width == 0);
  }
  // Offsets of code point starts map into the original, never backwards, from 0 to the end.
  FUZZ_CHECK(src.original_offset(0) == 0);
  FUZZ_CHECK(src.original_offset(text.size()) == src.original.size());
  std::uint64_t previous = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::uint64_t at = src.original_offset(i);
    FUZZ_CHECK(at >= previous && at < src.original.size());
    previous = at;
    i += decode_utf8(text, i).length;
  }
  // Invalid runs: inside the file, in order, not touching, and counted.
  std::uint64_t listed = 0;
  std::uint64_t end = 0;
  for (std::size_t i = 0; i < src.invalid_runs.size(); ++i) {
    const InvalidRun& run = src.invalid_runs[i];
    FUZZ_CHECK(run.length > 0);
    FUZZ_CHECK(run.offset + run.length <= src.original.size());
    FUZZ_CHECK(i == 0 || run.offset > end);
    if (!src.transcoded) FUZZ_CHECK(!decode_utf8(src.original, run.offset).valid);
    end = run.offset + run.length;
    listed += run.length;
  }
  FUZZ_CHECK(src.invalid_runs.size() <= SourceText::kMaxInvalidRuns);
  FUZZ_CHECK(listed <= src.invalid_bytes);
  if (src.invalid_runs.size() < SourceText::kMaxInvalidRuns) FUZZ_CHECK(listed == src.invalid_bytes);
  if (!src.transcoded && src.invalid_bytes == 0) FUZZ_CHECK(valid_utf8_prefix(text) == text.size());
}

void check(std::string_view input, const ReadOptions& options) {
  const DecodeResult r = decode_bytes(std::string(input), options);
  FUZZ_CHECK(r.source.has_value() != r.skip.has_value());
  if (r.skip) {
    FUZZ_CHECK(!r.skip->code.empty() && !r.skip->message.empty());
    return;
  }
  check_source(*r.source, input);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  check(input, {});
  // And one forced encoding, chosen by the input's size so that every encoding gets inputs.
  static const char* const kForced[] = {"UTF-8", "GB18030", "Big5", "UTF-16LE", "UTF-16BE", "windows-1252",
                                        "Shift_JIS", "ISO-2022-JP", "UTF-32LE", "EUC-KR"};
  check(input, ReadOptions{kForced[size % (sizeof kForced / sizeof kForced[0])]});
  return 0;
}
