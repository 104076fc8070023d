// Pieces shared by the stats_*.cpp files and nothing else: the code point class table, the
// hashes, the count table used for duplicate lines, paragraphs and n-grams, and the sentence
// scanner. Not a public header: the names here may change with the implementation.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

#include "corpus_scan/stats.hpp"

namespace corpus_scan::stats_detail {

// ---- Code point classes ----------------------------------------------------------------------

// Bits of a code point's class. Built once from ICU properties (CharClassTable), so the hot loop
// is one table load per character and no ICU call.
enum : std::uint16_t {
  kWordChar = 1 << 0,   // part of an English-style word: Alphabetic, Nd or a combining mark, not CJK
  kUpper = 1 << 1,      // Uppercase
  kDigit = 1 << 2,      // general category Nd
  kPunct = 1 << 3,      // general category P*
  kSpace = 1 << 4,      // White_Space
  kHan = 1 << 5,        // a Han ideograph (text.hpp is_cjk_ideograph): counted as cjk_chars
  kCjkToken = 1 << 6,   // Han, kana, hangul, bopomofo: every character is its own token
  kLatin = 1 << 7,      // an Alphabetic character of the Latin script
  kLetter = 1 << 8,     // Alphabetic (any script, CJK included)
  kBlankish = 1 << 9,   // horizontal space or invisible (text.hpp is_blank): does not make a line non-blank
  kSymbolMark = 1 << 10, // '.', '#' or U+2026: the characters the ellipsis and hash counts look at
  kSbShift = 12,        // bits 12..15: the Sentence_Break property (ICU's USentenceBreak, 0..14)
};

// Sentence_Break values, as ICU numbers them (uchar.h USentenceBreak).
enum SentenceBreak : std::uint8_t {
  kSbOther = 0, kSbATerm = 1, kSbClose = 2, kSbFormat = 3, kSbLower = 4, kSbNumeric = 5,
  kSbOLetter = 6, kSbSep = 7, kSbSp = 8, kSbSTerm = 9, kSbUpper = 10, kSbCR = 11, kSbExtend = 12,
  kSbLF = 13, kSbSContinue = 14,
};

std::uint16_t compute_char_class(char32_t cp);

// No class has bit 11 set: it marks a table entry not yet computed.
constexpr std::uint16_t kClassUnknown = 1 << 11;
static_assert(kSymbolMark < kClassUnknown && (1 << kSbShift) > kClassUnknown, "bit 11 is free");

// Classes of the BMP. Blocks of 256 code points are computed from ICU the first time one of
// their code points is looked up (all 65,536 at once took ~28M instructions, 10 ms: most of a
// run over one small file), so the table must be read through char_class(). U+0000-U+00FF are
// filled before the pointer is returned, so hot loops may index it directly with a byte.
const std::uint16_t* bmp_char_classes();

// Fills the block holding `cp` (threads may race to fill the same block: they write the same
// values) and returns cp's class.
std::uint16_t fill_char_class_block(char32_t cp);

inline std::uint16_t char_class(const std::uint16_t* bmp, char32_t cp) {
  if (cp >= 0x10000) return compute_char_class(cp);
  // A relaxed atomic load is a plain load on every target we build for; it makes reading an
  // entry another thread is filling well-defined.
  const std::uint16_t cls = __atomic_load_n(&bmp[cp], __ATOMIC_RELAXED);
  return cls != kClassUnknown ? cls : fill_char_class_block(cp);
}
inline SentenceBreak sentence_break(std::uint16_t cls) { return static_cast<SentenceBreak>(cls >> kSbShift); }

// ---- Hashing ---------------------------------------------------------------------------------

// splitmix64's finalizer: a bijective mix, so distinct inputs stay distinct.
inline std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// A 64-bit hash of bytes, eight at a time. Used for lines (duplicate lines, the text hash).
inline std::uint64_t hash_bytes(std::string_view s) {
  std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ (s.size() * 0xff51afd7ed558ccdULL);
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ mix64(w)) * 0x9fb21c651e98df25ULL;
  }
  // The bytes after the last full word, first byte lowest, zero above. From eight bytes on they
  // are the top of the last eight, shifted down: a copy of a variable size was a libc call (and
  // its size dispatch mispredicted) for every line.
  const std::size_t rest = s.size() - i;
  std::uint64_t tail = 0;
  if (s.size() >= 8) {
    std::uint64_t last;
    std::memcpy(&last, s.data() + s.size() - 8, 8);
    tail = rest == 0 ? 0 : last >> (64 - 8 * rest);
  } else {
    std::memcpy(&tail, s.data(), rest);
  }
  return mix64(h ^ mix64(tail + s.size()));
}

// Folds one more hash into an ordered sequence hash (paragraph = its lines, text = its lines).
inline std::uint64_t fold_hash(std::uint64_t seq, std::uint64_t item) {
  return mix64(seq * 0x9fb21c651e98df25ULL + item);
}

// ---- Count table -----------------------------------------------------------------------------

// Open-addressing table from 64-bit keys to a count, sized for a known number of inserts and
// reused between articles (its storage only grows), so counting allocates nothing per article.
// Each slot carries the generation it was filled in: reset() starts a new generation instead of
// clearing the slots, so it costs O(1) however large the last article was.
class CountTable {
 public:
  struct Slot {
    std::uint64_t key;  // any value, 0 too: the generation alone says whether the slot is empty
    std::uint32_t count;
    std::uint32_t generation;  // the slot is empty unless this is the table's generation
  };

  // Prepares for up to n inserts.
  void reset(std::size_t n) {
    // The power of two >= 2n, at least 16, without a loop whose exit is mispredicted per reset.
    const std::size_t cap = std::bit_ceil(std::max<std::size_t>(16, 2 * n));
    if (slots_.size() < cap) slots_.resize(cap);  // new slots hold generation 0: empty
    if (++generation_ == 0) {  // wrapped around: clear for real, once per 2^32 resets
      std::memset(static_cast<void*>(slots_.data()), 0, slots_.size() * sizeof(Slot));
      generation_ = 1;
    }
    mask_ = cap - 1;
    shift_ = 64 - std::countr_zero(cap);
    distinct_ = 0;
  }

  // Counts one occurrence of key; returns the slot's index (stable until the next reset).
  std::uint32_t add(std::uint64_t key) {
    std::uint32_t slot;
    add_each(1, [key](std::size_t) { return key; }, &slot);
    return slot;
  }

  // Counts key_of(0), ..., key_of(n - 1) in order and writes each one's slot to slots[k]. The
  // table's fields live in locals for the loop: a slot's key and generation have the types of
  // the table's own fields, so stores through a slot would otherwise make the compiler reload
  // and store them per insert, a chain through memory from one insert to the next.
  template <class KeyOf>
  void add_each(std::size_t n, KeyOf key_of, std::uint32_t* slots) {
    Slot* const table = slots_.data();
    const std::uint32_t generation = generation_;
    const std::size_t mask = mask_;
    const int shift = shift_;
    std::size_t seen_before = 0;  // inserts of a key already there; the others are new keys
    for (std::size_t k = 0; k < n; ++k) {
      const std::uint64_t key = key_of(k);
      // Fibonacci hashing: the top bits of one multiplication. Token hashes are mixed already
      // and n-gram keys are pairs of slots (distinct small numbers in both halves, which the
      // multiplication spreads over the top bits), so a full mix64 per insert would buy nothing.
      std::size_t i = (key * 0x9E3779B97F4A7C15ULL) >> shift;
      for (;;) {
        Slot& s = table[i];
        // "A new key" and "a key seen before" are equally likely and unpredictable, so they
        // share one path with no branch between them: the count is kept or restarted by a mask
        // and the slot rewritten either way. Written as integer arithmetic because GCC turned
        // the plain boolean form back into two branches (each mispredicted half the time: ~20
        // cycles an insert). The one branch left, a collision (probe on), is rare at a load
        // factor of at most one half. The collision test is the key's bits masked by "seen", one
        // mask for the count and the distinct keys too: 27 instructions an insert, where
        // "~seen | key equal" as two 0/-1 masks took 31 (and "seen & key unequal" as 0/1 values
        // was split into two branches again, 120K more mispredicts on /tmp/pc8).
        const std::uint64_t seen = 0 - static_cast<std::uint64_t>(s.generation == generation);  // all ones or 0
        const std::uint64_t collision = (s.key ^ key) & seen;  // not 0: another key of this generation
        if (__builtin_expect(collision == 0, 1)) {
          s.key = key;
          s.count = (s.count & static_cast<std::uint32_t>(seen)) + 1;
          s.generation = generation;
          seen_before -= seen;  // + 1 or 0
          slots[k] = static_cast<std::uint32_t>(i);
          break;
        }
        i = (i + 1) & mask;
      }
    }
    distinct_ += n - seen_before;
  }

  std::uint32_t count_at(std::uint32_t slot) const { return slots_[slot].count; }
  std::size_t distinct() const { return distinct_; }
  std::size_t capacity() const { return mask_ + 1; }
  // Returns the count in a slot add() returned, and sets it to 0: for sums that must take each
  // key once while walking the slots of all its occurrences.
  std::uint32_t take_count(std::uint32_t slot) { return std::exchange(slots_[slot].count, 0); }
  // For measure_repetition only (it rewrites keys, valid until the next reset()).
  // Pairs the two occurrences of a key counted exactly twice, once the adds are done: called with
  // its slot at each occurrence in turn, the first call stores `pos` in the slot in place of the
  // key (no lookup follows before the next reset) and lowers the count to 1; the second call
  // returns that `pos` and `second` true, leaving the count at 1, which callers read as "paired"
  // (a count of 3 or more is a key that goes on). A key counted three times or more is left
  // alone (`second` false), so callers need not branch. Only for slots counted twice or more: on
  // a slot counted once the first call would already answer `second` true, with the key.
  struct Pairing {
    std::uint64_t first_pos;  // meaningful when `second`
    bool second;
  };
  Pairing pair_up(std::uint32_t slot, std::uint64_t pos) {
    Slot& s = slots_[slot];
    const std::uint32_t count = s.count;
    const std::uint64_t first = 0 - static_cast<std::uint64_t>(count == 2);  // all ones or 0
    const std::uint64_t other = s.key;
    s.key = (pos & first) | (other & ~first);
    s.count = count - (count == 2);
    return {other, count == 1};
  }

 private:
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  int shift_ = 64;
  std::size_t distinct_ = 0;
  std::uint32_t generation_ = 0;
};

// ---- Sentences -------------------------------------------------------------------------------

// Where the sentence scanner has work in a line: the positions of the terminators (ATerm, STerm)
// and of the classes it leaves to ICU (Extend, Format, Sep, CR, LF). Everything between them is
// skipped, so the text pass notes them as it classifies each character and the scanner never
// reads the ordinary ones.
struct SentenceMarks {
  static constexpr std::uint16_t kMarked = (1u << kSbATerm) | (1u << kSbSTerm) | (1u << kSbExtend) |
                                           (1u << kSbFormat) | (1u << kSbSep) | (1u << kSbCR) | (1u << kSbLF);
  // at[0..count): ascending code point indices. start_line() gives it a slot per byte of the line
  // (a line has no more characters than bytes), so note() writes every index and only keeps it
  // when it is marked: whether a character is a terminator is unpredictable, and a push_back
  // behind that test mispredicted.
  std::vector<std::size_t> at;
  std::size_t count = 0;
  bool any_not_space = false;     // a class other than Sp occurs

  // Starts a line of `bytes` bytes.
  void start_line(std::size_t bytes) {
    if (at.size() < bytes) at.resize(bytes);
    count = 0;
    any_not_space = false;
  }
  // The code point at `index` has Sentence_Break class `sb` (0..15).
  void note(std::uint8_t sb, std::size_t index) {
    any_not_space |= sb != kSbSp;
    at[count] = index;
    count += (kMarked >> sb) & 1;
  }
};

// Counts the sentences of one line (no line terminator inside) from the Sentence_Break classes
// of its code points, applying Unicode's sentence rules SB6-SB11 (UAX #29) as ICU does.
// Returns -1 when the line holds a class the scanner does not handle (Extend, Format, a paragraph
// separator), so the caller asks ICU. A line without a non-space character has 0 sentences.
// `marks` must hold what SentenceMarks::note() notes of classes[0..n).
int count_sentences_marked(const std::uint8_t* classes, std::size_t n, const SentenceMarks& marks);

// The same, noting the marks itself.
int count_sentences_scanned(const std::uint8_t* classes, std::size_t n);

// ICU's sentence BreakIterator over one line of UTF-8: the number of segments holding a
// character that is not white space. One iterator per thread, created on first use.
std::size_t count_sentences_icu(std::string_view line);

// ICU's dictionary word segmentation of a run of CJK characters: the number of words.
// count_cjk_words reads ICU's dictionary itself for runs of common Han ideographs and asks the
// break iterator (count_cjk_words_icu) for the rest; the two agree (stats_cjk_words.cpp says why).
std::size_t count_cjk_words(std::string_view run);
std::size_t count_cjk_words_icu(std::string_view run);
// The dictionary path alone: -1 when it does not handle the run (or ICU's data is not as expected).
std::ptrdiff_t count_cjk_words_from_dictionary(std::string_view run);

// ---- What the text pass hands to the token-level families ------------------------------------

struct LineKey {
  std::uint64_t hash;   // of the trimmed line, or of a paragraph's line hashes in order
  std::uint64_t chars;  // code points
};

struct TokenStream {
  std::vector<std::uint64_t> hash;   // one per token: an English word (lowercased) or a CJK character
  std::vector<std::uint32_t> chars;  // code points of each token
};

// The text pass alone over `text` (what compute_stats counts before the token-level families), for
// tests. With `fast_words` false it leaves every word to its general loop, so a test can check
// that the loop for runs of short ASCII words (scan_ascii_words) changes nothing.
struct TextPassResult {
  ArticleStats stats;
  TokenStream tokens;
  std::vector<LineKey> lines, paragraphs;
  std::uint64_t text_hash = 0;
};
TextPassResult run_text_pass(std::string_view text, bool fast_words);

// Fills stats.repetition and stats.distinct_tokens / unigram_entropy. `lines` are the non-blank
// lines, `paragraphs` the paragraphs; stats.chars must already be counted.
void measure_repetition(const TokenStream& tokens, const std::vector<LineKey>& lines,
                        const std::vector<LineKey>& paragraphs, ArticleStats& stats);

// The exact-text hash (already folded from the line hashes) and the SimHash of the tokens.
Fingerprint fingerprint_tokens(const TokenStream& tokens, std::uint64_t text_hash);

}  // namespace corpus_scan::stats_detail
