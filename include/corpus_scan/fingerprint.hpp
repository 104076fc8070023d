// Fingerprints across a corpus: marks each article that repeats an earlier one, exactly (same
// text hash) or nearly (SimHash within a few bits), while holding only fingerprints.
//
// Records stream out as files finish, so marks go on the *later* article and point back to the
// first occurrence ({path, index}); nothing is buffered. Memory grows with the number of
// articles by a few words each (a 64-bit SimHash, a file number, an index, four chain links, one
// exact-hash entry) plus one copy of each file's path; never with the size of the text.
//
// Near duplicates: two SimHashes within `max_distance` bits (Manku, Jain & Das Sarma 2007 use 3
// of 64 for web pages). With the 64 bits cut into max_distance + 1 blocks, two such fingerprints
// agree exactly on at least one block (pigeonhole), so each block value indexes the articles
// holding it and only those are compared.
//
// Not thread-safe: the CLI calls it on the thread that writes records, in output order, so the
// marks are the same for any number of worker threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "corpus_scan/stats.hpp"

namespace corpus_scan {

struct DuplicateMark {
  std::string_view path;       // the first occurrence's file (owned by the DuplicateIndex)
  std::uint64_t index = 0;     // its article index within that file
  bool exact = false;          // same text hash; otherwise a near duplicate
  std::uint32_t distance = 0;  // Hamming distance between the SimHashes (0 when exact)
};

// One entry per article of a file, in order: the mark, or nullopt for a first occurrence.
using DuplicateMarks = std::vector<std::optional<DuplicateMark>>;

class DuplicateIndex {
 public:
  static constexpr unsigned kDefaultMaxDistance = 3;
  // Articles with fewer shingles than this take part in exact matching only: the SimHash of a
  // few words says little, and short texts (captions, one-line notes) would match by chance.
  static constexpr std::uint32_t kDefaultMinShingles = 16;

  explicit DuplicateIndex(unsigned max_distance = kDefaultMaxDistance,
                          std::uint32_t min_shingles = kDefaultMinShingles);

  // Starts a new file; its articles are then observed in order.
  void begin_file(std::string path);
  // Marks an article against every article seen before (earlier files and earlier articles of
  // this file), then remembers it.
  std::optional<DuplicateMark> observe(const Fingerprint& fp, std::uint64_t article_index);

  std::size_t articles() const { return articles_; }

 private:
  struct Entry {
    std::uint64_t simhash;
    std::uint32_t file;
    std::uint32_t index;
  };
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  DuplicateMark mark(std::uint32_t file, std::uint32_t index, bool exact, std::uint32_t distance) const;
  std::uint32_t block_key(std::uint64_t simhash, unsigned block) const;

  unsigned max_distance_;
  unsigned blocks_;
  unsigned block_bits_;
  std::uint32_t min_shingles_;
  std::vector<std::string> paths_;
  std::uint32_t file_ = kNone;
  std::size_t articles_ = 0;
  std::unordered_map<std::uint64_t, Entry> exact_;  // text hash -> first occurrence
  std::vector<Entry> near_;                          // articles indexed for near matching
  std::vector<std::uint32_t> next_;                  // near_.size() * blocks_: chain links
  std::vector<std::uint32_t> heads_;                 // blocks_ << block_bits_: newest entry per block value
};

}  // namespace corpus_scan
