// CohesionWindows tokenizes lines only when a window reaches them, slides the windows token by
// token over short moves and rebuilds them where the gap jumps further than the left window
// holds. Here every answer is checked against the definition computed from scratch over the whole
// file's token stream (every line tokenized, in order): left window = the `left` tokens before the
// gap but none before the last article start, right window = the `right` tokens after it.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "splitter_internal.hpp"
#include "test_util.hpp"

using namespace corpus_scan;
using namespace corpus_scan::splitting;

namespace {

constexpr std::uint32_t kBucketMask = (1u << 13) - 1;  // as splitter_cohesion.cpp

struct Reference {
  TokenVector stream;                     // every line's tokens, in order
  std::vector<std::size_t> line_begin;    // where each line's tokens start; one past the end last

  explicit Reference(const LineTable& table) {
    for (const LineInfo& li : table.info) {
      line_begin.push_back(stream.size());
      if (!li.blank) tokenize(li.trimmed, stream);
    }
    line_begin.push_back(stream.size());
  }
};

// What the windows must answer with the gap before `line` and the last article start at `clip`.
void check_against_reference(CohesionWindows& w, const Reference& ref, std::size_t line, std::size_t clip,
                             std::size_t left, std::size_t right) {
  const std::size_t p = ref.line_begin[line], e = ref.line_begin[line + 1];
  const std::size_t lo = std::max(clip, p >= left ? p - left : 0);
  const std::size_t hi = std::min(p + right, ref.stream.size());
  std::vector<std::int64_t> lc(kBucketMask + 1), rc(kBucketMask + 1);
  std::size_t left_han = 0, right_han = 0;
  for (std::size_t i = lo; i < p; ++i) {
    ++lc[ref.stream[i] & kBucketMask];
    left_han += (ref.stream[i] & kHanTokenBit) != 0;
  }
  for (std::size_t i = p; i < hi; ++i) {
    ++rc[ref.stream[i] & kBucketMask];
    right_han += (ref.stream[i] & kHanTokenBit) != 0;
  }
  std::int64_t dot = 0, ln = 0, rn = 0;
  for (std::size_t b = 0; b <= kBucketMask; ++b) {
    dot += lc[b] * rc[b];
    ln += lc[b] * lc[b];
    rn += rc[b] * rc[b];
  }
  const float cosine =
      ln == 0 || rn == 0 ? 0.0f
                         : static_cast<float>(static_cast<double>(dot) /
                                              std::sqrt(static_cast<double>(ln) * static_cast<double>(rn)));
  INFO("line " << line << " clip " << clip << " left " << left << " right " << right);
  REQUIRE(w.left_tokens() == p - lo);
  REQUIRE(w.cosine() == cosine);
  REQUIRE(w.left_han_share() == (p > lo ? static_cast<double>(left_han) / (p - lo) : 0.0));
  REQUIRE(w.right_han_share() == (hi > p ? static_cast<double>(right_han) / (hi - p) : 0.0));
  REQUIRE(w.gap_line_tokens() == e - p);
  double after = 0, before = 0;
  if (e > p) {
    std::vector<std::int64_t> rest = rc;
    for (std::size_t i = p; i < std::min(e, hi); ++i) --rest[ref.stream[i] & kBucketMask];
    std::size_t a = 0, b = 0;
    for (std::size_t i = p; i < e; ++i) {
      a += rest[ref.stream[i] & kBucketMask] > 0;
      b += lc[ref.stream[i] & kBucketMask] > 0;
    }
    after = static_cast<double>(a) / static_cast<double>(e - p);
    before = static_cast<double>(b) / static_cast<double>(e - p);
  }
  const CohesionWindows::Echoes echoes = w.echoes();
  REQUIRE(echoes.after == after);
  REQUIRE(echoes.before == before);
  // echoes() left the windows as they were: asked again, they answer the same
  REQUIRE(w.cosine() == cosine);
  const CohesionWindows::Echoes again = w.echoes();
  REQUIRE(again.after == after);
  REQUIRE(again.before == before);
}

// Gaps at a random subset of the non-blank lines (dense or sparse, so that the windows both slide
// and jump), an article start at some of them.
void check_file(const std::string& text, std::size_t left, std::size_t right, double query_share, unsigned seed) {
  const std::vector<Line> lines = split_lines(text);
  if (lines.empty()) return;
  LineTable table = describe_lines(text, lines);
  const Reference ref(table);
  CohesionWindows w(table, left, right);
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  std::size_t clip = 0;
  for (std::size_t line = 0; line < lines.size(); ++line) {
    if (table.info[line].blank || u(rng) >= query_share) continue;
    w.advance_to(line);
    check_against_reference(w, ref, line, clip, std::max<std::size_t>(left, 1), std::max<std::size_t>(right, 1));
    if (u(rng) < 0.2) {
      w.clip_left_at(line);
      clip = ref.line_begin[line];
      if (u(rng) < 0.5) {  // the windows asked again right after a start, as the scorer may
        w.advance_to(line);
        check_against_reference(w, ref, line, clip, std::max<std::size_t>(left, 1), std::max<std::size_t>(right, 1));
      }
    }
  }
  // Lines the windows tokenized hold the tokens of the definition.
  for (std::size_t line = 0; line < lines.size(); ++line) {
    const LineInfo& li = table.info[line];
    if (!li.tokenized) continue;
    const std::vector<std::uint32_t> own(table.tokens.begin() + li.token_begin, table.tokens.begin() + li.token_end);
    const std::vector<std::uint32_t> expected(ref.stream.begin() + static_cast<std::ptrdiff_t>(ref.line_begin[line]),
                                              ref.stream.begin() + static_cast<std::ptrdiff_t>(ref.line_begin[line + 1]));
    REQUIRE(own == expected);
  }
}

}  // namespace

TEST_CASE("cohesion windows equal the definition over the whole token stream on every real file", "[splitter][cohesion]") {
  unsigned seed = 1;
  for (const std::string& text : test::repository_texts()) {
    check_file(text, 300, 80, 1.0, seed++);   // a gap at every line: the windows only slide
    check_file(text, 300, 80, 0.3, seed++);
    check_file(text, 300, 80, 0.02, seed++);  // far apart: the windows jump
    check_file(text, 40, 10, 0.1, seed++);    // small windows: nearly every move is a jump
    check_file(text, 1, 1, 0.5, seed++);
    check_file(text, 0, 0, 0.5, seed++);      // (sizes of 0 act as 1)
  }
}

TEST_CASE("cohesion windows on made-up files: empty lines, lines without tokens, a line longer than both windows",
          "[splitter][cohesion]") {
  const std::string long_line = [] {
    std::string s;
    for (int k = 0; k < 500; ++k) s += "token" + std::to_string(k % 37) + "x ";
    return s;
  }();
  const std::vector<std::string> files = {
      "",
      "\n\n\n",
      "one line only with some words\n",
      "the and for\n...\n\n12345\n",  // no content tokens at all
      "Title here\n" + long_line + "\nAnother title\n" + long_line + "\nlast words here\n",
      "中文标题\n人民日报记者报道经济发展新闻\n\nEnglish title words\nmarket economy growth report\n",
  };
  unsigned seed = 100;
  for (const std::string& text : files)
    for (double share : {1.0, 0.5, 0.1})
      for (std::size_t left : {300u, 7u, 1u}) check_file(text, left, left == 300 ? 80 : 3, share, seed++);
}
