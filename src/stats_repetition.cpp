// Gopher's repetition measures (Rae et al. 2021, A.1.1, table A1), with Chinese measured by
// characters: a token is an English word or one CJK character.
//
// Speed: n-grams are never built as strings, nor hashed. Counting goes level by level (n = 1, 2,
// ..., 10) and only n-grams that can repeat are counted: an n-gram occurs twice only if both
// (n-1)-grams inside it do, so level n counts just the positions where the (n-1)-grams at i and
// i+1 both repeated. Ordinary prose leaves few such positions after n = 3.
//
// Identity of an n-gram: level 1 counts the 64-bit token hashes in the count table, whose slot
// is then a name for the token, unique within the level. The n-gram at i (n >= 2) is the pair
// of the (n-1)-grams at i and i+1 (they overlap in n-2 tokens and together spell it), so its key
// is the pair of their level-(n-1) slots, packed into 64 bits. By induction two n-grams get the
// same key exactly when their token hashes are equal in order (save token hashes 0 and 1, which
// the table stores alike): the classes a hash of the token sequence would give, without its
// collisions, for two loads the kept list already has. tests/unit/stats_repetition_test.cpp
// holds the measures to a reference that counts each n-gram as its sequence of token hashes.
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "stats_internal.hpp"

namespace corpus_scan::stats_detail {

namespace {

constexpr std::size_t kMaxN = 10;
constexpr std::uint32_t kNotCounted = std::numeric_limits<std::uint32_t>::max();

struct Scratch {
  std::vector<std::uint64_t> prefix_chars;  // prefix_chars[k] = chars of tokens [0, k)
  std::vector<std::uint32_t> positions;     // at level n: the positions counted (ascending)
  std::vector<std::uint32_t> slot;          // their count-table slots
  std::vector<std::uint64_t> next_keys;     // the keys of level n + 1's candidates
  CountTable table;
};

template <class T>
void grow_to(std::vector<T>& v, std::size_t n) {
  if (v.size() < n) v.resize(n);
}

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

// Occurrences after the first of each key: how many, and how many characters they hold.
struct Duplicates {
  std::uint64_t items = 0;
  std::uint64_t chars = 0;
};

Duplicates find_duplicates(const std::vector<LineKey>& items, CountTable& table) {
  Duplicates d;
  table.reset(items.size());
  for (const LineKey& k : items) {
    if (table.count_at(table.add(k.hash)) > 1) {
      ++d.items;
      d.chars += k.chars;
    }
  }
  return d;
}

double frac(double num, double den) { return den > 0 ? num / den : 0.0; }

// Characters of the tokens covered by the n-grams at sc.positions[k] (k < count) that `chosen`
// picks, each token counted once however many of those n-grams overlap it.
template <class Chosen>
double covered_chars(const Scratch& sc, std::size_t count, std::size_t n, Chosen chosen) {
  std::uint64_t covered = 0;
  std::size_t covered_until = 0;  // tokens before this index are already counted
  for (std::size_t k = 0; k < count; ++k) {
    if (!chosen(k)) continue;
    const std::size_t i = sc.positions[k];
    const std::size_t from = std::max(i, covered_until);
    covered += sc.prefix_chars[i + n] - sc.prefix_chars[from];
    covered_until = i + n;
  }
  return double(covered);
}

}  // namespace

void measure_repetition(const TokenStream& tokens, const std::vector<LineKey>& lines,
                        const std::vector<LineKey>& paragraphs, ArticleStats& stats) {
  Scratch& sc = scratch();
  RepetitionStats& r = stats.repetition;

  const Duplicates dup_lines = find_duplicates(lines, sc.table);
  r.dup_line_frac = frac(dup_lines.items, lines.size());
  r.dup_line_char_frac = frac(dup_lines.chars, stats.chars);
  const Duplicates dup_paras = find_duplicates(paragraphs, sc.table);
  r.dup_para_frac = frac(dup_paras.items, paragraphs.size());
  r.dup_para_char_frac = frac(dup_paras.chars, stats.chars);

  const std::size_t t = tokens.hash.size();
  if (t == 0) return;
  // The buffers only grow: resizing down and up again per article would zero them each time.
  grow_to(sc.prefix_chars, t + 1);
  sc.prefix_chars[0] = 0;
  for (std::size_t k = 0; k < t; ++k) sc.prefix_chars[k + 1] = sc.prefix_chars[k] + tokens.chars[k];
  const double token_chars = double(sc.prefix_chars[t]);
  // Positions are kept as compact lists (built without branches: the flags are unpredictable),
  // so each level touches only its candidates: all positions for unigrams, then few.
  grow_to(sc.positions, t);
  grow_to(sc.slot, t);
  grow_to(sc.next_keys, t);
  for (std::size_t i = 0; i < t; ++i) sc.positions[i] = static_cast<std::uint32_t>(i);
  std::size_t candidates = t;
  const std::uint64_t* keys = tokens.hash.data();  // level 1: the tokens themselves

  for (std::size_t n = 1; n <= kMaxN && n <= t && candidates > 0; ++n) {
    std::uint32_t* pos = sc.positions.data();
    std::uint32_t* slot = sc.slot.data();
    sc.table.reset(candidates);
    sc.table.add_each(candidates, [keys](std::size_t k) { return keys[k]; }, slot);
    // Keep the positions whose n-gram repeats. Every such position is a candidate (its two
    // (n-1)-grams repeat too), so the kept list is exactly the repeating n-grams, in order.
    std::size_t kept = 0;
    for (std::size_t k = 0; k < candidates; ++k) {
      const bool rep = sc.table.count_at(slot[k]) >= 2;
      pos[kept] = pos[k];
      slot[kept] = slot[k];
      kept += rep;
    }

    if (n == 1) {
      // Type-token ratio and entropy come from the unigram counts: H = ln N - (1/N) sum c ln c.
      stats.distinct_tokens = sc.table.distinct();
      // Only repeating tokens add to the sum (1 ln 1 = 0): they are the kept positions. Each
      // type is taken at its first kept position and its count then cleared, so later positions
      // of the same type add c ln c = 0. Walking the table's capacity instead (2-4 slots per
      // token) cost more than all the rest of this level. c ln c comes from a table for small c,
      // with no branch on whether the type was seen already (adding 0.0 changes nothing).
      static const std::array<double, 256> kCLnC = [] {
        std::array<double, 256> t{};
        for (std::uint32_t c = 2; c < t.size(); ++c) t[c] = c * std::log(double(c));
        return t;
      }();
      double sum_c_ln_c = 0;
      for (std::size_t k = 0; k < kept; ++k) {
        const std::uint32_t c = sc.table.take_count(slot[k]);
        sum_c_ln_c += c < kCLnC.size() ? kCLnC[c] : c * std::log(double(c));
      }
      stats.unigram_entropy = std::log(double(t)) - sum_c_ln_c / double(t);
    } else if (n <= 4 && kept > 0) {
      // The most frequent n-gram (ties: the one that occurs first), and the characters its
      // occurrences cover (overlapping occurrences, "x y x y x", count once).
      std::uint32_t best_count = 0, best_slot = kNotCounted;
      for (std::size_t k = 0; k < kept; ++k) {
        const std::uint32_t c = sc.table.count_at(slot[k]);
        if (c > best_count) {
          best_count = c;
          best_slot = slot[k];
        }
      }
      r.top_ngram_char_frac[n - 2] =
          covered_chars(sc, kept, n, [&](std::size_t k) { return slot[k] == best_slot; }) / token_chars;
    } else if (n >= 5) {
      // Characters covered by any repeated n-gram, each character counted once.
      r.dup_ngram_char_frac[n - 5] = covered_chars(sc, kept, n, [](std::size_t) { return true; }) / token_chars;
    }
    // Next level: an (n+1)-gram at i can repeat only if the n-grams at i and i+1 both do, that
    // is when i + 1 follows i in the kept list (i + 1 < m holds then: it is an n-gram position).
    // Its key is the pair of their slots; the first is offset by one so that no key is 0, which
    // the table would store as the pair (0, 1).
    std::uint64_t* next_key = sc.next_keys.data();
    candidates = 0;
    for (std::size_t k = 0; k + 1 < kept; ++k) {
      pos[candidates] = pos[k];
      next_key[candidates] = (std::uint64_t(slot[k]) + 1) << 32 | slot[k + 1];
      candidates += pos[k + 1] == pos[k] + 1;
    }
    keys = next_key;
  }
}

}  // namespace corpus_scan::stats_detail
