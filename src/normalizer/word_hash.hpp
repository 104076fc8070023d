// The hash that identifies a word in the compiled word list: FNV-1a over the ASCII-lowercased
// bytes. Shared by the build-time generator and the run-time lookup so they always agree.
#pragma once

#include <cstdint>
#include <string_view>

namespace corpus_scan::normalizer {

constexpr std::uint64_t word_hash(std::string_view word) noexcept {
  std::uint64_t h = 1469598103934665603ull;
  for (char c : word) {
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c;
    h = (h ^ static_cast<unsigned char>(lower)) * 1099511628211ull;
  }
  return h;
}

}  // namespace corpus_scan::normalizer
