// Learns a dump's separator line from the file itself: a short line that stands alone, recurs,
// and is spread through the page (or opens it), so that short lines recurring *inside* one
// article - a photo-caption stub `one` printed four times, `Well-documented:` twice, `Top three
// men` in a results table - are not taken for separators.
#include <algorithm>
#include <array>
#include <unordered_map>

#include "splitter_internal.hpp"

namespace corpus_scan::splitting {

namespace {

// Prefixes of the "by someone" lines sites put before each article. Lines of this shape are
// grouped by their prefix, so `By admin` and `By editor` on one page count as one separator.
constexpr std::array<std::string_view, 8> kBylinePrefixes{"posted by ", "written by ", "by ", "通过",
                                                           "作者", "发布者", "发布人", "发表于"};

// The prefix when the line is "by someone" (a short name after one of kBylinePrefixes).
std::string_view byline_prefix(std::string_view line, std::uint32_t chars) {
  if (chars > 30) return {};
  for (std::string_view p : kBylinePrefixes) {
    if (!starts_with_ci(line, p) || line.size() == p.size()) continue;
    const std::string_view name = trim_space(line.substr(p.size()));
    const bool one_or_two_words = std::count(name.begin(), name.end(), ' ') <= 1;
    if (!name.empty() && one_or_two_words && name.back() != '.') return p;
  }
  return {};
}

bool ends_like_sentence(std::string_view s) {
  const char c = s.back();
  return c == '.' || c == '?' || c == '!' || c == ',' || c == ';' || c == ':' ||
         s.ends_with("。") || s.ends_with("，") || s.ends_with("：") || s.ends_with("？");
}

struct Candidate {
  std::vector<std::size_t> lines;   // where it occurs
  std::vector<std::size_t> ranks;   // its rank among non-blank lines
  bool separator_shaped = false;  // "by someone" or a decorative rule
};

// True when the occurrences look like a page's separators rather than a recurring line of text:
// spread over the page (or, for a "by someone" line, opening it) and each followed by a line
// shaped like a title.
bool accept(const Candidate& c, std::size_t nonblank_lines, const LineTable& table, const SplitOptions& options) {
  const std::size_t n = c.lines.size();
  if (n < options.min_separator_repeats && !c.separator_shaped) return false;
  for (std::size_t k = 1; k < n; ++k)
    if (c.ranks[k] - c.ranks[k - 1] < 2) return false;  // an article needs a title and a body
  const bool opens_page = c.ranks.front() <= 3;
  const bool spread = n >= 2 && (c.ranks.back() - c.ranks.front()) * 2 >= nonblank_lines;
  if (c.separator_shaped ? !(opens_page || spread) : !(spread && (opens_page || n >= 3))) return false;
  std::size_t titled = 0;
  for (std::size_t line : c.lines) {
    std::size_t next = line + 1;
    while (next < table.info.size() && table.info[next].blank) ++next;
    // the last one may close the page with nothing after it (a file of only chrome)
    if (next == table.info.size() || table.info[next].title_shape >= 0.3f) ++titled;
  }
  return titled * 5 >= n * 3;
}

}  // namespace

std::vector<std::size_t> find_separators(const LineTable& table, const SplitOptions& options) {
  std::unordered_map<std::string_view, Candidate> candidates;
  std::size_t rank = 0;
  for (std::size_t i = 0; i < table.info.size(); ++i) {
    const LineInfo& li = table.info[i];
    if (li.blank) continue;
    const std::size_t r = rank++;
    if (li.chars > options.max_separator_chars || li.cue == LineCue::EndOfArticle ||
        li.cue == LineCue::PageHeader || ends_like_sentence(li.trimmed))
      continue;
    const std::string_view prefix = byline_prefix(li.trimmed, li.chars);
    Candidate& c = candidates[prefix.empty() ? li.trimmed : prefix];
    c.separator_shaped = !prefix.empty() || li.decorative;
    c.lines.push_back(i);
    c.ranks.push_back(r);
  }
  const Candidate* best = nullptr;
  for (const auto& [key, c] : candidates) {
    if (!accept(c, rank, table, options)) continue;
    // More occurrences win; ties go to the separator-shaped line, then to the earlier one.
    if (!best || c.lines.size() > best->lines.size() ||
        (c.lines.size() == best->lines.size() &&
         (c.separator_shaped > best->separator_shaped ||
          (c.separator_shaped == best->separator_shaped && c.lines.front() < best->lines.front()))))
      best = &c;
  }
  return best ? best->lines : std::vector<std::size_t>{};
}

}  // namespace corpus_scan::splitting
