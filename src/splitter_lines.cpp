// Features of every line, computed in one pass over the text: trimmed content, length, indent,
// the cue the line carries, how title-like it is, and its content tokens (hashed English words
// and Han characters) for lexical cohesion. No allocation per line: tokens go into one vector.
#include <algorithm>
#include <array>

#include "splitter_internal.hpp"

namespace corpus_scan::splitting {

namespace {

// Hash of an English word (letters and apostrophes), case-folded: bytes are gathered eight at a
// time with 0x20 or-ed in (lower case for letters, no change for the apostrophe) and mixed with
// one multiplication per chunk, so there is no per-byte dependency chain.
constexpr std::uint32_t word_hash(const unsigned char* p, std::size_t len) {
  std::uint64_t h = len * 0x9E3779B97F4A7C15ull;
  while (len > 0) {
    const std::size_t n = len < 8 ? len : 8;
    std::uint64_t v = 0;
    for (std::size_t j = 0; j < n; ++j) v |= static_cast<std::uint64_t>(p[j] | 0x20) << (8 * j);
    h = (h ^ v) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 29;
    p += n;
    len -= n;
  }
  h *= 0xC4CEB9FE1A85EC53ull;  // finish as MurmurHash3's fmix64: every bit of every chunk counts
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

std::uint32_t word_hash(std::string_view w) {
  return word_hash(reinterpret_cast<const unsigned char*>(w.data()), w.size());
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

// Han characters too common in Chinese text to say anything about a topic.
constexpr std::u32string_view kCommonHan =
    U"的一是了在不和有人这中大为上个我以要他时来用们到地于出就对成会可而也能下过子说之着等与及其或被把从将已都所并且该此年月日";

// Byte classes for the tokenizer: ASCII letters, and what may continue a word.
struct ByteTables {
  std::array<bool, 256> word{};       // letters and the apostrophe inside words
  std::array<bool, 256> letter{};
  ByteTables() {
    for (int c = 0; c < 256; ++c) {
      letter[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      word[c] = letter[c] || c == '\'';
    }
  }
};
const ByteTables kBytes;

// Open-addressing set of stopword hashes, built once.
class StopwordSet {
 public:
  StopwordSet() {
    for (std::string_view w : kStopwords) {
      const std::uint32_t h = word_hash(w) | 1;  // 0 marks an empty slot
      std::size_t at = h & (kSlots - 1);
      while (slots_[at] != 0 && slots_[at] != h) at = (at + 1) & (kSlots - 1);
      slots_[at] = h;
    }
  }
  bool contains(std::uint32_t h) const {
    h |= 1;
    for (std::size_t at = h & (kSlots - 1); slots_[at] != 0; at = (at + 1) & (kSlots - 1))
      if (slots_[at] == h) return true;
    return false;
  }

 private:
  static constexpr std::size_t kSlots = 1024;
  std::array<std::uint32_t, kSlots> slots_{};
};
const StopwordSet kStopwordSet;

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

// Appends the content tokens of a line and returns its code point count. One pass: words are
// hashed while they are scanned.
std::uint32_t tokenize(std::string_view s, std::vector<std::uint32_t>& tokens) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::uint32_t chars = 0;
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    if (kBytes.letter[c]) {
      const std::size_t start = i;
      do ++i;
      while (i < n && kBytes.word[p[i]]);
      chars += static_cast<std::uint32_t>(i - start);
      if (i - start >= 3) {
        const std::uint32_t h = word_hash(p + start, i - start);
        if (!kStopwordSet.contains(h)) tokens.push_back(h & ~kHanTokenBit);
      }
      continue;
    }
    ++chars;
    if (c < 0x80) { ++i; continue; }
    const DecodedChar d = decode_utf8(s, i);
    if (is_cjk_ideograph(d.cp) && !kCommonHanSet.contains(d.cp))
      tokens.push_back((static_cast<std::uint32_t>(d.cp) * 2654435761u) | kHanTokenBit);
    i += d.length;
  }
  return chars;
}

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

bool is_sentence_end(char32_t cp) { return cp == '.' || cp == 0x3002 || cp == 0xFF0E; }
bool is_continuation_end(char32_t cp) {
  // a line ending in these goes on: a clause, a lead-in, a kicker ("New markets—")
  return cp == ',' || cp == ';' || cp == ':' || cp == '-' || cp == 0xFF0C || cp == 0xFF1B ||
         cp == 0xFF1A || cp == 0x3001 || cp == 0x2014 || cp == 0x2013 || cp == '(' || cp == 0xFF08;
}

// Sentences inside the line: ". " (or "。") followed by more text.
int inner_sentences(std::string_view s) {
  int n = 0;
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    if ((s[i] == '.' || s[i] == '?' || s[i] == '!') && s[i + 1] == ' ' && s[i + 2] >= 'A' && s[i + 2] <= 'Z') ++n;
  }
  for (std::size_t at = s.find("。"); at != std::string_view::npos && at + 3 < s.size(); at = s.find("。", at + 3)) ++n;
  return n;
}

bool looks_like_code(std::string_view s) {
  if (s[0] == '#' || s[0] == '{' || s[0] == '}' || s[0] == '<') return true;
  // "Data=read_data (IO_ID)", "Print (got) # 2", "defhandler (request):"
  const std::size_t eq = s.find('=');
  if (eq != std::string_view::npos && eq > 0 && s[eq - 1] != ' ' && eq + 1 < s.size() && s[eq + 1] != ' ') return true;
  const std::size_t paren = s.find(" (");
  if (paren != std::string_view::npos && s.size() < 60 && s.find('_') != std::string_view::npos) return true;
  return s.find("()") != std::string_view::npos || s.find("==") != std::string_view::npos;
}

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

float title_shape(std::string_view s, std::uint32_t chars, LineCue cue) {
  if (s.empty() || cue != LineCue::None) return 0.0f;
  if (chars <= 40 && has_no_words(s)) return 0.0f;
  if (chars < 2 || chars > 220) return 0.0f;
  if (looks_like_code(s) || looks_like_list_item(s)) return 0.1f;
  const DecodedChar last = decode_utf8_before(s, s.size());
  if (is_continuation_end(last.cp)) return 0.1f;
  float shape = 1.0f;
  const unsigned char c0 = static_cast<unsigned char>(s[0]);
  // "phenomenon", "foam", "opening ceremony": sub-headings; "one": a caption stub
  if (c0 >= 'a' && c0 <= 'z') shape *= s.find(' ') == std::string_view::npos ? 0.15f : 0.3f;
  // "(Photography Liu Wei)", "(Figure)": a caption or credit wholly in parentheses
  if ((c0 == '(' && s.back() == ')') || (s.starts_with("（") && s.ends_with("）"))) shape *= 0.2f;
  const int inner = inner_sentences(s);
  if (inner >= 2) shape *= 0.2f;              // a paragraph of several sentences
  else if (inner == 1) shape *= 0.7f;
  if (is_sentence_end(last.cp)) shape *= chars > 100 ? 0.5f : 0.8f;
  if (chars > 160) shape *= 0.5f;
  // "Jiang Wenli 00:42:43", "105 km group": rows of a table, not titles
  const auto digits = static_cast<std::uint32_t>(std::count_if(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }));
  if (digits * 4 >= chars) shape *= 0.3f;
  return shape;
}

LineTable describe_lines(std::string_view text, const std::vector<Line>& lines) {
  LineTable table;
  table.info.resize(lines.size());
  table.tokens.reserve(text.size() / 8);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    LineInfo& li = table.info[i];
    const std::string_view content = lines[i].content(text);
    li.trimmed = trim_space(content);
    li.token_begin = li.token_end = static_cast<std::uint32_t>(table.tokens.size());
    if (li.trimmed.empty()) continue;
    li.blank = false;
    li.indent = leading_space(content);
    li.chars = tokenize(li.trimmed, table.tokens);
    li.token_end = static_cast<std::uint32_t>(table.tokens.size());
    li.cue = classify_line_cue(li.trimmed);
    li.decorative = li.chars <= 40 && has_no_words(li.trimmed);
    li.title_shape = title_shape(li.trimmed, li.chars, li.cue);
  }
  return table;
}

}  // namespace corpus_scan::splitting
