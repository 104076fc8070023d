// Writes about N bytes of Chinese-like text to stdout, made of words of ICU's own CJK dictionary
// (cjdict, the one src/stats_cjk_words.cpp walks), each drawn with weight exp(-cost / 20), in
// clauses of 5-40 words ended by '，' or '。', one to four clauses a line. Deterministic.
//
// Why: bench/make-corpus varies data/'s dumps, so its Chinese is data/'s 141 runs again and again,
// and a cache of any kind looks better on it than on real text. This text has ~14,600 distinct
// characters and words no sample has; docs/performance.md ("Round 5: Chinese words") used it to
// judge a memo and to check that the dictionary walk scans it byte-identically to ICU's iterator.
//
// usage: build/bench/make_cjdict_text 2000000 > /tmp/zhd.txt
#include <unicode/ucharstrie.h>
#include <unicode/udata.h>
#include <unicode/unistr.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s BYTES > text.txt\n", argv[0]);
    return 2;
  }
  const long target = std::atol(argv[1]);
  UErrorCode status = U_ZERO_ERROR;
  UDataMemory* data = udata_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "dict", "cjdict", &status);
  if (U_FAILURE(status)) {
    std::fprintf(stderr, "cannot open ICU's cjdict: %s\n", u_errorName(status));
    return 1;
  }
  const auto* indexes = static_cast<const std::int32_t*>(udata_getMemory(data));
  const auto* trie = reinterpret_cast<const char16_t*>(reinterpret_cast<const char*>(indexes) + indexes[0]);
  icu::UCharsTrie::Iterator it(trie, 0, status);
  std::vector<std::string> words;
  std::vector<double> weights;
  while (it.next(status)) {
    const icu::UnicodeString& word = it.getString();
    bool handled = true;  // only the blocks the dictionary walk takes (the rest goes to ICU anyway)
    for (int32_t i = 0; i < word.length(); ++i) {
      const char16_t c = word.charAt(i);
      handled &= (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
    }
    if (!handled) continue;
    std::string utf8;
    word.toUTF8String(utf8);
    words.push_back(utf8);
    weights.push_back(std::exp(-it.getValue() / 20.0));
  }
  std::mt19937_64 rng(42);
  std::discrete_distribution<std::size_t> pick(weights.begin(), weights.end());
  std::uniform_int_distribution<int> clause_words(5, 40);
  long written = 0;
  std::string line;
  while (written < target) {
    line.clear();
    const int clauses = 1 + static_cast<int>(rng() % 4);
    for (int c = 0; c < clauses; ++c) {
      for (int k = clause_words(rng); k > 0; --k) line += words[pick(rng)];
      line += c + 1 < clauses ? "，" : "。";
    }
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stdout);
    written += static_cast<long>(line.size());
  }
  udata_close(data);
  return 0;
}
