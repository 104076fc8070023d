// The repetition measures and the SimHash against plain definitions written for this test: n-grams
// counted as token sequences in a map, every bit of every shingle counted one by one. The code
// under test names n-grams by pairs of count-table slots and counts shingle bits with a carry-save
// tree (src/stats_repetition.cpp, src/stats_fingerprint.cpp); both must give the same numbers to
// the last bit on real text (every file and line of data/ and tests/fixtures) and on inputs built
// to stress them (one token, 100k identical tokens, long loops, a tiny vocabulary).
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <map>
#include <string>
#include <unordered_map>

#include "../../src/stats_internal.hpp"
#include "test_util.hpp"

using namespace corpus_scan;
using namespace corpus_scan::stats_detail;

namespace {

// Words of ASCII letters and digits (bytes >= 0x80 count as letters), lowercased and hashed; a
// token's chars are its bytes. Any tokenizer does: the measures only see hashes and lengths.
TokenStream tokens_of(std::string_view text) {
  TokenStream ts;
  std::string word;
  const auto flush = [&] {
    if (word.empty()) return;
    ts.hash.push_back(hash_bytes(word));
    ts.chars.push_back(static_cast<std::uint32_t>(word.size()));
    word.clear();
  };
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      word += static_cast<char>(std::tolower(u));
    } else {
      flush();
    }
  }
  flush();
  return ts;
}

// A token stream from small ids (id k has k % 5 + 1 chars), hashed by mix64 like real tokens.
TokenStream tokens_of_ids(const std::vector<std::uint32_t>& ids) {
  TokenStream ts;
  for (const std::uint32_t id : ids) {
    ts.hash.push_back(mix64(id + 0x1234567ULL));
    ts.chars.push_back(id % 5 + 1);
  }
  return ts;
}

struct Expected {
  std::uint64_t distinct_tokens = 0;
  double unigram_entropy = 0;
  std::array<double, 3> top{};
  std::array<double, 6> dup{};
};

// The measures by their definitions (Gopher, Rae et al. 2021, table A1).
Expected reference(const TokenStream& ts) {
  Expected e;
  const std::size_t t = ts.hash.size();
  if (t == 0) return e;
  std::vector<std::uint64_t> prefix_chars(t + 1, 0);
  for (std::size_t i = 0; i < t; ++i) prefix_chars[i + 1] = prefix_chars[i] + ts.chars[i];
  const double token_chars = double(prefix_chars[t]);

  // Unigrams: H = ln N - (1/N) sum c ln c, summed over the types in order of first occurrence.
  std::unordered_map<std::uint64_t, std::uint32_t> counts;
  std::vector<std::uint64_t> first_seen;
  for (const std::uint64_t h : ts.hash)
    if (counts[h]++ == 0) first_seen.push_back(h);
  e.distinct_tokens = counts.size();
  double sum = 0;
  for (const std::uint64_t h : first_seen)
    if (const std::uint32_t c = counts[h]; c >= 2) sum += c * std::log(double(c));
  e.unigram_entropy = std::log(double(t)) - sum / double(t);

  for (std::size_t n = 2; n <= 10 && n <= t; ++n) {
    // Each n-gram as the bytes of its token hashes.
    std::vector<std::string> gram(t - n + 1);
    std::unordered_map<std::string, std::uint32_t> grams;
    for (std::size_t i = 0; i + n <= t; ++i) {
      gram[i].assign(reinterpret_cast<const char*>(&ts.hash[i]), n * sizeof(std::uint64_t));
      ++grams[gram[i]];
    }
    std::vector<bool> covered(t, false);
    if (n <= 4) {
      // The most frequent n-gram; ties go to the one that occurs first.
      std::size_t best = 0;
      for (std::size_t i = 1; i < gram.size(); ++i)
        if (grams[gram[i]] > grams[gram[best]]) best = i;
      if (grams[gram[best]] < 2) continue;
      for (std::size_t i = 0; i < gram.size(); ++i)
        if (gram[i] == gram[best]) std::fill(covered.begin() + i, covered.begin() + i + n, true);
    } else {
      for (std::size_t i = 0; i < gram.size(); ++i)
        if (grams[gram[i]] >= 2) std::fill(covered.begin() + i, covered.begin() + i + n, true);
    }
    std::uint64_t chars = 0;
    for (std::size_t i = 0; i < t; ++i) chars += covered[i] ? ts.chars[i] : 0;
    (n <= 4 ? e.top[n - 2] : e.dup[n - 5]) = double(chars) / token_chars;
  }
  return e;
}

// The SimHash by its definition: shingles are token 3-grams (the tokens themselves below three),
// and bit b is set when more than half of them have bit b set.
std::uint64_t reference_simhash(const TokenStream& ts) {
  const std::vector<std::uint64_t>& h = ts.hash;
  std::vector<std::uint64_t> shingles;
  if (h.size() >= 3) {
    for (std::size_t i = 0; i + 3 <= h.size(); ++i)
      shingles.push_back(mix64(h[i] * 0xff51afd7ed558ccdULL + h[i + 1] * 0xc4ceb9fe1a85ec53ULL + h[i + 2]));
  } else {
    shingles = h;
  }
  std::uint64_t simhash = 0;
  for (int b = 0; b < 64; ++b) {
    std::uint64_t ones = 0;
    for (const std::uint64_t s : shingles) ones += (s >> b) & 1;
    if (2 * ones > shingles.size()) simhash |= std::uint64_t(1) << b;
  }
  return simhash;
}

void check_same(const TokenStream& ts, const std::string& what) {
  INFO(what << " (" << ts.hash.size() << " tokens)");
  ArticleStats stats;
  measure_repetition(ts, {}, {}, stats);
  const Expected e = reference(ts);
  CHECK(stats.distinct_tokens == e.distinct_tokens);
  CHECK(stats.unigram_entropy == e.unigram_entropy);
  for (std::size_t k = 0; k < 3; ++k) CHECK(stats.repetition.top_ngram_char_frac[k] == e.top[k]);
  for (std::size_t k = 0; k < 6; ++k) CHECK(stats.repetition.dup_ngram_char_frac[k] == e.dup[k]);

  const Fingerprint fp = fingerprint_tokens(ts, 42);
  CHECK(fp.simhash == reference_simhash(ts));
  CHECK(fp.shingles == (ts.hash.size() >= 3 ? ts.hash.size() - 2 : ts.hash.size()));
}

std::vector<std::string> text_files() {
  std::vector<std::string> paths;
  for (const std::string& name : test::data_files()) paths.push_back(test::data_path(name));
  for (const auto& entry : std::filesystem::directory_iterator(std::string(CORPUS_SCAN_TESTS_DIR) + "/fixtures"))
    if (entry.is_regular_file()) paths.push_back(entry.path().string());
  return paths;
}

}  // namespace

TEST_CASE("repetition and SimHash match their definitions on every file and line of the samples",
          "[stats][repetition]") {
  for (const std::string& path : text_files()) {
    const std::string text = test::slurp(path);
    check_same(tokens_of(text), path);  // the whole file as one article
    std::size_t begin = 0;
    while (begin < text.size()) {  // and each line as an article of its own
      std::size_t end = text.find('\n', begin);
      if (end == std::string::npos) end = text.size();
      const TokenStream line = tokens_of(std::string_view(text).substr(begin, end - begin));
      if (!line.hash.empty()) check_same(line, path + " line at byte " + std::to_string(begin));
      begin = end + 1;
    }
  }
}

TEST_CASE("repetition and SimHash match their definitions on adversarial token streams", "[stats][repetition]") {
  check_same(tokens_of_ids({}), "no tokens");
  check_same(tokens_of_ids({7}), "one token");
  check_same(tokens_of_ids({7, 7}), "two identical tokens");
  check_same(tokens_of_ids({7, 8, 7}), "three tokens");
  check_same(tokens_of_ids(std::vector<std::uint32_t>(100000, 3)), "100k identical tokens");
  {
    // Token hashes 0 and 1 are two tokens (the count table once stored a key of 0 as 1).
    TokenStream ts;
    for (const std::uint64_t h : {0, 1, 0, 0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0, 1, 1, 0}) {
      ts.hash.push_back(h);
      ts.chars.push_back(1);
    }
    check_same(ts, "token hashes 0 and 1");
  }

  // Loops of every period from 1 to 13, long enough that every level keeps every position.
  for (std::uint32_t period = 1; period <= 13; ++period) {
    std::vector<std::uint32_t> ids;
    for (std::uint32_t i = 0; i < 3000; ++i) ids.push_back(i % period);
    check_same(tokens_of_ids(ids), "loop of period " + std::to_string(period));
  }

  // Distinct prose with a 12-token sentence repeated 50 times in its middle, and a near copy.
  std::vector<std::uint32_t> ids;
  for (std::uint32_t i = 0; i < 500; ++i) ids.push_back(1000 + i);
  for (int r = 0; r < 50; ++r)
    for (std::uint32_t k = 0; k < 12; ++k) ids.push_back(k == 5 && r % 7 == 0 ? 99 : k);
  for (std::uint32_t i = 0; i < 500; ++i) ids.push_back(2000 + i);
  check_same(tokens_of_ids(ids), "a repeated sentence inside prose");

  // 100k tokens from vocabularies of 2, 50 and 5000 words (a linear congruential generator), and
  // 100k all distinct: every count-table size and load the articles can bring.
  for (const std::uint32_t vocabulary : {2u, 50u, 5000u, 0u}) {
    std::vector<std::uint32_t> random;
    std::uint64_t state = 12345;
    for (std::uint32_t i = 0; i < 100000; ++i) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      random.push_back(vocabulary ? static_cast<std::uint32_t>((state >> 33) % vocabulary) : i);
    }
    check_same(tokens_of_ids(random), "100k tokens from a vocabulary of " + std::to_string(vocabulary));
  }

  // Every shingle count around the carry-save blocks (32 shingles, in pairs), the byte counters'
  // flush (255 blocks of 32) and the old block of 16 (shingles = tokens - 2).
  for (const std::size_t size : {15u, 16u, 17u, 18u, 19u, 33u, 34u, 35u, 36u, 66u, 67u, 4081u, 4082u, 4083u, 4097u,
                                 8161u, 8162u, 8163u, 8194u, 8200u, 16323u, 16324u, 16325u, 20000u}) {
    std::vector<std::uint32_t> ids;
    for (std::uint32_t i = 0; i < size; ++i) ids.push_back(i * 7 % 31);
    check_same(tokens_of_ids(ids), std::to_string(size) + " tokens");
  }
}

TEST_CASE("repetition matches its definition where an n-gram occurs exactly twice", "[stats][repetition]") {
  // From level 4 on, an n-gram seen twice is settled by comparing the tokens after its two
  // occurrences instead of counting longer n-grams: runs that end before, at and after ten
  // tokens, the second occurrence near the end of the stream (fewer than ten tokens left), the two
  // overlapping ("a b a b a ...", with fewer and with ten or more tokens after the second), and
  // streams shorter than ten tokens.
  for (std::uint32_t run = 3; run <= 13; ++run) {
    for (std::uint32_t gap = 0; gap <= 3; ++gap) {
      for (std::uint32_t tail = 0; tail <= 11; ++tail) {
        std::vector<std::uint32_t> ids;
        for (std::uint32_t k = 0; k < run; ++k) ids.push_back(k);
        for (std::uint32_t k = 0; k < gap; ++k) ids.push_back(100 + k);
        for (std::uint32_t k = 0; k < run; ++k) ids.push_back(k);
        for (std::uint32_t k = 0; k < tail; ++k) ids.push_back(200 + k);
        check_same(tokens_of_ids(ids), "a run of " + std::to_string(run) + " twice, " + std::to_string(gap) +
                                           " apart, " + std::to_string(tail) + " tokens after");
      }
    }
  }
  for (std::uint32_t size = 4; size <= 16; ++size) {
    std::vector<std::uint32_t> ids;
    for (std::uint32_t k = 0; k < size; ++k) ids.push_back(k % 2);
    check_same(tokens_of_ids(ids), "a b a b ... of " + std::to_string(size) + " tokens");
    ids.push_back(7);
    ids.insert(ids.begin(), 7);
    check_same(tokens_of_ids(ids), "x a b a b ... x of " + std::to_string(size + 2) + " tokens");
  }
  // Overlapping occurrences with ten tokens or more after the second, so that the tokens after
  // them are compared 48 bytes at once, the two compared spans overlapping: in "a b a b a b a b",
  // "b a b a" is seen at 1 and 3 only, and both are followed by "b" (then by "a" and by what comes
  // after the loop). Loops of period 1 to 4 tokens and 4 to 16 tokens long, then 10 to 12 others.
  for (std::uint32_t period = 1; period <= 4; ++period) {
    for (std::uint32_t size = 4; size <= 16; ++size) {
      for (std::uint32_t tail = 10; tail <= 12; ++tail) {
        std::vector<std::uint32_t> ids;
        for (std::uint32_t k = 0; k < size; ++k) ids.push_back(k % period);
        for (std::uint32_t k = 0; k < tail; ++k) ids.push_back(200 + k);
        const std::string shape = std::to_string(period) + ", " + std::to_string(size) + " tokens, then ";
        check_same(tokens_of_ids(ids), "a loop of period " + shape + std::to_string(tail) + " others");
      }
    }
  }
  // An n-gram seen three times whose longer n-grams are seen twice (settled at a later level), and
  // one seen twice to the right of an n-gram seen three times ("q a b c" three times, "a b c d" twice).
  check_same(tokens_of_ids({1, 2, 3, 4, 5, 6, 9, 1, 2, 3, 4, 5, 6, 8, 1, 2, 3, 4, 7, 1, 2, 3, 4, 5, 6, 9, 10}),
             "a 4-gram three times, its 5- and 6-grams twice");
  check_same(tokens_of_ids({0, 1, 2, 3, 4, 5, 6, 9, 0, 1, 2, 3, 4, 5, 6, 9, 0, 1, 2, 3, 7, 8}),
             "q a b c three times, a b c d twice");
  // No 4-gram seen exactly twice, so the first n-gram seen twice is the 5-gram "1 2 3 4 5"
  // (pairs are settled from level 5 on; levels up to 5 take their coverage from the kept list).
  check_same(tokens_of_ids({1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 100, 1, 2,  3,  4,  6,  101, 7, 2, 3, 4, 5,
                            8, 9, 10, 11, 12, 102, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 103}),
             "the first n-gram seen twice is a 5-gram");
}

TEST_CASE("the SimHash matches its definition on random lines", "[stats][repetition]") {
  // Token streams of every length up to a few hundred, from made-up lines: words of one to three
  // letters from a small alphabet, so shingles repeat and bit columns tie as well as split.
  std::uint64_t state = 99;
  const auto rng = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  };
  for (int k = 0; k < 400; ++k) {
    const std::string line = test::random_line(rng, "ab c d  e", 1 + static_cast<std::size_t>(k) * 4);
    check_same(tokens_of(line), "random line " + std::to_string(k) + ": " + line.substr(0, 80));
  }
}
