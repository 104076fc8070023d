// What a single line says about article structure: bylines and datelines that open an article,
// end-of-article lines that close one, page headers, numbered clauses. The phrase tables are the
// forms these dumps use (English machine translation of Chinese news sites, and the Chinese
// originals); adding a form is adding a row.
#include <algorithm>
#include <array>
#include <cstring>

#include "byte_blocks.hpp"
#include "splitter_internal.hpp"

namespace corpus_scan {

namespace splitting {

// The first three bytes of the needle are looked for 16 positions at a time (bytes with 0x20
// or-ed in: a superset of the case-insensitive matches, each then checked in order), where a loop
// of a compare and a branch per byte mispredicted at every 'n' of a line searched for "news".
std::size_t find_ci(std::string_view s, std::string_view needle, std::size_t limit) {
  const std::size_t end = std::min(s.size(), limit);
  if (end < needle.size()) return std::string_view::npos;
  const std::size_t last = end - needle.size();  // the last position a match may start at
  if (needle.size() >= 3 && end >= 18) {
    using namespace blocks;
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto folded = [](char c) { return splat(static_cast<unsigned char>(c | 0x20)); };
    const Bytes b0 = folded(needle[0]), b1 = folded(needle[1]), b2 = folded(needle[2]);
    for (std::size_t i0 = 0; i0 <= last; i0 += 16) {
      // the last 16 positions before `end` re-read some already seen: shifted out below
      const std::size_t at = std::min(i0, end - 18);
      const Mask hit = ((load(p + at) | splat(0x20)) == b0) & ((load(p + at + 1) | splat(0x20)) == b1) &
                       ((load(p + at + 2) | splat(0x20)) == b2);
      for (std::uint64_t m = bits16(hit) >> (i0 - at); m != 0; m &= m - 1) {
        const std::size_t i = i0 + static_cast<std::size_t>(__builtin_ctzll(m));
        if (i > last) return std::string_view::npos;
        if (starts_with_ci(s.substr(i), needle)) return i;
      }
    }
    return std::string_view::npos;
  }
  for (std::size_t i = 0; i <= last; ++i)
    if (ascii_lower(s[i]) == needle[0] && starts_with_ci(s.substr(i), needle)) return i;  // first byte: one compare
  return std::string_view::npos;
}

}  // namespace splitting

namespace {

using splitting::ascii_lower;
using splitting::find_ci;
using splitting::starts_with_ci;

std::size_t count_words(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// Drops separators a label leaves behind: "| ", ": ", "：", "(".
std::string_view strip_label_punct(std::string_view s) {
  s = trim_space(s);
  static constexpr std::array<std::string_view, 5> kLabelPunct{"|", ":", "：", "丨", "/"};  // (no strlen per call)
  for (std::string_view p : kLabelPunct) {
    if (s.substr(0, p.size()) == p) {
      s = trim_space(s.substr(p.size()));
      break;
    }
  }
  return s;
}

enum class Field { None, Author, Editor, Source };

void set_field(ArticleMetadata* meta, Field field, std::string_view value) {
  if (!meta) return;
  value = trim_space(value);
  while (!value.empty() && (value.back() == ')' || value.back() == '.' || value.back() == ':')) value.remove_suffix(1);
  value = trim_space(value);
  if (value.empty()) return;
  std::string_view* slot = field == Field::Author   ? &meta->author
                           : field == Field::Editor ? &meta->editor
                           : field == Field::Source ? &meta->source
                                                    : nullptr;
  if (slot && slot->empty()) *slot = value;
}

struct Label {
  std::string_view prefix;  // lower-case ASCII or Chinese, matched at the start of the line
  Field field;              // what the rest of the line names
};

// Lines that close an article. Checked before bylines: "(Editor: …)" ends, "Editor: …" opens.
constexpr std::array kEndLabels{
    Label{"read the original", Field::None}, Label{"阅读原文", Field::None},
    Label{"original title", Field::None},    Label{"原标题", Field::None},
    Label{"[disclaimer]", Field::None},      Label{"disclaimer:", Field::None},
    Label{"【免责声明】", Field::None},      Label{"免责声明", Field::None},
    Label{"(end)", Field::None},             Label{"（完）", Field::None},
    Label{"(完)", Field::None},              Label{"（end）", Field::None},
    Label{"(editor", Field::Editor},         Label{"（editor", Field::Editor},
    Label{"(responsible editor", Field::Editor}, Label{"（责任编辑", Field::Editor},
    Label{"(责任编辑", Field::Editor},       Label{"（编辑", Field::Editor},
    Label{"(reporter", Field::Author},       Label{"（reporter", Field::Author},
    Label{"（记者", Field::Author},          Label{"(记者", Field::Author},
    Label{"(author", Field::Author},         Label{"(source:", Field::Source},
    Label{"（来源", Field::Source},          Label{"(来源", Field::Source},
};

// Lines that open an article's body, right after its title.
constexpr std::array kBylineLabels{
    Label{"text |", Field::Author},   Label{"text|", Field::Author},     Label{"text:", Field::Author},
    Label{"文 |", Field::Author},     Label{"文|", Field::Author},       Label{"文/", Field::Author},
    Label{"written by", Field::Author}, Label{"author:", Field::Author}, Label{"author |", Field::Author},
    Label{"author：", Field::Author}, Label{"作者:", Field::Author},      Label{"作者：", Field::Author},
    Label{"作者|", Field::Author},    Label{"reporter:", Field::Author}, Label{"记者：", Field::Author},
    Label{"edit |", Field::Editor},   Label{"edit|", Field::Editor},     Label{"editor:", Field::Editor},
    Label{"editor：", Field::Editor}, Label{"editor |", Field::Editor},  Label{"editors:", Field::Editor},
    Label{"responsible editor", Field::Editor}, Label{"编辑：", Field::Editor}, Label{"编辑:", Field::Editor},
    Label{"责任编辑", Field::Editor}, Label{"special feature of", Field::Source},
    Label{"来源：", Field::Source},
};

constexpr std::array<std::string_view, 8> kHeaderPrefixes{
    "tag archives", "category archives", "archives:", "posts tagged", "tag:", "category:", "分类:", "标签:"};

// Where the matchers below look for their words: may_have_cue tests the same windows at once, so
// a window is named once here and may_have_cue's static_asserts say when one outgrows its loads.
constexpr std::size_t kNewsWithin = 48;             // "news" (a news source) in the first 48 bytes
constexpr std::size_t kReportsWithin = 40;          // " reports" ("Zhiyuan Xin reports.") in the first 40 bytes
constexpr std::size_t kReportsLineAtMost = 50;      // of a line of at most 50
constexpr std::size_t kArchiveWithin = 24;          // "归档" in the first 24 bytes
constexpr std::size_t kOrdinalSpacesWithin = 17;    // "  " in the first 17 bytes after "the "

// Every row of every table is at least three bytes: may_have_cue's CuePrefixFilter hashes the first three.
template <class Table, class Prefix>
constexpr bool rows_at_least_three_bytes(const Table& table, Prefix prefix) {
  for (const auto& row : table)
    if (prefix(row).size() < 3) return false;
  return true;
}

using splitting::FirstByteIndex;
using splitting::kItself;
constexpr auto kLabelPrefix = [](const Label& l) { return l.prefix; };
const FirstByteIndex kEndIndex(kEndLabels, kLabelPrefix);
const FirstByteIndex kBylineIndex(kBylineLabels, kLabelPrefix);
const FirstByteIndex kHeaderIndex(kHeaderPrefixes, kItself);
constexpr std::array<std::string_view, 4> kClauseWords{"article ", "chapter ", "section ", "clause "};
const FirstByteIndex kClauseIndex(kClauseWords, kItself);
static_assert(rows_at_least_three_bytes(kEndLabels, kLabelPrefix) && rows_at_least_three_bytes(kBylineLabels, kLabelPrefix) &&
              rows_at_least_three_bytes(kHeaderPrefixes, kItself) && rows_at_least_three_bytes(kClauseWords, kItself));

// The first label of `labels` among `candidates` (bits, FirstByteIndex) that starts the line.
bool match_label(std::string_view line, const Label* labels, std::uint64_t candidates, ArticleMetadata* meta) {
  for (; candidates != 0; candidates &= candidates - 1) {
    const Label* l = labels + __builtin_ctzll(candidates);
    if (!starts_with_ci(line, l->prefix)) continue;
    std::string_view rest = strip_label_punct(line.substr(l->prefix.size()));
    if (l->field == Field::Source && l->prefix == "special feature of") {
      // "Special feature of 1905 film network According to …": the source is the short run of
      // words before the text starts (a capital after "network"/"net").
      const std::size_t at = find_ci(rest, "network", 60);
      if (at != std::string_view::npos) rest = rest.substr(0, at + 7);
    } else if (l->field == Field::Author || l->field == Field::Editor) {
      if (count_words(rest) > 8) rest = {};  // a sentence, not a name
    }
    set_field(meta, l->field, rest);
    return true;
  }
  return false;
}

// "CCTV News: …", "International online comprehensive news: …", "Cctv news(Reporter Liu Wei): …",
// "1905 movie network news At the …", "Zhiyuan Xin reports.": a short source name, then "news"
// or "reports", opening the first paragraph.
bool match_news_source(std::string_view line, ArticleMetadata* meta) {
  const std::size_t at = find_ci(line, "news", kNewsWithin);
  if (at != std::string_view::npos && at > 0) {
    const std::string_view source = line.substr(0, at + 4);
    const std::string_view after = line.substr(at + 4);
    const std::size_t words = count_words(source);
    const bool colon = !after.empty() && (after[0] == ':' || after.substr(0, 3) == "：");
    const bool reporter = starts_with_ci(after, "(reporter") || after.substr(0, 3) == "（";
    const bool network = find_ci(source, "network", 48) != std::string_view::npos && after.size() > 1 &&
                         after[0] == ' ' && after[1] >= 'A' && after[1] <= 'Z';
    if (words <= 5 && (colon || reporter || network)) {
      set_field(meta, Field::Source, source);
      if (reporter) {
        const std::size_t open = after.find('(') != std::string_view::npos ? after.find('(') : 0;
        const std::size_t close = after.find(')');
        if (close != std::string_view::npos && close > open + 9)
          set_field(meta, Field::Author, after.substr(open + 9, close - open - 9));
      }
      return true;
    }
  }
  const std::size_t rep = line.size() <= kReportsLineAtMost ? find_ci(line, " reports", kReportsWithin) : std::string_view::npos;
  if (rep != std::string_view::npos && line.size() <= rep + 10 && count_words(line.substr(0, rep)) <= 4) {
    set_field(meta, Field::Source, line.substr(0, rep));
    return true;
  }
  // "Original Zhiyuan Xin Zhiyuan Xin": a WeChat account's "原创" mark before the body.
  if (starts_with_ci(line, "original ") && line.size() <= 60 && count_words(line) <= 6) {
    const char last = line.back();
    if (last != '.' && last != '?' && last != '!') {
      set_field(meta, Field::Source, line.substr(9));
      return true;
    }
  }
  return false;
}

// "BEIJING, Sept. 2 (Xinhua)-From the 2nd, …": a place in capitals, a date, an agency in
// parentheses.
bool match_dateline(std::string_view line, ArticleMetadata* meta) {
  std::size_t caps = 0;
  while (caps < line.size() && line[caps] >= 'A' && line[caps] <= 'Z') ++caps;
  if (caps < 3 || caps >= line.size() || (line[caps] != ',' && line[caps] != ' ')) return false;
  const std::size_t open = line.find('(', caps);
  if (open == std::string_view::npos || open > 60) return false;
  const std::size_t close = line.find(')', open);
  if (close == std::string_view::npos || close - open > 24) return false;
  if (close + 1 < line.size() && line[close + 1] != '-' && line[close + 1] != ' ' &&
      static_cast<unsigned char>(line[close + 1]) != 0xE2)  // — or –
    return false;
  std::string_view before = line.substr(0, open);
  const std::size_t comma = before.rfind(',');
  if (comma != std::string_view::npos) {
    if (meta && meta->date.empty()) meta->date = trim_space(before.substr(comma + 1));
  }
  set_field(meta, Field::Source, line.substr(open + 1, close - open - 1));
  return true;
}

bool is_page_header(std::string_view line) {
  for (std::uint64_t m = kHeaderIndex.candidates(line[0]); m != 0; m &= m - 1)
    if (starts_with_ci(line, kHeaderPrefixes[static_cast<std::size_t>(__builtin_ctzll(m))])) return true;
  // "标签归档 …", "分类目录归档 …", "作者归档 …": WordPress archive pages in Chinese.
  // (searched for in the first 24 bytes only: a long Chinese line has many 0xE5 bytes to stop at)
  return line.substr(0, kArchiveWithin).find("归档") != std::string_view::npos;
}

bool is_numbered_clause(std::string_view line) {
  for (std::uint64_t m = kClauseIndex.candidates(line[0]); m != 0; m &= m - 1) {
    const std::string_view p = kClauseWords[static_cast<std::size_t>(__builtin_ctzll(m))];
    if (!starts_with_ci(line, p)) continue;
    const std::string_view rest = line.substr(p.size());
    // "Article 5  Evaluation index", "Article  Award settings" (the number lost in translation):
    // a heading, short or with the double space 第五条 leaves; not "Article 10 of the law was …".
    if (rest.empty() || !(rest[0] == ' ' || (rest[0] >= '0' && rest[0] <= '9'))) continue;
    const bool heading = line.size() <= 60 && line.back() != '.' && line.back() != ',';
    if (heading || rest.find("  ") < 6) return true;
  }
  // "the first  Purpose of award": an ordinal and a double space, as 第一条 translates.
  if (starts_with_ci(line, "the ") && line.substr(0, kOrdinalSpacesWithin).find("  ") != std::string_view::npos) return true;
  // 第五条 / 第三章 / 第十二节
  if (line.substr(0, 3) == "第") {
    std::size_t i = 3;
    while (i < line.size() && i < 24) {
      const DecodedChar d = decode_utf8(line, i);
      if (d.cp == U'条' || d.cp == U'章' || d.cp == U'节' || d.cp == U'款') return i > 3;
      if (std::u32string_view(U"〇一二三四五六七八九十百零两").find(d.cp) == std::u32string_view::npos &&
          !(d.cp >= '0' && d.cp <= '9'))
        return false;
      i += d.length;
    }
  }
  return false;
}

// The first three bytes of every row a line must start with to carry a cue (labels, header and
// clause prefixes, "original ", "第"), each byte with 0x20 or-ed in (as find_ci folds: a superset
// of starts_with_ci's matches), as a 4096-bit set of their hashes. "the " (a numbered clause only
// with a double space after it) is left to the double-space test of may_have_cue.
class CuePrefixFilter {
 public:
  CuePrefixFilter() {
    for (const Label& l : kEndLabels) add(l.prefix);
    for (const Label& l : kBylineLabels) add(l.prefix);
    for (std::string_view p : kHeaderPrefixes) add(p);
    for (std::string_view p : kClauseWords) add(p);
    add("original ");
    add("第");
  }
  // `first` is the line's first four bytes, as loaded (little-endian): the fourth is ignored.
  bool maybe(std::uint32_t first) const {
    const std::uint32_t h = slot(first | 0x20202020u);
    return (bits_[h / 64] >> (h % 64)) & 1;
  }

 private:
  static std::uint32_t slot(std::uint32_t folded) { return ((folded & 0xFFFFFFu) * 0x9E3779B1u) >> 20; }
  void add(std::string_view prefix) {
    std::uint32_t folded = 0;  // every row has three bytes at least ("文|", "第")
    for (std::size_t k = 0; k < 3; ++k) folded |= static_cast<std::uint32_t>(static_cast<unsigned char>(prefix[k])) << (8 * k);
    const std::uint32_t h = slot(folded | 0x20202020u);
    bits_[h / 64] |= std::uint64_t{1} << (h % 64);
  }
  std::array<std::uint64_t, 4096 / 64> bits_{};
};
const CuePrefixFilter kCuePrefixFilter;

}  // namespace

// The necessary conditions of each cue, tested at once, so that the lines without one (nearly
// all) skip the table walks and searches of classify_line_cue, whose branches mispredicted four
// or five times a line. A line may carry a cue only if it starts like a row of a table
// (CuePrefixFilter), starts with three capitals (a dateline), or holds in its first 48 bytes
// "news" after its first byte, " rep" in the first 40 of a line of at most 50 ("Xin reports."),
// "归" in the first 24 ("标签归档") or "  " in the first 17 after "the " (a clause).
bool splitting::may_have_cue(std::string_view line, const char* readable_end) {
  using namespace blocks;
  const std::size_t n = line.size();
  // Every cue needs four bytes; the loads below read 51 bytes from the line's start.
  if (n < 4 || readable_end - line.data() < 64) return true;
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  std::uint32_t first;
  std::memcpy(&first, p, 4);
  const auto capital = [](unsigned char c) { return static_cast<unsigned char>(c - 'A') < 26; };
  bool maybe = kCuePrefixFilter.maybe(first) | (capital(p[0]) & capital(p[1]) & capital(p[2]));
  std::uint64_t news = 0, reports = 0, gui = 0, spaces = 0;
  for (int k = 0; k < 48; k += 16) {
    const Bytes x0 = load(p + k), x1 = load(p + k + 1), x2 = load(p + k + 2), x3 = load(p + k + 3);
    const Bytes f1 = x1 | splat(0x20), f2 = x2 | splat(0x20), f3 = x3 | splat(0x20);
    news |= bits16(((x0 | splat(0x20)) == splat('n')) & (f1 == splat('e')) & (f2 == splat('w')) & (f3 == splat('s'))) << k;
    reports |= bits16((x0 == splat(' ')) & (f1 == splat('r')) & (f2 == splat('e')) & (f3 == splat('p'))) << k;
    gui |= bits16((x0 == splat(0xE5)) & (x1 == splat(0xBD)) & (x2 == splat(0x92))) << k;
    spaces |= bits16((x0 == splat(' ')) & (x1 == splat(' '))) << k;
  }
  // positions a match may start at (the last one each window allows): news 1..min(n, 48) - 4,
  // " rep" up to 32, 归 up to 18, "  " up to 15; the loads above give a bit for positions 0..47
  const auto up_to = [](std::size_t last) { return (std::uint64_t{2} << last) - 1; };
  constexpr std::size_t kLastReports = kReportsWithin - std::string_view(" reports").size();
  constexpr std::size_t kLastArchive = kArchiveWithin - std::string_view("归档").size();
  constexpr std::size_t kLastSpaces = kOrdinalSpacesWithin - 2;
  static_assert(kNewsWithin <= 48 && kLastReports < 48 && kLastArchive < 48 && kLastSpaces < 48);
  const std::uint64_t news_at = up_to(std::min(n, kNewsWithin) - 4) & ~std::uint64_t{1};
  const bool the = ((first | 0x20202020u) == 0x20656874u);  // "the "
  maybe |= (news & news_at) != 0;
  maybe |= (n <= kReportsLineAtMost) & ((reports & up_to(kLastReports)) != 0);
  maybe |= (gui & up_to(kLastArchive)) != 0;
  maybe |= the & ((spaces & up_to(kLastSpaces)) != 0);
  return maybe;
}

std::string_view trim_space(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e) {
    if (s[b] == ' ' || s[b] == '\t') { ++b; continue; }
    if (static_cast<unsigned char>(s[b]) < 0x80) break;
    const DecodedChar d = decode_utf8(s, b);
    if (!is_horizontal_space(d.cp) && !is_invisible(d.cp)) break;
    b += d.length;
  }
  while (e > b) {
    if (s[e - 1] == ' ' || s[e - 1] == '\t') { --e; continue; }
    if (static_cast<unsigned char>(s[e - 1]) < 0x80) break;
    const DecodedChar d = decode_utf8_before(s, e);
    if (!is_horizontal_space(d.cp) && !is_invisible(d.cp)) break;
    e -= d.length;
  }
  return s.substr(b, e - b);
}

LineCue classify_line_cue(std::string_view line, ArticleMetadata* meta) {
  if (line.empty()) return LineCue::None;
  if (match_label(line, kEndLabels.data(), kEndIndex.candidates(line[0]), meta)) return LineCue::EndOfArticle;
  if (match_label(line, kBylineLabels.data(), kBylineIndex.candidates(line[0]), meta)) return LineCue::Byline;
  if (match_news_source(line, meta) || match_dateline(line, meta)) return LineCue::Byline;
  if (is_page_header(line)) return LineCue::PageHeader;
  if (is_numbered_clause(line)) return LineCue::NumberedClause;
  return LineCue::None;
}

}  // namespace corpus_scan
