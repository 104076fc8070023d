// Pieces of the splitter shared by its source files (not a public API).
//
// split_articles works in four passes, one file each:
//   splitter_lines.cpp       features of every line, computed once (LineTable)
//   splitter_cues.cpp        what a line says on its own (byline, end-of-article, page header)
//   splitter_separators.cpp  the separator line learned from the file, if there is one
//   splitter_cohesion.cpp    lexical cohesion across a gap between lines (TextTiling-like)
//   splitter.cpp             the boundary decision and the segments
//
// Ownership: LineInfo::trimmed points into the text passed to describe_lines.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <new>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "corpus_scan/splitter.hpp"

namespace corpus_scan::splitting {

// ASCII case folding for matching cue words; `prefix` is lower case. Bytes >= 0x80 compare as is.
inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
inline bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (ascii_lower(s[i]) != prefix[i]) return false;
  return true;
}

// Position of `needle` (lower-case ASCII) in the first `limit` bytes of s (ASCII case folded), or npos.
std::size_t find_ci(std::string_view s, std::string_view needle, std::size_t limit);

// False only for a line classify_line_cue finds no cue in (it returns None): a test of the cues'
// necessary conditions in one pass over the line's first 51 bytes, read from `line` on up to
// `readable_end` (the end of the text the line lies in; with fewer than 64 bytes there it says true).
bool may_have_cue(std::string_view line, const char* readable_end);

// A vector of tokens whose resize leaves new elements uninitialised: the tokenizer makes room for
// the most tokens a block can hold before writing them and cuts the vector back to what it kept,
// and zeroing that room first cost a memset call (and its mispredicts) per line.
template <class T>
struct UninitializedAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = UninitializedAllocator<U>;
  };
  UninitializedAllocator() = default;
  template <class U>
  UninitializedAllocator(const UninitializedAllocator<U>&) noexcept {}
  template <class U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;  // default-initialised: left as it is
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};
using TokenVector = std::vector<std::uint32_t, UninitializedAllocator<std::uint32_t>>;

struct LineInfo {
  std::string_view trimmed;        // content without surrounding space
  std::uint32_t chars = 0;         // code points of `trimmed`
  std::uint32_t indent = 0;        // leading space characters (a tab or U+3000 counts as one)
  std::uint32_t token_begin = 0;   // content tokens of the line: LineTable::tokens[begin, end),
  std::uint32_t token_end = 0;     // once line_tokens() has been asked for them
  float title_shape = 0;           // 0..1: how much the line alone looks like a title
  LineCue cue = LineCue::None;
  bool blank = true;
  bool decorative = false;         // no letters, digits or Han: "* * *", "------", "◆◆◆"
  bool tokenized = false;          // token_begin/token_end are set (the cohesion windows tokenize
                                   // the lines they read straight onto their stream, not here)
};

struct LineTable {
  std::string_view text;               // the text the lines are in (LineInfo::trimmed points into it)
  std::vector<LineInfo> info;          // one per Line
  TokenVector tokens;                  // hashed content tokens of the lines tokenized so far, in the
                                       // order they were asked for (line_tokens)
};

LineTable describe_lines(std::string_view text, const std::vector<Line>& lines);
// The number of content tokens of line i, tokenizing it on the first request (its tokens are then
// LineTable::tokens[token_begin, token_end)). Only cohesion reads tokens, and only for the lines
// its windows reach: dumps split at separators never tokenize, and lines far from any candidate
// title are never tokenized. (The windows ask this only of lines they have not read yet, to count
// how far back a jump reaches; the lines they read are tokenized onto their own stream.)
std::size_t line_tokens(LineTable& table, std::size_t i);

// The pieces of a line's features, exposed for tests that read a line one character at a time
// (its code points are text.hpp's count_code_points): content tokens appended to `tokens` (`text`,
// when given, is a text the line lies in: the tokenizer may read past the line up to its end); an
// English word's hash (case-folded); whether it is a stopword; whether a Han character is too
// common to count.
void tokenize(std::string_view trimmed, TokenVector& tokens, std::string_view text = {});
std::uint32_t word_hash(std::string_view word);
bool is_stopword_hash(std::uint32_t hash);
bool is_common_han(char32_t cp);

// What title_shape reads from a trimmed line's bytes: whether it looks like code ('#', '{', '}',
// '<' first; "a=b" with no space around the first '='; "()"; "=="; " (" and '_' in a line under
// 60 bytes), the sentences inside it (". ", "? " or "! " before an upper-case ASCII letter, and
// "。" with more text after it), and its ASCII digits.
// `readable_end`, when given, is the end of a text the line lies in: the line's bytes are read in
// 64-byte blocks that may reach past it up to there (what lies past the line does not count).
// `ascii`: no byte >= 0x80 (the line's code points are then its bytes).
struct TitleMarks {
  bool looks_like_code = false;
  bool ascii = true;
  int inner_sentences = 0;
  std::uint32_t digits = 0;
};
TitleMarks title_marks(std::string_view trimmed, const char* readable_end = nullptr);

// How much a line, on its own, looks like an article title (0 = not at all), from its trimmed
// text and the chars, cue and decorative that describe_lines set before asking, and its title
// marks when they were read already (`known`; null: they are read here if needed, `readable_end`
// as title_marks reads it).
float title_shape(const LineInfo& line, const TitleMarks* known, const char* readable_end = nullptr);

// Line indices of the learned separator lines, in order; empty when the file has none.
std::vector<std::size_t> find_separators(const LineTable& table, const SplitOptions& options);

// Lexical cohesion across a gap between lines (splitter_cohesion.cpp): the cosine between hashed
// token counts of the article so far (up to `left` tokens back, never past the line given to
// clip_left_at) and the `right` tokens after the gap, over the content tokens of every line of the
// file in order (the token stream). The gap only moves forward. Lines are tokenized only when a
// window reaches them: a window that moves further than it holds is rebuilt where it lands.
class CohesionWindows {
 public:
  CohesionWindows(LineTable& table, std::size_t left, std::size_t right);
  void advance_to(std::size_t line);    // the gap is now before `line`
  void clip_left_at(std::size_t line);  // an article starts at `line` (the gap): forget what came before
  float cosine() const;                 // 0 when either window is empty
  std::size_t left_tokens() const { return mid_ - lo_; }
  // Share of the distinct tokens of the line right after the gap that occur again in the right
  // window after that line (after) or in the left window (before); 0 for a line without. Both
  // come from one pass over the line (the scorer asks for both; a loop each cost a loop-exit
  // mispredict a candidate line). Leaves the windows as they were.
  struct Echoes {
    double after = 0, before = 0;
  };
  Echoes echoes();
  std::size_t gap_line_tokens() const { return gap_end_ - mid_; }
  // Share of Han characters among the tokens of each window (0 when it is empty).
  double left_han_share() const { return mid_ > lo_ ? static_cast<double>(sums_.left_han) / (mid_ - lo_) : 0.0; }
  double right_han_share() const { return hi_ > mid_ ? static_cast<double>(sums_.right_han) / (hi_ - mid_) : 0.0; }

 private:
  struct Counts {  // both windows' counts of a bucket side by side: one cache line per update
    std::int32_t left = 0, right = 0;
  };
  // What the updates keep: the dot product, each window's squared norm and Han token count.
  // Copied into a local while the windows move, so that it stays in registers.
  struct Sums {
    std::int64_t dot = 0, left_norm = 0, right_norm = 0;
    std::size_t left_han = 0, right_han = 0;
  };
  std::size_t bucket(std::size_t i) const;
  void add(Sums& s, std::size_t i, std::int32_t delta, std::int32_t Counts::*own, std::int32_t Counts::*other,
           std::int64_t Sums::*norm, std::size_t Sums::*han);
  void add_left(Sums& s, std::size_t i, std::int32_t delta);
  void add_right(Sums& s, std::size_t i, std::int32_t delta);
  void move_to_left(Sums& s, std::size_t i);
  bool append_line();             // the next line's tokens onto seq_; false at the end of the file
  bool have(std::size_t i);       // seq_[i] exists (appending lines as needed)
  void fill_right(Sums& s);       // the right window up to `right` tokens after the gap
  void restart_at(std::size_t line, std::size_t gap_line);
  void move_gap_to(std::size_t p);

  LineTable& table_;
  std::size_t left_size_, right_size_;
  std::vector<Counts> counts_;
  // The token stream of lines [seq_first_, seq_next_) (a stretch of the file: lines before it
  // are out of both windows for good); line_start_[j - seq_first_] is where line j's tokens begin,
  // and its last element is seq_.size() (where the next line's will).
  TokenVector seq_;
  std::vector<std::uint32_t> line_start_;
  std::size_t seq_first_ = 0, seq_next_ = 0;
  std::size_t lo_ = 0, mid_ = 0, hi_ = 0;  // left window seq_[lo, mid), right window seq_[mid, hi)
  std::size_t gap_end_ = 0;                // end of the tokens of the line after the gap
  Sums sums_;
};

// Content tokens: a Han character's token has this bit set, an English word's has it clear.
inline constexpr std::uint32_t kHanTokenBit = 0x80000000u;

// For each first byte (either case), which rows of a table (labels, prefixes) may match, in table
// order: a line tries the one or two rows that start like it instead of the whole table.
class FirstByteIndex {
 public:
  template <class Table, class Prefix>
  FirstByteIndex(const Table& table, Prefix prefix) {
    static_assert(std::tuple_size_v<Table> <= 64, "one bit per row");
    for (std::size_t k = 0; k < table.size(); ++k) {
      const auto c = static_cast<unsigned char>(prefix(table[k])[0]);
      bits_[c] |= std::uint64_t{1} << k;
      if (c >= 'a' && c <= 'z') bits_[c - 'a' + 'A'] |= std::uint64_t{1} << k;
    }
  }
  std::uint64_t candidates(char c) const { return bits_[static_cast<unsigned char>(c)]; }

 private:
  std::array<std::uint64_t, 256> bits_{};
};
// The prefix of a table whose rows are prefixes.
constexpr auto kItself = [](std::string_view p) { return p; };

}  // namespace corpus_scan::splitting
