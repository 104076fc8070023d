// Gopher's repetition measures (Rae et al. 2021, A.1.1, table A1), with Chinese measured by
// characters: a token is an English word or one CJK character.
//
// Speed: n-grams are never built as strings, nor hashed. Counting goes level by level (n = 1, 2,
// ..., 10) and only n-grams that can repeat are counted: an n-gram occurs twice only if both
// (n-1)-grams inside it do, so level n counts just the positions where the (n-1)-grams at i and
// i+1 both repeated. Ordinary prose leaves few such positions after n = 3.
//
// Levels 5..10 need only whether an n-gram repeats, not how often. From level 4 on (the last whose
// counts matter: the top 4-gram), an n-gram seen exactly twice, at p and q, can only ever repeat
// longer between p and q, so it is settled for every level at once by comparing the tokens after
// its two occurrences, and leaves the table: about three quarters of the positions kept at level
// 4 on /tmp/pc8 (342K inserts instead of 405K). Long loops see every n-gram many times: until a
// level has an n-gram seen twice, nothing is settled and coverage comes from the kept lists.
//
// Identity of an n-gram: level 1 counts the 64-bit token hashes in the count table, whose slot
// is then a name for the token, unique within the level. The n-gram at i (n >= 2) is the pair
// of the (n-1)-grams at i and i+1 (they overlap in n-2 tokens and together spell it), so its key
// is the pair of their level-(n-1) slots, packed into 64 bits. By induction two n-grams get the
// same key exactly when their token hashes are equal in order: the classes a hash of the token
// sequence would give, without its collisions, from two slots the kept list already holds.
// tests/unit/stats_repetition_test.cpp holds the measures to a reference that counts each n-gram
// as its sequence of token hashes.
#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>
#include <type_traits>

#include "byte_blocks.hpp"

#include "stats_internal.hpp"

namespace corpus_scan::stats_detail {

namespace {

constexpr std::size_t kMaxN = 10;
constexpr std::uint32_t kNotCounted = std::numeric_limits<std::uint32_t>::max();
// The first level whose n-grams seen exactly twice are settled by comparing tokens: the last that
// needs counts (the most frequent 4-gram); settling changes only the levels after it.
constexpr std::size_t kSettleFrom = 4;

struct Scratch {
  std::vector<std::uint64_t> prefix_chars;  // prefix_chars[k] = chars of tokens [0, k)
  std::vector<std::uint32_t> positions;     // at level n: the positions counted (ascending)
  std::vector<std::uint32_t> slot;          // their count-table slots
  std::vector<std::uint64_t> next_keys;     // the keys of level n + 1's candidates
  std::vector<std::uint8_t> longest;        // by position (those in repeats): the longest n that repeats
  std::vector<std::uint32_t> repeats;       // the kept positions of the first level that settled pairs
  std::vector<std::uint32_t> pair_first, pair_second;  // n-grams seen twice: both positions
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

// How many of the tokens from p and from q (p < q) are equal in order, up to kMaxN, given that
// the first kSettleFrom are. The 6 after them are compared as 48 bytes at once where q has 10
// tokens left: where two occurrences first differ is unpredictable, so a loop's exit would be
// mispredicted.
std::size_t equal_run(const std::uint64_t* hash, std::size_t p, std::size_t q, std::size_t t) {
  static_assert(kMaxN == kSettleFrom + 6, "three 16-byte compares");
  if (q + kMaxN <= t) {
    const auto* a = reinterpret_cast<const unsigned char*>(hash + p + kSettleFrom);
    const auto* b = reinterpret_cast<const unsigned char*>(hash + q + kSettleFrom);
    using blocks::bits16;
    using blocks::load;
    const std::uint64_t same = bits16(load(a) == load(b)) | bits16(load(a + 16) == load(b + 16)) << 16 |
                               bits16(load(a + 32) == load(b + 32)) << 32;  // a bit per equal byte
    return kSettleFrom + std::countr_one(same) / 8;  // whole tokens before the first unequal byte
  }
  std::size_t len = kSettleFrom;
  while (q + len < t && hash[p + len] == hash[q + len]) ++len;
  return len;
}

// For the n-grams at sc.positions[0..kept) seen exactly twice, sets sc.longest at both
// occurrences. Such an n-gram, at p < q, is seen at no other position for any longer n-gram
// either: the (n+j)-gram at p repeats exactly when the j tokens after the two occurrences are
// equal. The pairs are found in one pass (pair_up pairs the two calls on a slot counted twice)
// and compared in another, both without branches.
void settle_pairs(Scratch& sc, std::size_t kept, const std::uint64_t* hash, std::size_t t) {
  grow_to(sc.pair_first, kept / 2 + 1);  // a pair per second occurrence: at most kept / 2
  grow_to(sc.pair_second, kept / 2 + 1);
  const std::uint32_t* pos = sc.positions.data();
  const std::uint32_t* slot = sc.slot.data();
  std::uint32_t* pair_first = sc.pair_first.data();
  std::uint32_t* pair_second = sc.pair_second.data();
  std::size_t pairs = 0;
  for (std::size_t k = 0; k < kept; ++k) {
    const CountTable::Pairing pairing = sc.table.pair_up(slot[k], pos[k]);
    pair_first[pairs] = static_cast<std::uint32_t>(pairing.first_pos);
    pair_second[pairs] = pos[k];
    pairs += pairing.second;
  }
  std::uint8_t* longest = sc.longest.data();
  for (std::size_t k = 0; k < pairs; ++k) {
    const std::size_t p = pair_first[k], q = pair_second[k];
    longest[p] = longest[q] = static_cast<std::uint8_t>(equal_run(hash, p, q, t));
  }
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
  // so each level touches only its candidates: all positions for unigrams (not listed), then few.
  grow_to(sc.positions, t);
  grow_to(sc.slot, t);
  grow_to(sc.next_keys, t);
  std::size_t candidates = t;
  std::size_t settled_from = 0;  // the first level that settled n-grams seen twice (0: none yet)
  std::size_t repeats = 0;       // that level's kept positions, in sc.repeats
  const std::uint64_t* keys = tokens.hash.data();  // level 1: the tokens themselves
  const std::uint64_t* hash = tokens.hash.data();

  for (std::size_t n = 1; n <= kMaxN && n <= t && candidates > 0; ++n) {
    std::uint32_t* pos = sc.positions.data();
    std::uint32_t* slot = sc.slot.data();
    sc.table.reset(candidates);
    sc.table.add_each(candidates, [keys](std::size_t k) { return keys[k]; }, slot);
    // Keep the positions whose n-gram repeats. Every such position is a candidate (its two
    // (n-1)-grams repeat too), so the kept list is exactly the repeating n-grams, in order.
    // From level kSettleFrom on, an n-gram seen exactly twice is settled for every higher level
    // by comparing its two occurrences (below), so only those seen three times or more go on.
    const bool settling = n >= kSettleFrom;
    std::size_t kept = 0;
    std::size_t twice = 0;  // kept positions whose n-gram is seen exactly twice (when settling)
    // Levels 2..4: the most frequent n-gram (ties: the one that occurs first), found on the way.
    std::uint32_t best_count = 1, best_slot = kNotCounted;
    const auto keep = [&](auto position_of, auto count_twice, auto find_best) {
      for (std::size_t k = 0; k < candidates; ++k) {
        pos[kept] = position_of(k);
        slot[kept] = slot[k];
        const std::uint32_t c = sc.table.count_at(slot[k]);
        kept += c >= 2;
        if constexpr (decltype(count_twice)::value) twice += c == 2;
        if constexpr (decltype(find_best)::value) {
          if (c > best_count) {
            best_count = c;
            best_slot = slot[k];
          }
        }
      }
    };
    const auto listed = [pos](std::size_t k) { return pos[k]; };
    if (n == 1) {  // level 1's candidates are all positions, so k is the position: no list
      keep([](std::size_t k) { return static_cast<std::uint32_t>(k); }, std::false_type{}, std::false_type{});
    } else if (!settling) {
      keep(listed, std::false_type{}, std::true_type{});
    } else if (n <= 4) {
      keep(listed, std::true_type{}, std::true_type{});
    } else {
      keep(listed, std::true_type{}, std::false_type{});
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
      // The characters the most frequent n-gram's occurrences cover (overlapping occurrences,
      // "x y x y x", count once).
      r.top_ngram_char_frac[n - 2] =
          covered_chars(sc, kept, n, [&](std::size_t k) { return slot[k] == best_slot; }) / token_chars;
    } else if (n >= 5 && settled_from == 0) {
      // Nothing settled yet (long loops see every n-gram many times), so the kept list holds
      // every repeated n-gram: the characters they cover, each character counted once.
      r.dup_ngram_char_frac[n - 5] = covered_chars(sc, kept, n, [](std::size_t) { return true; }) / token_chars;
    }
    if (settling && (settled_from != 0 || twice > 0)) {
      if (settled_from == 0) {  // every position whose longer n-grams repeat is kept here
        settled_from = n;
        grow_to(sc.repeats, kept);
        std::copy(pos, pos + kept, sc.repeats.begin());
        repeats = kept;
        grow_to(sc.longest, t);
      }
      // longest[i]: the largest level <= 10 whose n-gram at i repeats.
      std::uint8_t* longest = sc.longest.data();
      for (std::size_t k = 0; k < kept; ++k) longest[pos[k]] = static_cast<std::uint8_t>(n);
      if (twice > 0) settle_pairs(sc, kept, hash, t);
    }
    // Next level: an (n+1)-gram at i can repeat only if the n-grams at i and i+1 both do, that
    // is when i + 1 follows i in the kept list (then i + 1 is itself the start of an n-gram, so
    // the (n+1)-gram at i fits in the stream), and is left to the table only if the n-gram at i
    // goes on (seen three times or more, when this level settled pairs: pair_up left a count of 1
    // on pairs). Its key is the pair of their slots.
    std::uint64_t* next_key = sc.next_keys.data();
    const bool pairs_settled = twice > 0;
    candidates = 0;
    for (std::size_t k = 0; k + 1 < kept; ++k) {
      pos[candidates] = pos[k];
      next_key[candidates] = std::uint64_t(slot[k]) << 32 | slot[k + 1];
      candidates += (pos[k + 1] == pos[k] + 1) & (!pairs_settled || sc.table.count_at(slot[k]) >= 3);
    }
    keys = next_key;
  }

  // The levels after the first that settled pairs: the characters covered by any repeated
  // n-gram, each character counted once. Every position whose longer n-grams repeat is in that
  // level's kept list, in order, with its longest; each level keeps those of the level before
  // whose n-gram still repeats.
  if (settled_from != 0) {
    std::uint32_t* pos = sc.positions.data();
    std::copy_n(sc.repeats.begin(), repeats, pos);
    std::size_t count = repeats;
    const std::uint8_t* longest = sc.longest.data();
    for (std::size_t n = std::max<std::size_t>(5, settled_from + 1); n <= kMaxN; ++n) {
      std::size_t kept = 0;
      for (std::size_t k = 0; k < count; ++k) {
        pos[kept] = pos[k];
        kept += longest[pos[k]] >= n;
      }
      count = kept;
      r.dup_ngram_char_frac[n - 5] = covered_chars(sc, count, n, [](std::size_t) { return true; }) / token_chars;
    }
  }
}

}  // namespace corpus_scan::stats_detail
