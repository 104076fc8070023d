// Statistics of small texts, every expected number counted by hand (the comments show the count).
#include <catch2/catch.hpp>

#include <cmath>

#include "corpus_scan/stats.hpp"

using namespace corpus_scan;

namespace {

ArticleStats stats_of(const std::string& text, const QualityThresholds& t = {}) { return compute_stats(text, text, {}, t); }

}  // namespace

TEST_CASE("counts of a small mixed text, computed by hand", "[stats]") {
  // "Xi'an 2023 通过": English words Xi'an, 2023; Chinese words: ICU reads 通过 as one word.
  const std::string text = "Xi'an 2023 通过";
  const ArticleStats s = stats_of(text);
  CHECK(s.bytes == text.size());
  CHECK(s.chars == 13);
  CHECK(s.english_words == 2);
  CHECK(s.chinese_words == 1);
  CHECK(s.words == 3);
  CHECK(s.tokens == 4);  // Xi'an, 2023, 通, 过
  CHECK(s.latin_letters == 4);
  CHECK(s.digits == 4);
  CHECK(s.cjk_chars == 2);
  CHECK(s.lines == 1);
  CHECK(s.cjk_share == Approx(2.0 / 6.0));  // 2 Han / (2 Han + 4 Latin letters)
}

TEST_CASE("every count and ratio of a small English text, by hand", "[stats]") {
  const std::string text =
      "The cat sat. The dog ran!\n"  // 25 chars, 2 sentences, 6 words, ends in '!'
      "\n"                            // blank: ends paragraph 1
      "It is 3.5 m long...\n"         // 19 chars, 1 sentence (SB6 keeps 3.5), 5 words, ends in "..."
      "- a bullet line";              // 15 chars, 1 sentence, 3 words, a bullet
  const ArticleStats s = stats_of(text);
  CHECK(s.lines == 4);
  CHECK(s.nonblank_lines == 3);
  CHECK(s.paragraphs == 2);
  CHECK(s.chars == 25 + 0 + 19 + 15 + 3);      // + the three '\n'
  CHECK(s.sentences == 4);
  CHECK(s.english_words == 14);
  CHECK(s.words == 14);
  CHECK(s.chinese_words == 0);
  CHECK(s.english_word_chars == 18 + 12 + 11);  // The cat sat The dog ran | It is 3.5 m long | a bullet line
  CHECK(s.alpha_words == 13);                    // all but 3.5
  CHECK(s.stop_words == 2);                      // the, the
  CHECK(s.uppercase == 3);                       // T T I
  CHECK(s.digits == 2);
  CHECK(s.punctuation == 7);                     // . ! . . . . -
  CHECK(s.whitespace == 5 + 4 + 3 + 3);          // spaces per line + line ends
  CHECK(s.latin_letters == 18 + 9 + 11);
  CHECK(s.ellipses == 1);
  CHECK(s.hashes == 0);
  CHECK(s.terminal_punct_lines == 1);  // "..." is an ellipsis line, not a terminal one
  CHECK(s.ellipsis_lines == 1);
  CHECK(s.bullet_lines == 1);
  CHECK(s.tokens == 14);
  CHECK(s.distinct_tokens == 13);      // "the" twice
  CHECK(s.type_token_ratio == Approx(13.0 / 14.0));
  CHECK(s.unigram_entropy == Approx(std::log(14.0) - 2 * std::log(2.0) / 14.0));
  CHECK(s.mean_word_length == Approx(41.0 / 14.0));
  CHECK(s.mean_sentence_length == Approx(14.0 / 4.0));
  CHECK(s.stop_word_frac == Approx(2.0 / 14.0));
  CHECK(s.alpha_word_frac == Approx(13.0 / 14.0));
  CHECK(s.terminal_punct_line_frac == Approx(1.0 / 3.0));
  CHECK(s.ellipsis_word_ratio == Approx(1.0 / 14.0));
  CHECK(s.digit_ratio == Approx(2.0 / 62.0));
  CHECK(s.uppercase_ratio == Approx(3.0 / 62.0));
  CHECK(s.punctuation_ratio == Approx(7.0 / 62.0));
  CHECK(s.whitespace_ratio == Approx(15.0 / 62.0));
  CHECK(s.cjk_share == 0);
  // Too short, words too short on average, a third of its lines trail off: three Gopher rules.
  CHECK(s.quality.failed == std::vector<QualityRule>{QualityRule::MinWords, QualityRule::MinMeanWordLength,
                                                     QualityRule::MaxEllipsisLineFrac});
  CHECK_FALSE(s.quality.pass);
}

TEST_CASE("repetition of n-grams weighs characters and counts overlaps once", "[stats][repetition]") {
  // alpha be cat dog eel | alpha be cat dog eel | fin: 5+2+3+3+3 = 16 chars, twice, + 3 = 35.
  const ArticleStats s = stats_of("alpha be cat dog eel alpha be cat dog eel fin");
  const RepetitionStats& r = s.repetition;
  CHECK(r.top_ngram_char_frac[0] == Approx(14.0 / 35));  // "alpha be" x2 (every 2-gram inside repeats; first wins)
  CHECK(r.top_ngram_char_frac[1] == Approx(20.0 / 35));  // "alpha be cat" x2
  CHECK(r.top_ngram_char_frac[2] == Approx(26.0 / 35));  // "alpha be cat dog" x2
  CHECK(r.dup_ngram_char_frac[0] == Approx(32.0 / 35));  // both copies of the 5-gram
  CHECK(r.dup_ngram_char_frac[1] == 0);                  // no 6-gram repeats
  // x y x y x y z: "x y" occurs at 0, 2, 4 and covers six of seven one-letter tokens; "x y x"
  // occurs at 0 and 2, overlapping on one x: it covers five, not six.
  const ArticleStats o = stats_of("x y x y x y z");
  CHECK(o.repetition.top_ngram_char_frac[0] == Approx(6.0 / 7));
  CHECK(o.repetition.top_ngram_char_frac[1] == Approx(5.0 / 7));
  CHECK(o.repetition.top_ngram_char_frac[2] == Approx(6.0 / 7));  // "x y x y" at 0 and 2
  CHECK(o.repetition.dup_ngram_char_frac[0] == 0);
}

TEST_CASE("Chinese repeats by characters: each Han character is a token", "[stats][repetition]") {
  // 我们我们 -> tokens 我 们 我 们: "我们" occurs twice and covers all four characters.
  const ArticleStats s = stats_of("我们我们");
  CHECK(s.tokens == 4);
  CHECK(s.cjk_chars == 4);
  CHECK(s.repetition.top_ngram_char_frac[0] == Approx(1.0));
  // No repeated n-gram in distinct characters.
  CHECK(stats_of("山水林田湖草沙").repetition.top_ngram_char_frac[0] == 0);
}

TEST_CASE("duplicate lines and paragraphs, by count and by characters", "[stats][repetition]") {
  // Four non-blank lines, two repeat the first: 2/4; their chars 9+9 of 9+5+9+9+3 = 35.
  const ArticleStats l = stats_of("same line\nother\nsame line\nsame line");
  CHECK(l.repetition.dup_line_frac == Approx(0.5));
  CHECK(l.repetition.dup_line_char_frac == Approx(18.0 / 35));
  // Three paragraphs, the third repeats the first: 1/3; 5 chars of 5+5+5 + 4 line ends = 19.
  const ArticleStats p = stats_of("p one\n\np two\n\np one");
  CHECK(p.repetition.dup_para_frac == Approx(1.0 / 3));
  CHECK(p.repetition.dup_para_char_frac == Approx(5.0 / 19));
  CHECK(p.repetition.dup_line_frac == Approx(1.0 / 3));  // blank lines are not lines that repeat
  // Indentation does not hide a repeated line.
  CHECK(stats_of("  said so\nsaid so").repetition.dup_line_frac == Approx(0.5));
}

TEST_CASE("untranslated Chinese paragraphs of an English article are located by line", "[stats][language]") {
  const std::string text =
      "The plan was adopted on December 24, 2021 with the consent of the government.\n"  // 0 english
      "\n"
      "(二)制定《规划》的总体思路。\n"                                                        // 2 chinese: 9 Han
      "\n"
      "# 没有有 上, the entire call chain is completed, return\n"                          // 4 mixed: 4 Han, 7 words
      "\n"
      "Chapters 12 and 13 propose to strengthen the water ecological environment.";        // 6 english
  const ArticleStats s = stats_of(text);
  const LanguageProfile& l = s.language;
  CHECK(l.paragraphs[static_cast<std::size_t>(ScriptLabel::English)] == 2);
  CHECK(l.paragraphs[static_cast<std::size_t>(ScriptLabel::Chinese)] == 1);
  CHECK(l.paragraphs[static_cast<std::size_t>(ScriptLabel::Mixed)] == 1);
  CHECK(l.label == ScriptLabel::English);
  REQUIRE(l.untranslated.size() == 1);
  CHECK(l.untranslated[0].first_line == 2);
  CHECK(l.untranslated[0].end_line == 3);
  // A Chinese article's Chinese is not "untranslated".
  CHECK(stats_of("深入贯彻习近平生态文明思想。\n\n坚持问题导向与目标导向。").language.untranslated.empty());
}

TEST_CASE("fingerprints: same text same hash, small edits keep the SimHash close", "[stats][fingerprint]") {
  std::string a, b;
  for (int i = 0; i < 40; ++i) a += "sentence number " + std::to_string(i) + " talks about the live broadcast industry. ";
  b = a;
  b.replace(b.find("industry"), 8, "business");
  const ArticleStats sa = stats_of(a), sb = stats_of(b), sa2 = stats_of("  " + a + "\n\n");
  CHECK(sa.fingerprint.text_hash == sa2.fingerprint.text_hash);  // blank lines and indentation do not count
  CHECK(sa.fingerprint.text_hash != sb.fingerprint.text_hash);
  CHECK(std::popcount(sa.fingerprint.simhash ^ sb.fingerprint.simhash) <= 3);
  CHECK(std::popcount(sa.fingerprint.simhash ^ stats_of("completely different words here about football matches and "
                                                        "goals scored in the second half by the home team players")
                                                   .fingerprint.simhash) > 3);
}

TEST_CASE("words mixing ASCII, non-ASCII letters, digits and case count as one word each", "[stats]") {
  // The text pass reads runs of ASCII letters and digits in a loop of its own; a word may start,
  // continue or end outside such a run. Lowercasing must make every spelling the same token.
  const std::string text = "CAFÉ café Café THE the The naïve NAÏVE COVID-19 Xi'an 3.51 ABC中文def";
  const ArticleStats s = stats_of(text);
  // CAFÉ café Café THE the The naïve NAÏVE COVID-19 Xi'an 3.51 ABC def: 13 words; 中 文: 2 tokens
  CHECK(s.english_words == 13);
  CHECK(s.tokens == 15);
  // Types: café, the, naïve, covid-19, xi'an, 3.51, abc, def, 中, 文
  CHECK(s.distinct_tokens == 10);
  CHECK(s.stop_words == 3);  // THE the The
  // C A F É, C, T H E, T, N A Ï V E, C O V I D, X, A B C
  CHECK(s.uppercase == 4 + 1 + 3 + 1 + 5 + 5 + 1 + 3);
  CHECK(s.digits == 2 + 3);  // 19, 351
  // 4+4+4+3+3+3+5+5+5+4+0+3+3 Latin letters (the digits, '-', '\'' and '.' are not)
  CHECK(s.latin_letters == 46);
  CHECK(s.english_word_chars == 4 + 4 + 4 + 3 + 3 + 3 + 5 + 5 + 8 + 5 + 4 + 3 + 3);
  CHECK(s.cjk_chars == 2);
}

TEST_CASE("a word counts the same whether 16 bytes follow it in its line or not", "[stats]") {
  // The text pass reads a run of ASCII letters and digits 16 bytes at a time while 16 bytes of
  // the line remain, and byte by byte near the line's end. Each word below appears once early in
  // a long line (the 16-byte path) and once alone on a line (the byte path): if the two paths
  // hashed or counted a word differently, the second copy would be a new type.
  const std::vector<std::string> words = {
      "Xi'an", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz0123456789", "The", "COVID-19",
      "naïve", "3.51", "2,100", "e-commerce", "L3′s", "network.Investment", "MiXeD9Case", "a", "Z",
      // Longer than the 64 bytes a word's hash folds at, ASCII and not.
      std::string(150, 'Q') + "x", "Ünïcödé" + std::string(70, 'y') + "ÄÖÜ" + std::string(40, 'Z')};
  const std::string pad = " and then some more words to follow it";
  std::string early, both;
  for (const std::string& w : words) early += w + pad + "\n";
  both = early;
  for (const std::string& w : words) both += w + "\n";
  const ArticleStats e = stats_of(early);
  const ArticleStats b = stats_of(both);
  CHECK(b.distinct_tokens == e.distinct_tokens);
  CHECK(b.tokens > e.tokens);
  // Each copy adds the same counts as the first: twice the early text minus the padding's share.
  const ArticleStats pads = stats_of([&] {
    std::string t;
    for (std::size_t k = 0; k < words.size(); ++k) t += pad.substr(1) + "\n";
    return t;
  }());
  CHECK(b.uppercase == 2 * e.uppercase - pads.uppercase);
  CHECK(b.digits == 2 * e.digits - pads.digits);
  CHECK(b.latin_letters == 2 * e.latin_letters - pads.latin_letters);
  CHECK(b.english_word_chars == 2 * e.english_word_chars - pads.english_word_chars);
  CHECK(b.stop_words == 2 * e.stop_words - pads.stop_words);
}

TEST_CASE("Gopher's eight stop words count in any case, their neighbours do not", "[stats]") {
  // be to of the and that have with, in three spellings: 24.
  const ArticleStats yes = stats_of("be to of the and that have with BE TO OF THE AND THAT HAVE WITH "
                                    "Be To Of The And That Have With");
  CHECK(yes.stop_words == 24);
  // Prefixes, extensions and one-letter changes of each, and non-ASCII look-alikes.
  const ArticleStats no = stats_of("b t o th an tha hav wit bee tot off then andy thats haves withe "
                                   "bo ta if tho end than hove wish thé ānd withs 2be t0");
  CHECK(no.stop_words == 0);
}
