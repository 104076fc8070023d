#include "corpus_scan/reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "corpus_scan/text.hpp"

namespace corpus_scan {

std::uint64_t SourceText::original_offset(std::uint64_t text_offset) const {
  if (offset_map.empty()) return text_offset;
  auto it = std::upper_bound(offset_map.begin(), offset_map.end(), text_offset,
                             [](std::uint64_t v, const auto& e) { return v < e.first; });
  if (it == offset_map.begin()) return 0;
  --it;
  return it->second;  // offsets inside a code point map to its first original byte
}

namespace {

// Records invalid UTF-8 runs; the text itself stays untouched (every stage decodes tolerantly).
void scan_utf8(SourceText& src) {
  const std::string_view s = src.text();
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t ok = valid_utf8_prefix(s.substr(i));
    i += ok;
    if (i >= s.size()) break;
    std::size_t j = i;
    while (j < s.size() && !decode_utf8(s, j).valid) ++j;
    src.invalid_bytes += j - i;
    if (src.invalid_runs.size() < SourceText::kMaxInvalidRuns) src.invalid_runs.push_back({i, j - i});
    i = j;
  }
}

}  // namespace

DecodeResult decode_bytes(std::string bytes, const ReadOptions& options) {
  DecodeResult result;
  SourceText src;
  src.original = std::move(bytes);
  (void)options;
  if (src.original.size() >= 3 && std::memcmp(src.original.data(), "\xEF\xBB\xBF", 3) == 0) {
    src.has_bom = true;
    src.encoding = "UTF-8";
  }
  if (std::memchr(src.original.data(), '\0', src.original.size()) != nullptr) {
    result.skip = SkipReason{"binary", "contains NUL bytes: not a text file"};
    return result;
  }
  scan_utf8(src);
  result.source = std::move(src);
  return result;
}

DecodeResult read_file(const std::string& path, const ReadOptions& options) {
  DecodeResult result;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) {
    result.skip = SkipReason{"unreadable", std::strerror(errno)};
    return result;
  }
  std::string bytes;
  char buf[1 << 16];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) bytes.append(buf, n);
  if (std::ferror(f.get())) {
    result.skip = SkipReason{"unreadable", std::strerror(errno)};
    return result;
  }
  return decode_bytes(std::move(bytes), options);
}

}  // namespace corpus_scan
