// Features of every line, computed in one pass over the text: trimmed content, length, indent,
// the cue the line carries, how title-like it is; and, only when lexical cohesion will be asked
// (a dump without separators), its content tokens (hashed English words and Han characters). No
// allocation per line: tokens go into one vector.
#include <algorithm>
#include <array>
#include <cstring>

#include "byte_blocks.hpp"
#include "splitter_internal.hpp"

namespace corpus_scan::splitting {

namespace {

// Hash of an English word (letters and apostrophes), case-folded: bytes are gathered eight at a
// time with 0x20 or-ed in (lower case for letters, no change for the apostrophe) and mixed with
// one multiplication per chunk, so there is no per-byte dependency chain. The word is [p, p + len)
// of a buffer readable up to `readable` (past the word's line when the line is part of a larger
// text: the bytes past the word are masked off). Words of up to 16 bytes with 16 bytes to read
// (nearly all) take one path without a branch on their length: both chunks are hashed and the
// second kept only for a word longer than 8 bytes (a branch on that mispredicted at every long
// word). Longer words, and words in the last 16 bytes of the buffer, take the general loop.
constexpr std::uint64_t kWordSeed = 0x9E3779B97F4A7C15ull;
constexpr std::uint64_t word_mix(std::uint64_t h, std::uint64_t v) {
  h = (h ^ v) * 0xFF51AFD7ED558CCDull;
  return h ^ (h >> 29);
}
constexpr std::uint32_t word_finish(std::uint64_t h) {  // as MurmurHash3's fmix64: every bit of every chunk counts
  h *= 0xC4CEB9FE1A85EC53ull;
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}
// The low k bytes of a chunk, k = 0..8.
constexpr std::uint64_t keep_bytes(std::size_t k) { return k >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * k)) - 1; }
// What a word of up to 16 bytes needs from its length, read from one table row: the masks of its
// two chunks (the shifts cost four instructions a word), whether the second chunk counts (a
// compare and a negation a word) and the seed (a multiplication).
struct WordChunks {
  std::uint64_t first, second, longer, seed;
};
constexpr auto kWordChunks = [] {
  std::array<WordChunks, 17> m{};  // [len]
  for (std::size_t len = 0; len <= 16; ++len)
    m[len] = {keep_bytes(len), keep_bytes(len > 8 ? len - 8 : 0), len > 8 ? ~std::uint64_t{0} : 0, len * kWordSeed};
  return m;
}();
inline std::uint64_t load_folded(const unsigned char* at) {
  std::uint64_t v;
  std::memcpy(&v, at, 8);
  return v | 0x2020202020202020ull;
}

inline std::uint32_t word_hash(const unsigned char* p, std::size_t len, const unsigned char* readable) {
  if (len <= 16 && readable - p >= 16) {
    const WordChunks& c = kWordChunks[len];
    const std::uint64_t one = word_mix(c.seed, load_folded(p) & c.first);
    const std::uint64_t two = word_mix(one, load_folded(p + 8) & c.second);
    return word_finish(one ^ ((one ^ two) & c.longer));  // (a select, not a branch)
  }
  std::uint64_t h = len * kWordSeed;
  while (len > 0) {
    const std::size_t n = len < 8 ? len : 8;
    std::uint64_t v = 0;
    if (readable - p >= 8) v = load_folded(p) & keep_bytes(n);
    else
      for (std::size_t j = 0; j < n; ++j) v |= static_cast<std::uint64_t>(p[j] | 0x20) << (8 * j);
    h = word_mix(h, v);
    p += n;
    len -= n;
  }
  return word_finish(h);
}

// The same hash a byte at a time: the reference the tests hold the tokenizer to, and what builds
// the stopword table at compile time.
constexpr std::uint32_t word_hash_bytes(std::string_view w) {
  std::uint64_t h = w.size() * kWordSeed;
  for (std::size_t i = 0; i < w.size(); i += 8) {
    std::uint64_t v = 0;
    for (std::size_t j = 0; j < 8 && i + j < w.size(); ++j)
      v |= static_cast<std::uint64_t>(static_cast<unsigned char>(w[i + j]) | 0x20) << (8 * j);
    h = word_mix(h, v);
  }
  return word_finish(h);
}

// Words that say nothing about a topic. Words under three letters are dropped anyway.
constexpr std::array kStopwords{
    "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one",
    "our", "out", "has", "have", "him", "his", "how", "its", "may", "new", "now", "old", "see", "two",
    "who", "did", "get", "she", "too", "use", "that", "with", "this", "from", "they", "will", "would",
    "there", "their", "what", "about", "which", "when", "make", "like", "time", "just", "know", "take",
    "into", "year", "your", "some", "could", "them", "than", "then", "only", "come", "its", "over",
    "also", "back", "after", "first", "well", "even", "want", "because", "these", "give", "most",
    "been", "were", "said", "more", "such", "very", "many", "other", "those", "should", "while",
    "where", "being", "each", "both", "between", "through", "during", "before", "under", "again",
    "further", "once", "here", "same", "own", "does", "doing", "according", "said", "says", "per",
    "people", "years", "still", "yuan", "million", "billion", "percent", "however", "which", "can't",
    "don't", "it's", "that's", "way", "part", "made", "much", "able", "within", "without", "among"};

constexpr std::size_t kLongestStopword = [] {
  std::size_t longest = 0;
  for (std::string_view w : kStopwords) longest = std::max(longest, w.size());
  return longest;
}();

// Han characters too common in Chinese text to say anything about a topic.
constexpr std::u32string_view kCommonHan =
    U"的一是了在不和有人这中大为上个我以要他时来用们到地于出就对成会可而也能下过子说之着等与及其或被把从将已都所并且该此年月日";

// Open-addressing set of stopword hashes (lowest bit ignored), built at compile time.
class StopwordSet {
 public:
  static constexpr std::size_t kProbe = 4;  // slots read from a hash's home slot: one 16-byte compare

  constexpr StopwordSet() {
    for (std::string_view w : kStopwords) {
      const std::uint32_t hash = word_hash_bytes(w);
      const std::uint32_t h = hash | 1;  // 0 marks an empty slot
      const std::size_t home = hash & (kSlots - 1);
      std::size_t probe = 0;
      while (slots_[home + probe] != 0 && slots_[home + probe] != h) ++probe;
      slots_[home + probe] = h;
      longest_probe_ = std::max(longest_probe_, probe + 1);
    }
  }
  constexpr std::size_t longest_probe() const { return longest_probe_; }
  // Reads every slot a stopword may have been pushed to from the home slot and ors the
  // comparisons: no branch on the answer, which is "yes" for about half the words of English
  // text and so could not be predicted.
  bool contains(std::uint32_t hash) const { return holds(hash | 1, hash); }
  // contains(hash) for a word of `len` (< 64) letters, false for a word longer than every
  // stopword without a compare on its length (three instructions a word): such a word probes with
  // hash | 2 with bit 0 clear, an even value other than 0, which no slot holds.
  bool contains_word(std::uint32_t hash, std::size_t len) const {
    const std::array<std::uint32_t, 2>& k = kLengthProbe[len];
    return holds((hash | k[0]) ^ k[1], hash);
  }

 private:
  // Whether a slot from the home slot of `hash` on holds `value`.
  bool holds(std::uint32_t value, std::uint32_t hash) const {
    const std::uint32_t* at = slots_.data() + (hash & (kSlots - 1));  // (not value's: one `or` less a word)
    using Slots = std::uint32_t __attribute__((vector_size(16)));
    Slots v;
    std::memcpy(&v, at, sizeof v);
    // a slot past the probe holding the value still means a stopword
    return blocks::bits16(reinterpret_cast<blocks::Mask>(v == Slots{} + value)) != 0;
  }
  // [len]: {or, xor} making the probed value: hash | 1 up to the longest stopword, (hash | 3) ^ 1 past it.
  static constexpr auto kLengthProbe = [] {
    std::array<std::array<std::uint32_t, 2>, 64> k{};
    for (std::size_t len = 0; len < k.size(); ++len)
      k[len] = len <= kLongestStopword ? std::array<std::uint32_t, 2>{1, 0} : std::array<std::uint32_t, 2>{3, 1};
    return k;
  }();

  static constexpr std::size_t kSlots = 4096;  // ~130 stopwords: probes of one or two slots
  // Probes run on past the last home slot instead of wrapping: at most one slot per stopword
  // (and kProbe - 1 more, so that contains() reads inside the array).
  std::array<std::uint32_t, kSlots + kStopwords.size() + kProbe> slots_{};
  std::size_t longest_probe_ = 0;
};
constexpr StopwordSet kStopwordSet;
static_assert(kStopwordSet.longest_probe() <= StopwordSet::kProbe, "a stopword lies further from its home slot than contains() reads");

// Bit set of the common Han characters (U+4E00..U+9FFF).
struct CommonHan {
  std::array<std::uint64_t, (0x9FFF - 0x4E00) / 64 + 1> bits{};
  CommonHan() {
    for (char32_t c : kCommonHan)
      if (c >= 0x4E00 && c <= 0x9FFF) bits[(c - 0x4E00) / 64] |= std::uint64_t{1} << ((c - 0x4E00) % 64);
  }
  bool contains(char32_t cp) const {
    return cp >= 0x4E00 && cp <= 0x9FFF && ((bits[(cp - 0x4E00) / 64] >> ((cp - 0x4E00) % 64)) & 1);
  }
};
const CommonHan kCommonHanSet;

// Byte classes of 64 bytes as bit masks (bit i = byte i; byte_blocks.hpp), so the tokenizer finds
// the next letter, the end of a word or the next non-ASCII byte with one count-trailing-zeros
// instead of a table lookup and a branch per byte.
struct WordBytes {
  std::uint64_t letter = 0;      // A-Z a-z
  std::uint64_t apostrophe = 0;  // continues a word after a letter
  std::uint64_t high = 0;        // bytes >= 0x80: UTF-8 lead and continuation bytes
  void merge(const WordBytes& o, int shift) {
    letter |= o.letter << shift;
    apostrophe |= o.apostrophe << shift;
    high |= o.high << shift;
  }
};

// The masks of the 64 bytes at `at`, bit 0 = at[0], with the bits of bytes past the line
// (`valid` clear) cleared.
WordBytes word_bytes(const unsigned char* at, std::uint64_t valid) {
  using namespace blocks;
  const WordBytes m = classify64<WordBytes>(at, [](Bytes x) {
    // 'A'-'Z' and 'a'-'z' become 'a'-'z' with 0x20 or-ed in, nothing else does
    return WordBytes{bits16(in_range(x | splat(0x20), 'a', 'z')), bits16(x == splat('\'')), bits16(x >= splat(0x80))};
  });
  return WordBytes{m.letter & valid, m.apostrophe & valid, m.high & valid};
}

// The 64 bytes from p + off on, for a line [p, p + n) of a text readable up to `readable`: where
// they lie when the text has them (the bits of bytes past the line are then cleared with
// block_valid), else a copy in `tail`, zero-padded. blocks::Blocks copies every line's last
// block, and that copy's branches on its length mispredicted at most lines.
const unsigned char* block_at(const unsigned char* p, std::size_t off, std::size_t n, const unsigned char* readable,
                              unsigned char (&tail)[64]) {
  const unsigned char* at = p + off;
  if (readable - at >= 64) return at;
  std::memset(tail, 0, sizeof tail);  // (then the line ends within these 64 bytes)
  std::memcpy(tail, at, n - off);
  return tail;
}
// The bits of the block at `off` that are bytes of a line of n bytes.
std::uint64_t block_valid(std::size_t off, std::size_t n) { return ~std::uint64_t{0} >> (64 - std::min<std::size_t>(n - off, 64)); }

// The horizontal spaces among the characters trim_space took off a line's front (`s`: all space
// or invisible, so the loop stops only at its end).
std::uint32_t leading_space(std::string_view s) {
  std::uint32_t n = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == ' ' || s[i] == '\t') { ++n; ++i; continue; }
    const DecodedChar d = decode_utf8(s, i);
    if (!is_horizontal_space(d.cp) && !is_invisible(d.cp)) break;
    if (is_horizontal_space(d.cp)) ++n;
    i += d.length;
  }
  return n;
}

// (Tests combined with | rather than ||: a chain of branches on the line's last character
// mispredicted about once in three title-shaped lines.)
bool is_sentence_end(char32_t cp) { return (cp == '.') | (cp == 0x3002) | (cp == 0xFF0E); }
bool is_continuation_end(char32_t cp) {
  // a line ending in these goes on: a clause, a lead-in, a kicker ("New markets—")
  constexpr std::uint64_t kAscii = (std::uint64_t{1} << ',') | (std::uint64_t{1} << ';') | (std::uint64_t{1} << ':') |
                                   (std::uint64_t{1} << '-') | (std::uint64_t{1} << '(');
  return ((cp < 64) & ((kAscii >> (cp & 63)) & 1)) | (cp == 0xFF0C) | (cp == 0xFF1B) | (cp == 0xFF1A) |
         (cp == 0x3001) | (cp == 0x2014) | (cp == 0x2013) | (cp == 0xFF08);
}

}  // namespace

// One pass over the line, 64 bytes at a time (byte_blocks.hpp), for what title_shape asks of it
// that a search would find: the byte pairs and triples are masks lined up with shift_in, and
// only the first '=' is looked at byte by byte. It replaced a memchr per question ('=', "()",
// "。", " (", '_'), whose length-dependent branches mispredicted several times a line; it also
// counts the digits (a loop of their own cost its own exit mispredict a line). Blocks
// are read where they lie (block_at) when the text goes on past the line.
// tests/unit/splitter_lines_test.cpp holds it to the searches on every line of data/.
TitleMarks title_marks(std::string_view s, const char* readable_end) {
  using namespace blocks;
  struct Classes {
    std::uint64_t stop = 0, space = 0, upper = 0, eq = 0, open = 0, close = 0, under = 0, e3 = 0, digit = 0, high = 0;
    void merge(const Classes& o, int k) {
      stop |= o.stop << k, space |= o.space << k, upper |= o.upper << k, eq |= o.eq << k, open |= o.open << k;
      close |= o.close << k, under |= o.under << k, e3 |= o.e3 << k, digit |= o.digit << k, high |= o.high << k;
    }
  };
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  const auto* readable = readable_end != nullptr ? reinterpret_cast<const unsigned char*>(readable_end) : p + n;
  TitleMarks r;
  std::uint64_t c_stop = 0, c_stop_space = 0, c_space = 0, c_open = 0, c_eq = 0;
  std::uint64_t pairs = 0, under = 0, space_open = 0, high = 0;  // "()" or "==" anywhere; '_'; " ("; bytes >= 0x80
  std::size_t eq = std::string_view::npos;
  for (std::size_t off = 0; off < n; off += 64) {
    alignas(16) unsigned char tail[64];
    Classes m = classify64<Classes>(block_at(p, off, n, readable, tail), [](Bytes x) {
      Classes c;
      c.stop = bits16((x == splat('.')) | (x == splat('?')) | (x == splat('!')));
      c.space = bits16(x == splat(' '));
      c.upper = bits16(in_range(x, 'A', 'Z'));
      c.eq = bits16(x == splat('='));
      c.open = bits16(x == splat('('));
      c.close = bits16(x == splat(')'));
      c.under = bits16(x == splat('_'));
      c.e3 = bits16(x == splat(0xE3));
      c.digit = bits16(in_range(x, '0', '9'));
      c.high = bits16(reinterpret_cast<Mask>(x));  // (the top bit of each byte)
      return c;
    });
    const std::uint64_t valid = block_valid(off, n);
    for (std::uint64_t* k : {&m.stop, &m.space, &m.upper, &m.eq, &m.open, &m.close, &m.under, &m.e3, &m.digit, &m.high})
      *k &= valid;
    high |= m.high;
    if (eq == std::string_view::npos && m.eq != 0) eq = off + static_cast<std::size_t>(__builtin_ctzll(m.eq));
    // ". " before an upper-case letter: the triple's last byte
    const std::uint64_t stop_space = m.space & shift_in(m.stop, c_stop);
    const std::uint64_t sentences = m.upper & shift_in(stop_space, c_stop_space);
    r.inner_sentences += static_cast<int>(bit_count(sentences));
    // "。" is E3 80 82: its lead byte is only in CJK punctuation and rare letters, a few a line
    for (std::uint64_t lead = m.e3; lead != 0; lead &= lead - 1)
      r.inner_sentences += s.substr(off + static_cast<std::size_t>(__builtin_ctzll(lead)), 3) == "。";
    pairs |= (m.close & shift_in(m.open, c_open)) | (m.eq & shift_in(m.eq, c_eq));
    space_open |= m.open & shift_in(m.space, c_space);
    under |= m.under;
    r.digits += bit_count(m.digit);
  }
  r.ascii = high == 0;
  r.inner_sentences -= s.ends_with("。");  // a "。" counts only with more text after it
  const auto c0 = s.empty() ? '\0' : s[0];
  // "Data=read_data (IO_ID)", "Print (got) # 2", "defhandler (request):". (The tests are combined
  // with |, and the bytes around the first '=' read at clamped places, because a chain of
  // branches here mispredicted about once in three lines.)
  const std::size_t e = eq == std::string_view::npos ? 0 : eq;  // (0 fails the test as npos does)
  const bool tight_eq = (e > 0) & (s[e > 0 ? e - 1 : 0] != ' ') & (e + 1 < n) & (s[e + 1 < n ? e + 1 : e] != ' ');
  r.looks_like_code = (c0 == '#') | (c0 == '{') | (c0 == '}') | (c0 == '<') | tight_eq |
                      ((n < 60) & (space_open != 0) & (under != 0)) |
                      (pairs != 0);  // "()", or "==" (which can only be at or after the first '=')
  return r;
}

namespace {

// "1.", "2)", "(3)", "(a)", "•", "-": an item of a list.
bool looks_like_list_item(std::string_view s) {
  const unsigned char c0 = static_cast<unsigned char>(s[0]);
  if (s.substr(0, 3) == "•" || s.substr(0, 2) == "·" || c0 == '*' || (c0 == '-' && s.size() > 1 && s[1] != '-'))
    return true;
  // "0x04 Improved Scalability", "03 tens of billions of investment": numbered section headings
  if (s.size() > 3 && s[0] == '0' && (s[1] == 'x' || (s[1] >= '1' && s[1] <= '9' && s[2] == ' '))) return true;
  std::size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i > 0 && i < 4 && i < s.size() && (s[i] == '.' || s[i] == ')' || s.substr(i, 3) == "、")) return true;
  if (s[0] == '(' || s.substr(0, 3) == "（") {
    const std::size_t close = s.find_first_of(")）");
    return close != std::string_view::npos && close <= 8;
  }
  return false;
}

bool has_no_words(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const DecodedChar d = decode_utf8(s, i);
    const char32_t c = d.cp;
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return false;
    if ((c >= 0xC0 && c < 0x2000) || is_cjk_ideograph(c) || (c >= 0xAC00 && c <= 0xD7AF)) return false;
    i += d.length;
  }
  return true;
}

}  // namespace

std::uint32_t word_hash(std::string_view w) { return word_hash_bytes(w); }
bool is_stopword_hash(std::uint32_t h) { return kStopwordSet.contains(h); }
bool is_common_han(char32_t cp) { return kCommonHanSet.contains(cp); }

// One pass over the line, 64 bytes at a time: the bytes that are in a word (letters, and
// apostrophes after a letter) are found as a bit mask, words start where that mask turns on and end
// where it turns off, so a word costs a few bit operations and one hash, not a branch per byte.
// Non-ASCII characters are decoded one by one, a run of them at a time. The tokens are those of
// reading the line a character at a time (tests/unit/splitter_lines_test.cpp checks that on every
// line of data/ and the fixtures). Tokens are written without a branch on whether they are kept:
// each word or Han character is written after the last kept token and counted only if it is kept;
// room for what a block can write is made before it, and the vector cut to what was kept.
void tokenize(std::string_view s, TokenVector& tokens, std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  const auto* readable = text.empty() ? p + n : reinterpret_cast<const unsigned char*>(text.data() + text.size());
  const std::size_t base = tokens.size();
  std::uint32_t* out = nullptr;
  std::size_t kept = 0, room = 0;
  // Room for k more writes; grown a block at a time, so a 100 MB line holds no more than its
  // tokens and the vector's usual slack.
  auto make_room = [&](std::size_t k) {
    if (kept + k <= room) return;
    room = std::max(2 * room, kept + k);
    tokens.resize(base + room);
    out = tokens.data() + base;
  };
  constexpr std::size_t kBlockWrites = 64 / 2 + 2;  // words in a block ("a a a ..."), and one from before
  // A word of three letters or more and under 64 (`long_word`), or of any length (`word`).
  auto long_word = [&](std::size_t begin, std::size_t len) {
    const std::uint32_t h = word_hash(p + begin, len, readable);
    out[kept] = h & ~kHanTokenBit;
    kept += !kStopwordSet.contains_word(h, len);
  };
  auto word = [&](std::size_t begin, std::size_t end) {
    const std::size_t len = end - begin;
    const std::uint32_t h = word_hash(p + begin, len, readable);
    out[kept] = h & ~kHanTokenBit;
    kept += (len >= 3) & !kStopwordSet.contains_word(h, std::min<std::size_t>(len, 63));  // 63: past every stopword
  };
  // Decodes the run of non-ASCII bytes from i (it may go on into later blocks).
  auto non_ascii_run = [&](std::size_t i) {
    while (i < n && p[i] >= 0x80) {
      const DecodedChar d = decode_utf8(s, i);
      make_room(1);
      out[kept] = (static_cast<std::uint32_t>(d.cp) * 2654435761u) | kHanTokenBit;
      kept += is_cjk_ideograph(d.cp) && !kCommonHanSet.contains(d.cp);
      i += d.length;
    }
    make_room(kBlockWrites);  // for the words after the run in this block
  };
  // Room for every token of a line of up to 4 KB (a token and a separator per two bytes, and one
  // block's writes) before the loop: growing at the first block of each line mispredicted there.
  make_room(std::min<std::size_t>(n, 4096) / 2 + kBlockWrites + 1);
  std::uint64_t in_word = 0, in_high = 0;  // whether the byte before the block is in a word / >= 0x80
  std::size_t word_begin = 0;
  // The blocks are read where they lie (block_at), the last one's bytes past the line masked off.
  for (std::size_t off = 0; off < n; off += 64) {
    alignas(16) unsigned char tail[64];
    const WordBytes m = word_bytes(block_at(p, off, n, readable, tail), block_valid(off, n));
    // In a word: a letter, or an apostrophe after a byte in a word (runs of apostrophes are rare,
    // so this settles in one or two rounds).
    const std::uint64_t apostrophes = m.apostrophe;
    std::uint64_t inside = m.letter;
    for (;;) {
      const std::uint64_t grown = m.letter | (apostrophes & ((inside << 1) | in_word));
      if (grown == inside) break;
      inside = grown;
    }
    const std::uint64_t before = blocks::shift_in(inside, in_word);
    const std::uint64_t starts = inside & ~before;
    const std::uint64_t ends = ~inside & before;  // in a partial block, at most at the line's end
    const std::uint64_t runs = m.high & ~blocks::shift_in(m.high, in_high);
    make_room(kBlockWrites);
    if (runs == 0) {  // ASCII only: each word from its start to the first byte after it not in a word
      if ((before & 1) && ~inside != 0)  // the word from the block before ends in this one
        word(word_begin, off + static_cast<std::size_t>(__builtin_ctzll(~inside)));
      // The word that runs on into the next block, if any, starts at the block's last start (or
      // before the block, when it has none): word_begin remembers it, without a branch on which
      // start is the last, and the loop hashes only the words that end here.
      const unsigned last = static_cast<unsigned>(63 - __builtin_clzll(starts | 1));
      const std::uint64_t open = starts & (std::uint64_t{1} << last) & (std::uint64_t{0} - (inside >> 63));
      word_begin = open != 0 ? off + last : word_begin;
      // Words under three letters are never kept: only starts followed by two more bytes in the
      // word are visited. (A start at bit 62 or 63 is the open word's, or that of a word under
      // three letters: none is visited, and every word visited has three letters or more.)
      const std::uint64_t long_starts = starts & ~open & (inside >> 1) & (inside >> 2);
      for (std::uint64_t st = long_starts; st != 0; st &= st - 1) {
        const unsigned b = static_cast<unsigned>(__builtin_ctzll(st));
        long_word(off + b, static_cast<std::size_t>(__builtin_ctzll(~inside >> b)));
      }
      continue;
    }
    for (std::uint64_t ev = starts | ends | runs; ev != 0; ev &= ev - 1) {
      const std::uint64_t bit = ev & -ev;
      const std::size_t at = off + static_cast<std::size_t>(__builtin_ctzll(ev));
      if (ends & bit) word(word_begin, at);
      if (runs & bit) non_ascii_run(at);
      if (starts & bit) word_begin = at;
    }
  }
  if (in_word) {  // a word that runs to the end of a line of whole blocks
    make_room(1);
    word(word_begin, n);
  }
  tokens.resize(base + kept);
}

constexpr std::uint32_t kLongestTitle = 220;  // code points

float title_shape(const LineInfo& line, const TitleMarks* known, const char* readable_end) {
  const std::string_view s = line.trimmed;
  const std::uint32_t chars = line.chars;
  // (a decorative line is no title: describe_lines has looked at its words already)
  if (s.empty() || line.cue != LineCue::None || line.decorative) return 0.0f;
  if (chars < 2 || chars > kLongestTitle) return 0.0f;
  const TitleMarks marks = known != nullptr ? *known : title_marks(s, readable_end);
  if (marks.looks_like_code || looks_like_list_item(s)) return 0.1f;
  const DecodedChar last = decode_utf8_before(s, s.size());
  if (is_continuation_end(last.cp)) return 0.1f;
  float shape = 1.0f;
  const unsigned char c0 = static_cast<unsigned char>(s[0]);
  // "phenomenon", "foam", "opening ceremony": sub-headings; "one": a caption stub
  if (c0 >= 'a' && c0 <= 'z') shape *= s.find(' ') == std::string_view::npos ? 0.15f : 0.3f;
  // "(Photography Liu Wei)", "(Figure)": a caption or credit wholly in parentheses
  if ((c0 == '(' && s.back() == ')') || (s.starts_with("（") && s.ends_with("）"))) shape *= 0.2f;
  const int inner = marks.inner_sentences;
  if (inner >= 2) shape *= 0.2f;              // a paragraph of several sentences
  else if (inner == 1) shape *= 0.7f;
  // (a factor from a table, not a branch on the last character, which mispredicted: times 1 is exact)
  constexpr float kSentenceEnd[2][2] = {{1.0f, 1.0f}, {0.8f, 0.5f}};  // [ends like a sentence][over 100 chars]
  shape *= kSentenceEnd[is_sentence_end(last.cp)][chars > 100];
  if (chars > 160) shape *= 0.5f;
  // "Jiang Wenli 00:42:43", "105 km group": rows of a table, not titles
  if (marks.digits * 4 >= chars) shape *= 0.3f;
  return shape;
}

LineTable describe_lines(std::string_view text, const std::vector<Line>& lines) {
  LineTable table;
  table.text = text;
  table.info.resize(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    LineInfo& li = table.info[i];
    const std::string_view content = lines[i].content(text);
    li.trimmed = trim_space(content);
    if (li.trimmed.empty()) continue;
    li.blank = false;
    // (the space trim_space took off the front: walking on to the first other byte cost a test
    // that mispredicted at flush lines after indented ones)
    li.indent = leading_space(content.substr(0, static_cast<std::size_t>(li.trimmed.data() - content.data())));
    li.cue = may_have_cue(li.trimmed, text.data() + text.size()) ? classify_line_cue(li.trimmed) : LineCue::None;
    // A line without a cue of at most kLongestTitle bytes (so of as many code points at most: it
    // may be a title) has its title marks read first: on an ASCII line they give its code points
    // too (its bytes), and count_code_points (with its loop's exit mispredict) is skipped. Longer
    // lines are read by title_shape when their code points allow a title.
    TitleMarks marks;
    const bool marked = (li.cue == LineCue::None) & (li.trimmed.size() <= kLongestTitle);
    if (marked) marks = title_marks(li.trimmed, text.data() + text.size());
    li.chars = static_cast<std::uint32_t>(marked && marks.ascii ? li.trimmed.size() : count_code_points(li.trimmed));
    li.decorative = li.chars <= 40 && has_no_words(li.trimmed);
    li.title_shape = title_shape(li, marked ? &marks : nullptr, text.data() + text.size());
  }
  return table;
}

std::size_t line_tokens(LineTable& table, std::size_t i) {
  LineInfo& li = table.info[i];
  if (!li.tokenized) {
    li.token_begin = static_cast<std::uint32_t>(table.tokens.size());
    if (!li.blank) tokenize(li.trimmed, table.tokens, table.text);
    li.token_end = static_cast<std::uint32_t>(table.tokens.size());
    li.tokenized = true;
  }
  return li.token_end - li.token_begin;
}

}  // namespace corpus_scan::splitting
