// English word look-up for glued-words, over the word list compiled in at build time.
#pragma once

#include <string_view>

namespace corpus_scan::normalizer {

// True when `word` (any ASCII case) is in the compiled English word list.
bool is_english_word(std::string_view word) noexcept;

}  // namespace corpus_scan::normalizer
