// Each Gopher rule on a text built to sit just inside its published threshold and one built to
// sit just outside: the rule must pass the first and fail the second.
#include <catch2/catch.hpp>

#include <functional>

#include "corpus_scan/stats.hpp"

using namespace corpus_scan;

namespace {

// The i-th distinct word of `len` letters starting with `lead` ("qaaa", "qaab", ...).
std::string word(std::size_t i, std::size_t len = 4, char lead = 'q') {
  std::string w(len, 'a');
  w[0] = lead;
  for (std::size_t k = len - 1; k > 0 && i > 0; --k, i /= 26) w[k] = static_cast<char>('a' + i % 26);
  return w;
}

std::string words(std::size_t n, std::size_t len = 4, std::size_t from = 0) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += (i ? " " : "") + word(from + i, len);
  return s;
}

// Lines (or paragraphs when `sep` is "\n\n") of `total` distinct 9-char lines, `repeats` of
// which repeat the first line.
std::string repeated_lines(std::size_t total, std::size_t repeats, const std::string& sep = "\n") {
  std::string s;
  for (std::size_t i = 0; i < total; ++i) {
    if (i) s += sep;
    s += i <= repeats ? word(0, 4) + " " + word(1, 4) : word(2 * i, 4) + " " + word(2 * i + 1, 4);
  }
  return s;
}

// `copies` occurrences of an n-token block (tokens starting with 'x') among distinct 4-letter
// fillers, `total` tokens in all.
std::string ngram_block(std::size_t n, std::size_t copies, std::size_t total) {
  std::string s;
  std::size_t filler = 0, tokens = 0;
  for (std::size_t c = 0; c < copies; ++c) {
    for (std::size_t k = 0; k < n; ++k, ++tokens) s += word(k, 4, 'x') + " ";
    s += word(filler++) + " ";
    ++tokens;
  }
  for (; tokens < total; ++tokens) s += word(filler++) + " ";
  return s;
}

std::string times(std::size_t n, const std::string& piece) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += piece;
  return s;
}

std::string lines_with(std::size_t total, std::size_t marked, const std::string& prefix, const std::string& suffix) {
  std::string s;
  for (std::size_t i = 0; i < total; ++i)
    s += (i < marked ? prefix : "") + words(6, 5, 6 * i) + (i < marked ? suffix : "") + "\n";
  return s;
}

std::string numbers(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += " " + std::to_string(1000 + i);
  return s;
}

bool fails(const std::string& text, QualityRule rule) {
  const ArticleStats s = compute_stats(text, text, {});
  const auto& f = s.quality.failed;
  return std::find(f.begin(), f.end(), rule) != f.end();
}

struct Straddle {
  QualityRule rule;
  std::string inside;   // value on the passing side, as close to the threshold as the text allows
  std::string outside;  // value just past it
};

}  // namespace

TEST_CASE("each Gopher rule passes just inside its threshold and fails just outside", "[stats][quality]") {
  using R = QualityRule;
  const std::vector<Straddle> cases = {
      {R::MinWords, words(50), words(49)},                                     // 50 / 49 words
      {R::MaxWords, words(100000, 5), words(100001, 5)},
      {R::MinMeanWordLength, words(100, 3), words(99, 3) + " ab"},             // 3.00 / 2.99
      {R::MaxMeanWordLength, words(100, 10), words(99, 10) + " abcdefghijk"},  // 10.00 / 10.01
      {R::MaxHashWordRatio, words(100) + times(10, " #"), words(100) + times(11, " #")},  // 0.10 / 0.11
      {R::MaxEllipsisWordRatio, words(100) + times(10, " \xE2\x80\xA6"), words(100) + times(11, " \xE2\x80\xA6")},
      {R::MaxBulletLineFrac, lines_with(100, 90, "\xE2\x80\xA2 ", ""), lines_with(100, 91, "\xE2\x80\xA2 ", "")},
      {R::MaxEllipsisLineFrac, lines_with(100, 30, "", "..."), lines_with(100, 31, "", "...")},
      {R::MinAlphaWordFrac, words(80) + numbers(20), words(79) + numbers(21)},  // 0.80 / 0.79
      {R::MinStopWords, words(60) + " the of", words(60) + " the"},
      {R::MaxDupLineFrac, repeated_lines(100, 30), repeated_lines(100, 31)},   // 0.30 / 0.31
      {R::MaxDupParaFrac, repeated_lines(100, 30, "\n\n"), repeated_lines(100, 31, "\n\n")},
      // 9-char lines, 100 of them with 99 line ends: 999 chars; 22 repeats 0.198, 23 0.207.
      {R::MaxDupLineCharFrac, repeated_lines(100, 22), repeated_lines(100, 23)},
      // paragraphs: 900 chars + 198 line ends = 1098; 24 repeats 0.197, 25 0.205.
      {R::MaxDupParaCharFrac, repeated_lines(100, 24, "\n\n"), repeated_lines(100, 25, "\n\n")},
      // top n-gram: c copies of an n-token block in 100 tokens of 4 chars: n*c/100.
      {R::MaxTop2gramCharFrac, ngram_block(2, 10, 100), ngram_block(2, 11, 100)},  // 0.20 / 0.22
      {R::MaxTop3gramCharFrac, ngram_block(3, 6, 100), ngram_block(3, 7, 100)},    // 0.18 / 0.21
      {R::MaxTop4gramCharFrac, ngram_block(4, 4, 100), ngram_block(4, 5, 100)},    // 0.16 / 0.20
      // duplicate n-grams: an n-token block twice covers 2n of T tokens.
      {R::MaxDup5gramCharFrac, ngram_block(5, 2, 67), ngram_block(5, 2, 66)},      // 0.149 / 0.152
      {R::MaxDup6gramCharFrac, ngram_block(6, 2, 86), ngram_block(6, 2, 85)},      // 0.140 / 0.141
      {R::MaxDup7gramCharFrac, ngram_block(7, 2, 108), ngram_block(7, 2, 107)},
      {R::MaxDup8gramCharFrac, ngram_block(8, 2, 134), ngram_block(8, 2, 133)},
      {R::MaxDup9gramCharFrac, ngram_block(9, 2, 164), ngram_block(9, 2, 163)},
      {R::MaxDup10gramCharFrac, ngram_block(10, 2, 200), ngram_block(10, 2, 199)},  // 0.100 / 0.101
  };
  REQUIRE(cases.size() == kQualityRuleCount);
  for (const Straddle& c : cases) {
    INFO(quality_rules()[static_cast<std::size_t>(c.rule)].name);
    CHECK_FALSE(fails(c.inside, c.rule));
    CHECK(fails(c.outside, c.rule));
  }
}

TEST_CASE("thresholds are overridden by name, switched off, and read from a config text", "[stats][quality]") {
  QualityThresholds t;
  CHECK(*t[QualityRule::MinWords] == 50);
  CHECK(*t[QualityRule::MaxDup10gramCharFrac] == 0.10);
  CHECK_FALSE(t.apply("min_words=30"));
  CHECK(*t[QualityRule::MinWords] == 30);
  CHECK_FALSE(t.apply(" max_dup_5gram_char_frac = off "));
  CHECK_FALSE(t[QualityRule::MaxDup5gramCharFrac].has_value());
  // An error names what is wrong.
  CHECK(t.apply("min_wrods=3")->find("unknown rule 'min_wrods'") != std::string::npos);
  CHECK(t.apply("min_words=lots")->find("not a number") != std::string::npos);
  CHECK(t.apply("min_words")->find("NAME=VALUE") != std::string::npos);
  CHECK(*t[QualityRule::MinWords] == 30);  // failed assignments change nothing
  CHECK_FALSE(t.apply_config("# Gopher, relaxed\nmin_words = 10  # short notes are fine\n\nmax_words = off\n", "q.conf"));
  CHECK(*t[QualityRule::MinWords] == 10);
  CHECK_FALSE(t[QualityRule::MaxWords].has_value());
  CHECK(t.apply_config("min_words = 5\nbogus = 1\n", "q.conf")->starts_with("q.conf:2: unknown rule 'bogus'"));
  // A switched-off rule never fails; thresholds reach compute_stats.
  QualityThresholds lenient;
  REQUIRE_FALSE(lenient.apply("min_words=3"));
  const std::string text = words(10);
  CHECK(fails(text, QualityRule::MinWords));
  const ArticleStats s = compute_stats(text, text, {}, lenient);
  CHECK(std::find(s.quality.failed.begin(), s.quality.failed.end(), QualityRule::MinWords) == s.quality.failed.end());
}
