// The boundary decision: where articles start, and which lines are page chrome.
//
// With a learned separator, each separator (and the blank lines after it) is chrome, and the text
// up to the next one is an article. Without one, an article starts at a title-like line whose
// evidence - cues, each with a weight, listed in docs/splitter.md - adds up to the threshold.
#include <algorithm>
#include <array>
#include <cmath>

#include "splitter_internal.hpp"

namespace corpus_scan {

namespace {

using splitting::LineInfo;
using splitting::LineTable;

// Cue weights. A title-like line needs context evidence besides its own shape: at most
// kTitleShape comes from the line itself, the threshold (SplitOptions) is 1.0.
constexpr double kTitleShape = 0.4;
constexpr double kEndBefore = 1.2;
constexpr double kBylineAfter = 1.0;
constexpr double kIndentChange = 0.45;
constexpr double kFlushTitle = 0.4;
constexpr double kFlushTitleConsistent = 0.8;  // when nearly all lines around are indented
constexpr double kConsistentIndent = 0.85;
constexpr std::size_t kLayoutReach = 8;        // non-blank lines either side
constexpr double kVocabularyShift = 0.9;
// Title echo: the share of a title's words found again after it, minus the share found before.
constexpr double kTitleEcho = 0.3;
constexpr double kEchoMargin = 0.25;
// Lines less title-like than this are never article starts.
constexpr float kMinTitleShape = 0.2f;
// Vocabulary shift: full at cosine 0, none from kCohesionFloor up; discounted while the article
// so far has fewer than kCohesionMinTokens content tokens.
constexpr double kCohesionFloor = 0.12;
constexpr double kCohesionRange = 0.12;
constexpr double kCohesionMinTokens = 20;
// How many non-blank lines after a title may hold its byline (a subtitle or kicker may come first).
constexpr std::size_t kBylineReach = 2;
// Lines at the head and tail of an article searched for metadata.
constexpr std::size_t kMetadataReach = 4;

class SegmentBuilder {
 public:
  SegmentBuilder(const std::vector<Line>& lines, const LineTable& table) : lines_(lines), table_(table) {}

  void chrome(std::size_t first, std::size_t end, std::string reason) {
    if (first >= end) return;
    Segment s = span(SegmentKind::Chrome, first, end);
    s.reason = std::move(reason);
    out_.push_back(std::move(s));
  }

  // An article whose title is its first non-blank line.
  void article(std::size_t first, std::size_t end, Boundary boundary) {
    if (first >= end) return;
    Segment s = span(SegmentKind::Article, first, end);
    std::size_t t = first;
    while (t < end && table_.info[t].blank) ++t;
    s.title_line = t < end ? t : first;
    s.title = table_.info[s.title_line].trimmed;
    s.boundary = std::move(boundary);
    s.metadata = read_metadata(s.title_line, end);
    out_.push_back(std::move(s));
  }

  std::vector<Segment> take() { return std::move(out_); }

 private:
  Segment span(SegmentKind kind, std::size_t first, std::size_t end) const {
    Segment s;
    s.kind = kind;
    s.first_line = first;
    s.end_line = end;
    s.byte_begin = lines_[first].begin;
    s.byte_end = lines_[end - 1].next;
    return s;
  }

  // Bylines among the first lines after the title, end-of-article lines among the last ones.
  ArticleMetadata read_metadata(std::size_t title, std::size_t end) const {
    ArticleMetadata meta;
    std::size_t seen = 0;
    for (std::size_t i = title + 1; i < end && seen < kMetadataReach; ++i) {
      if (table_.info[i].blank) continue;
      ++seen;
      if (table_.info[i].cue == LineCue::Byline) classify_line_cue(table_.info[i].trimmed, &meta);
    }
    seen = 0;
    for (std::size_t i = end; i-- > title + 1 && seen < kMetadataReach;) {
      if (table_.info[i].blank) continue;
      ++seen;
      if (table_.info[i].cue == LineCue::EndOfArticle) classify_line_cue(table_.info[i].trimmed, &meta);
    }
    return meta;
  }

  const std::vector<Line>& lines_;
  const LineTable& table_;
  std::vector<Segment> out_;
};

double confidence_of(double score, double threshold) {
  return 1.0 / (1.0 + std::exp(-3.0 * (score - threshold + 0.5)));
}

// Scores the title-like lines of [first, end) as article starts, in order; the caller reports
// each start it accepts (accept()) so that cohesion compares the new article with its own text.
class BoundaryScorer {
 public:
  // (The windows tokenize lines of `table` as they reach them.)
  BoundaryScorer(LineTable& table, std::size_t first, std::size_t end, const SplitOptions& options)
      : info_(table.info), options_(options), windows_(table, options.cohesion_left, options.cohesion_right) {
    for (std::size_t i = first; i < end; ++i)
      if (!info_[i].blank) nonblank_.push_back(i);
  }

  const std::vector<std::size_t>& nonblank() const { return nonblank_; }

  // The names of the cues that fired at a line, kept as pointers to literals while every line is
  // scored; only the lines that start an article get a Boundary (strings in a vector).
  struct Evidence {
    std::array<const char*, 8> cues{};
    std::size_t fired = 0;
    Boundary boundary(double confidence) const {
      Boundary b;
      b.cues.assign(cues.begin(), cues.begin() + static_cast<std::ptrdiff_t>(fired));
      b.confidence = confidence;
      return b;
    }
  };

  // The evidence that an article starts at the k-th non-blank line (k >= 1, increasing).
  Evidence evidence(std::size_t k, double* score) {
    Evidence b;
    *score = 0;
    const LineInfo& line = info_[nonblank_[k]];
    if (line.title_shape < kMinTitleShape || repeats_recent_line(k)) return b;
    auto fire = [&](const char* cue, double weight) {
      b.cues[b.fired++] = cue;  // at most 7: each cue fires once, title-echo or echoes-previous
      *score += weight;
    };
    fire("title-shape", kTitleShape * line.title_shape);
    if (info_[nonblank_[k - 1]].cue == LineCue::EndOfArticle) fire("end-of-article-before", kEndBefore);
    for (std::size_t j = 1; j <= kBylineReach && k + j < nonblank_.size(); ++j) {
      if (info_[nonblank_[k + j]].cue == LineCue::Byline) {
        fire("byline-after", kBylineAfter);
        break;
      }
      if (info_[nonblank_[k + j]].title_shape < 0.3f) break;  // the body began without a byline
    }
    const int before = indent_style(k, -1), after = indent_style(k, +1);
    if (before >= 0 && after >= 0 && before != after) fire("indent-change", kIndentChange);
    if (before == 1 && after == 1 && line.indent == 0)
      fire("flush-title", indented_share_around(k) >= kConsistentIndent ? kFlushTitleConsistent : kFlushTitle);
    // Cohesion costs a window update; only worth it when it can decide.
    if (*score + kVocabularyShift + kTitleEcho >= options_.boundary_threshold) {
      windows_.advance_to(nonblank_[k]);
      const double shift = vocabulary_shift();
      if (shift > 0) fire("vocabulary-shift", kVocabularyShift * shift);
      // A title's words come back in the body after it; the last line of an article echoes the
      // article before it instead.
      if (windows_.gap_line_tokens() >= 2) {
        const splitting::CohesionWindows::Echoes e = windows_.echoes();
        const double echo = e.after - e.before;
        if (echo >= kEchoMargin) fire("title-echo", kTitleEcho);
        if (echo <= -kEchoMargin) fire("echoes-previous", -kTitleEcho);
      }
    }
    return b;
  }

  void accept(std::size_t k) {
    current_title_ = k;
    windows_.advance_to(nonblank_[k]);
    windows_.clip_left_at(nonblank_[k]);
  }

 private:
  // The line repeats one of the few before it (a title printed again after its kicker).
  bool repeats_recent_line(std::size_t k) const {
    for (std::size_t j = 1; j <= 3 && j <= k; ++j)
      if (info_[nonblank_[k - j]].trimmed == info_[nonblank_[k]].trimmed) return true;
    return false;
  }

  // Whether the body lines before (dir -1: the current article's, not its title) or after
  // (dir +1) the k-th line are indented: 1 indented, 0 flush, -1 no lines to tell. Majority of 3.
  int indent_style(std::size_t k, int dir) const {
    int indented = 0, seen = 0;
    for (std::size_t j = 1; j <= 3; ++j) {
      if (dir < 0 ? k - j <= current_title_ || j > k : k + j >= nonblank_.size()) break;
      const std::size_t at = dir < 0 ? k - j : k + j;
      ++seen;
      if (info_[nonblank_[at]].indent > 0) ++indented;
    }
    if (seen == 0) return -1;
    return indented * 2 > seen ? 1 : 0;
  }

  // Share of indented lines among the non-blank lines around the k-th (not counting it). When
  // nearly every line is indented, a flush one is a layout choice: a title.
  double indented_share_around(std::size_t k) const {
    std::size_t indented = 0, seen = 0;
    const std::size_t from = k >= kLayoutReach ? k - kLayoutReach : 0;
    for (std::size_t j = from; j < nonblank_.size() && j <= k + kLayoutReach; ++j) {
      if (j == k) continue;
      ++seen;
      indented += info_[nonblank_[j]].indent > 0;
    }
    return seen ? static_cast<double>(indented) / static_cast<double>(seen) : 0.0;
  }

  // 0..1: how little the words after the gap share with the article so far. Weaker when the
  // article so far is only a few words (a cosine over a handful of tokens says little).
  double vocabulary_shift() const {
    const double cosine = windows_.cosine();
    const double shift = std::clamp((kCohesionFloor - cosine) / kCohesionRange, 0.0, 1.0);
    // English words and Han characters never match each other: an untranslated Chinese paragraph
    // in an English article is a change of script, not of topic.
    const double script_change = std::abs(windows_.left_han_share() - windows_.right_han_share());
    return shift * (1.0 - script_change) *
           std::min(1.0, static_cast<double>(windows_.left_tokens()) / kCohesionMinTokens);
  }

  const std::vector<LineInfo>& info_;
  const SplitOptions& options_;
  splitting::CohesionWindows windows_;
  std::vector<std::size_t> nonblank_;
  std::size_t current_title_ = 0;  // k of the last accepted article start
};

// Article starts in [first, end) of a dump without separators: the first non-blank line, then
// every title-like line whose evidence reaches the threshold. Of two starts on neighbouring
// lines (a title and its subtitle) only the better one stays.
void split_by_evidence(LineTable& table, std::size_t first, std::size_t end, const SplitOptions& options,
                       SegmentBuilder& out) {
  BoundaryScorer scorer(table, first, end, options);
  const std::vector<std::size_t>& nb = scorer.nonblank();
  if (nb.empty()) {
    out.chrome(first, end, "blank");
    return;
  }
  struct Start {
    std::size_t k;
    double score;
    Boundary boundary;
  };
  std::vector<Start> starts;
  starts.push_back({0, 10.0, Boundary{{"start-of-file"}, 1.0}});
  for (std::size_t k = 1; k < nb.size(); ++k) {
    double score = 0;
    const BoundaryScorer::Evidence e = scorer.evidence(k, &score);
    if (score < options.boundary_threshold) continue;
    if (starts.back().k + 1 == k) {
      if (starts.back().score >= score || starts.size() == 1) continue;
      starts.pop_back();
    }
    starts.push_back({k, score, e.boundary(confidence_of(score, options.boundary_threshold))});
    scorer.accept(k);
  }
  if (nb.front() > first) out.chrome(first, nb.front(), "blank");
  for (std::size_t s = 0; s < starts.size(); ++s) {
    const std::size_t begin = nb[starts[s].k];
    const std::size_t stop = s + 1 < starts.size() ? nb[starts[s + 1].k] : end;
    out.article(begin, stop, std::move(starts[s].boundary));
  }
}

// Lines [0, end) at the top that belong to the page: headers ("标签归档 …"), rules ("* * *")
// and blank lines.
std::size_t page_header_end(const LineTable& table, std::size_t end) {
  std::size_t i = 0, header_end = 0;
  while (i < end && (table.info[i].blank || table.info[i].decorative || table.info[i].cue == LineCue::PageHeader)) {
    ++i;
    if (!table.info[i - 1].blank) header_end = i;
  }
  while (header_end > 0 && header_end < end && table.info[header_end].blank) ++header_end;
  return header_end;
}

// Text before the first separator is page chrome when it is a few short lines, not an article.
bool looks_like_page_header(const LineTable& table, std::size_t end) {
  std::size_t nonblank = 0;
  for (std::size_t i = 0; i < end; ++i) {
    const LineInfo& li = table.info[i];
    if (li.blank) continue;
    if (li.cue == LineCue::PageHeader) continue;
    if (++nonblank > 2 || li.chars > 60) return false;
  }
  return true;
}

void split_by_separators(LineTable& table, const std::vector<std::size_t>& seps,
                         std::size_t n, const SplitOptions& options, SegmentBuilder& out) {
  if (seps.front() > 0) {
    if (looks_like_page_header(table, seps.front()))
      out.chrome(0, seps.front(), "page-header");
    else  // the separator closes articles instead of opening them
      split_by_evidence(table, 0, seps.front(), options, out);
  }
  for (std::size_t k = 0; k < seps.size(); ++k) {
    const std::size_t stop = k + 1 < seps.size() ? seps[k + 1] : n;
    std::size_t first = seps[k] + 1;
    while (first < stop && table.info[first].blank) ++first;
    out.chrome(seps[k], first, "separator");
    if (first < stop) {
      Boundary b{{"separator"}, 0.97};
      for (std::size_t j = first + 1; j < stop && j <= first + 4; ++j)
        if (table.info[j].cue == LineCue::Byline) {
          b.cues.emplace_back("byline-after");
          b.confidence = 0.99;
          break;
        }
      out.article(first, stop, std::move(b));
    }
  }
}

}  // namespace

std::vector<Segment> split_articles(std::string_view text, const std::vector<Line>& lines,
                                    const SplitOptions& options) {
  if (lines.empty()) return {};
  LineTable table = splitting::describe_lines(text, lines);
  SegmentBuilder out(lines, table);
  const std::vector<std::size_t> seps = splitting::find_separators(table, options);
  if (!seps.empty()) {
    split_by_separators(table, seps, lines.size(), options, out);
    return out.take();
  }
  const std::size_t header_end = page_header_end(table, lines.size());
  out.chrome(0, header_end, "page-header");
  split_by_evidence(table, header_end, lines.size(), options, out);
  return out.take();
}

}  // namespace corpus_scan
