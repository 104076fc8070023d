// The statistics pass: one walk over the article's normalized text, line by line, that counts
// characters, builds the token stream (English words and CJK characters, each as a 64-bit hash)
// and the line and paragraph hashes; then the token-level families (repetition, fingerprint) and
// the derived ratios. See docs/stats.md for what every number means.
#include "corpus_scan/stats.hpp"

#include <array>
#include <bit>
#include <cstring>
#include <cctype>

#include <unicode/uchar.h>

#include "corpus_scan/text.hpp"
#include "byte_blocks.hpp"
#include "stats_internal.hpp"

namespace corpus_scan {

using namespace stats_detail;


namespace {

// Buffers reused from article to article on each thread.
struct PassScratch {
  TokenStream tokens;
  std::vector<LineKey> lines;
  std::vector<LineKey> paragraphs;
  std::vector<ParagraphScript> scripts;
  std::vector<std::uint8_t> sentence_classes;
  SentenceMarks sentence_marks;
  void clear() {
    tokens.hash.clear();
    tokens.chars.clear();
    lines.clear();
    paragraphs.clear();
    scripts.clear();
  }
};

constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;
constexpr std::uint64_t kWordSeed = 0xcbf29ce484222325ULL;
constexpr std::uint64_t kCjkSeed = 0x84222325cbf29ce4ULL;

// Gopher's stop words (Rae et al. 2021, A.1.1), each as one number: its length above its bytes.
constexpr std::uint64_t stop_word_key(std::string_view w) {
  std::uint64_t key = std::uint64_t{w.size()} << 32;
  for (std::size_t k = 0; k < w.size(); ++k) key |= std::uint64_t{static_cast<unsigned char>(w[k])} << (8 * k);
  return key;
}
constexpr std::array<std::uint64_t, 8> kStopWordKeys = {
    stop_word_key("be"),   stop_word_key("to"),   stop_word_key("of"),   stop_word_key("the"),
    stop_word_key("and"),  stop_word_key("that"), stop_word_key("have"), stop_word_key("with")};

// A perfect hash of the eight keys into 16 slots: the top four bits of key * multiplier, with a
// multiplier found at compile time that sends no two stopwords to the same slot.
struct StopWordTable {
  std::uint64_t multiplier = 0x9E3779B97F4A7C15ULL;
  std::array<std::uint64_t, 16> slot{};  // a stopword's key, or ~0 (no key has its top bit set)
  static constexpr unsigned index(std::uint64_t key, std::uint64_t m) { return static_cast<unsigned>((key * m) >> 60); }
  constexpr StopWordTable() {
    for (;; multiplier = (multiplier * 6364136223846793005ULL + 1442695040888963407ULL) | 1) {  // next odd number of an LCG
      slot.fill(~std::uint64_t{0});
      bool clash = false;
      for (const std::uint64_t k : kStopWordKeys) {
        std::uint64_t& s = slot[index(k, multiplier)];
        clash |= s != ~std::uint64_t{0};
        s = k;
      }
      if (!clash) return;
    }
  }
};
constexpr StopWordTable kStopWords;

bool is_stop_key(std::uint64_t key) { return kStopWords.slot[StopWordTable::index(key, kStopWords.multiplier)] == key; }
// The key of a word of `len` bytes whose first min(len, 4) are `bytes` (the rest zero).
constexpr std::uint64_t stop_word_key(std::uint32_t len, std::uint32_t bytes) { return (std::uint64_t{len} << 32) | bytes; }

// `bytes` holds the first min(len, 4) bytes of a lowercase ASCII word, first byte lowest (the
// rest is ignored). One lookup and one compare, no branch: a switch on the word's length
// mispredicted on most words.
bool is_stop_word(std::uint32_t bytes, std::uint32_t len) {
  const std::uint32_t kept = len < 4 ? len : 4;
  return is_stop_key(stop_word_key(len, bytes & static_cast<std::uint32_t>((std::uint64_t{1} << (8 * kept)) - 1)));
}

bool is_closer(char32_t cp) {
  switch (cp) {
    case '"': case '\'': case ')': case ']': case 0x201D: case 0x2019: case 0x300D: case 0x300F:
    case 0x300B: case 0xFF09: case 0x3011:
      return true;
    default:
      return false;
  }
}

bool is_terminal(char32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F;
}

bool is_bullet_glyph(char32_t cp) {
  switch (cp) {
    case 0x2022: case 0x25CF: case 0x25CB: case 0x25E6: case 0x25AA: case 0x25A0: case 0x25A1: case 0x2023:
    case 0x2043: case 0x2219: case 0x00B7: case 0x25C6: case 0x25C7: case 0x2605: case 0x2606: case 0x27A2:
    case 0x25BA: case 0x25B6: case 0x2713: case 0x2714: case 0x30FB:
      return true;
    default:
      return false;
  }
}

// Trims horizontal space and invisible characters (the same characters is_blank ignores).
std::string_view trim_blankish(std::string_view s, const std::uint16_t* bmp) {
  std::size_t b = 0, e = s.size();
  while (b < e) {
    const DecodedChar d = decode_utf8(s, b);
    if (!(char_class(bmp, d.cp) & kBlankish)) break;
    b += d.length;
  }
  while (e > b) {
    const DecodedChar d = decode_utf8_before(s, e);
    if (!(char_class(bmp, d.cp) & kBlankish)) break;
    e -= d.length;
  }
  return s.substr(b, e - b);
}

// Set bits of a 16-bit mask, by table: x86-64's baseline has no popcount instruction. Two loads
// and an add; blocks::bit_count's 64-bit SWAR here cost +44K instructions on /tmp/pc8 (measured).
unsigned bit_count16(std::uint32_t m) {
  static constexpr std::array<std::uint8_t, 256> kBits = [] {
    std::array<std::uint8_t, 256> t{};
    for (unsigned x = 0; x < 256; ++x) t[x] = static_cast<std::uint8_t>(std::popcount(x));
    return t;
  }();
  return kBits[m & 0xFF] + kBits[(m >> 8) & 0xFF];
}

// The lowercase UTF-8 bytes of the word being read, hashed when the word ends. The hash is a
// function of the bytes alone, however they arrived (16 at a time from the ASCII path, one code
// point at a time from the general one), so a word is the same token on every path. A word of
// up to 16 bytes hashes with no loop (a per-character loop's exit was mispredicted once per
// word); longer ones 8 bytes at a time. Every 64 bytes fold into `folded_`: a word of any length
// needs no more room, and the chunks start at fixed offsets of the word, so the hash is still a
// function of its bytes.
class WordBytes {
 public:
  void clear() {
    fill_ = 0;
    folded_ = 0;
  }
  // Appends the first n (<= 16) of the 16 bytes at p.
  void append16(const unsigned char* p, unsigned n) {
    std::memcpy(buf_ + fill_, p, 16);
    fill_ += n;
    if (fill_ >= kChunk) fold();
  }
  void append(char32_t cp) {
    if (cp < 0x80) {
      buf_[fill_++] = static_cast<unsigned char>(cp);
    } else {
      unsigned char enc[4];
      const std::size_t n = encode_utf8(cp, enc);
      std::memcpy(buf_ + fill_, enc, 4);
      fill_ += n;
    }
    if (fill_ >= kChunk) fold();
  }
  // The word's first four bytes, first byte lowest (past its end: anything), for the stopword test.
  std::uint32_t head() const {
    std::uint32_t bytes;
    std::memcpy(&bytes, buf_, sizeof bytes);
    return bytes;
  }
  std::uint64_t hash() const { return hash_chunk(folded_ ^ kWordSeed, buf_, fill_); }

  // The hash of a word of n <= 16 bytes whose bytes 0-7 are `first` and 8-15 `second` (first
  // byte lowest; bytes past n zero): what hash() returns for it. For callers that have a short
  // word's bytes in registers and no WordBytes.
  static std::uint64_t hash_short(std::uint64_t first, std::uint64_t second, std::size_t n) {
    return hash_head(kWordSeed, first, second, n);
  }

 private:
  static constexpr std::size_t kChunk = 64;
  // XXH3's way with 9-16 bytes: a 64x64->128-bit product of the two words (each keyed), folded,
  // then splitmix64's finalizer (the fold alone is weak when the second word is empty).
  static std::uint64_t hash_head(std::uint64_t seed, std::uint64_t first, std::uint64_t second, std::size_t n) {
    const std::uint64_t lo = first ^ (0xbf58476d1ce4e5b9ULL + seed), hi = second ^ (0x94d049bb133111ebULL - seed);
    const unsigned __int128 product = static_cast<unsigned __int128>(lo) * hi;
    return mix64(n * 0x9E3779B97F4A7C15ULL + lo + std::rotl(hi, 29) +
                 (static_cast<std::uint64_t>(product) ^ static_cast<std::uint64_t>(product >> 64)));
  }
  // The first 16 bytes are always read (masked to the word), so words of up to 16 bytes, nearly
  // all of them, take no loop at all.
  static std::uint64_t hash_chunk(std::uint64_t seed, const unsigned char* p, std::size_t n) {
    const auto word = [p, n](std::size_t i) {
      static constexpr std::uint64_t kKeep[9] = {0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF, 0xFFFFFFFFFF, 0xFFFFFFFFFFFF,
                                                 0xFFFFFFFFFFFFFF, ~std::uint64_t{0}};
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);  // the buffer has room for 16 bytes past any fill
      const std::size_t left = n > i ? n - i : 0;
      return w & kKeep[left < 8 ? left : 8];
    };
    std::uint64_t h = hash_head(seed, word(0), word(8), n);
    if (n <= 16) return h;  // longer words mix on
    for (std::size_t i = 16; i < n; i += 8) h = (h ^ mix64(word(i))) * 0x9fb21c651e98df25ULL;
    return mix64(h);
  }
  void fold() {
    folded_ = hash_chunk(folded_, buf_, kChunk);
    fill_ -= kChunk;
    std::memmove(buf_, buf_ + kChunk, fill_);
  }
  alignas(16) unsigned char buf_[kChunk + 32] = {};  // at most 63 + 16 bytes, and 16 of slack
  std::size_t fill_ = 0;
  std::uint64_t folded_ = 0;
};

class TextPass {
  struct CharCounts;

 public:
  // `fast_words` false leaves every word to the general loop (for the test that both agree).
  TextPass(ArticleStats& s, PassScratch& sc, bool fast_words = true)
      : s_(s), sc_(sc), bmp_(bmp_char_classes()), fast_words_(fast_words) {}

  void run(std::string_view text) {
    std::uint32_t index = 0;
    std::size_t pos = 0;
    // The character counts of the whole text: zeroed and added to the totals once, not per line
    // (its dozen words were cleared with a `rep stos` on every line).
    CharCounts counts;
    for (;;) {
      const std::size_t nl = text.find('\n', pos);
      const std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
      // Every line but the last is followed by its '\n' and more text, which the 16-byte reads of
      // scan_ascii_words may look at (a '\n' stops every run they look for).
      scan_line(line, text.size() - pos, index++, counts);
      if (nl == std::string_view::npos) break;
      pos = nl + 1;
    }
    counts.add_to(s_);
    flush_tokens();
    end_paragraph(index);
    // One line per line of the span; the '\n's joining them are characters and white space too.
    s_.lines = index;
    s_.chars += index - 1;
    s_.whitespace += index - 1;
  }

 private:
  // `readable`: bytes from the line's start that may be read (the line, its '\n' and the text after).
  void scan_line(std::string_view l, std::size_t readable, std::uint32_t index, CharCounts& counts) {
    // An empty line (about half of all lines: the blank line between paragraphs) counts nothing
    // and only ends the paragraph; no word or CJK run is open at a line's start, since the end of
    // the line before closed them.
    if (l.empty()) {
      end_paragraph(index);
      return;
    }
    // At most one class per byte: sized once per line, written by index (no growth checks).
    // 16 bytes of slack for the 16-byte stores of scan_ascii_word_run.
    if (sc_.sentence_classes.size() < l.size() + 16) sc_.sentence_classes.resize(l.size() + 16);
    std::uint8_t* classes = sc_.sentence_classes.data();
    SentenceMarks& marks = sc_.sentence_marks;
    marks.start_line(l.size());
    bool nonblank = false;
    std::uint64_t line_chars = 0;
    counts.dots = 0;  // a run of dots ends with its line (the '\n' is not counted)
    bool prev_digit = false;
    for (std::size_t i = 0; i < l.size();) {
      const auto b = static_cast<unsigned char>(l[i]);
      if (b < 0x80 && (bmp_[b] & kWordChar)) {
        // Most of the text: a run of ASCII letters and digits, read in a loop of its own.
        end_cjk_run(l, i);
        nonblank = true;
        marks.any_not_space = true;  // letters and digits: never a space, never marked
        if (!in_word_ && fast_words_) {
          i = scan_ascii_words(l, readable, i, classes, line_chars, counts);
          // (It leaves no word open, so prev_digit, read only inside a word, needs no update.)
          if (i == l.size() || !is_ascii_word_char(l[i])) continue;
          // else a word scan_ascii_words left to scan_ascii_word_run
        }
        const std::size_t end = scan_ascii_word_run(l, i, classes + line_chars, counts);
        line_chars += end - i;
        prev_digit = (bmp_[static_cast<unsigned char>(l[end - 1])] & kDigit) != 0;
        i = end;
        continue;
      }
      if (b == ' ') {
        // The commonest other character ends a word and a CJK run and is counted as white
        // space; the general path below would decide the same after a dozen tests (a space is
        // blank, never marked for the sentence scanner, never part of a word: see
        // tests/unit/stats_classes_test.cpp).
        end_cjk_run(l, i);
        end_word();
        const std::uint16_t cls = bmp_[' '];
        classes[line_chars++] = static_cast<std::uint8_t>(cls >> kSbShift);
        counts.add(' ', cls);
        prev_digit = false;
        ++i;
        continue;
      }
      char32_t cp;
      std::uint32_t len;
      if (b < 0x80) {
        cp = b;
        len = 1;
      } else {
        const DecodedChar d = decode_utf8(l, i);
        cp = d.cp;
        len = d.length;
      }
      const std::uint16_t cls = char_class(bmp_, cp);
      const auto sb = static_cast<std::uint8_t>(cls >> kSbShift);
      marks.note(sb, line_chars);
      classes[line_chars++] = sb;
      nonblank |= !(cls & kBlankish);
      counts.add(cp, cls);
      if (cls & kCjkToken) {
        end_word();
        if (run_chars_ == 0) run_begin_ = i;
        ++run_chars_;
        if (cls & kHan) ++para_counts_.han;
        push_token(mix64((kCjkSeed ^ cp) * kFnvPrime), 1);
      } else {
        end_cjk_run(l, i);
        if (cls & kWordChar) {
          add_to_word(cp, cls);
        } else if (in_word_ && joins_word(l, i + len, cp, prev_digit)) {
          add_to_word(cp, 0);
        } else {
          end_word();
        }
      }
      prev_digit = (cls & kDigit) != 0;
      i += len;
    }
    end_word();
    end_cjk_run(l, l.size());
    s_.chars += line_chars;
    if (!nonblank) {
      end_paragraph(index);
      return;
    }
    finish_nonblank_line(l, index, line_chars);
  }

  // Per-character counts of the text, kept in a local of run(), not in the TextPass: the line
  // loop also stores through a byte pointer, which may alias a member but not a local. The six
  // class counters are 10-bit lanes of one word, bumped by one table add per character and
  // spilled to the totals before a lane can overflow.
  struct CharCounts {
    enum Lane { kWhitespaceLane, kUppercaseLane, kDigitLane, kPunctLane, kHanLane, kLatinLane, kLanes };
    static constexpr int kLaneBits = 10;
    static constexpr std::uint32_t kSpillEvery = (1u << kLaneBits) - 1;
    // Indexed by the class bits kUpper..kLatin (cls >> 1): which lanes a character bumps.
    static constexpr std::array<std::uint64_t, 128> kLaneAdd = [] {
      std::array<std::uint64_t, 128> t{};
      for (std::uint32_t i = 0; i < 128; ++i) {
        const std::uint32_t cls = i << 1;
        std::uint64_t add = 0;
        if (cls & kSpace) add |= std::uint64_t{1} << (kLaneBits * kWhitespaceLane);
        if (cls & kUpper) add |= std::uint64_t{1} << (kLaneBits * kUppercaseLane);
        if (cls & kDigit) add |= std::uint64_t{1} << (kLaneBits * kDigitLane);
        if (cls & kPunct) add |= std::uint64_t{1} << (kLaneBits * kPunctLane);
        if (cls & kHan) add |= std::uint64_t{1} << (kLaneBits * kHanLane);
        if (cls & kLatin) add |= std::uint64_t{1} << (kLaneBits * kLatinLane);
        t[i] = add;
      }
      return t;
    }();
    static_assert(kLatin < (1 << 8), "the lane table covers class bits 1..7");

    std::uint64_t lanes = 0;
    std::uint32_t in_lanes = 0;
    std::uint64_t totals[kLanes] = {};
    std::uint64_t ellipses = 0, hashes = 0;
    int dots = 0;
    void add(char32_t cp, std::uint16_t cls) {
      lanes += kLaneAdd[(cls >> 1) & 0x7F];
      if (++in_lanes == kSpillEvery) spill();
      if (!(cls & kSymbolMark)) {  // most characters: one test for the three below
        dots = 0;
        return;
      }
      if (cp == '.') {
        if (++dots == 3) {
          ++ellipses;
          dots = 0;
        }
        return;
      }
      dots = 0;
      hashes += cp == '#';
      ellipses += cp == 0x2026;
    }
    // A run of ASCII letters and digits: none is a space, punctuation, Han or a symbol mark
    // (tests/unit/stats_classes_test.cpp checks the class table says so).
    void add_ascii_word_run(std::uint64_t upper, std::uint64_t digits, std::uint64_t latin) {
      totals[kUppercaseLane] += upper;
      totals[kDigitLane] += digits;
      totals[kLatinLane] += latin;
      dots = 0;
    }
    // Spaces (' ') read outside add(), which would have bumped the white space lane and reset dots.
    void add_spaces(std::uint64_t n) {
      totals[kWhitespaceLane] += n;
      if (n != 0) dots = 0;
    }
    void spill() {
      for (int k = 0; k < kLanes; ++k) totals[k] += (lanes >> (kLaneBits * k)) & kSpillEvery;
      lanes = 0;
      in_lanes = 0;
    }
    void add_to(ArticleStats& s) {
      spill();
      s.whitespace += totals[kWhitespaceLane];
      s.uppercase += totals[kUppercaseLane];
      s.digits += totals[kDigitLane];
      s.punctuation += totals[kPunctLane];
      s.cjk_chars += totals[kHanLane];
      s.latin_letters += totals[kLatinLane];
      s.ellipses += ellipses;
      s.hashes += hashes;
    }
  };

  bool is_ascii_word_char(char c) const {
    const auto b = static_cast<unsigned char>(c);
    return b < 0x80 && (bmp_[b] & kWordChar);
  }

  // The commonest stretch of English text, "word word word", in a loop of its own: from `i`, an
  // ASCII letter or digit that starts a word, reads words that lie inside one 16-byte block and
  // surely end there (the byte after them ends a word by joins_word's rules; ASCII joiners and
  // separators inside them included), each followed by ASCII punctuation and one space, or the
  // line's end, and returns where it stops: at the first byte that is not such a word or such a
  // gap (possibly `i` itself, or the line's end). Each word is counted and hashed from the
  // block's bytes, in registers: no WordBytes, no per-character work; its counts build up in
  // locals and its token goes to the stage. Everything else (longer words, words that might
  // continue, non-ASCII characters) is the general loop's.
  //
  // It does exactly what the general loop does for these characters (tests/unit/stats_text_test.cpp
  // checks the two agree over every line of data/ and tests/fixtures, and adversarial ones):
  // the 16 classes and the lowercase bytes come as in scan_ascii_word_run; the hash is
  // WordBytes::hash_short of the same bytes; a space is what scan_line's ' ' branch does, and
  // punctuation (add_joined, and the gap after a word) gets the general loop's per-character work.
  // Not inlined: inside scan_line the loop's dozen counters were spilled to the stack.
  __attribute__((noinline)) std::size_t scan_ascii_words(std::string_view l, std::size_t readable, std::size_t i,
                                                         std::uint8_t* classes, std::uint64_t& line_chars,
                                                         CharCounts& counts) {
    namespace vb = blocks;
    // Positions count from the first byte read (`i` is rebased to 0): every byte read here is
    // ASCII, one character each, so byte i's class goes to word_classes[i] and its character
    // index is first_char + i; words, their bytes and the spaces are counted at the end from i,
    // the stage and the punctuation (fewer values live in the loop: GCC kept them on the stack).
    const std::size_t first_byte = i;
    const auto* data = reinterpret_cast<const unsigned char*>(l.data()) + first_byte;
    const std::size_t n = l.size() - first_byte;
    readable -= first_byte;
    const std::uint64_t first_char = line_chars;
    std::uint8_t* const word_classes = classes + first_char;
    i = 0;
    std::uint64_t upper = 0, digits = 0;
    // Uppercase letters and digits of the words, one byte lane per position in the 16-byte block,
    // summed into upper and digits whenever the stage is flushed (each word staged since the last
    // flush adds at most one to a lane, and kStage <= 255) and at the end: two vector operations a word instead of two table
    // popcounts.
    vb::Bytes upper_lanes{}, digit_lanes{};
    const auto add_lanes = [&] {
      upper += blocks::byte_sum(upper_lanes);
      digits += blocks::byte_sum(digit_lanes);
      upper_lanes = vb::Bytes{};
      digit_lanes = vb::Bytes{};
    };
    std::uint64_t stops_and_letter_words = 0;  // stop words + (words with a letter << 32)
    std::size_t staged = stage_fill_;
    std::uint64_t words = std::uint64_t{0} - staged;  // + the stage's fill at each flush and at the end
    std::size_t others = 0;  // punctuation after words, counted by counts.add
    std::uint64_t unspaced = 0;  // 1 when the last word read was not followed by its space
    SentenceMarks& marks = sc_.sentence_marks;
    while (i + 16 <= readable) {
      const vb::Bytes v = vb::load(data + i);
      const vb::Mask up = vb::in_range(v, 'A', 'Z');
      const vb::Mask digit = vb::in_range(v, '0', '9');
      const auto alnum_bits = static_cast<std::uint32_t>(vb::bits16(up | digit | vb::in_range(v, 'a', 'z')));
      auto run = static_cast<unsigned>(std::countr_zero(~alnum_bits));  // 0..16
      // No word here (after a space: the next byte is not a letter or digit) ends the loop. Does
      // the byte after the run end the word? Nearly always it is a space, which does; a run of
      // all 16 bytes may go on past the block, so it is left to the general loop. Any other byte
      // is judged by joins_word's rules, for all 16 bytes at once: an apostrophe or hyphen
      // between two ASCII letters or digits, or '.' or ',' between two ASCII digits, joins the
      // word ("China's", "e-commerce", "3.51", "2,100"), and the word runs on to the next byte
      // that does not; that byte ends it unless it is non-ASCII (perhaps a letter), a joiner
      // before a non-ASCII byte, or a separator after a digit and before a non-ASCII byte. (Past
      // the line's end is its '\n', which ends a word as the line's end does; the byte after
      // byte 15 is not in the block: unknown.)
      if (run % 16 == 0) break;  // 0 or 16
      // The classes of the word's letters and digits (bytes past it are overwritten by what
      // follows, whether the word is taken here or not).
      const vb::Bytes sb = vb::splat(kSbLower) + (reinterpret_cast<vb::Bytes>(up) & vb::splat(kSbUpper - kSbLower)) +
                           (reinterpret_cast<vb::Bytes>(digit) & vb::splat(kSbNumeric - kSbLower));
      std::memcpy(word_classes + i, &sb, sizeof sb);
      unsigned char next = data[i + run];
      if (next != ' ') {
        const auto digit_bits = static_cast<std::uint32_t>(vb::bits16(digit));
        const auto non_ascii = static_cast<std::uint32_t>(vb::bits16(reinterpret_cast<vb::Mask>(v)));
        const auto joiner = static_cast<std::uint32_t>(vb::bits16((v == vb::splat('\'')) | (v == vb::splat('-'))));
        const auto separator = static_cast<std::uint32_t>(vb::bits16((v == vb::splat('.')) | (v == vb::splat(','))));
        // Joiners and separators inside the word.
        std::uint32_t joined = (joiner & (alnum_bits << 1) & (alnum_bits >> 1)) |
                               (separator & (digit_bits << 1) & (digit_bits >> 1));
        if (joined != 0) {
          run = static_cast<unsigned>(std::countr_zero(~(alnum_bits | joined)));
          if (run == 16) break;
          joined &= (1u << run) - 1;
          next = data[i + run];
        }
        const std::uint32_t known_next = ~(non_ascii >> 1) & 0x7FFF;
        const std::uint32_t ends = (~(alnum_bits | non_ascii | joiner | separator) & 0xFFFF) |
                                   (joiner & known_next & ~(alnum_bits >> 1)) |
                                   (separator & (~(digit_bits << 1) | (known_next & ~(digit_bits >> 1))));
        if (!((ends >> run) & 1)) break;
        if (joined != 0) add_joined(data + i, joined, classes, first_char + i, counts);
      }
      // The word is [i, i + run).
      const vb::Bytes in_word = blocks::first_bytes(run);
      const vb::Bytes lowered = (v | (reinterpret_cast<vb::Bytes>(up) & vb::splat(0x20))) & in_word;
      std::uint64_t first, second;
      std::memcpy(&first, &lowered, 8);
      std::memcpy(&second, reinterpret_cast<const unsigned char*>(&lowered) + 8, 8);
      // A letter among the word's bytes: lowered, a letter is above 'a' - 1 and a digit, joiner or
      // separator below (bytes past the word are zero). From the vector, so no bit mask of the
      // digits stays live across the word on the common path (GCC spilled it).
      const bool has_letter = vb::bits16(reinterpret_cast<vb::Mask>(lowered) > reinterpret_cast<vb::Mask>(vb::splat('a' - 1))) != 0;
      // Bytes past the run are zero in `first`, so its low half is the stopword test's bytes.
      stops_and_letter_words += is_stop_key(stop_word_key(run, static_cast<std::uint32_t>(first))) +
                                (std::uint64_t{has_letter} << 32);
      if (staged == kStage) {
        words += staged;
        stage_fill_ = staged;
        flush_tokens();
        staged = 0;
        add_lanes();
      }
      // After the flush: the lanes hold the words staged since the last one, at most kStage.
      upper_lanes -= reinterpret_cast<vb::Bytes>(up) & in_word;  // a lane of 0xFF is -1
      digit_lanes -= reinterpret_cast<vb::Bytes>(digit) & in_word;
      stage_hash_[staged] = WordBytes::hash_short(first, second, run);
      stage_chars_[staged] = run;
      ++staged;
      i += run;
      unspaced = 1;
      // One space, or ASCII punctuation and then a space or the line's end (the commonest stops
      // after a word: ", ", ". ", ": ", "\") "), then on if a letter or digit follows. The
      // punctuation gets what the general loop gives a character outside a word (the word has
      // ended here: the byte after it ends it), class by class from the same table: its class,
      // its sentence mark, its counts (a '.' bumps the dot counter; the space or line end after it
      // ends the dots, so no ellipsis is left half counted).
      if (i == n) break;
      if (data[i] != ' ') {  // (read again: kept from before the stores, it was kept on the stack)
        // The byte that ended the word, so it is ASCII and not a letter, digit or space (punctuation,
        // now and then a tab or control byte): the gap is [i, i + 1) and nearly always no more (", ", ". ", a line's last '.'), which
        // needs no loop; a loop over the gap mispredicted its exit on most gaps.
        std::size_t end = i + 1;
        if (end < n && data[end] != ' ') {
          while (end < n && data[end] < 0x80 && data[end] != ' ' && !is_ascii_word_char(static_cast<char>(data[end])))
            ++end;
          if (end < n && data[end] != ' ') break;
        }
        others += end - i;
        counts.dots = 0;  // a letter or digit came before (its reset is otherwise left to the end)
        do {
          const std::uint16_t cls = bmp_[data[i]];
          const auto sb = static_cast<std::uint8_t>(cls >> kSbShift);
          marks.note(sb, first_char + i);
          word_classes[i] = sb;
          counts.add(data[i], cls);
        } while (++i < end);
        if (i == n) break;
      }
      word_classes[i] = kSbSp;
      ++i;
      unspaced = 0;
      if (i == n) break;
    }
    add_lanes();
    words += staged;
    stage_fill_ = staged;
    line_chars = first_char + i;
    const std::uint64_t spaces = words - unspaced;  // one after each word but perhaps the last
    const std::uint64_t word_chars = i - spaces - others;
    const std::uint64_t letter_words = stops_and_letter_words >> 32;
    s_.english_words += words;
    s_.english_word_chars += word_chars;
    s_.alpha_words += letter_words;
    para_counts_.latin_words += letter_words;
    s_.stop_words += static_cast<std::uint32_t>(stops_and_letter_words);
    counts.add_ascii_word_run(upper, digits, word_chars - digits);  // add_joined took its bytes back
    counts.add_spaces(spaces);
    return first_byte + i;
  }

  // What the general loop does for the joiners and separators inside a word (bit k of `joined`:
  // the byte at word[k], whose class goes to classes[chars + k]): the class from the table, its
  // sentence mark ('.' is ATerm) and its counts, as for a character of its own. A letter or digit
  // precedes each, so the dot counter starts from zero. scan_ascii_words counts the word's bytes
  // that are not digits as Latin letters at its end: these are not, so they are taken back here.
  __attribute__((noinline)) void add_joined(const unsigned char* word, std::uint32_t joined, std::uint8_t* classes, std::uint64_t chars,
                  CharCounts& counts) {
    for (; joined != 0; joined &= joined - 1) {
      const auto k = static_cast<unsigned>(std::countr_zero(joined));
      const std::uint16_t cls = bmp_[word[k]];
      const auto sb = static_cast<std::uint8_t>(cls >> kSbShift);
      sc_.sentence_marks.note(sb, chars + k);
      classes[chars + k] = sb;
      counts.dots = 0;
      counts.add(word[k], cls);
      --counts.totals[CharCounts::kLatinLane];  // (unsigned: the word's letters are added later)
    }
  }

  // The general loop's work for a run of ASCII letters and digits starting at `i`, done with the
  // class bits of each byte (the same table, so the same answer) but without the per-character
  // branches the loop needs for CJK, punctuation and word joins: each such character extends the
  // current word and bumps only the uppercase, digit and Latin counts. Writes each character's
  // Sentence_Break class to `classes` and returns where the run ends.
  //
  // While 16 bytes remain in the line, they are classified at once (SSE2): the run's length,
  // its uppercase letters and digits come from bit masks, its 16 Sentence_Break classes are
  // stored in one write (the buffer has 16 bytes of slack; classes past the run are overwritten
  // by the characters that follow), and its lowercase bytes go to WordBytes in one copy.
  // tests/unit/stats_classes_test.cpp checks that these byte ranges are what the class table
  // says; tests/unit/stats_test.cpp that a word counts and hashes the same on the 16-byte path
  // and on the byte-by-byte path near a line's end.
  std::size_t scan_ascii_word_run(std::string_view l, std::size_t i, std::uint8_t* classes, CharCounts& counts) {
    namespace vb = blocks;
    if (!in_word_) start_word();
    std::uint32_t len = word_len_;
    std::uint16_t any = 0;  // OR of the classes seen
    std::uint64_t upper = 0, digits = 0, latin = 0;
    const auto* data = reinterpret_cast<const unsigned char*>(l.data());
    bool ended = false;  // the run ended inside a 16-byte block
    while (!ended && i + 16 <= l.size()) {
      const vb::Bytes v = vb::load(data + i);
      const vb::Mask up = vb::in_range(v, 'A', 'Z');
      const vb::Mask digit = vb::in_range(v, '0', '9');
      const vb::Mask alnum = up | digit | vb::in_range(v, 'a', 'z');
      const auto run = static_cast<unsigned>(std::countr_zero(~vb::bits16(alnum)));  // 16 when all are
      const std::uint32_t in_run = static_cast<std::uint32_t>((std::uint64_t{1} << run) - 1);
      const auto up_bits = static_cast<std::uint32_t>(vb::bits16(up)) & in_run;
      const auto digit_bits = static_cast<std::uint32_t>(vb::bits16(digit)) & in_run;
      const vb::Bytes sb = vb::splat(kSbLower) + (reinterpret_cast<vb::Bytes>(up) & vb::splat(kSbUpper - kSbLower)) +
                           (reinterpret_cast<vb::Bytes>(digit) & vb::splat(kSbNumeric - kSbLower));
      std::memcpy(classes, &sb, sizeof sb);
      const vb::Bytes lowered = v | (reinterpret_cast<vb::Bytes>(up) & vb::splat(0x20));
      unsigned char low[16];
      std::memcpy(low, &lowered, sizeof low);
      word_bytes_.append16(low, run);
      const unsigned letters = run - bit_count16(digit_bits);
      upper += bit_count16(up_bits);
      digits += run - letters;
      latin += letters;
      if (letters != 0) any |= kLetter | kLatin;
      len += run;
      classes += run;
      i += run;
      ended = run < 16;
    }
    for (; !ended && i < l.size(); ++i) {
      const auto c = static_cast<unsigned char>(l[i]);
      if (c >= 0x80) break;
      const std::uint16_t cls = bmp_[c];
      if (!(cls & kWordChar)) break;
      word_bytes_.append((cls & kUpper) ? c + 32 : c);
      ++len;
      *classes++ = static_cast<std::uint8_t>(cls >> kSbShift);
      any |= cls;
      upper += (cls & kUpper) != 0;
      digits += (cls & kDigit) != 0;
      latin += (cls & kLatin) != 0;
    }
    word_len_ = len;
    word_has_letter_ |= (any & kLetter) != 0;
    word_has_latin_ |= (any & kLatin) != 0;
    counts.add_ascii_word_run(upper, digits, latin);
    return i;
  }

  // An apostrophe or hyphen between two word characters, or '.' and ',' between two digits,
  // keeps a word going: "Xi'an", "China’s", "e-commerce", "3.51", "2,100".
  bool joins_word(std::string_view l, std::size_t next, char32_t cp, bool prev_digit) const {
    const bool apostrophe_or_hyphen = cp == '\'' || cp == 0x2019 || cp == '-' || cp == 0x2010;
    const bool number_separator = cp == '.' || cp == ',';
    if (!apostrophe_or_hyphen && !number_separator) return false;
    if (next >= l.size()) return false;
    const std::uint16_t next_cls = char_class(bmp_, decode_utf8(l, next).cp);
    if (apostrophe_or_hyphen) return (next_cls & kWordChar) != 0;
    return prev_digit && (next_cls & kDigit);
  }

  void start_word() {
    in_word_ = true;
    word_bytes_.clear();
    word_len_ = 0;
    word_has_letter_ = word_has_latin_ = false;
    word_ascii_ = true;
  }

  void add_to_word(char32_t cp, std::uint16_t cls) {
    if (!in_word_) start_word();
    if (cls & kUpper) cp = cp < 0x80 ? cp + 32 : static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
    word_bytes_.append(cp);
    word_ascii_ &= cp < 0x80;
    ++word_len_;
    word_has_letter_ |= (cls & kLetter) != 0;
    word_has_latin_ |= (cls & kLatin) != 0;
  }

  void end_word() {
    if (!in_word_) return;
    in_word_ = false;
    ++s_.english_words;
    s_.english_word_chars += word_len_;
    s_.alpha_words += word_has_letter_;
    para_counts_.latin_words += word_has_latin_;
    s_.stop_words += word_ascii_ & is_stop_word(word_bytes_.head(), word_len_);
    push_token(word_bytes_.hash(), word_len_);
  }

  // A run of CJK characters is one stretch of Chinese (or Japanese, Korean) text: its words come
  // from ICU's dictionary segmentation. A lone character is one word without asking ICU.
  void end_cjk_run(std::string_view l, std::size_t end) {
    if (run_chars_ == 0) return;
    const std::size_t words = run_chars_ == 1 ? 1 : count_cjk_words(l.substr(run_begin_, end - run_begin_));
    s_.chinese_words += words;
    s_.alpha_words += words;
    run_chars_ = 0;
  }

  // Tokens go to a small stage first and to sc_.tokens in bulk: two push_backs per token reloaded
  // the vectors' ends from memory each time (every store through the byte-sized class buffer may
  // alias them), and the loop of scan_ascii_words keeps its place in the stage in a register.
  void push_token(std::uint64_t hash, std::uint32_t chars) {
    if (stage_fill_ == kStage) flush_tokens();
    stage_hash_[stage_fill_] = hash;
    stage_chars_[stage_fill_] = chars;
    ++stage_fill_;
  }
  void flush_tokens() {
    sc_.tokens.hash.insert(sc_.tokens.hash.end(), stage_hash_, stage_hash_ + stage_fill_);
    sc_.tokens.chars.insert(sc_.tokens.chars.end(), stage_chars_, stage_chars_ + stage_fill_);
    stage_fill_ = 0;
  }

  void finish_nonblank_line(std::string_view l, std::uint32_t index, std::uint64_t line_chars) {
    ++s_.nonblank_lines;
    int sentences = count_sentences_marked(sc_.sentence_classes.data(), line_chars, sc_.sentence_marks);
    if (sentences < 0) sentences = static_cast<int>(count_sentences_icu(l));
    s_.sentences += static_cast<std::uint64_t>(sentences);

    const std::string_view t = trim_blankish(l, bmp_);
    const std::uint64_t h = hash_bytes(t);
    sc_.lines.push_back({h, line_chars});
    text_hash_ = fold_hash(text_hash_, h);
    classify_line_shape(t);

    if (!in_para_) {
      in_para_ = true;
      para_first_ = index;
      para_hash_ = 0;
      para_chars_ = 0;
    }
    para_hash_ = fold_hash(para_hash_, h);
    para_chars_ += line_chars;
  }

  // Gopher's and C4's line rules: how the line ends and starts. `t` is trimmed and not empty.
  void classify_line_shape(std::string_view t) {
    const bool ellipsis = t.ends_with("...") || t.ends_with("\xE2\x80\xA6");
    s_.ellipsis_lines += ellipsis;
    std::size_t e = t.size();
    DecodedChar last = decode_utf8_before(t, e);
    for (int closers = 0; closers < 3 && e > last.length && is_closer(last.cp); ++closers) {
      e -= last.length;
      last = decode_utf8_before(t, e);
    }
    s_.terminal_punct_lines += !ellipsis && is_terminal(last.cp);
    const DecodedChar first = decode_utf8(t, 0);
    bool bullet = is_bullet_glyph(first.cp);
    if (!bullet && (first.cp == '-' || first.cp == '*') && t.size() > 1) {
      // "- item", "* item", and "-item": machine translation often drops the space after a dash.
      const auto next = static_cast<unsigned char>(t[1]);
      bullet = next == ' ' || next == '\t' || (first.cp == '-' && std::isalpha(next));
    }
    s_.bullet_lines += bullet;
  }

  void end_paragraph(std::uint32_t end_line) {
    if (!in_para_) return;
    in_para_ = false;
    ++s_.paragraphs;
    sc_.paragraphs.push_back({para_hash_, para_chars_});
    ParagraphScript p;
    p.first_line = para_first_;
    p.end_line = end_line;
    p.counts = para_counts_;
    p.label = classify_script(para_counts_);
    sc_.scripts.push_back(p);
    para_counts_ = {};
  }

 public:
  std::uint64_t text_hash() const { return text_hash_; }

 private:
  ArticleStats& s_;
  PassScratch& sc_;
  const std::uint16_t* bmp_;
  const bool fast_words_;
  // the word being read
  bool in_word_ = false;
  WordBytes word_bytes_;
  std::uint32_t word_len_ = 0;  // code points
  bool word_ascii_ = true, word_has_letter_ = false, word_has_latin_ = false;
  // tokens not yet in sc_.tokens, in order
  static constexpr std::size_t kStage = 255;  // <= 255: scan_ascii_words counts per byte lane between flushes
  std::size_t stage_fill_ = 0;
  std::uint64_t stage_hash_[kStage];
  std::uint32_t stage_chars_[kStage];
  // the CJK run being read (byte offset into the current line)
  std::size_t run_begin_ = 0;
  std::uint32_t run_chars_ = 0;
  // the paragraph being read
  bool in_para_ = false;
  std::uint32_t para_first_ = 0;
  std::uint64_t para_hash_ = 0, para_chars_ = 0;
  ScriptCounts para_counts_;
  std::uint64_t text_hash_ = 0;
};

double ratio(double num, double den) { return den > 0 ? num / den : 0.0; }

void derive_ratios(ArticleStats& s) {
  s.words = s.english_words + s.chinese_words;
  s.cjk_share = ratio(s.cjk_chars, s.cjk_chars + s.latin_letters);
  s.digit_ratio = ratio(s.digits, s.chars);
  s.uppercase_ratio = ratio(s.uppercase, s.chars);
  s.punctuation_ratio = ratio(s.punctuation, s.chars);
  s.whitespace_ratio = ratio(s.whitespace, s.chars);
  s.mean_word_length = ratio(s.english_word_chars, s.english_words);
  s.mean_sentence_length = ratio(s.words, s.sentences);
  s.type_token_ratio = ratio(s.distinct_tokens, s.tokens);
  s.stop_word_frac = ratio(s.stop_words, s.english_words);
  s.alpha_word_frac = ratio(s.alpha_words, s.words);
  s.terminal_punct_line_frac = ratio(s.terminal_punct_lines, s.nonblank_lines);
  s.ellipsis_line_frac = ratio(s.ellipsis_lines, s.nonblank_lines);
  s.bullet_line_frac = ratio(s.bullet_lines, s.nonblank_lines);
  s.hash_word_ratio = ratio(s.hashes, s.words);
  s.ellipsis_word_ratio = ratio(s.ellipses, s.words);
  s.symbol_word_ratio = ratio(s.hashes + s.ellipses, s.words);
}

void count_edits(ArticleStats& s, const std::vector<Edit>& edits) {
  for (const Edit& e : edits) {
    ++s.edits_by_kind[static_cast<std::size_t>(e.kind)];
    ++s.edits;
    s.mt_edits += is_mt_artifact(e.kind);
  }
  s.artifacts_per_1000_chars = ratio(1000.0 * double(s.mt_edits), s.chars);
}

}  // namespace

namespace stats_detail {

TextPassResult run_text_pass(std::string_view text, bool fast_words) {
  TextPassResult r;
  PassScratch sc;
  TextPass pass(r.stats, sc, fast_words);
  pass.run(text);
  r.tokens = std::move(sc.tokens);
  r.lines = std::move(sc.lines);
  r.paragraphs = std::move(sc.paragraphs);
  r.text_hash = pass.text_hash();
  return r;
}

}  // namespace stats_detail

namespace {

PassScratch& pass_scratch() {
  thread_local PassScratch scratch;
  return scratch;
}

}  // namespace

bool is_mt_artifact(EditKind kind) { return kind != EditKind::Whitespace && kind != EditKind::Unicode; }

ArticleStats compute_stats(std::string_view original, std::string_view normalized, const std::vector<Edit>& edits,
                           const QualityThresholds& thresholds) {
  ArticleStats s;
  s.bytes = original.size();
  PassScratch& sc = pass_scratch();
  sc.clear();
  TextPass pass(s, sc);
  pass.run(normalized);
  s.tokens = sc.tokens.hash.size();
  measure_repetition(sc.tokens, sc.lines, sc.paragraphs, s);
  s.language = profile_paragraphs(sc.scripts);
  derive_ratios(s);
  count_edits(s, edits);
  s.fingerprint = fingerprint_tokens(sc.tokens, pass.text_hash());
  s.quality = evaluate_quality(s, thresholds);
  return s;
}

std::string hex64(std::uint64_t v) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[static_cast<std::size_t>(i)] = kHex[v & 0xF];
  return out;
}

}  // namespace corpus_scan
