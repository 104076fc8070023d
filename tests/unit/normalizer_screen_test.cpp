// The line screen is only allowed to skip work: a pass whose trigger is absent from a line must
// find nothing on it. Checked over every line of data/ and the fixtures (and over what the
// normalizer makes of them), plus table cases of what each trigger notices.
#include <catch2/catch.hpp>

#include <utility>

#include "normalizer/passes.hpp"
#include "normalizer/screen.hpp"
#include "corpus_scan/normalizer.hpp"
#include "corpus_scan/text.hpp"
#include "test_util.hpp"

using namespace corpus_scan;
using namespace corpus_scan::normalizer;
using namespace corpus_scan::test;

namespace {

using Pass = void (*)(std::string_view, std::vector<Pending>&);

struct Gate {
  const char* name;
  Pass pass;
  bool (*may_run)(std::uint32_t screen);
};

// normalize_line's own condition for skipping each pass (screen.hpp's triggered()).
template <EditKind kind>
bool triggered_for(std::uint32_t screen) {
  return triggered(kind, screen);
}

const Gate kGates[] = {
    {"invalid-utf8", &find_invalid_utf8, [](std::uint32_t s) { return (s & kNonAscii) != 0; }},
    {"whitespace", &find_whitespace, &triggered_for<EditKind::Whitespace>},
    {"cjk-punct", &find_cjk_punct, &triggered_for<EditKind::CjkPunctInLatin>},
    {"split-ellipsis", &find_split_ellipsis, &triggered_for<EditKind::SplitEllipsis>},
    {"split-dash", &find_split_dash, &triggered_for<EditKind::SplitDash>},
    {"broken-apostrophe", &find_broken_apostrophe, &triggered_for<EditKind::BrokenApostrophe>},
    {"split-number", &find_split_number, &triggered_for<EditKind::SplitNumber>},
    {"split-domain", &find_split_domain, &triggered_for<EditKind::SplitDomain>},
    {"missing-space", &find_missing_space, &triggered_for<EditKind::MissingSpace>},
    {"glued-words", &find_glued_words, &triggered_for<EditKind::GluedWords>},
};

// Every line of data/ and the fixtures, and each line as the normalizer leaves it.
std::vector<std::string> sample_lines() {
  std::vector<std::string> lines;
  std::vector<std::string> paths;
  for (const std::string& f : data_files()) paths.push_back(data_path(f));
  for (const char* f : {"blank_lines.txt", "bom.txt", "crlf.txt", "invalid_utf8.txt", "lone_cr.txt"})
    paths.push_back(fixture_path(f));
  const Normalizer normalizer;
  for (const std::string& p : paths) {
    const std::string text = slurp(p);
    for (const Line& l : split_lines(text)) {
      lines.emplace_back(l.content(text));
      std::string out;
      normalizer.normalize_line(l.content(text), 0, out, nullptr);
      lines.push_back(std::move(out));
    }
  }
  return lines;
}

}  // namespace

TEST_CASE("screen: a pass whose trigger is absent finds nothing on real lines", "[normalizer][screen]") {
  const std::vector<std::string> lines = sample_lines();
  REQUIRE(lines.size() > 1000);
  std::size_t skipped = 0;
  std::vector<Pending> found;
  for (const std::string& line : lines) {
    const std::uint32_t screen = screen_line(line);
    for (const Gate& g : kGates) {
      if (g.may_run(screen)) continue;
      ++skipped;
      found.clear();
      g.pass(line, found);
      INFO(g.name << " on: " << line);
      CHECK(found.empty());
    }
  }
  CHECK(skipped > lines.size());  // the screen does skip work on these lines
}

TEST_CASE("screen: lost-chars needs ?? or U+FFFD", "[normalizer][screen]") {
  for (const std::string& line : sample_lines()) {
    if (triggered(EditKind::LostChars, screen_line(line))) continue;
    std::vector<std::pair<std::size_t, std::size_t>> lost;
    find_lost_chars(line, lost);
    INFO(line);
    CHECK(lost.empty());
  }
}

TEST_CASE("screen: what each trigger notices", "[normalizer][screen]") {
  struct Case {
    const char* line;
    std::uint32_t must_have;
    std::uint32_t must_not_have;
  };
  const Case cases[] = {
      // Plain English: nothing for the word passes to look at.
      {"the economy grew by three percent this year", 0,
       kNonAscii | kControl | kDoubleSpace | kEdgeSpace | kDotSpace | kSpacedQuote | kDigitGap | kPunctUpper | kUpperLower},
      {"network.Investment", kPunctUpper, kDotSpace},
      {"according toPoisonous", kUpperLower | kBeforeUpper, kPunctUpper},
      {"x)According", kBeforeUpper | kUpperLower, 0},
      {"Guangming. com", kDotSpace | kUpperLower | kDomainGap, kSpaceDot},
      {"www. Xinhua", kDotSpace | kDomainGap, 0},
      {"It rose. The end. A", kDotSpace, kDomainGap},  // sentences, not domains
      {"e.g. the", kDotSpace | kDomainGap, 0},          // split-domain decides
      {"wait . . . then", kDotSpace | kSpaceDot, kNonAscii},
      {"Xi 'an", kSpacedQuote, 0},
      {"Xi \xE2\x80\x98" "an", kSpacedQuote | kNonAscii, 0},
      {"Xi\xE2\x80\x99 an", kSpacedQuote | kNonAscii, 0},
      {"China's economy", 0, kSpacedQuote},
      {"China\xE2\x80\x99s economy", 0, kSpacedQuote},
      {"said \xE2\x80\x9Cyes\xE2\x80\x9D", 0, kSpacedQuote},
      {"at 8: 00 pm", kDigitGap, 0},
      {"the 14 th day", kDigitGap, 0},
      {"in 2024,the", 0, kDigitGap},
      {"in 2024 we grew", 0, kDigitGap},
      {"in 2024 the", 0, kDigitGap},  // "the" is no ordinal suffix: "th" has a letter after it
      {"in 2024 th.", kDigitGap, 0},  // "4 th" could be an ordinal: the pass decides
      // Ordinal suffixes whole, real lines from data/ (the trigger was any s, n, r or t after a space).
      {"The main situation of the \"14 th Five-Year Plan\" of", kDigitGap, 0},
      {"ization, the soil during the 14 th Five-Year Plan, In", kDigitGap, 0},
      {"has been upgraded more than 200 times, the rate calculati", 0, kDigitGap},
      {"price. At present, more than 50 stars have settled in. In", 0, kDigitGap},
      {"dded output value will exceed 1 trillion yuan.", 0, kDigitGap},
      {" on December 3, there were 1392 new cases of Covid-19 i", 0, kDigitGap},
      {"the 2 nd and 3 rd", kDigitGap, 0},
      {"the 2 nda", 0, kDigitGap},
      {"at 8 : 00", kDigitGap, 0},
      {"the 1 st", kDigitGap, 0},
      {"ratio 3:1", 0, kDigitGap},
      {"two  spaces", kDoubleSpace, kEdgeSpace},
      {" leading", kEdgeSpace, 0},
      {"trailing ", kEdgeSpace, 0},
      {"tab\there", kControl, 0},
      {"del\x7f", kControl, 0},
      {"lost ??with", kDoubleQuestion, 0},
      {"bad \xEF\xBF\xBD char", kReplacementLead | kNonAscii, 0},
      {"what?", 0, kDoubleQuestion | kReplacementLead},
      // Invalid UTF-8 (the repair runs only then); real lines from data/ are valid.
      {"\xE6\xA0\x87\xE7\xAD\xBE\xE5\xBD\x92\xE6\xA1\xA3 \xE6\xAD\xA6\xE6\xB1\x89\xE5\x93\x81\xE8\x8C\xB6\xE8\xB5\x84\xE6\xBA\x90", 0, kBadUtf8},
      {"\xE9\x80\x9A\xE8\xBF\x87" "admin", 0, kBadUtf8},
      {"  China\xE2\x80\x99s webcasting emerged in 2005, and it developed by spurt in 2016.", 0, kBadUtf8},
      {"caf\xC3\xA9 and \xF0\x9F\x98\x80 and \xEF\xBF\xBD", 0, kBadUtf8},
      {"lone \x80 byte", kBadUtf8, 0},
      {"\x80 at the start", kBadUtf8, 0},
      {"cut short \xE4\xB8", kBadUtf8, 0},
      {"\xE4\xB8\xAD\x80 one continuation too many", kBadUtf8, 0},
      {"\xC0\xAF overlong", kBadUtf8, 0},
      {"\xE0\x80\xAF overlong", kBadUtf8, 0},
      {"\xED\xA0\x80 surrogate", kBadUtf8, 0},
      {"\xF4\x90\x80\x80 past U+10FFFF", kBadUtf8, 0},
      {"\xF5\x80\x80\x80 no lead", kBadUtf8, 0},
      // Non-ASCII: only the characters some pass acts on.
      {"China\xE2\x80\x99s economy", kNonAscii, kOddSpace | kCjkPunctMark | kEllipsisMark | kDashMark},
      {"\xE4\xB8\xAD\xE5\x9B\xBD\xE7\xBB\x8F\xE6\xB5\x8E", kNonAscii, kOddSpace | kCjkPunctMark | kEllipsisMark | kDashMark},
      {"caf\xC3\xA9 au lait", kNonAscii, kOddSpace | kCjkPunctMark},
      {"no\xC2\xA0" "break", kOddSpace, kCjkPunctMark},
      {"zero\xE2\x80\x8Bwidth", kOddSpace, kCjkPunctMark},
      {"word\xE2\x81\xA0joiner", kOddSpace, 0},
      {"\xEF\xBB\xBF" "bom", kOddSpace | kReplacementLead, kCjkPunctMark},
      {"ideographic\xE3\x80\x80space", kOddSpace | kCjkPunctMark, 0},
      {"growth\xEF\xBC\x8C the", kCjkPunctMark, kOddSpace},
      {"\xE2\x80\x9Cquoted\xE2\x80\x9D", kCjkPunctMark, kOddSpace | kEllipsisMark},
      {"end\xE3\x80\x82", kCjkPunctMark, kOddSpace},
      {"wait\xE2\x80\xA6", kEllipsisMark, kDashMark | kCjkPunctMark},
      {"a\xE2\x80\x94" "b", kDashMark, kEllipsisMark | kOddSpace},
      {"cut \xE2\x80", kNonAscii, kSpacedQuote | kOddSpace | kCjkPunctMark | kEllipsisMark | kDashMark},
      // Characters the NFC pass may change (kNfcSuspect) and characters the screen proves inert,
      // real lines from data/: curly quotes, dashes, ellipses, Chinese letters and punctuation are
      // inert; letter-like symbols, Roman numerals and Greek letters are left to the pass.
      {"e between 5\xE2\x84\x83 and 35\xE2\x84\x83, and the relative humidity should be below 85%. I", kNfcSuspect, 0},
      {"\xE7\x82\xB9,\xE5\x8A\xA3\xE2\x85\xA4\xE7\xB1\xBB\xE6\xB0\xB4\xE4\xBD\x93", kNfcSuspect, 0},
      {"haracters (such as \xCF\x89, \xCE\xBC) in the power field.5) Intelligent pre-examina", kNfcSuspect, 0},
      {"cafe\xCC\x81 with a combining accent", kNfcSuspect, 0},
      {"\xE2\x80\x80 en quad, a singleton", kNfcSuspect, 0},
      {"\xE6\x9D\x8E\xE8\x8A\xB3:\xE2\x80\x9C\xE5\x8D\x81\xE4\xB8\x89\xE4\xBA\x94\xE2\x80\x9D\xE6\x9C\x9F\xE9\x97\xB4,\xE5\x85\xA8", kNonAscii, kNfcSuspect},
      {"  China\xE2\x80\x99s webcasting emerged in 2005, and it developed by spur", kNonAscii, kNfcSuspect},
      {"xpedition \xE2\x80\x94 \xE2\x80\x94 Homemade battle clothes, classic red and blue, steel bat", kNonAscii, kNfcSuspect},
      {"of OpenAI \xE2\x80\xA6\"", kNonAscii, kNfcSuspect},
      {"\xE5\x85\xA8\xE5\x8C\xBA" "13\xE6\xAE\xB5\xE3\x80\x82growth\xEF\xBC\x8C the", kNonAscii, kNfcSuspect},
      {"caf\xC3\xA9 au lait", kNonAscii, kNfcSuspect},
  };
  for (const Case& c : cases) {
    const std::uint32_t s = screen_line(c.line);
    INFO(c.line);
    CHECK((s & c.must_have) == c.must_have);
    CHECK((s & c.must_not_have) == 0);
  }
  CHECK(screen_line("") == 0);
}
