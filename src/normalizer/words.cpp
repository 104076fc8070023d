#include "normalizer/words.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "normalizer/word_hash.hpp"

namespace corpus_scan::normalizer {

extern const std::uint64_t kWordHashes[];
extern const std::size_t kWordHashCount;

bool is_english_word(std::string_view word) noexcept {
  const std::uint64_t h = word_hash(word);
  return std::binary_search(kWordHashes, kWordHashes + kWordHashCount, h);
}

}  // namespace corpus_scan::normalizer
