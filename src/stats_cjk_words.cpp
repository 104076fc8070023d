// Chinese words: ICU's dictionary segmentation of a run of CJK characters, counted without ICU's
// break iterator where that gives the same answer.
//
// Why: ICU's word BreakIterator spent ~1,700 instructions and ~25 mispredicted branches per Han
// character of the bench corpus (callgrind on /tmp/pc8), and almost all of it was machinery
// around the dictionary, not the dictionary: setting up a UText, running the rule state machine
// over the run, filling its break cache, checking the run for NFKC, five UVector32 allocations
// per run, and a UText read per character of every dictionary lookup. The segmentation itself is
// a shortest path over dictionary matches (ICU's CjkBreakEngine::divideUpDictionaryRange).
//
// What is ours and what is ICU's: the dictionary is ICU's own (the "Hani" entry of its brkitr
// data, cjdict.dict, a UCharsTrie of words with costs), read through ICU's public UCharsTrie. The
// shortest path below is the engine's, step for step, for the one case it handles: a run made
// only of Han ideographs from the two blocks where ICU's word rules mark every character as
// dictionary text and NFKC changes nothing (CJK Unified Ideographs U+4E00-U+9FFF and Extension
// A U+3400-U+4DBF). For such a run the rules make no break inside it, so ICU's words are exactly
// the engine's path. Any other run (kana, Hangul, other Han blocks, supplementary planes), or an
// ICU whose data is not laid out as expected, goes to count_cjk_words_icu. The dictionary is the
// data of the ICU we link (its soname pins the version), the one the tests compare against.
// tests/unit/stats_cjk_words_test.cpp holds the two to the same counts on every run of data/ and
// the fixtures and on random runs drawn from both blocks and from data/'s Chinese.
#include <unicode/ucharstrie.h>
#include <unicode/udata.h>
#include <unicode/ures.h>

#include <atomic>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "stats_internal.hpp"

namespace corpus_scan::stats_detail {

namespace {

// The engine's constants (ICU 72 dictbe.cpp): the longest dictionary word it looks for, in UTF-16
// units (one per character here), and the cost of a character the dictionary does not hold as a
// word on its own. ICU 72's cjdict has no word longer than 16 characters, so no test can tell the
// first from any larger limit; the second is pinned by the test's words whose first character is
// no word alone.
constexpr std::size_t kMaxWordLength = 20;
constexpr std::uint32_t kUnknownCharCost = 255;

// ICU's dictionary file header (dictionarydata.h): int32 indexes, then the trie.
constexpr int kIndexTrieOffset = 0;
constexpr int kIndexTotalSize = 3;
constexpr int kIndexTrieType = 4;
constexpr std::int32_t kIndexCount = 8;
constexpr std::int32_t kTrieTypeMask = 7;
constexpr std::int32_t kTrieTypeUChars = 1;

struct DataCloser {
  void operator()(UDataMemory* m) const { udata_close(m); }
};
struct BundleCloser {
  void operator()(UResourceBundle* b) const { ures_close(b); }
};

// ICU's Chinese/Japanese dictionary, found as ICU finds it: the brkitr tree's "dictionaries"
// table names the file for the script Hani. Loaded once per process and read-only after, so
// threads share it. The trie's bytes belong to ICU's data, held open by data_ until the static
// is destroyed at exit, when no scan is running.
class CjkDictionary {
 public:
  static const CjkDictionary* instance() {
    static const CjkDictionary dictionary;
    return dictionary.trie_ ? &dictionary : nullptr;
  }

  // The number of words in the engine's segmentation of `run`, or -1 when a character is
  // outside the blocks this path handles.
  std::ptrdiff_t count_words(std::string_view run) const;

 private:
  CjkDictionary() {
    UErrorCode status = U_ZERO_ERROR;
    const char* tree = U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr";
    std::unique_ptr<UResourceBundle, BundleCloser> root(ures_open(tree, "", &status));
    std::unique_ptr<UResourceBundle, BundleCloser> dictionaries(
        ures_getByKey(root.get(), "dictionaries", nullptr, &status));
    std::int32_t length = 0;
    const UChar* file = ures_getStringByKey(dictionaries.get(), "Hani", &length, &status);
    if (U_FAILURE(status)) return;
    // "cjdict.dict": udata_open takes the name and the type apart, at the last dot as ICU does.
    std::string name;
    for (std::int32_t i = 0; i < length; ++i) {
      if (file[i] >= 0x80) return;  // ICU's data names are invariant ASCII
      name.push_back(static_cast<char>(file[i]));
    }
    const std::size_t dot = name.rfind('.');
    const std::string type = dot == std::string::npos ? std::string() : name.substr(dot + 1);
    if (dot != std::string::npos) name.resize(dot);
    data_.reset(udata_open(tree, type.c_str(), name.c_str(), &status));
    if (U_FAILURE(status) || !data_) return;
    const auto* indexes = static_cast<const std::int32_t*>(udata_getMemory(data_.get()));
    // A header not laid out as this ICU's (or a BytesTrie dictionary): leave the words to ICU.
    const std::int32_t offset = indexes[kIndexTrieOffset];
    if (offset < kIndexCount * 4 || offset >= indexes[kIndexTotalSize] || offset % 2 != 0) return;
    if ((indexes[kIndexTrieType] & kTrieTypeMask) != kTrieTypeUChars) return;
    trie_ = reinterpret_cast<const char16_t*>(reinterpret_cast<const char*>(indexes) + offset);
  }

  std::unique_ptr<UDataMemory, DataCloser> data_;
  const char16_t* trie_ = nullptr;
};

// The blocks whose every character ICU's word rules treat as dictionary text and NFKC leaves
// alone (see the top of the file).
bool handled_ideograph(char32_t cp) { return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF); }

// Where the dictionary walk stands after each first character, filled as characters are met.
// The trie's root is one branch node over ~20,000 first characters, searched by bisection: ~8
// unpredictable branches per lookup, over half of what a character cost. Each entry is written
// once per process (threads that meet a character together write the same values, through
// atomics), in static storage so that only the pages of characters met are ever touched.
class FirstCharStates {
 public:
  static constexpr char32_t kFirst = 0x3400, kLast = 0x9FFF;

  // Starts `trie` (fresh from the dictionary's root) at character c, as trie.first(c) does.
  UStringTrieResult first(icu::UCharsTrie& trie, char32_t c) {
    Entry& e = entries_[c - kFirst];
    const std::uint32_t known = e.result_plus_one.load(std::memory_order_acquire);
    if (known != 0) {
      const auto result = static_cast<UStringTrieResult>(known - 1);
      if (result != USTRINGTRIE_NO_MATCH) trie.resetToState64(e.state.load(std::memory_order_relaxed));
      return result;
    }
    const UStringTrieResult result = trie.first(static_cast<std::int32_t>(c));
    if (result != USTRINGTRIE_NO_MATCH) e.state.store(trie.getState64(), std::memory_order_relaxed);
    e.result_plus_one.store(static_cast<std::uint32_t>(result) + 1, std::memory_order_release);
    return result;
  }

 private:
  struct Entry {
    std::atomic<std::uint64_t> state;             // trie.getState64() after first(c)
    std::atomic<std::uint32_t> result_plus_one;   // 0: not met yet
  };
  Entry entries_[kLast - kFirst + 1];
};

constinit FirstCharStates first_char_states;

std::ptrdiff_t CjkDictionary::count_words(std::string_view run) const {
  // Per thread, grown only: the run's characters, and for each prefix of i characters the cost
  // of its cheapest segmentation and where that segmentation's last word starts.
  thread_local std::vector<char16_t> chars;
  thread_local std::vector<std::uint32_t> best_cost, word_start;
  if (chars.size() < run.size()) chars.resize(run.size());
  // Every handled character is a three-byte sequence (U+3400..U+9FFF), so anything else (another
  // length, a stray byte) is declined without the general decoder, which cost ~100 instructions
  // a character here.
  if (run.size() % 3 != 0) return -1;
  const auto* bytes = reinterpret_cast<const unsigned char*>(run.data());
  std::size_t n = 0;
  for (std::size_t i = 0; i < run.size(); i += 3) {
    const unsigned lead = bytes[i], c1 = bytes[i + 1], c2 = bytes[i + 2];
    if ((lead & 0xF0) != 0xE0 || (c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80) return -1;
    const char32_t cp = (char32_t{lead & 0x0Fu} << 12) | (char32_t{c1 & 0x3Fu} << 6) | (c2 & 0x3Fu);
    if (!handled_ideograph(cp)) return -1;
    chars[n++] = static_cast<char16_t>(cp);
  }
  if (best_cost.size() < n + 1) {
    best_cost.resize(n + 1);
    word_start.resize(n + 1);
  }
  best_cost[0] = 0;
  std::fill(best_cost.begin() + 1, best_cost.begin() + static_cast<std::ptrdiff_t>(n) + 1,
            std::numeric_limits<std::uint32_t>::max());

  // Shortest path, as divideUpDictionaryRange walks it: from each i (every i is reached, since a
  // one-character word always leads on), each dictionary word starting at i, then a one-character
  // word at the unknown cost if the dictionary has none. A path improves only on a strictly lower
  // cost, so among equal costs the one found first stays.
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t base = best_cost[i];
    auto offer = [&](std::size_t end, std::uint32_t cost) {
      if (base + cost < best_cost[end]) {
        best_cost[end] = base + cost;
        word_start[end] = static_cast<std::uint32_t>(i);
      }
    };
    icu::UCharsTrie trie(trie_);
    bool single_char_word = false;
    UStringTrieResult r = first_char_states.first(trie, chars[i]);
    for (std::size_t length = 1;; ++length) {
      if (USTRINGTRIE_HAS_VALUE(r)) {
        offer(i + length, static_cast<std::uint32_t>(trie.getValue()));
        single_char_word |= length == 1;
        if (r == USTRINGTRIE_FINAL_VALUE) break;
      } else if (r == USTRINGTRIE_NO_MATCH) {
        break;
      }
      if (length >= kMaxWordLength || i + length == n) break;
      r = trie.next(chars[i + length]);
    }
    if (!single_char_word) offer(i + 1, kUnknownCharCost);
  }
  std::ptrdiff_t words = 0;
  for (std::size_t end = n; end > 0; end = word_start[end]) ++words;
  return words;
}

}  // namespace

std::ptrdiff_t count_cjk_words_from_dictionary(std::string_view run) {
  const CjkDictionary* dictionary = CjkDictionary::instance();
  return dictionary ? dictionary->count_words(run) : -1;
}

std::size_t count_cjk_words(std::string_view run) {
  const std::ptrdiff_t words = count_cjk_words_from_dictionary(run);
  return words >= 0 ? static_cast<std::size_t>(words) : count_cjk_words_icu(run);
}

}  // namespace corpus_scan::stats_detail
