#include "corpus_scan/splitter.hpp"

#include <algorithm>
#include <map>

namespace corpus_scan {

namespace {

std::string_view trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e) {
    const DecodedChar d = decode_utf8(s, b);
    if (!is_horizontal_space(d.cp) && !is_invisible(d.cp)) break;
    b += d.length;
  }
  while (e > b) {
    const DecodedChar d = decode_utf8_before(s, e);
    if (!is_horizontal_space(d.cp) && !is_invisible(d.cp)) break;
    e -= d.length;
  }
  return s.substr(b, e - b);
}

std::size_t count_chars(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); i += decode_utf8(s, i).length) ++n;
  return n;
}

bool ends_like_sentence(std::string_view s) {
  if (s.empty()) return false;
  const DecodedChar d = decode_utf8_before(s, s.size());
  switch (d.cp) {
    case '.': case '!': case '?': case ';': case ',': case ':':
    case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF1B: case 0xFF0C: case 0xFF1A:
      return true;
    default:
      return false;
  }
}

// Learns the separator line of a dump: a short line that stands alone, recurs, shows up among the
// first lines of the page, and is never crowded (its occurrences are far apart).
std::vector<std::size_t> find_separators(std::string_view text, const std::vector<Line>& lines,
                                         const SplitOptions& options) {
  std::map<std::string_view, std::vector<std::size_t>> occurrences;
  std::vector<std::size_t> nonblank_rank(lines.size(), 0);
  std::size_t rank = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view t = trim(lines[i].content(text));
    if (t.empty()) continue;
    nonblank_rank[i] = rank++;
    if (count_chars(t) > options.max_separator_chars || ends_like_sentence(t)) continue;
    occurrences[t].push_back(i);
  }
  std::vector<std::size_t> best;
  for (auto& [line, at] : occurrences) {
    if (at.size() < options.min_separator_repeats) continue;
    if (nonblank_rank[at.front()] > 4) continue;  // not part of the page's opening
    bool spread = true;
    for (std::size_t k = 1; k < at.size(); ++k)
      if (nonblank_rank[at[k]] - nonblank_rank[at[k - 1]] < 3) spread = false;
    if (spread && at.size() > best.size()) best = at;
  }
  return best;
}

Segment make_chrome(const std::vector<Line>& lines, std::size_t first, std::size_t end, std::string reason) {
  Segment s;
  s.kind = SegmentKind::Chrome;
  s.first_line = first;
  s.end_line = end;
  s.byte_begin = lines[first].begin;
  s.byte_end = lines[end - 1].next;
  s.reason = std::move(reason);
  return s;
}

Segment make_article(std::string_view text, const std::vector<Line>& lines, std::size_t first,
                     std::size_t end, Boundary boundary) {
  Segment s;
  s.kind = SegmentKind::Article;
  s.first_line = first;
  s.end_line = end;
  s.byte_begin = lines[first].begin;
  s.byte_end = lines[end - 1].next;
  s.title_line = first;
  for (std::size_t i = first; i < end; ++i) {
    const std::string_view t = trim(lines[i].content(text));
    if (!t.empty()) {
      s.title_line = i;
      s.title = t;
      break;
    }
  }
  s.boundary = std::move(boundary);
  return s;
}

}  // namespace

std::vector<Segment> split_articles(std::string_view text, const std::vector<Line>& lines,
                                    const SplitOptions& options) {
  std::vector<Segment> out;
  if (lines.empty()) return out;
  auto blank = [&](std::size_t i) { return trim(lines[i].content(text)).empty(); };

  const std::vector<std::size_t> separators = find_separators(text, lines, options);
  if (separators.empty()) {
    std::size_t first = 0;
    while (first < lines.size() && blank(first)) ++first;
    if (first == lines.size()) {
      out.push_back(make_chrome(lines, 0, lines.size(), "blank"));
      return out;
    }
    if (first > 0) out.push_back(make_chrome(lines, 0, first, "blank"));
    out.push_back(make_article(text, lines, first, lines.size(), Boundary{{"start-of-file"}, 1.0}));
    return out;
  }

  if (separators.front() > 0) out.push_back(make_chrome(lines, 0, separators.front(), "page-header"));
  for (std::size_t k = 0; k < separators.size(); ++k) {
    const std::size_t sep = separators[k];
    const std::size_t stop = k + 1 < separators.size() ? separators[k + 1] : lines.size();
    std::size_t first = sep + 1;
    while (first < stop && blank(first)) ++first;
    out.push_back(make_chrome(lines, sep, first, "separator"));
    if (first < stop)
      out.push_back(make_article(text, lines, first, stop, Boundary{{"separator"}, 0.95}));
  }
  return out;
}

}  // namespace corpus_scan
