// Passes over punctuation and numbers: Chinese punctuation in English text, split ellipses and
// dashes, broken apostrophes, split clock times and ordinals.
#include <algorithm>

#include "byte_blocks.hpp"
#include "normalizer/passes.hpp"
#include "normalizer/script.hpp"
#include "normalizer/tables.hpp"

namespace corpus_scan::normalizer {

namespace {

bool equals_ignore_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
  return true;
}

// The ASCII replacement for ideographic punctuation or a fullwidth form, or empty.
std::string_view ascii_for(char32_t cp, char (&buf)[2]) {
  for (const auto& m : tables::kCjkPunct)
    if (m.from == cp) return m.to;
  for (const auto& m : tables::kCjkPunctExtra)
    if (m.from == cp) return m.to;
  if (is_fullwidth_form(cp)) {
    buf[0] = static_cast<char>(cp - 0xFEE0);
    return std::string_view(buf, 1);
  }
  return {};
}

// The end of a run of `mark` characters separated by at most one ASCII space, starting at `pos`
// (which holds a mark); `count` receives how many marks it holds.
std::size_t mark_run_end(std::string_view text, std::size_t pos, std::string_view mark, int& count) {
  count = 0;
  std::size_t end = pos;
  while (true) {
    std::size_t at = end;
    if (count > 0 && at < text.size() && text[at] == ' ') ++at;
    if (text.compare(at, mark.size(), mark) != 0) break;
    end = at + mark.size();
    ++count;
  }
  return end;
}

// Collapses runs of a repeated mark ("… …", "——") into one, in English text only.
void collapse_mark_runs(std::string_view text, std::string_view mark, EditKind kind, std::vector<Pending>& out) {
  std::size_t pos = 0;
  while ((pos = text.find(mark, pos)) != std::string_view::npos) {
    int count = 0;
    const std::size_t end = mark_run_end(text, pos, mark, count);
    if (count >= 2 && in_latin_context(text, pos, end)) out.push_back({pos, end, std::string(mark), kind});
    pos = end;
  }
}

bool is_word_byte(char c) { return is_ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80; }

}  // namespace

// Every character ascii_for maps is encoded with lead byte E2 (U+2000-2FFF), E3 (U+3000-3FFF) or
// EF (U+F000-FFFF), so find_cjk_punct decodes only those: Han letters (E4-E9) are skipped 16
// bytes at a time instead of each being decoded and looked up in the tables.
constexpr bool is_cjk_punct_lead(char32_t cp) { return (cp >= 0x2000 && cp <= 0x3FFF) || (cp >= 0xF000 && cp <= 0xFFFF); }
static_assert([] {
  for (const auto& m : tables::kCjkPunct)
    if (!is_cjk_punct_lead(m.from)) return false;
  for (const auto& m : tables::kCjkPunctExtra)
    if (!is_cjk_punct_lead(m.from)) return false;
  return is_cjk_punct_lead(0xFF01) && is_cjk_punct_lead(0xFF5E);  // the fullwidth forms
}());

void find_cjk_punct(std::string_view text, std::vector<Pending>& out) {
  if (all_ascii(text)) return;
  std::size_t i = 0;
  while (true) {
    // A lead byte is never a continuation byte, so no character that starts here is passed over.
    i = blocks::find_next(text, i, [](blocks::Bytes x) {
      return (x == blocks::splat(0xE2)) | (x == blocks::splat(0xE3)) | (x == blocks::splat(0xEF));
    });
    if (i == text.size()) break;
    const DecodedChar d = decode_utf8(text, i);
    char buf[2];
    const std::string_view ascii = ascii_for(d.cp, buf);
    if (!ascii.empty() && in_latin_context(text, i, i + d.length))
      out.push_back({i, i + d.length, std::string(ascii), EditKind::CjkPunctInLatin});
    i += d.length;
  }
}

void find_split_ellipsis(std::string_view text, std::vector<Pending>& out) {
  // ". . ." (dots separated by single spaces) and "… …" / "……" cannot overlap: merge by position.
  std::vector<Pending> dots;
  std::size_t pos = 0;
  while ((pos = text.find(". .", pos)) != std::string_view::npos) {
    int count = 0;
    const std::size_t end = mark_run_end(text, pos, ".", count);
    if (count >= 3 && !touches_cjk(text, pos, end)) dots.push_back({pos, end, "...", EditKind::SplitEllipsis});
    pos = end;
  }
  std::vector<Pending> marks;
  if (!all_ascii(text)) collapse_mark_runs(text, "\xE2\x80\xA6", EditKind::SplitEllipsis, marks);
  std::merge(std::make_move_iterator(dots.begin()), std::make_move_iterator(dots.end()),
             std::make_move_iterator(marks.begin()), std::make_move_iterator(marks.end()), std::back_inserter(out),
             [](const Pending& a, const Pending& b) { return a.begin < b.begin; });
}

void find_split_dash(std::string_view text, std::vector<Pending>& out) {
  if (all_ascii(text)) return;
  collapse_mark_runs(text, "\xE2\x80\x94", EditKind::SplitDash, out);
}

namespace {

bool is_pinyin_syllable(std::string_view word) {
  std::string lower(word);
  for (char& c : lower) c = static_cast<char>(c | 0x20);
  if (tables::contains(tables::kPinyinFinals, lower)) return true;
  for (std::string_view initial : tables::kPinyinInitials)
    if (lower.size() > initial.size() && lower.compare(0, initial.size(), initial) == 0 &&
        tables::contains(tables::kPinyinFinals, std::string_view(lower).substr(initial.size())))
      return true;
  return false;
}

// Length of an apostrophe-like mark at pos (’ ‘ ′ ' `), 0 if none.
std::size_t apostrophe_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  if (text[pos] == '\'' || text[pos] == '`') return 1;
  if (text.compare(pos, 3, "\xE2\x80\x98") == 0 || text.compare(pos, 3, "\xE2\x80\x99") == 0 ||
      text.compare(pos, 3, "\xE2\x80\xB2") == 0)
    return 3;
  return 0;
}

std::size_t skip_spaces(std::string_view text, std::size_t pos) {
  while (pos < text.size() && text[pos] == ' ') ++pos;
  return pos;
}

// Is `suffix` what may follow an apostrophe after `word`?
bool joins_apostrophe(std::string_view word, std::string_view suffix) {
  if (tables::contains(tables::kContractionSuffixes, suffix)) return suffix != "t" || word.back() == 'n';
  if (!tables::contains(tables::kPinyinApostropheFinals, suffix)) return false;
  if (!is_ascii_upper(word.front())) return false;  // place names are capitalised: Xi, Chang, Ping
  for (char c : word)
    if (!is_ascii_alpha(c)) return false;
  return is_pinyin_syllable(word);
}

}  // namespace

// Finds the next apostrophe-like mark at or after pos; returns its position (npos if none).
std::size_t next_apostrophe(std::string_view text, std::size_t pos) {
  using namespace blocks;
  for (; (pos = find_next(text, pos, [](Bytes x) { return (x == splat('\'')) | (x == splat('`')) | (x == splat(0xE2)); })) <
         text.size();
       ++pos) {
    if (apostrophe_at(text, pos) != 0) return pos;  // 0xE2 also leads dashes, ellipses, quotes
  }
  return std::string_view::npos;
}

void find_broken_apostrophe(std::string_view text, std::vector<Pending>& out) {
  const std::size_t n = text.size();
  std::size_t at = 0;
  while ((at = next_apostrophe(text, at)) != std::string_view::npos) {
    const std::size_t mark = apostrophe_at(text, at);
    // The word before: [word_begin, word_end) of ASCII letters and digits at a word boundary,
    // then spaces; the suffix after: spaces, then lowercase letters up to a boundary.
    std::size_t word_end = at;
    while (word_end > 0 && text[word_end - 1] == ' ') --word_end;
    std::size_t word_begin = word_end;
    while (word_begin > 0 && is_ascii_alnum(text[word_begin - 1])) --word_begin;
    const std::size_t suffix_begin = skip_spaces(text, at + mark);
    std::size_t suffix_end = suffix_begin;
    while (suffix_end < n && is_ascii_lower(text[suffix_end])) ++suffix_end;
    const bool spaced = word_end != at || suffix_begin != at + mark;  // "Xi’an" is intact
    const bool bounded = word_begin < word_end && (word_begin == 0 || !is_word_byte(text[word_begin - 1])) &&
                         suffix_end > suffix_begin && (suffix_end == n || !is_word_byte(text[suffix_end]));
    if (spaced && bounded &&
        joins_apostrophe(text.substr(word_begin, word_end - word_begin), text.substr(suffix_begin, suffix_end - suffix_begin))) {
      out.push_back({word_end, suffix_begin, "'", EditKind::BrokenApostrophe});
      at = suffix_end;
    } else {
      at += mark;
    }
  }
}

namespace {

// The word ending just before `pos` (skipping spaces), lowercase letters only, or empty.
std::string_view word_before(std::string_view text, std::size_t pos) {
  while (pos > 0 && text[pos - 1] == ' ') --pos;
  std::size_t b = pos;
  while (b > 0 && is_ascii_alpha(text[b - 1])) --b;
  return text.substr(b, pos - b);
}

bool clock_time_context(std::string_view text, std::size_t hour_begin, std::size_t minutes_end) {
  const std::string_view lead = word_before(text, hour_begin);
  for (std::string_view w : tables::kTimeLeadWords)
    if (equals_ignore_case(lead, w)) return true;
  std::size_t at = skip_spaces(text, minutes_end);
  for (std::string_view w : tables::kTimeTailWords) {
    if (text.compare(at, w.size(), w) != 0) continue;
    const std::size_t after = at + w.size();
    if (after == text.size() || !is_ascii_alpha(text[after])) return true;
  }
  // A range: "8: 00-9: 30".
  if (at < text.size() && (text[at] == '-' || text[at] == '~') && at + 1 < text.size() && is_ascii_digit(text[at + 1]))
    return true;
  return false;
}

bool ordinal_agrees(std::string_view digits, std::string_view suffix) {
  const int last = digits.back() - '0';
  const bool teen = digits.size() >= 2 && digits[digits.size() - 2] == '1';
  if (!teen && last == 1) return suffix == "st";
  if (!teen && last == 2) return suffix == "nd";
  if (!teen && last == 3) return suffix == "rd";
  return suffix == "th";
}

}  // namespace

void find_split_number(std::string_view text, std::vector<Pending>& out) {
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    i = blocks::find_next(text, i, [](blocks::Bytes x) { return blocks::in_range(x, '0', '9'); });
    if (i == n) break;
    // A number glued to a word or a decimal/grouping mark is no clock time or ordinal: skip its
    // whole run of digits (each would be rejected, its predecessor being a digit).
    if (i > 0 && (is_ascii_alnum(text[i - 1]) || text[i - 1] == '.' || text[i - 1] == ',')) {
      while (i < n && is_ascii_digit(text[i])) ++i;
      continue;
    }
    const std::size_t num_begin = i;
    while (i < n && is_ascii_digit(text[i])) ++i;
    const std::size_t num_end = i;
    const std::string_view digits = text.substr(num_begin, num_end - num_begin);
    // Clock time: H{1,2} ␠* : ␠* MM, with at least one space.
    const std::size_t colon = skip_spaces(text, num_end);
    if (digits.size() <= 2 && colon < n && text[colon] == ':') {
      const std::size_t min_begin = skip_spaces(text, colon + 1);
      const bool spaced = colon != num_end || min_begin != colon + 1;
      const bool two_digits = min_begin + 2 <= n && is_ascii_digit(text[min_begin]) && is_ascii_digit(text[min_begin + 1]) &&
                              (min_begin + 2 == n || !is_ascii_alnum(text[min_begin + 2]));
      if (spaced && two_digits) {
        const int hour = std::stoi(std::string(digits));
        const int minutes = (text[min_begin] - '0') * 10 + (text[min_begin + 1] - '0');
        if (hour <= 24 && minutes <= 59 && clock_time_context(text, num_begin, min_begin + 2)) {
          out.push_back({num_end, min_begin, ":", EditKind::SplitNumber});
          i = min_begin + 2;
          continue;
        }
      }
    }
    // Ordinal: "14 th" -> "14th".
    if (digits.size() <= 4 && num_end + 3 <= n && text[num_end] == ' ') {
      const std::string_view suffix = text.substr(num_end + 1, 2);
      const bool boundary = num_end + 3 == n || !is_ascii_alpha(text[num_end + 3]);
      if (boundary && (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") && ordinal_agrees(digits, suffix))
        out.push_back({num_end, num_end + 1, "", EditKind::SplitNumber});
    }
  }
}

}  // namespace corpus_scan::normalizer
