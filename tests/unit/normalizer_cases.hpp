// Table-driven normalizer tests: each case is a real line (or the smallest piece of one) from
// data/, run with only one kind switched on, and the text it must become. A case whose expected
// text equals its input is a must-not-change case.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "corpus_scan/normalizer.hpp"

// Invisible and look-alike characters, spelled out so a reader sees what a case holds.
#define NBSP "\u00A0"
#define IDEOGRAPHIC_SPACE "\u3000"
#define ZWSP "\u200B"
#define ZWJ "\u200D"
#define BOM "\uFEFF"
#define LSQUO "\u2018"      // ‘
#define RSQUO "\u2019"      // ’
#define PRIME "\u2032"      // ′
#define ELLIPSIS "\u2026"   // …
#define EM_DASH "\u2014"    // —
#define REPLACEMENT "\uFFFD"

namespace corpus_scan::test {

struct NormalizerCase {
  const char* input;
  const char* expected;
};

inline NormalizeOptions only(EditKind kind) {
  NormalizeOptions o;
  o.enabled.fill(false);
  o.set(kind, true);
  if (kind != EditKind::Unicode) o.form = UnicodeForm::None;
  return o;
}

// Runs every case with only `kind` on; checks the output, that every edit is of that kind, and
// that every edit's span slices the input to its `before`.
inline void check_cases(EditKind kind, const std::vector<NormalizerCase>& cases, NormalizeOptions options) {
  const Normalizer normalizer(options);
  for (const NormalizerCase& c : cases) {
    const std::string input = c.input;
    std::string out;
    std::vector<Edit> edits;
    normalizer.normalize_line(input, 0, out, &edits);
    INFO("kind: " << kind_name(kind) << "\ninput: " << input);
    CHECK(out == c.expected);
    for (const Edit& e : edits) {
      CHECK(e.kind == kind);
      REQUIRE(e.end <= input.size());
      CHECK(input.substr(e.begin, e.end - e.begin) == e.before);
    }
    if (out == input) {
      for (const Edit& e : edits) CHECK(e.before == e.after);  // only report-only findings
    }
  }
}

inline void check_cases(EditKind kind, const std::vector<NormalizerCase>& cases) {
  check_cases(kind, cases, only(kind));
}

}  // namespace corpus_scan::test
