// Splitter: cuts a dump into its articles and the page chrome between them.
//
// Every byte of the text belongs to exactly one Segment, and segments come in file order, so
// they tile the text: segments[0].byte_begin == 0, each byte_end is the next byte_begin, and the
// last byte_end is text.size(). Offsets and line indices refer to the text and the Line vector
// passed in; titles and metadata are views into that text (owned by the caller, typically
// SourceText), valid as long as it lives.
//
// Two kinds of dump (see docs/splitter.md):
//  - separator dumps: a short line learned from the file (`通过admin`, `By admin`, ...) stands
//    before every article; lines before the first article (`标签归档 …`) are page-header chrome;
//  - dumps without separators: an article starts at a title-like line backed by nameable evidence
//    (an end-of-article line before it, a byline after it, a change of indentation, a shift of
//    vocabulary). Each piece of evidence is a Cue; the cues that fired are kept in Boundary.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "corpus_scan/text.hpp"

namespace corpus_scan {

// Why the splitter started an article where it did.
struct Boundary {
  std::vector<std::string> cues;  // names of the cues that fired (docs/splitter.md lists them)
  double confidence = 0.0;        // in [0, 1]
};

// What the splitter read off an article's byline, dateline and end-of-article lines. Each field
// is empty when the article has no such line. Views into the text passed to split_articles.
struct ArticleMetadata {
  std::string_view author;  // "Text | Xia Xiaoyu", "(Reporter Han Yeting)", "Author: ..." -> the name
  std::string_view editor;  // "Editor: editorial department", "(Editor: liujing HZ010)"
  std::string_view source;  // "CCTV News:", "Special feature of 1905 film network", "(Xinhua)"
  std::string_view date;    // a dateline's date: "BEIJING, Sept. 2 (Xinhua)" -> "Sept. 2"
  bool empty() const { return author.empty() && editor.empty() && source.empty() && date.empty(); }
};

enum class SegmentKind { Article, Chrome };

struct Segment {
  SegmentKind kind = SegmentKind::Article;
  std::size_t first_line = 0;     // index into the Line vector
  std::size_t end_line = 0;       // one past the last line
  std::uint64_t byte_begin = 0;   // offsets into the text
  std::uint64_t byte_end = 0;
  // Articles only:
  std::size_t title_line = 0;     // index of the title line
  std::string_view title;         // the title's content, trimmed of surrounding space
  Boundary boundary;
  ArticleMetadata metadata;
  // Chrome only:
  std::string reason;             // "page-header", "separator", "blank"
};

struct SplitOptions {
  // Longest line (in code points) that may be learned as a separator.
  std::size_t max_separator_chars = 40;
  // How many stand-alone occurrences make a short line a separator (a line shaped like a byline,
  // `By admin`, `通过admin`, is also accepted once when it opens the page).
  std::size_t min_separator_repeats = 2;
  // Without separators: the evidence score (sum of cue weights, docs/splitter.md) a title-like
  // line needs to start an article.
  double boundary_threshold = 1.0;
  // Lexical cohesion compares the article so far (at most this many content tokens - English
  // words, Han characters - back) with the tokens that follow a candidate title.
  std::size_t cohesion_left = 300;
  std::size_t cohesion_right = 80;
};

std::vector<Segment> split_articles(std::string_view text, const std::vector<Line>& lines,
                                    const SplitOptions& options = {});

// ---- Line cues, shared with later stages (and tested on their own) ----

// What a single line says about article structure, read from the line alone.
enum class LineCue : std::uint8_t {
  None,
  Byline,          // opens an article's body: "Text | …", "Editor: …", "CCTV News: …", datelines
  EndOfArticle,    // closes an article: "Read the original text", "Original title: …", "(Editor: …)"
  PageHeader,      // page chrome: "标签归档 …", "分类目录归档 …", "Tag Archives: …"
  NumberedClause,  // "Article 5  Evaluation index", "Chapter 3", "第五条": never a title
};

// Classifies a line (surrounding space already trimmed). When the line is a byline or an
// end-of-article line, fields of `meta` it names are filled (views into `line`).
LineCue classify_line_cue(std::string_view line, ArticleMetadata* meta = nullptr);

// Trims horizontal space and invisible characters from both ends.
std::string_view trim_space(std::string_view s);

}  // namespace corpus_scan
