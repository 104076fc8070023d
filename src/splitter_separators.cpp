// Learns a dump's separator line from the file itself: a short line that stands alone, recurs,
// and is spread through the page (or opens it), so that short lines recurring *inside* one
// article - a photo-caption stub `one` printed four times, `Well-documented:` twice, `Top three
// men` in a results table - are not taken for separators.
#include <algorithm>
#include <array>
#include <bit>
#include <functional>
#include <optional>
#include <span>

#include "splitter_internal.hpp"

namespace corpus_scan::splitting {

namespace {

// Prefixes of the "by someone" lines sites put before each article. Lines of this shape are
// grouped by their prefix, so `By admin` and `By editor` on one page count as one separator.
constexpr std::array<std::string_view, 8> kBylinePrefixes{"posted by ", "written by ", "by ", "通过",
                                                           "作者", "发布者", "发布人", "发表于"};

// Which prefixes a line may start with, by its first byte: a line starting otherwise (nearly
// all) is no byline, without trying the eight prefixes one after the other.
const FirstByteIndex kBylinePrefixIndex(kBylinePrefixes, kItself);

// The prefix when the line is "by someone" (a short name after one of kBylinePrefixes).
std::string_view byline_prefix(std::string_view line, std::uint32_t chars) {
  if (chars > 30 || line.empty()) return {};
  for (std::uint64_t rows = kBylinePrefixIndex.candidates(line[0]); rows != 0; rows &= rows - 1) {
    const std::string_view p = kBylinePrefixes[static_cast<std::size_t>(std::countr_zero(rows))];
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

struct Occurrence {
  std::size_t line;  // where the candidate occurs
  std::size_t rank;  // its rank among non-blank lines
};

struct Candidate {
  std::span<const Occurrence> at;  // its occurrences, in order
  bool separator_shaped = false;   // "by someone" or a decorative rule
};

// True when the occurrences look like a page's separators rather than a recurring line of text:
// spread over the page (or, for a "by someone" line, opening it) and each followed by a line
// shaped like a title.
bool accept(const Candidate& c, std::size_t nonblank_lines, const LineTable& table, const SplitOptions& options) {
  const std::size_t n = c.at.size();
  if (n < options.min_separator_repeats && !c.separator_shaped) return false;
  for (std::size_t k = 1; k < n; ++k)
    if (c.at[k].rank - c.at[k - 1].rank < 2) return false;  // an article needs a title and a body
  const bool opens_page = c.at.front().rank <= 3;
  const bool spread = n >= 2 && (c.at.back().rank - c.at.front().rank) * 2 >= nonblank_lines;
  if (c.separator_shaped ? !(opens_page || spread) : !(spread && (opens_page || n >= 3))) return false;
  std::size_t titled = 0;
  for (const Occurrence& o : c.at) {
    std::size_t next = o.line + 1;
    while (next < table.info.size() && table.info[next].blank) ++next;
    // the last one may close the page with nothing after it (a file of only chrome)
    if (next == table.info.size() || table.info[next].title_shape >= 0.3f) ++titled;
  }
  return titled * 5 >= n * 3;
}

}  // namespace

// Candidates are grouped by their key (the line, or its "by someone" prefix) in an open-addressing
// table of key numbers, and their occurrences then laid out key by key with a counting sort, in
// line order: a std::unordered_map of vectors allocated a node and two vectors for nearly every
// candidate line (most occur once), and its allocations and probes mispredicted ~13 times a line.
std::vector<std::size_t> find_separators(const LineTable& table, const SplitOptions& options) {
  std::vector<std::string_view> keys;     // key number -> key, in order of first occurrence
  std::vector<std::uint32_t> count;       // occurrences of each key
  std::vector<bool> shaped;               // separator_shaped, as its last occurrence says
  std::vector<std::pair<std::uint32_t, Occurrence>> found;  // (key number, occurrence) in line order
  std::size_t slots = 16;
  while (slots < 2 * table.info.size()) slots *= 2;
  std::vector<std::uint32_t> slot(slots, 0);  // key number + 1; 0: empty
  std::size_t rank = 0;
  for (std::size_t i = 0; i < table.info.size(); ++i) {
    const LineInfo& li = table.info[i];
    if (li.blank) continue;
    const std::size_t r = rank++;
    if (li.chars > options.max_separator_chars || li.cue == LineCue::EndOfArticle ||
        li.cue == LineCue::PageHeader || ends_like_sentence(li.trimmed))
      continue;
    const std::string_view prefix = byline_prefix(li.trimmed, li.chars);
    const std::string_view key = prefix.empty() ? li.trimmed : prefix;
    std::size_t at = std::hash<std::string_view>{}(key) & (slots - 1);
    while (slot[at] != 0 && keys[slot[at] - 1] != key) at = (at + 1) & (slots - 1);
    if (slot[at] == 0) {
      keys.push_back(key);
      count.push_back(0);
      shaped.push_back(false);
      slot[at] = static_cast<std::uint32_t>(keys.size());
    }
    const std::uint32_t k = slot[at] - 1;
    ++count[k];
    shaped[k] = !prefix.empty() || li.decorative;
    found.push_back({k, Occurrence{i, r}});
  }
  std::vector<std::size_t> begin(keys.size() + 1, 0);  // where each key's occurrences start
  for (std::size_t k = 0; k < keys.size(); ++k) begin[k + 1] = begin[k] + count[k];
  std::vector<Occurrence> grouped(found.size());
  {
    std::vector<std::size_t> next(begin.begin(), begin.end() - 1);
    for (const auto& [k, o] : found) grouped[next[k]++] = o;
  }
  std::optional<Candidate> best;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    const Candidate c{std::span<const Occurrence>(grouped).subspan(begin[k], count[k]), shaped[k]};
    if (!accept(c, rank, table, options)) continue;
    // More occurrences win; ties go to the separator-shaped line, then to the earlier one.
    if (!best || c.at.size() > best->at.size() ||
        (c.at.size() == best->at.size() &&
         (c.separator_shaped > best->separator_shaped ||
          (c.separator_shaped == best->separator_shaped && c.at.front().line < best->at.front().line))))
      best = c;
  }
  std::vector<std::size_t> lines;
  if (best)
    for (const Occurrence& o : best->at) lines.push_back(o.line);
  return lines;
}

}  // namespace corpus_scan::splitting
