// Fuzz target for the normalizer: any line of bytes gives one line of valid UTF-8, every edit
// points at exactly the bytes it says it replaced, and normalizing again changes nothing.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "corpus_scan/normalizer.hpp"
#include "corpus_scan/text.hpp"
#include "fuzz_check.hpp"

using namespace corpus_scan;

namespace {

const Normalizer& normalizer_for(std::size_t variant) {
  static const Normalizer kDefault;
  static const Normalizer kNfkc = [] {
    NormalizeOptions options;
    options.form = UnicodeForm::NFKC;
    return Normalizer(options);
  }();
  return variant % 2 == 0 ? kDefault : kNfkc;
}

void check_line(const Normalizer& normalizer, std::string_view input, const Line& line) {
  const std::string_view content = line.content(input);
  std::string out;
  std::vector<Edit> edits;
  normalizer.normalize_line(content, line.begin, out, &edits);
  FUZZ_CHECK(valid_utf8_prefix(out) == out.size());
  FUZZ_CHECK(out.find('\n') == std::string::npos && out.find('\r') == std::string::npos);  // one line in, one out
  std::uint64_t previous_begin = line.begin;
  for (const Edit& e : edits) {
    FUZZ_CHECK(e.begin >= line.begin && e.begin <= e.end && e.end <= line.end);
    FUZZ_CHECK(e.begin >= previous_begin);  // in order of position
    FUZZ_CHECK(e.before == input.substr(e.begin, e.end - e.begin));
    FUZZ_CHECK(!kind_name(e.kind).empty());
    previous_begin = e.begin;
  }
  // Idempotence: the normalizer's output is a fixed point.
  std::string again;
  normalizer.normalize_line(out, 0, again, nullptr);
  FUZZ_CHECK(again == out);
  // Without an edit vector the text is the same (recording edits must not change the result).
  std::string quiet;
  normalizer.normalize_line(content, line.begin, quiet, nullptr);
  FUZZ_CHECK(quiet == out);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const Normalizer& normalizer = normalizer_for(size);
  for (const Line& line : split_lines(input)) check_line(normalizer, input, line);
  return 0;
}
