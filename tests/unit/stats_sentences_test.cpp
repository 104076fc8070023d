// The sentence scanner must give ICU's answer wherever it answers at all: checked on every line
// of data/ and on lines built around each Unicode sentence rule it implements.
#include <catch2/catch.hpp>

#include "../../src/stats_internal.hpp"
#include "corpus_scan/text.hpp"
#include "test_util.hpp"

using namespace corpus_scan;
using namespace corpus_scan::stats_detail;

namespace {

// -1 when the scanner leaves the line to ICU.
int scanned(std::string_view line) {
  const std::uint16_t* bmp = bmp_char_classes();
  std::vector<std::uint8_t> classes;
  for (std::size_t i = 0; i < line.size();) {
    const DecodedChar d = decode_utf8(line, i);
    classes.push_back(static_cast<std::uint8_t>(char_class(bmp, d.cp) >> kSbShift));
    i += d.length;
  }
  return count_sentences_scanned(classes.data(), classes.size());
}

}  // namespace

TEST_CASE("sentence scanner agrees with ICU on every line of data/", "[stats][sentences]") {
  std::size_t compared = 0, handed_to_icu = 0;
  for (const std::string& name : test::data_files()) {
    const std::string text = test::slurp(test::data_path(name));
    for (const Line& l : split_lines(text)) {
      const std::string_view line = l.content(text);
      const int s = scanned(line);
      if (s < 0) {
        ++handed_to_icu;
        continue;
      }
      INFO(name << ": " << line);
      CHECK(static_cast<std::size_t>(s) == count_sentences_icu(line));
      ++compared;
    }
  }
  CHECK(compared > 2000);
  CHECK(handed_to_icu < compared / 20);  // the scanner, not ICU, does the work
}

TEST_CASE("sentence scanner applies each rule as ICU does", "[stats][sentences]") {
  struct Case {
    const char* line;
    int sentences;  // counted by hand from UAX #29
  };
  const Case cases[] = {
      {"", 0},
      {"   ", 0},
      {"One sentence without an end", 1},
      {"Two sentences. Here is the second.", 2},
      {"Up 3.5 percent.", 1},                                  // SB6: ATerm x Numeric
      {"The U.S.A. team won.", 1},                             // SB7 and SB8a... "U.S.A. team": lower after
      {"He said e.g. the thing.", 1},                           // SB8: lower case after ATerm Sp
      {"Mr. Smith arrived.", 2},                                // ICU has no abbreviation list by default
      {"Really?! Yes.", 2},                                     // SB8a: STerm x STerm
      {"He left (quickly.) Then he came.", 2},                  // SB9: Close after the term
      {"\"Stop.\" She stopped.", 2},
      {"China’s GDP grew. “It is good,” he said.", 2},           // curly quotes are Close
      {"Wait... what?", 1},                                     // SB8: lower after the dots
      {"Wait... What?", 2},
      {"etc., and more.", 1},                                   // SB8a: SContinue after ATerm
      {"第一句。第二句！第三句？", 3},                              // CJK STerm
      {"这是中文。This is English.", 2},
      {"Scores: 3-0. Manchester City won.", 2},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    CHECK(scanned(c.line) == c.sentences);
    CHECK(count_sentences_icu(c.line) == static_cast<std::size_t>(c.sentences));
  }
}

TEST_CASE("lines with combining marks or format characters go to ICU", "[stats][sentences]") {
  CHECK(scanned("cafe\xCC\x81 ok. Next.") == -1);  // U+0301 is Extend
  CHECK(scanned("a\xE2\x80\x8B" "b. C.") == -1);    // U+200B is Format
  CHECK(count_sentences_icu("cafe\xCC\x81 ok. Next.") == 2);
}
