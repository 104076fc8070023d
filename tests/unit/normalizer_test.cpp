// Properties of the whole normalizer over every real file: edits slice the original exactly,
// normalizing twice changes nothing, and every kind can be switched off.
#include <catch2/catch.hpp>

#include <algorithm>

#include "corpus_scan/normalizer.hpp"
#include "corpus_scan/reader.hpp"
#include "corpus_scan/scan.hpp"
#include "normalizer/line.hpp"
#include "normalizer_cases.hpp"
#include "test_util.hpp"

using namespace corpus_scan;
using namespace corpus_scan::test;

namespace {

std::string normalize(std::string_view line, std::vector<Edit>* edits = nullptr, NormalizeOptions o = {}) {
  std::string out;
  Normalizer(o).normalize_line(line, 0, out, edits);
  return out;
}

std::vector<std::string> corpus_paths() {
  std::vector<std::string> paths;
  for (const std::string& f : data_files()) paths.push_back(data_path(f));
  for (const char* f : {"blank_lines.txt", "bom.txt", "crlf.txt", "invalid_utf8.txt", "lone_cr.txt", "empty.txt"})
    paths.push_back(fixture_path(f));
  return paths;
}

struct Normalized {
  std::string text;
  std::vector<Edit> edits;
};

Normalized normalize_source(const SourceText& src, const Normalizer& normalizer) {
  Normalized n;
  const std::vector<Line> lines = split_lines(src.text());
  normalize_lines(src, lines, 0, lines.size(), normalizer, n.text, &n.edits);
  return n;
}

SourceText load(const std::string& path) {
  DecodeResult r = read_file(path);
  REQUIRE(r.source);
  return std::move(*r.source);
}

}  // namespace

TEST_CASE("every kind has a name that maps back to it", "[normalizer]") {
  for (EditKind k : all_kinds()) CHECK(kind_from_name(kind_name(k)) == k);
  CHECK_FALSE(kind_from_name("no-such-kind"));
}

TEST_CASE("every edit over data/ and the fixtures slices the original file to its before text", "[normalizer]") {
  const Normalizer normalizer;
  std::size_t checked = 0;
  for (const std::string& path : corpus_paths()) {
    const SourceText src = load(path);
    const Normalized n = normalize_source(src, normalizer);
    std::uint64_t last_begin = 0;
    for (const Edit& e : n.edits) {
      INFO(path << " edit " << kind_name(e.kind) << " at " << e.begin);
      REQUIRE(e.begin <= e.end);
      REQUIRE(e.end <= src.original.size());
      CHECK(src.original.substr(e.begin, e.end - e.begin) == e.before);
      CHECK(e.begin >= last_begin);  // in order of position
      last_begin = e.begin;
      ++checked;
    }
  }
  CHECK(checked > 300);  // 429 edits when this was written
}

TEST_CASE("normalize_lines gives what normalize_line gives line by line, runs of unchanged lines included", "[normalizer]") {
  // normalize_lines copies a run of unchanged lines and their "\n" terminators in one append;
  // a CRLF or CR terminator (crlf.txt, lone_cr.txt) or a changed line ends the run.
  const Normalizer normalizer;
  std::vector<std::string> paths = corpus_paths();
  paths.push_back(fixture_path("encodings/gbk.txt"));  // transcoded: text() is not the original bytes
  for (const std::string& path : paths) {
    const SourceText src = load(path);
    const std::vector<Line> lines = split_lines(src.text());
    // The whole file, and ranges that start and end inside runs of unchanged lines.
    for (const auto& [first, end] : {std::pair<std::size_t, std::size_t>{0, lines.size()},
                                     {lines.size() / 3, lines.size() / 2}, {1, lines.size() / 4}}) {
      if (first > end || end > lines.size()) continue;
      std::string expected;
      std::vector<Edit> expected_edits;
      for (std::size_t i = first; i < end; ++i) {
        if (i > first) expected.push_back('\n');
        normalizer.normalize_line(lines[i].content(src.text()), lines[i].begin, expected, &expected_edits);
      }
      std::string out = "kept:";  // normalize_lines appends
      std::vector<Edit> edits;
      normalize_lines(src, lines, first, end, normalizer, out, &edits);
      INFO(path << " lines " << first << "-" << end);
      CHECK(out == "kept:" + expected);
      if (src.transcoded) continue;  // normalize_lines maps the edits to the original bytes
      REQUIRE(edits.size() == expected_edits.size());
      for (std::size_t k = 0; k < edits.size(); ++k) {
        CHECK(edits[k].begin == expected_edits[k].begin);
        CHECK(edits[k].after == expected_edits[k].after);
      }
    }
  }
}

TEST_CASE("normalize_view returns an unchanged line itself, and a changed one as new text", "[normalizer]") {
  // Real lines from data/: as many that no pass changes as lines that some pass does.
  struct Case {
    const char* line;
    bool changes;
  };
  const Case cases[] = {
      {"", false},
      {"When it comes to doing it, Grok of Musk xAI is really open source as scheduled!", false},
      {"At present, xAI has not disclosed more information about Grok-1.", false},
      {"China\xE2\x80\x99s economy grew", false},
      {"\xE6\x9D\x8E\xE8\x8A\xB3:\xE2\x80\x9C\xE5\x8D\x81\xE4\xB8\x89\xE4\xBA\x94\xE2\x80\x9D\xE6\x9C\x9F\xE9\x97\xB4", false},
      {"lost ??with", false},  // reported (lost-chars), not changed
      {"  China\xE2\x80\x99s webcasting emerged in 2005, and it developed by spurt in 2016.", true},
      {"The main situation of the \"14 th Five-Year Plan\" of", true},
      {"xpedition \xE2\x80\x94 \xE2\x80\x94 Homemade battle clothes", true},
      {"according toPoisonous", true},
      {"bad \xFF byte", true},
  };
  const Normalizer normalizer;
  for (const Case& c : cases) {
    const std::string line = c.line;
    std::vector<Edit> edits;
    const std::string_view result = normalizer::normalize_view(normalizer, line, 0, &edits);
    std::string out;
    std::vector<Edit> line_edits;
    normalizer.normalize_line(line, 0, out, &line_edits);
    INFO(c.line);
    CHECK(result == out);
    CHECK(edits.size() == line_edits.size());
    CHECK(normalizer::unchanged(line, result) == !c.changes);
    if (!c.changes) CHECK(result.data() == line.data());
  }
}

TEST_CASE("applying the edits to the original reproduces the normalized text", "[normalizer]") {
  const Normalizer normalizer;
  for (const std::string& path : corpus_paths()) {
    const SourceText src = load(path);
    const std::vector<Line> lines = split_lines(src.text());
    for (const Line& line : lines) {
      std::string out;
      std::vector<Edit> edits;
      normalizer.normalize_line(line.content(src.text()), line.begin, out, &edits);
      std::string rebuilt;
      std::uint64_t at = line.begin;
      for (const Edit& e : edits) {
        rebuilt.append(src.original, at, e.begin - at);
        rebuilt.append(e.after);
        at = e.end;
      }
      rebuilt.append(src.original, at, line.end - at);
      INFO(path << " line at byte " << line.begin);
      CHECK(rebuilt == out);
    }
  }
}

TEST_CASE("normalizing normalized text changes nothing (data/ and fixtures)", "[normalizer]") {
  const Normalizer normalizer;
  std::size_t lines_checked = 0;
  for (const std::string& path : corpus_paths()) {
    const SourceText src = load(path);
    for (const Line& line : split_lines(src.text())) {
      const std::string once = normalize(line.content(src.text()));
      std::vector<Edit> edits;
      const std::string twice = normalize(once, &edits);
      INFO(path << " line at byte " << line.begin << ": " << once);
      CHECK(twice == once);
      for (const Edit& e : edits) {
        INFO(kind_name(e.kind) << " " << e.before << " -> " << e.after);
        CHECK(e.before == e.after);  // only report-only findings (lost-chars) may recur
      }
      ++lines_checked;
    }
  }
  CHECK(lines_checked > 2000);
}

TEST_CASE("a switched-off kind records and changes nothing; --only runs just that kind", "[normalizer]") {
  std::vector<SourceText> sources;
  for (const std::string& path : corpus_paths()) sources.push_back(load(path));
  for (EditKind kind : all_kinds()) {
    NormalizeOptions off;
    off.set(kind, false);
    if (kind == EditKind::Unicode) off.form = UnicodeForm::None;
    const Normalizer without(off);
    const Normalizer just(only(kind));
    for (const SourceText& src : sources) {
      INFO(kind_name(kind));
      for (const Edit& e : normalize_source(src, without).edits)
        CHECK((e.kind != kind || (kind == EditKind::LostChars && e.before != e.after)));
      for (const Edit& e : normalize_source(src, just).edits)
        CHECK((e.kind == kind || (e.kind == EditKind::LostChars && e.before != e.after)));
    }
  }
}

TEST_CASE("with every kind off, valid text comes out byte for byte", "[normalizer]") {
  NormalizeOptions none;
  none.enabled.fill(false);
  none.form = UnicodeForm::None;
  const Normalizer normalizer(none);
  for (const std::string& f : data_files()) {
    const SourceText src = load(data_path(f));
    const Normalized n = normalize_source(src, normalizer);
    CHECK(n.edits.empty());
    std::string joined;
    const std::vector<Line> lines = split_lines(src.text());
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i) joined.push_back('\n');
      joined.append(lines[i].content(src.text()));
    }
    CHECK(n.text == joined);
  }
}

TEST_CASE("a change to text an earlier pass produced merges into one edit over the original", "[normalizer]") {
  // whitespace first turns "  " into " ", then broken-apostrophe removes " ‘": one edit remains.
  const std::string line = "from Xi  " LSQUO "an International";
  std::vector<Edit> edits;
  CHECK(normalize(line, &edits) == "from Xi'an International");
  REQUIRE(edits.size() == 1);
  CHECK(edits[0].kind == EditKind::BrokenApostrophe);
  CHECK(edits[0].before == "  " LSQUO);
  CHECK(edits[0].after == "'");
  CHECK(line.substr(edits[0].begin, edits[0].end - edits[0].begin) == edits[0].before);
}

TEST_CASE("passes compose: Chinese comma in English text, then its missing space", "[normalizer]") {
  std::vector<Edit> edits;
  CHECK(normalize("Jin Hyundai said，The company", &edits) == "Jin Hyundai said, The company");
  REQUIRE(edits.size() == 2);
  CHECK(edits[0].kind == EditKind::CjkPunctInLatin);
  CHECK(edits[1].kind == EditKind::MissingSpace);
  CHECK(edits[1].begin == edits[0].end);
}

TEST_CASE("passes that enable each other run until the line is a fixed point", "[normalizer]") {
  // Fuzz findings: one round left work that only a second run of the normalizer would do.
  struct Case { std::string_view line, expected; };
  const Case cases[] = {
      {"to occupy blind roads. ioIn the end", "to occupy blind roads.io In the end"},  // glued-words, then split-domain
      {"the report.Hd.Hd", "the report. Hd. Hd"},                                      // missing-space twice
      {"according toPoisonous eyes", "according to Poisonous eyes"},                  // one round is enough
  };
  for (const Case& c : cases) {
    INFO(c.line);
    std::vector<Edit> edits;
    const std::string once = normalize(c.line, &edits);
    CHECK(once == c.expected);
    CHECK(normalize(once) == once);
    for (const Edit& e : edits) CHECK(c.line.substr(e.begin, e.end - e.begin) == e.before);
  }
}

TEST_CASE("edits carry the line's base offset", "[normalizer]") {
  std::string out;
  std::vector<Edit> edits;
  Normalizer().normalize_line("This is 8: 00 pm", 1000, out, &edits);
  REQUIRE(edits.size() == 1);
  CHECK(edits[0].begin == 1009);
  CHECK(edits[0].end == 1011);
}
